/**
 * #/charter/paper — the paper questionnaires typed afterwards, fast: the consultation, the
 * sheet's number, then one answer per question of the charter (agreement 1–5 — the digit keys
 * choose it —, proposal, amendment); an answer left empty is not saved. Enter saves the sheet
 * (Ctrl+Enter in a text area); the form is then ready for the next sheet, the focus on its
 * number. A number already typed is refused beside the field and everything typed stays. What
 * is typed is kept in this computer's storage at each keystroke until saved (no names on these
 * sheets); a sheet half typed before a reload comes back with « Brouillon retrouvé » and a way
 * to start over.
 */
import '../charter.css';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paperSheetInputSchema, type AnswerFieldsInput, type CharterStructure, type Question } from '#shared/charter/charter.schema.js';
import { fieldsFromIssues } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { useStoredState } from '#renderer/app/use-stored-state.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { agreementOptions } from '../AnswerParts';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { nounOf, refusalText } from '../record-nouns';
import { articleOf, orderedQuestions, questionLabel, useConsultations, useStructure, withChannel } from '../use-charter';

interface SheetAnswer {
  agreement: string | null;
  proposal: string;
  amendment: string;
}
interface Sheet {
  consultationId: string;
  sheetNumber: string;
  answers: Record<string, SheetAnswer>;
}
type Part = 'agreement' | 'proposal' | 'amendment';
const NONE = 'none';
const blank: SheetAnswer = { agreement: null, proposal: '', amendment: '' };

/** Whether anything of a sheet was typed (its number, or an answer). */
function sheetStarted(sheet: Sheet): boolean {
  return sheet.sheetNumber.trim() !== '' || Object.values(sheet.answers).some((a) => (a.agreement !== null && a.agreement !== NONE) || a.proposal.trim() !== '' || a.amendment.trim() !== '');
}

/** The sheet's answers as the core takes them, and which question and part each one is (for its error). */
function answersOf(structure: CharterStructure, sheet: Sheet) {
  const answers: AnswerFieldsInput[] = [];
  const where: string[] = [];
  for (const q of orderedQuestions(structure)) {
    const a = sheet.answers[q.id] ?? blank;
    if (q.accepts.includes('agreement') && a.agreement && a.agreement !== NONE) {
      answers.push({ questionId: q.id, type: 'agreement', agreement: Number(a.agreement), text: null, tagIds: [] });
      where.push(`${q.id}.agreement`);
    }
    if (q.accepts.includes('proposal') && a.proposal.trim()) {
      answers.push({ questionId: q.id, type: 'proposal', agreement: null, text: a.proposal, tagIds: [] });
      where.push(`${q.id}.proposal`);
    }
    if (q.accepts.includes('amendment') && a.amendment.trim()) {
      answers.push({ questionId: q.id, type: 'amendment', agreement: null, text: a.amendment, tagIds: [] });
      where.push(`${q.id}.amendment`);
    }
  }
  return { answers, where };
}

export function PaperSheetsScreen() {
  const { t } = useTranslation();
  const structure = useStructure();
  const consultations = useConsultations();
  const open = withChannel(consultations.data?.items, 'paper');
  const [sheet, setSheet] = useStoredState<Sheet>('atelier.draft.charter.paper', { consultationId: '', sheetNumber: '', answers: {} });
  // A sheet half typed before a reload or a crash comes back, said so, with a way to start over.
  const [restored, setRestored] = useState(() => sheetStarted(sheet));
  const consultation = open.find((c) => c.id === sheet.consultationId) ?? open[0];
  const heading = useScreenTitle(t('charter.paper.title'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const sheetRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const error = structure.error ?? consultations.error;
  const s = structure.data;

  const setAnswer = (q: Question, part: Part, value: string | null) =>
    setSheet((prev) => ({ ...prev, answers: { ...prev.answers, [q.id]: { ...blank, ...prev.answers[q.id], [part]: value } } }));

  async function save() {
    if (!s || !consultation || busy) return;
    setDone('');
    const { answers, where } = answersOf(s, sheet);
    if (answers.length === 0 && sheet.sheetNumber.trim()) {
      setErrors({});
      setFailure(t('charter.paper.nothing'));
      return;
    }
    const input = { consultationId: consultation.id, sheetNumber: sheet.sheetNumber, workshopId: null, answers };
    const checked = paperSheetInputSchema.safeParse(input);
    setBusy(true);
    const answer = checked.success ? await invoke('charter:paper-sheet', input) : null;
    setBusy(false);
    const fields = !checked.success ? fieldsFromIssues(checked.error.issues) : answer && !answer.ok ? (answer.error.fields ?? {}) : null;
    if (fields) {
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(fields)) {
        const m = /^answers\.(\d+)/.exec(path);
        mapped[m ? (where[Number(m[1])] ?? '_') : path] = message;
      }
      setErrors(mapped);
      setFailure(answer && !answer.ok ? refusalText(t, answer.error, 'sheet') : t('charter.paper.fixBelow'));
      if (mapped.sheetNumber) sheetRef.current?.focus();
      return;
    }
    if (answer && answer.ok) {
      setErrors({});
      setFailure(null);
      setDone(t('charter.paper.saved', { sheet: answer.value.sheetNumber, count: answer.value.contributions.length }));
      setSheet({ consultationId: consultation.id, sheetNumber: '', answers: {} });
      setRestored(false);
      sheetRef.current?.focus();
    }
  }

  function startOver() {
    setSheet((prev) => ({ consultationId: prev.consultationId, sheetNumber: '', answers: {} }));
    setRestored(false);
    setErrors({});
    setFailure(null);
    sheetRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter') return;
    // Enter saves from a choice too; in a text area, Ctrl+Enter (Enter there starts a new line).
    if ((target instanceof HTMLInputElement && target.type === 'radio') || (target instanceof HTMLTextAreaElement && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <div className="screen screen--narrow charter">
      <BackLink to="/charter">{t('charter.paper.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('charter.paper.title')}
      </h1>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, error, nounOf.sheet)}</p>
        </Alert>
      ) : !s || !consultations.data ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : !consultation ? (
        <Alert tone="info">
          <p>{t('charter.paper.noConsultation')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('charter.paper.intro')}</p>
          <SelectField
            label={t('charter.paper.consultation')}
            name="consultation"
            placeholder={t('charter.paper.consultation')}
            options={open.map((c) => ({ id: c.id, label: c.title }))}
            value={consultation.id}
            onChange={(v) => v && setSheet((prev) => ({ ...prev, consultationId: v }))}
          />
          <form ref={formRef} noValidate aria-labelledby="paper-form-title" onKeyDown={onKeyDown} onSubmit={(e) => (e.preventDefault(), void save())}>
            <h2 id="paper-form-title" className="visually-hidden">
              {t('charter.paper.answers')}
            </h2>
            {restored ? (
              <Alert tone="info" role="status">
                <p>{t('common.draft.restored')}</p>
                <Button variant="secondary" onPress={startOver}>
                  {t('common.draft.discard')}
                </Button>
              </Alert>
            ) : null}
            <ErrorAlert message={failure} />
            <p role="status" className="charter-status" data-testid="paper-status">
              {done}
            </p>
            <TextField
              label={t('charter.paper.sheetNumber')}
              name="sheetNumber"
              description={t('charter.paper.sheetNumberHint')}
              isRequired
              autoFocus
              inputRef={sheetRef}
              value={sheet.sheetNumber}
              onChange={(sheetNumber) => setSheet((prev) => ({ ...prev, sheetNumber }))}
              errorMessage={translateMessage(t, errors.sheetNumber)}
            />
            <fieldset className="form-section">
              <legend>{t('charter.paper.answers')}</legend>
              {orderedQuestions(s).map((q, i) => (
                <QuestionAnswer key={q.id} n={i + 1} q={q} s={s} value={sheet.answers[q.id] ?? blank} errors={errors} onChange={(part, v) => setAnswer(q, part, v)} />
              ))}
            </fieldset>
            <div className="form-actions">
              <Button type="submit" variant="primary" isDisabled={busy}>
                {busy ? t('charter.paper.saving') : t('charter.paper.save')}
              </Button>
            </div>
          </form>
          <SheetList consultationId={consultation.id} />
        </>
      )}
    </div>
  );
}

function QuestionAnswer({ n, q, s, value, errors, onChange }: { n: number; q: Question; s: CharterStructure; value: SheetAnswer; errors: Record<string, string>; onChange: (part: Part, v: string | null) => void }) {
  const { t } = useTranslation();
  const article = articleOf(s, q);
  return (
    <div className="charter-paper-question" role="group" aria-labelledby={`paper-q-${q.id}`} data-testid="paper-question">
      <p id={`paper-q-${q.id}`} className="charter-paper-question__prompt">
        {questionLabel(s, q)}
      </p>
      {q.accepts.includes('agreement') ? (
        <div
          onKeyDown={(e) => {
            // The digit keys choose the level at once: 1 to 5, 0 for no answer.
            if (/^[0-5]$/.test(e.key)) {
              e.preventDefault();
              onChange('agreement', e.key === '0' ? NONE : e.key);
            }
          }}
        >
          <ChoiceField
            label={t('charter.paper.agreement', { n })}
            name={`agreement-${q.id}`}
            vertical
            options={[...agreementOptions(t), { id: NONE, label: t('charter.paper.noAnswerChoice') }]}
            value={value.agreement ?? NONE}
            onChange={(v) => onChange('agreement', v)}
            errorMessage={translateMessage(t, errors[`${q.id}.agreement`])}
          />
        </div>
      ) : null}
      {q.accepts.includes('proposal') ? (
        <TextField
          label={t('charter.paper.proposal', { n })}
          name={`proposal-${q.id}`}
          value={value.proposal}
          onChange={(v) => onChange('proposal', v)}
          errorMessage={translateMessage(t, errors[`${q.id}.proposal`])}
        />
      ) : null}
      {q.accepts.includes('amendment') ? (
        <>
          <TextField
            label={t('charter.paper.amendment', { n })}
            name={`amendment-${q.id}`}
            description={t('charter.paper.amendmentHint')}
            multiline
            rows={3}
            value={value.amendment}
            onChange={(v) => onChange('amendment', v)}
            errorMessage={translateMessage(t, errors[`${q.id}.amendment`])}
          />
          {article && !value.amendment ? (
            <Button variant="quiet" onPress={() => onChange('amendment', article.body)}>
              {t('charter.paper.startFromArticle')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function SheetList({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const list = useResult(() => invoke('charter:paper-sheets', { consultationId }), consultationId, ['charter:changed']);
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const language = currentLanguage();
  return (
    <section className="charter-section" aria-labelledby="paper-sheets">
      <h2 id="paper-sheets">{t('charter.paper.listHeading')}</h2>
      {list.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, list.error, nounOf.sheet)}</p>
        </Alert>
      ) : items.length === 0 ? (
        <p className="screen__meta">{list.data ? t('charter.paper.listEmpty') : t('charter.loading')}</p>
      ) : (
        <>
          <p data-testid="paper-count">{t('charter.paper.count', { count: items.length })}</p>
          <table className="data-table" data-testid="paper-sheets">
            <caption className="visually-hidden">{t('charter.paper.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charter.paper.sheet')}</th>
                <th scope="col" className="num">
                  {t('charter.paper.answersCount')}
                </th>
                <th scope="col">{t('charter.paper.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((sheet) => (
                <tr key={sheet.sheetNumber}>
                  <th scope="row">{sheet.sheetNumber}</th>
                  <td className="num">{sheet.answers}</td>
                  <td>{formatDateTime(sheet.recordedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
