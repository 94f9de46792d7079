/**
 * The case's insights and decisions: each a list with its remove buttons and the form of a new
 * line. The forms' drafts are sealed: free text about the work may name people.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseDecisionSchema } from '#shared/transfo/case-sync.schema.js';
import { CASE_LIMITS } from '#shared/transfo/case-values.js';
import type { TransfoCase } from '#shared/transfo/case.schema.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { BoundDateField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { dayText, NOUN } from './shared';
import { partPath, savePartOf, type SavePart } from './use-case';

/** Removing a line saves the list without it; a refusal is said under the list. */
function useRemove(save: SavePart) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function remove(fields: Parameters<SavePart>[0]) {
    setError(null);
    const saved = await save(fields);
    if (!saved.ok) setError(translateError(t, saved.error, NOUN));
  }
  return { error, remove };
}

const insightSchema = z.object({ text: z.string().trim().min(1, { error: 'validation.required' }).max(CASE_LIMITS.insight, { error: `validation.tooLong:${CASE_LIMITS.insight}` }) });

export function InsightsPart({ c }: { c: TransfoCase }) {
  const { t } = useTranslation();
  const save = savePartOf(c);
  const { error, remove } = useRemove(save);
  const draft = useDraftForm<z.input<typeof insightSchema>, z.output<typeof insightSchema>>({
    storageKey: `atelier.draft.transfoCase.insight:${c.id}`,
    defaults: { text: '' },
    resolver: zodResolver(insightSchema),
    sealed: true,
  });
  const { control, handleSubmit, formState, reset } = draft.form;

  async function onValid({ text }: z.output<typeof insightSchema>) {
    draft.sending();
    const saved = await save({ insights: [...c.insights, text] });
    if (!saved.ok) return draft.refused(saved.error, () => 'text');
    draft.saved();
    reset({ text: '' });
  }

  return (
    <section className="case-part" aria-labelledby="case-insights-title">
      <h2 id="case-insights-title">{t('transfoCases.ui.case.insightsHeading')}</h2>
      {c.insights.length === 0 ? (
        <p className="empty-state">{t('transfoCases.ui.case.insightsNone')}</p>
      ) : (
        <ul className="case-part__list" data-testid="case-insights">
          {c.insights.map((text, i) => (
            <li key={`${i}-${text}`} className="case-part__item">
              <span>{text}</span>
              <Button variant="quiet" aria-label={t('transfoCases.ui.case.removeNamed', { name: text })} onPress={() => void remove({ insights: c.insights.filter((_, j) => j !== i) })}>
                {t('transfoCases.ui.case.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
      <form noValidate aria-label={t('transfoCases.ui.case.insight')} aria-describedby="case-insight-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-insight-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <BoundTextField control={control} name="text" label={t('transfoCases.ui.case.insight')} isRequired errorMessage={translateMessage(t, formState.errors.text?.message)} />
        <div className="form-actions">
          <Button type="submit" variant="secondary" isDisabled={formState.isSubmitting}>
            {t('transfoCases.ui.case.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

type DecisionValues = { date: string; text: string };

export function DecisionsPart({ c }: { c: TransfoCase }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const save = savePartOf(c);
  const { error, remove } = useRemove(save);
  const draft = useDraftForm<DecisionValues, z.output<typeof caseDecisionSchema>>({
    storageKey: `atelier.draft.transfoCase.decision:${c.id}`,
    defaults: { date: '', text: '' },
    resolver: zodResolver(caseDecisionSchema),
    sealed: true,
  });
  const { control, handleSubmit, formState, reset } = draft.form;
  const err = (name: keyof DecisionValues) => translateMessage(t, formState.errors[name]?.message);
  const decisions = [...c.decisions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  async function onValid(decision: z.output<typeof caseDecisionSchema>) {
    draft.sending();
    const saved = await save({ decisions: [...c.decisions, decision] });
    if (!saved.ok) return draft.refused(saved.error, partPath({ date: 'date' }, 'text'));
    draft.saved();
    reset({ date: '', text: '' });
  }

  return (
    <section className="case-part" aria-labelledby="case-decisions-title">
      <h2 id="case-decisions-title">{t('transfoCases.ui.case.decisionsHeading')}</h2>
      {decisions.length === 0 ? (
        <p className="empty-state">{t('transfoCases.ui.case.decisionsNone')}</p>
      ) : (
        <ul className="case-part__list" data-testid="case-decisions">
          {decisions.map((d) => (
            <li key={`${d.date}-${d.text}`} className="case-part__item">
              <span>
                <strong>{dayText(d.date, language)}</strong> — {d.text}
              </span>
              <Button variant="quiet" aria-label={t('transfoCases.ui.case.removeNamed', { name: d.text })} onPress={() => void remove({ decisions: c.decisions.filter((x) => x !== d) })}>
                {t('transfoCases.ui.case.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
      <form noValidate aria-label={t('transfoCases.ui.case.decisionText')} aria-describedby="case-decision-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-decision-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <div className="form-row">
          <BoundDateField control={control} name="date" label={t('transfoCases.ui.case.decisionDate')} isRequired errorMessage={err('date')} partialKey={draft.halfTypedKey('date')} />
          <BoundTextField control={control} name="text" label={t('transfoCases.ui.case.decisionText')} isRequired errorMessage={err('text')} />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="secondary" isDisabled={formState.isSubmitting}>
            {t('transfoCases.ui.case.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
