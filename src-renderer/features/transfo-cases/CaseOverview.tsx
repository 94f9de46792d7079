/** The case's own fields (title, direction, service, question, users met, methods) and its state. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseOpeningSchema, type CaseOpening, type TransfoCase } from '#shared/transfo/case.schema.js';
import { caseStates } from '#shared/transfo/case-values.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { BoundSelectField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { OpeningFields, type OpeningValues } from './CaseForm';
import { formPath, NOUN, stateOptions } from './shared';
import { savePartOf } from './use-case';

export function CaseOverview({ c }: { c: TransfoCase }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const draft = useDraftForm<OpeningValues, CaseOpening>({
    storageKey: `atelier.draft.transfoCase.edit:${c.id}`,
    defaults: { title: c.title, direction: c.direction, service: c.service, question: c.question, usersMet: c.usersMet, methods: c.methods },
    resolver: zodResolver(caseOpeningSchema),
    // « The users met » is free text about people.
    sealed: true,
  });
  const { handleSubmit, formState } = draft.form;

  async function onValid(fields: CaseOpening) {
    draft.sending();
    const saved = await savePartOf(c)(fields);
    if (!saved.ok) return draft.refused(saved.error, formPath);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfoCases.ui.case.saved') });
  }

  return (
    <section className="case-part" aria-labelledby="case-overview-title">
      <h2 id="case-overview-title">{t('transfoCases.ui.case.overviewHeading')}</h2>
      <form noValidate aria-describedby="case-overview-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-overview-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <OpeningFields form={draft.form} idPrefix="case" />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('transfoCases.ui.case.saving') : t('transfoCases.ui.case.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const stateSchema = z.object({ state: z.enum(caseStates, { error: 'validation.required' }) });

export function CaseStateForm({ c }: { c: TransfoCase }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const draft = useDraftForm<z.input<typeof stateSchema>, z.output<typeof stateSchema>>({
    storageKey: `atelier.draft.transfoCase.state:${c.id}`,
    defaults: { state: c.state },
    resolver: zodResolver(stateSchema),
  });
  const { control, handleSubmit, formState } = draft.form;

  async function onValid({ state }: z.output<typeof stateSchema>) {
    draft.sending();
    const saved = await savePartOf(c)({ state });
    if (!saved.ok) return draft.refused(saved.error, () => 'state');
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfoCases.ui.case.saved') });
  }

  return (
    <section className="case-part" aria-labelledby="case-state-title">
      <h2 id="case-state-title">{t('transfoCases.ui.case.stateHeading')}</h2>
      <form noValidate aria-describedby="case-state-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-state-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <BoundSelectField
          control={control}
          name="state"
          label={t('transfoCases.ui.case.state')}
          options={stateOptions(t)}
          placeholder={t('transfoCases.ui.none')}
          isRequired
          errorMessage={translateMessage(t, formState.errors.state?.message)}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {t('transfoCases.ui.case.stateSave')}
          </Button>
        </div>
      </form>
    </section>
  );
}
