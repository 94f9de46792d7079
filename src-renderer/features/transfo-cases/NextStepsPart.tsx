/**
 * The case's next steps: what, who owns it (a lab member or a City agent), by when, done or not.
 * Overdue steps say so in words. The form's draft is sealed: it holds a person's name.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseNextStepSchema, type CaseNextStep } from '#shared/transfo/case-sync.schema.js';
import type { TransfoCase } from '#shared/transfo/case.schema.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { BoundDateField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { dayText, NOUN, parisToday } from './shared';
import { partPath, savePartOf } from './use-case';

/** The form's empty day is '', the step's is null. */
const schema = z.object({ text: caseNextStepSchema.shape.text, owner: caseNextStepSchema.shape.owner, due: z.union([z.literal(''), z.iso.date({ error: 'validation.date' })]) });
type Values = z.output<typeof schema>;

export function NextStepsPart({ c }: { c: TransfoCase }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const save = savePartOf(c);
  const [error, setError] = useState<string | null>(null);
  const today = parisToday();
  const draft = useDraftForm<Values, Values>({
    storageKey: `atelier.draft.transfoCase.nextStep:${c.id}`,
    defaults: { text: '', owner: '', due: '' },
    resolver: zodResolver(schema),
    sealed: true,
  });
  const { control, handleSubmit, formState, reset } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);

  async function change(nextSteps: CaseNextStep[]) {
    setError(null);
    const saved = await save({ nextSteps });
    if (!saved.ok) setError(translateError(t, saved.error, NOUN));
  }

  async function onValid(v: Values) {
    const step: CaseNextStep = { text: v.text, owner: v.owner, due: v.due === '' ? null : v.due, done: false };
    draft.sending();
    const saved = await save({ nextSteps: [...c.nextSteps, step] });
    if (!saved.ok) return draft.refused(saved.error, partPath({ owner: 'owner', due: 'due' }, 'text'));
    draft.saved();
    reset({ text: '', owner: '', due: '' });
  }

  return (
    <section className="case-part" aria-labelledby="case-steps-title">
      <h2 id="case-steps-title">{t('transfoCases.ui.case.nextStepsHeading')}</h2>
      {c.nextSteps.length === 0 ? (
        <p className="empty-state">{t('transfoCases.ui.case.nextStepsNone')}</p>
      ) : (
        <table className="data-table" data-testid="case-next-steps">
          <caption>{t('transfoCases.ui.case.nextStepsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfoCases.ui.case.nextStepText')}</th>
              <th scope="col">{t('transfoCases.ui.case.nextStepOwner')}</th>
              <th scope="col">{t('transfoCases.ui.case.nextStepDue')}</th>
              <th scope="col">{t('transfoCases.ui.case.nextStepDone')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('transfoCases.ui.case.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {c.nextSteps.map((s, i) => (
              <tr key={`${i}-${s.text}`}>
                <th scope="row">{s.text}</th>
                <td>{s.owner}</td>
                <td>
                  {s.due ? dayText(s.due, language) : t('transfoCases.ui.case.nextStepNoDue')}
                  {!s.done && s.due !== null && s.due < today ? <strong> — {t('transfoCases.ui.case.nextStepOverdue')}</strong> : null}
                </td>
                <td>
                  <CheckboxField
                    label={t('transfoCases.ui.case.nextStepMarkDone', { name: s.text })}
                    value={s.done}
                    onChange={(done) => void change(c.nextSteps.map((x, j) => (j === i ? { ...x, done } : x)))}
                  />
                </td>
                <td>
                  <Button variant="quiet" aria-label={t('transfoCases.ui.case.removeNamed', { name: s.text })} onPress={() => void change(c.nextSteps.filter((_, j) => j !== i))}>
                    {t('transfoCases.ui.case.remove')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorAlert message={error} />
      <form noValidate aria-label={t('transfoCases.ui.case.nextStepsHeading')} aria-describedby="case-step-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-step-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <BoundTextField control={control} name="text" label={t('transfoCases.ui.case.nextStepText')} isRequired errorMessage={err('text')} />
        <div className="form-row">
          <BoundTextField control={control} name="owner" label={t('transfoCases.ui.case.nextStepOwner')} description={t('transfoCases.ui.case.nextStepOwnerHint')} isRequired errorMessage={err('owner')} />
          <BoundDateField control={control} name="due" label={t('transfoCases.ui.case.nextStepDue')} errorMessage={err('due')} partialKey={draft.halfTypedKey('due')} />
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
