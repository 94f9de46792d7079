/**
 * The case's dated journal: what moved forward, at which session (its day is the session's) or
 * on which day. The entry's draft is sealed: free text about the work may name people.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseJournalFormSchema, type TransfoCase } from '#shared/transfo/case.schema.js';
import { invoke } from '#renderer/api/client.js';
import { currentLanguage, translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { BoundDateField, BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { sessionLabel, type SessionOption } from './SessionsPart';
import { dayText, formPath, NOUN } from './shared';

const NO_SESSION = 'none';
/** The form's « no session » and empty date are words; the command's are null. */
const schema = z
  .object({ workshopId: z.string(), date: z.union([z.literal(''), z.iso.date({ error: 'validation.date' })]), summary: caseJournalFormSchema.shape.summary })
  .refine((v) => v.workshopId !== NO_SESSION || v.date !== '', { path: ['date'], error: 'validation.caseJournalWhen' });
type Values = z.output<typeof schema>;
type Entry = z.output<typeof caseJournalFormSchema>;

export function JournalPart({ c, sessions }: { c: TransfoCase; sessions: readonly SessionOption[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const notice = useNotice();
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const draft = useDraftForm<Values, Values>({
    storageKey: `atelier.draft.transfoCase.journal:${c.id}`,
    defaults: { workshopId: NO_SESSION, date: '', summary: '' },
    resolver: zodResolver(schema),
    sealed: true,
  });
  const { control, handleSubmit, formState, reset } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  const entries = [...c.journal].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  async function onValid(v: Values) {
    const entry: Entry = { workshopId: v.workshopId === NO_SESSION ? null : v.workshopId, date: v.date === '' ? null : v.date, summary: v.summary };
    draft.sending();
    const saved = await invoke('transfoCases:add-journal-entry', { id: c.id, version: c.version, entry });
    if (!saved.ok) return draft.refused(saved.error, formPath);
    draft.saved();
    reset({ workshopId: NO_SESSION, date: '', summary: '' });
    notice.show({ tone: 'success', message: (tr) => tr('transfoCases.ui.case.saved') });
  }

  return (
    <section className="case-part" aria-labelledby="case-journal-title">
      <h2 id="case-journal-title">{t('transfoCases.ui.case.journalHeading')}</h2>
      {entries.length === 0 ? (
        <p className="empty-state">{t('transfoCases.ui.case.journalNone')}</p>
      ) : (
        <table className="data-table" data-testid="case-journal">
          <caption>{t('transfoCases.ui.case.journalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfoCases.ui.case.journalDate')}</th>
              <th scope="col">{t('transfoCases.ui.case.journalSession')}</th>
              <th scope="col">{t('transfoCases.ui.case.journalSummary')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const session = e.workshopId ? byId.get(e.workshopId) : undefined;
              return (
                <tr key={`${e.date}-${i}`}>
                  <th scope="row">{dayText(e.date, language)}</th>
                  <td>{session ? session.title : e.workshopId ? t('transfoCases.ui.case.sessionUnknown', { id: e.workshopId.slice(0, 8) }) : t('transfoCases.ui.none')}</td>
                  <td>{e.summary}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3 id="case-journal-form-title">{t('transfoCases.ui.case.journalFormHeading')}</h3>
      <form noValidate aria-labelledby="case-journal-form-title" aria-describedby="case-journal-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-journal-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <div className="form-row">
          <BoundSelectField
            control={control}
            name="workshopId"
            label={t('transfoCases.ui.case.journalSession')}
            options={[{ id: NO_SESSION, label: t('transfoCases.ui.case.journalNoSession') }, ...sessions.map((s) => ({ id: s.id, label: sessionLabel(s, language) }))]}
            placeholder={t('transfoCases.ui.none')}
            errorMessage={err('workshopId')}
          />
          <BoundDateField
            control={control}
            name="date"
            label={t('transfoCases.ui.case.journalDate')}
            description={t('transfoCases.ui.case.journalDateHint')}
            errorMessage={err('date')}
            partialKey={draft.halfTypedKey('date')}
          />
        </div>
        <BoundTextField control={control} name="summary" label={t('transfoCases.ui.case.journalSummary')} multiline isRequired errorMessage={err('summary')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {t('transfoCases.ui.case.journalAdd')}
          </Button>
        </div>
      </form>
    </section>
  );
}
