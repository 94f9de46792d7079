/** The workshop's own fields, in three sections: what, when and where, who. */
import { useTranslation } from 'react-i18next';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { translateMessage } from '#renderer/app/i18n.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { DateField } from '#renderer/components/DateField.js';
import { NumberField } from '#renderer/components/NumberField.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { arrondissementOptions, kindOptions } from '#renderer/app/workshop-options.js';
import { FacilitatorsField } from './FacilitatorsField';
import type { FormValues } from './form-values';
import { PartnersField } from './PartnersField';

type TextName = 'title' | 'description' | 'venueName' | 'venueAddress';

/** `halfTypedKey`: where the form's draft keeps a date still half typed. */
export function WorkshopFields({ control, errors, halfTypedKey }: { control: Control<FormValues>; errors: FieldErrors<FormValues>; halfTypedKey: (field: string) => string }) {
  const { t } = useTranslation();
  const err = (name: keyof FormValues) => translateMessage(t, errors[name]?.message);

  const text = (name: TextName, options: { required?: boolean; multiline?: boolean; hint?: string } = {}) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextField
          label={t(`workshops.form.${name}`)}
          name={name}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          multiline={options.multiline}
          isRequired={options.required}
          description={options.hint}
          errorMessage={err(name)}
        />
      )}
    />
  );

  const when = (name: 'startsAt' | 'endsAt') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateField
          label={t(`workshops.form.${name}`)}
          name={name}
          withTime
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isRequired
          description={t('workshops.form.timeHint')}
          errorMessage={err(name)}
          partialKey={halfTypedKey(name)}
        />
      )}
    />
  );

  return (
    <>
      <section className="form-section" aria-labelledby="section-what">
        <h2 id="section-what">{t('workshops.form.sectionWhat')}</h2>
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <SelectField
              label={t('workshops.form.kind')}
              name="kind"
              options={kindOptions(t)}
              value={field.value ?? null}
              onChange={field.onChange}
              onBlur={field.onBlur}
              buttonRef={field.ref}
              placeholder={t('common.choose')}
              isRequired
              errorMessage={err('kind')}
            />
          )}
        />
        {text('title', { required: true })}
        {text('description', { multiline: true, hint: t('common.optional') })}
      </section>

      <section className="form-section" aria-labelledby="section-when-where">
        <h2 id="section-when-where">{t('workshops.form.sectionWhenWhere')}</h2>
        <div className="form-row">
          {when('startsAt')}
          {when('endsAt')}
        </div>
        {text('venueName', { required: true })}
        {text('venueAddress', { hint: t('common.optional') })}
        <div className="form-row">
          <Controller
            control={control}
            name="arrondissement"
            render={({ field }) => (
              <SelectField
                label={t('workshops.form.arrondissement')}
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
          <Controller
            control={control}
            name="capacity"
            render={({ field }) => (
              <NumberField
                label={t('workshops.form.capacity')}
                name="capacity"
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                description={t('workshops.form.capacityHint')}
                errorMessage={err('capacity')}
              />
            )}
          />
        </div>
        <Controller
          control={control}
          name="inQpv"
          render={({ field }) => <CheckboxField label={t('workshops.form.inQpv')} name="inQpv" value={Boolean(field.value)} onChange={field.onChange} onBlur={field.onBlur} />}
        />
      </section>

      <section className="form-section" aria-labelledby="section-people">
        <h2 id="section-people">{t('workshops.form.sectionPeople')}</h2>
        <PartnersField control={control} errors={errors} />
        <FacilitatorsField control={control} errors={errors} />
      </section>
    </>
  );
}
