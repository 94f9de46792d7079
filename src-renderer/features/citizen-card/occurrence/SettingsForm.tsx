/**
 * A session's settings: its atelier type, places (5–50), places reserved per priority group
 * (drawn among that group first; never more than the places) and whether walk-ins may take an
 * empty place. Kept as a draft as typed; the core's refusals beside their fields.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { occurrenceFieldsSchema, priorityGroups, type AtelierType, type Occurrence, type OccurrenceFields, type PriorityGroup } from '#shared/citizen-card/citizen-card.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { BoundNumberField, BoundSelectField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { formPath, NOUN } from '../shared/nouns';

const o = occurrenceFieldsSchema.shape;
const reservedCount = z
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .min(0, { error: 'validation.min:0' })
  .max(50, { error: 'validation.max:50' })
  .nullable();
const schema = z
  .object({
    atelierTypeId: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }),
    places: o.places,
    reserved: z.object(Object.fromEntries(priorityGroups.map((g) => [g, reservedCount])) as Record<PriorityGroup, typeof reservedCount>),
    walkInsAllowed: o.walkInsAllowed,
  })
  .transform((v): OccurrenceFields => ({
    atelierTypeId: v.atelierTypeId,
    places: v.places,
    reserved: priorityGroups.flatMap((group) => (v.reserved[group] ? [{ group, places: v.reserved[group] }] : [])),
    walkInsAllowed: v.walkInsAllowed,
  }))
  .pipe(occurrenceFieldsSchema);
type Values = z.input<typeof schema>;

function valuesOf(o: Occurrence): Values {
  const reserved = Object.fromEntries(priorityGroups.map((g) => [g, o.settings?.reserved.find((r) => r.group === g)?.places ?? null])) as Values['reserved'];
  return {
    atelierTypeId: o.settings?.atelierTypeId ?? (undefined as unknown as string),
    places: o.settings?.places ?? 20,
    reserved,
    walkInsAllowed: o.settings?.walkInsAllowed ?? false,
  };
}

export function SettingsForm({ occurrence, types, onSaved }: { occurrence: Occurrence; types: readonly AtelierType[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const workshopId = occurrence.workshop.id;
  const baseVersion = useRef(occurrence.settings?.version);
  const draft = useDraftForm<Values, OccurrenceFields>({
    storageKey: `atelier.draft.cardOccurrence.edit:${workshopId}`,
    defaults: valuesOf(occurrence),
    resolver: zodResolver(schema),
  });
  const { handleSubmit, formState } = draft.form;
  // The bound fields take the form's input values; the output (reserved as a list) is the resolver's.
  const control = draft.form.control as unknown as Control<Values>;
  const errors = formState.errors as Record<string, { message?: string } | Record<string, { message?: string }> | undefined>;
  const err = (name: string) => translateMessage(t, (errors[name] as { message?: string } | undefined)?.message);
  const reservedErr = (g: PriorityGroup) => translateMessage(t, (errors.reserved as Record<string, { message?: string }> | undefined)?.[g]?.message);

  async function onValid(fields: OccurrenceFields) {
    draft.sending();
    const r = await invoke('citizen-card:save-occurrence', { workshopId, version: baseVersion.current, fields });
    if (r.ok) {
      baseVersion.current = r.value.settings?.version;
      draft.saved();
      notice.show({ tone: 'success', message: (tr) => tr('citizenCard.settings.saved') });
      onSaved();
      return;
    }
    if (r.error.code === 'conflict') {
      const fresh = await invoke('citizen-card:occurrence', { workshopId });
      if (fresh.ok) baseVersion.current = fresh.value.settings?.version;
    }
    // The core names `reserved.0.places`; the form has one field per group.
    draft.refused(r.error, (path) => (formPath(path).startsWith('reserved') ? 'reserved' : formPath(path)));
  }

  return (
    <section className="card-panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('citizenCard.settings.heading')}</h2>
      <form noValidate aria-describedby="settings-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="settings-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.occurrence} />
        <div className="form-row">
          <BoundSelectField
            control={control}
            name="atelierTypeId"
            label={t('citizenCard.settings.atelierType')}
            options={types.map((x) => ({ id: x.id, label: x.title }))}
            placeholder={t('common.choose')}
            isRequired
            errorMessage={err('atelierTypeId')}
          />
          <BoundNumberField control={control} name="places" label={t('citizenCard.settings.places')} description={t('citizenCard.settings.placesHint')} isRequired errorMessage={err('places')} />
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t('citizenCard.settings.reserved')}</legend>
          <p className="field__hint">{t('citizenCard.settings.reservedHint')}</p>
          {err('reserved') ? <p className="field__error">{err('reserved')}</p> : null}
          <div className="card-reserved">
            {priorityGroups.map((g) => (
              <BoundNumberField
                key={g}
                control={control}
                name={`reserved.${g}`}
                label={t('citizenCard.settings.reservedFor', { group: t(`labels.priorityGroups.${g}`) })}
                errorMessage={reservedErr(g)}
              />
            ))}
          </div>
        </fieldset>
        <Controller
          control={control}
          name="walkInsAllowed"
          render={({ field }) => (
            <CheckboxField label={t('citizenCard.settings.walkInsAllowed')} name="walkInsAllowed" value={Boolean(field.value)} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {t('citizenCard.settings.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
