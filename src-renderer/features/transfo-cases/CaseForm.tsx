/**
 * A new practical case: title, direction and service, the question, the users met, the methods.
 * Its draft is sealed: « the users met » is free text about people.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { caseOpeningSchema, type CaseOpening } from '#shared/transfo/case.schema.js';
import type { DirectionCode } from '#shared/transfo/directions.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { casesPath, directionOptions, formPath, methodOptions, NOUN } from './shared';

type Values = z.input<typeof caseOpeningSchema>;

/** The fields of a case's opening, shared by the new case and the case's own form. */
export function OpeningFields({ form, idPrefix }: { form: UseFormReturn<Values, unknown, CaseOpening>; idPrefix: string }) {
  const { t } = useTranslation();
  const { control, formState } = form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  return (
    <>
      <BoundTextField control={control} name="title" label={t('transfoCases.ui.form.title')} isRequired errorMessage={err('title')} />
      <div className="form-row">
        <BoundSelectField
          control={control}
          name="direction"
          label={t('transfoCases.ui.form.direction')}
          options={directionOptions(t)}
          placeholder={t('transfoCases.ui.none')}
          isRequired
          errorMessage={err('direction')}
        />
        <BoundTextField control={control} name="service" label={t('transfoCases.ui.form.service')} errorMessage={err('service')} />
      </div>
      <BoundTextField control={control} name="question" label={t('transfoCases.ui.form.question')} multiline errorMessage={err('question')} />
      <BoundTextField
        control={control}
        name="usersMet"
        label={t('transfoCases.ui.form.usersMet')}
        description={t('transfoCases.ui.form.usersMetHint')}
        multiline
        errorMessage={err('usersMet')}
      />
      <Controller
        control={control}
        name="methods"
        render={({ field }) => (
          <CheckboxGroupField
            label={t('transfoCases.ui.form.methods')}
            name={`${idPrefix}-methods`}
            options={methodOptions(t)}
            value={field.value}
            onChange={field.onChange}
            errorMessage={err('methods')}
          />
        )}
      />
    </>
  );
}

export type OpeningValues = Values;
export const emptyOpening: Values = { title: '', direction: undefined as unknown as DirectionCode, service: '', question: '', usersMet: '', methods: [] };

export function CaseForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const draft = useDraftForm<Values, CaseOpening>({
    storageKey: `atelier.draft.transfoCase.new:${campaignId}`,
    defaults: emptyOpening,
    resolver: zodResolver(caseOpeningSchema),
    sealed: true,
  });
  const { handleSubmit, formState } = draft.form;

  async function onValid(fields: CaseOpening) {
    draft.sending();
    const created = await invoke('transfoCases:create', { campaignId, fields });
    if (!created.ok) return draft.refused(created.error, formPath);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfoCases.ui.form.created') });
    void navigate(`${casesPath(campaignId)}/${created.value.id}`);
  }

  return (
    <section className="card-panel" aria-labelledby="case-form-title">
      <h2 id="case-form-title">{t('transfoCases.ui.form.heading')}</h2>
      <form noValidate aria-describedby="case-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <OpeningFields form={draft.form} idPrefix="new-case" />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('transfoCases.ui.form.saving') : t('transfoCases.ui.form.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('transfoCases.ui.form.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
