/**
 * Create or edit an atelier type: validated by the shared schema, kept as a draft as it is
 * typed, the core's refusals beside their fields. A conflict takes the newer version as base
 * and keeps what was typed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { atelierTypeFieldsSchema, type AtelierType, type AtelierTypeFields } from '#shared/citizen-card/citizen-card.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { BoundNumberField, BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { formPath, NOUN } from '../shared/nouns';
import { accessibilityOptions, audienceOptions, formatOptions, languageOptions, themeOptions } from '../shared/options';

type Values = z.input<typeof atelierTypeFieldsSchema>;

function emptyValues(): Values {
  return {
    title: '',
    description: '',
    theme: undefined as unknown as Values['theme'],
    audience: undefined as unknown as Values['audience'],
    format: undefined as unknown as Values['format'],
    durationMinutes: 120,
    accessibility: [],
    languages: ['fr'],
  };
}

function valuesOf(a: AtelierType): Values {
  const { title, description, theme, audience, format, durationMinutes, accessibility, languages } = a;
  return { title, description, theme, audience, format, durationMinutes, accessibility, languages };
}

export function AtelierTypeForm({ atelierType, onDone }: { atelierType?: AtelierType; onDone: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const baseVersion = useRef(atelierType?.version);
  const draft = useDraftForm<Values, AtelierTypeFields>({
    storageKey: `atelier.draft.atelierType.${atelierType ? `edit:${atelierType.id}` : 'new'}`,
    defaults: atelierType ? valuesOf(atelierType) : emptyValues(),
    resolver: zodResolver(atelierTypeFieldsSchema),
  });
  const { control, handleSubmit, formState } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);

  async function onValid(fields: AtelierTypeFields) {
    draft.sending();
    const r = await invoke('citizen-card:save-type', { id: atelierType?.id, version: baseVersion.current, fields });
    if (r.ok) {
      draft.saved();
      const title = r.value.title;
      notice.show({ tone: 'success', message: (tr) => tr('citizenCard.typeForm.saved', { title }) });
      onDone();
      return;
    }
    if (r.error.code === 'conflict' && atelierType) {
      const fresh = await invoke('citizen-card:types', {});
      const now = fresh.ok ? fresh.value.items.find((i) => i.id === atelierType.id) : undefined;
      if (now) baseVersion.current = now.version;
    }
    draft.refused(r.error, formPath);
  }

  const headingId = 'atelier-type-form-title';
  return (
    <section className="card-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{atelierType ? t('citizenCard.typeForm.editTitle') : t('citizenCard.typeForm.newTitle')}</h3>
      <form noValidate aria-describedby="atelier-type-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="atelier-type-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.atelierType} />
        <BoundTextField control={control} name="title" label={t('citizenCard.typeForm.title')} isRequired errorMessage={err('title')} />
        <BoundTextField control={control} name="description" label={t('citizenCard.typeForm.description')} multiline rows={3} description={t('common.optional')} errorMessage={err('description')} />
        <div className="form-row">
          <BoundSelectField control={control} name="theme" label={t('citizenCard.typeForm.theme')} options={themeOptions(t)} placeholder={t('common.choose')} isRequired errorMessage={err('theme')} />
          <BoundSelectField control={control} name="audience" label={t('citizenCard.typeForm.audience')} options={audienceOptions(t)} placeholder={t('common.choose')} isRequired errorMessage={err('audience')} />
        </div>
        <div className="form-row">
          <BoundSelectField control={control} name="format" label={t('citizenCard.typeForm.format')} options={formatOptions(t)} placeholder={t('common.choose')} isRequired errorMessage={err('format')} />
          <BoundNumberField control={control} name="durationMinutes" label={t('citizenCard.typeForm.durationMinutes')} isRequired errorMessage={err('durationMinutes')} />
        </div>
        <Controller
          control={control}
          name="accessibility"
          render={({ field }) => (
            <CheckboxGroupField label={t('citizenCard.typeForm.accessibility')} name="accessibility" options={accessibilityOptions(t)} value={field.value ?? []} onChange={field.onChange} errorMessage={err('accessibility')} />
          )}
        />
        <Controller
          control={control}
          name="languages"
          render={({ field }) => (
            <CheckboxGroupField label={t('citizenCard.typeForm.languages')} name="languages" options={languageOptions(t)} value={field.value ?? []} onChange={field.onChange} isRequired errorMessage={err('languages')} />
          )}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('citizenCard.typeForm.saving') : t('citizenCard.typeForm.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('citizenCard.typeForm.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
