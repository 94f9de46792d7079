/**
 * A new session: a workshop of the Citizen Card kind (workshops:create, its title the type's)
 * then its settings (citizen-card:save-occurrence). Validated with the shared schemas' own
 * fields, kept as a draft as it is typed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { occurrenceFieldsSchema, type AtelierType } from '#shared/citizen-card/citizen-card.schema.js';
import { workshopFieldsSchema } from '#shared/workshops/workshop.schema.js';
import { parisLocalToUtc } from '#shared/time/paris-time.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { arrondissementOptions } from '#renderer/app/workshop-options.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { BoundDateField, BoundNumberField, BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { NOUN } from '../shared/nouns';

const w = workshopFieldsSchema.shape;
const o = occurrenceFieldsSchema.shape;
const schema = z
  .object({
    atelierTypeId: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }),
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    venueName: w.venueName,
    arrondissement: w.arrondissement,
    places: o.places,
    walkInsAllowed: o.walkInsAllowed,
  })
  .refine(
    (v) => {
      const start = parisLocalToUtc(v.startsAt);
      const end = parisLocalToUtc(v.endsAt);
      return !start || !end || end > start;
    },
    { path: ['endsAt'], message: 'validation.endBeforeStart' },
  );
type Values = z.input<typeof schema>;
type Fields = z.output<typeof schema>;

export function OccurrenceCreateForm({ types, onDone }: { types: readonly AtelierType[]; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const draft = useDraftForm<Values, Fields>({
    storageKey: 'atelier.draft.cardOccurrence.new',
    defaults: {
      atelierTypeId: undefined as unknown as string,
      startsAt: '',
      endsAt: '',
      venueName: '',
      arrondissement: undefined as unknown as number,
      places: 20,
      walkInsAllowed: false,
    },
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);

  async function onValid(f: Fields) {
    draft.sending();
    const type = types.find((x) => x.id === f.atelierTypeId);
    const created = await invoke('workshops:create', {
      kind: 'citizen_card_atelier',
      title: type?.title ?? '',
      description: type?.description ?? '',
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      venueName: f.venueName,
      venueAddress: '',
      arrondissement: f.arrondissement,
      inQpv: false,
      capacity: f.places,
      partners: [],
      facilitators: [],
    });
    if (!created.ok) return draft.refused(created.error);
    const saved = await invoke('citizen-card:save-occurrence', {
      workshopId: created.value.id,
      fields: { atelierTypeId: f.atelierTypeId, places: f.places, reserved: [], walkInsAllowed: f.walkInsAllowed },
    });
    draft.saved();
    if (!saved.ok) {
      // The workshop exists: its settings are finished on its own screen, which says so.
      void navigate(`/citizen-card/occurrences/${created.value.id}`);
      return;
    }
    notice.show({ tone: 'success', message: (tr) => tr('citizenCard.occurrenceForm.created') });
    void navigate(`/citizen-card/occurrences/${created.value.id}`);
  }

  const when = (name: 'startsAt' | 'endsAt') => (
    <BoundDateField
      control={control}
      name={name}
      label={t(`citizenCard.occurrenceForm.${name}`)}
      withTime
      isRequired
      description={t('citizenCard.occurrenceForm.timeHint')}
      errorMessage={err(name)}
      partialKey={draft.halfTypedKey(name)}
    />
  );

  return (
    <section className="card-panel" aria-labelledby="occurrence-form-title">
      <h3 id="occurrence-form-title">{t('citizenCard.occurrenceForm.heading')}</h3>
      <form noValidate aria-describedby="occurrence-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="occurrence-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.occurrence} />
        <BoundSelectField
          control={control}
          name="atelierTypeId"
          label={t('citizenCard.occurrenceForm.atelierType')}
          options={types.map((x) => ({ id: x.id, label: x.title }))}
          placeholder={t('common.choose')}
          isRequired
          errorMessage={err('atelierTypeId')}
        />
        <div className="form-row">
          {when('startsAt')}
          {when('endsAt')}
        </div>
        <BoundTextField control={control} name="venueName" label={t('citizenCard.occurrenceForm.venueName')} isRequired errorMessage={err('venueName')} />
        <div className="form-row">
          <Controller
            control={control}
            name="arrondissement"
            render={({ field }) => (
              <SelectField
                label={t('citizenCard.occurrenceForm.arrondissement')}
                name="arrondissement"
                options={arrondissementOptions(t)}
                value={typeof field.value === 'number' ? String(field.value) : null}
                onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
                onBlur={field.onBlur}
                buttonRef={field.ref}
                placeholder={t('common.choose')}
                isRequired
                errorMessage={err('arrondissement')}
              />
            )}
          />
          <BoundNumberField control={control} name="places" label={t('citizenCard.occurrenceForm.places')} description={t('citizenCard.occurrenceForm.placesHint')} isRequired errorMessage={err('places')} />
        </div>
        <Controller
          control={control}
          name="walkInsAllowed"
          render={({ field }) => (
            <CheckboxField label={t('citizenCard.occurrenceForm.walkInsAllowed')} name="walkInsAllowed" value={Boolean(field.value)} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('citizenCard.occurrenceForm.saving') : t('citizenCard.occurrenceForm.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('citizenCard.occurrenceForm.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
