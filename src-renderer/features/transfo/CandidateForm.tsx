/**
 * A new application to a call, or a candidate's fields edited (every field of the candidate's
 * schema, French first). Sealed drafts either way: names, e-mails, motivations, notes.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { candidateFieldsSchema, type Candidate, type CandidateFields } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { BoundDateField, BoundNumberField, BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { availabilityOptions, categoryOptions, directionOptions, formPath, genderOptions, NOUN } from './shared';

/** The form's empty date is '', the schema's is null. */
const schema = candidateFieldsSchema.extend({
  managerAgreedOn: z.union([z.literal(''), z.iso.date({ error: 'validation.date' })]),
});
type Values = z.input<typeof schema>;
type Fields = z.output<typeof schema>;

const emptyValues: Values = {
  fullName: '',
  email: '',
  direction: undefined as unknown as Values['direction'],
  service: '',
  category: undefined as unknown as Values['category'],
  job: '',
  yearsInCity: undefined as unknown as number,
  motivation: '',
  managerAgreement: false,
  managerAgreedOn: '',
  availability: undefined as unknown as Values['availability'],
  gender: null,
  meetingNotes: '',
  keepForNextCall: false,
};

/** A candidate's fields as the form holds them (an erased or unset text is an empty field). */
function valuesOf(c: Candidate): Values {
  return {
    fullName: c.fullName ?? '',
    email: c.email ?? '',
    direction: c.direction,
    service: c.service ?? '',
    category: c.category,
    job: c.job ?? '',
    yearsInCity: c.yearsInCity ?? (undefined as unknown as number),
    motivation: c.motivation ?? '',
    managerAgreement: c.managerAgreement,
    managerAgreedOn: c.managerAgreedOn ?? '',
    availability: c.availability,
    gender: c.gender,
    meetingNotes: c.meetingNotes ?? '',
    keepForNextCall: c.keepForNextCall,
  };
}

export function CandidateForm({ campaignId, candidate, onDone }: { campaignId: string; candidate?: Candidate; onDone: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const editing = candidate !== undefined;
  const draft = useDraftForm<Values, Fields>({
    storageKey: editing ? `atelier.draft.transfoCandidate.edit:${candidate.id}` : `atelier.draft.transfoCandidate.new:${campaignId}`,
    // A candidate's name, e-mail, motivation and notes: never in clear in the browser's storage.
    sealed: true,
    defaults: editing ? valuesOf(candidate) : emptyValues,
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState, watch, reset } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  const agreed = watch('managerAgreement');

  async function onValid(f: Fields) {
    draft.sending();
    const fields: CandidateFields = { ...f, managerAgreedOn: f.managerAgreedOn || null };
    if (editing) {
      const updated = await invoke('transfo:update-candidate', { id: candidate.id, version: candidate.version, fields });
      if (!updated.ok) return draft.refused(updated.error, formPath);
      draft.saved();
      notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.candidateForm.updated') });
      return onDone();
    }
    const created = await invoke('transfo:create-candidate', { campaignId, fields });
    if (!created.ok) return draft.refused(created.error, formPath);
    draft.saved();
    const name = created.value.fullName ?? '';
    notice.show({ tone: 'success', message: (tr) => `${tr('transfo.ui.candidateForm.created')} ${name}` });
    reset();
  }

  return (
    <section className="card-panel" aria-labelledby="candidate-form-title">
      <h3 id="candidate-form-title">{editing ? t('transfo.ui.candidateForm.editHeading') : t('transfo.ui.candidateForm.heading')}</h3>
      <form noValidate aria-describedby="candidate-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="candidate-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.candidate} />
        <div className="form-row">
          <BoundTextField control={control} name="fullName" label={t('transfo.ui.candidateForm.fullName')} isRequired errorMessage={err('fullName')} />
          <BoundTextField control={control} name="email" label={t('transfo.ui.candidateForm.email')} errorMessage={err('email')} />
        </div>
        <div className="form-row">
          <BoundSelectField
            control={control}
            name="direction"
            label={t('transfo.ui.candidateForm.direction')}
            options={directionOptions(t)}
            placeholder={t('common.choose')}
            isRequired
            errorMessage={err('direction')}
          />
          <BoundTextField control={control} name="service" label={t('transfo.ui.candidateForm.service')} isRequired errorMessage={err('service')} />
        </div>
        <div className="form-row">
          <BoundSelectField
            control={control}
            name="category"
            label={t('transfo.ui.candidateForm.category')}
            options={categoryOptions(t)}
            placeholder={t('common.choose')}
            isRequired
            errorMessage={err('category')}
          />
          <BoundTextField control={control} name="job" label={t('transfo.ui.candidateForm.job')} isRequired errorMessage={err('job')} />
          <BoundNumberField control={control} name="yearsInCity" label={t('transfo.ui.candidateForm.yearsInCity')} isRequired errorMessage={err('yearsInCity')} />
        </div>
        <BoundTextField control={control} name="motivation" label={t('transfo.ui.candidateForm.motivation')} multiline errorMessage={err('motivation')} />
        <Controller
          control={control}
          name="managerAgreement"
          render={({ field }) => (
            <CheckboxField label={t('transfo.ui.candidateForm.managerAgreement')} name="managerAgreement" value={Boolean(field.value)} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        />
        {agreed ? (
          <BoundDateField
            control={control}
            name="managerAgreedOn"
            label={t('transfo.ui.candidateForm.managerAgreedOn')}
            isRequired
            errorMessage={err('managerAgreedOn')}
            partialKey={draft.halfTypedKey('managerAgreedOn')}
          />
        ) : null}
        <Controller
          control={control}
          name="availability"
          render={({ field }) => (
            <ChoiceField
              label={t('transfo.ui.candidateForm.availability')}
              name="availability"
              options={availabilityOptions(t)}
              value={field.value ?? null}
              onChange={field.onChange}
              isRequired
              errorMessage={err('availability')}
            />
          )}
        />
        <Controller
          control={control}
          name="gender"
          render={({ field }) => (
            <SelectField
              label={t('transfo.ui.candidateForm.gender')}
              name="gender"
              options={[{ id: 'none', label: t('transfo.ui.candidateForm.genderNone') }, ...genderOptions(t)]}
              value={field.value ?? 'none'}
              onChange={(v) => field.onChange(v === 'none' || v === null ? null : v)}
              onBlur={field.onBlur}
              buttonRef={field.ref}
              placeholder={t('common.choose')}
              errorMessage={err('gender')}
            />
          )}
        />
        <BoundTextField control={control} name="meetingNotes" label={t('transfo.ui.candidateForm.meetingNotes')} multiline errorMessage={err('meetingNotes')} />
        <Controller
          control={control}
          name="keepForNextCall"
          render={({ field }) => (
            <CheckboxField label={t('transfo.ui.candidateForm.keepForNextCall')} name="keepForNextCall" value={Boolean(field.value)} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('transfo.ui.candidateForm.saving') : editing ? t('transfo.ui.candidateForm.save') : t('transfo.ui.candidateForm.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('transfo.ui.candidateForm.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
