/**
 * What the City does with each article (kept, amended, set aside) and why: one small form per
 * article, kept as a draft as it is typed. Lab desktops only; a field laptop's refusal is said.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleDecideInputSchema, articleDecisions, type Article, type CharterStructure } from '#shared/charter/charter.schema.js';
import { fieldsFromIssues } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useStoredState } from '#renderer/app/use-stored-state.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { TextField } from '#renderer/components/TextField.js';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { refusalText } from '../record-nouns';

const UNDECIDED = 'none';

export function Decisions({ structure }: { structure: CharterStructure }) {
  const { t } = useTranslation();
  const chapterPos = new Map(structure.chapters.map((c) => [c.id, c.position]));
  const articles = [...structure.articles].sort((a, b) => (chapterPos.get(a.chapterId) ?? 0) - (chapterPos.get(b.chapterId) ?? 0) || a.position - b.position);
  return (
    <section className="charter-section" aria-labelledby="results-decisions">
      <h2 id="results-decisions">{t('charter.results.decisionsHeading')}</h2>
      <p>{t('charter.results.decisionsIntro')}</p>
      {articles.length === 0 ? <p className="screen__meta">{t('charter.results.none')}</p> : null}
      {articles.map((a) => (
        <DecisionForm key={`${a.id}:${a.version}`} article={a} chapter={chapterPos.get(a.chapterId) ?? 0} />
      ))}
    </section>
  );
}

function DecisionForm({ article, chapter }: { article: Article; chapter: number }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const key = `atelier.draft.charter.decision.${article.id}`;
  const [draft, setDraft, clear] = useStoredState(key, { decision: article.decision ?? UNDECIDED, reason: article.decisionReason ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = `${chapter}.${article.position} — ${article.title}`;
  const id = `decision-${article.id}`;

  async function save() {
    const input = { id: article.id, version: article.version, decision: draft.decision === UNDECIDED ? null : draft.decision, reason: draft.reason };
    const checked = articleDecideInputSchema.safeParse(input);
    if (!checked.success) {
      setErrors(fieldsFromIssues(checked.error.issues));
      return;
    }
    setBusy(true);
    const result = await invoke('charter:decide', checked.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFailure(refusalText(t, result.error, 'article'));
      return;
    }
    setErrors({});
    setFailure(null);
    clear();
    notice.show({ tone: 'success', message: (tr) => tr('charter.results.decisionSaved') });
  }

  return (
    <form className="charter-decision" noValidate aria-labelledby={id} onSubmit={(e) => (e.preventDefault(), void save())} data-testid="decision">
      <h3 id={id}>{title}</h3>
      <ErrorAlert message={failure} />
      <ChoiceField
        label={t('charter.results.decision')}
        name={`decision-${article.id}`}
        options={[...articleDecisions.map((d) => ({ id: d, label: t(`labels.articleDecisions.${d}`) })), { id: UNDECIDED, label: t('charter.results.noDecision') }]}
        value={draft.decision}
        onChange={(decision) => setDraft((prev) => ({ ...prev, decision: decision }))}
        errorMessage={translateMessage(t, errors.decision)}
      />
      <TextField
        label={t('charter.results.reason')}
        name={`reason-${article.id}`}
        multiline
        rows={2}
        value={draft.reason}
        onChange={(reason) => setDraft((prev) => ({ ...prev, reason }))}
        errorMessage={translateMessage(t, errors.reason)}
      />
      <Button type="submit" variant="secondary" isDisabled={busy} aria-label={`${t('charter.results.saveDecision')} — ${title}`}>
        {t('charter.results.saveDecision')}
      </Button>
    </form>
  );
}
