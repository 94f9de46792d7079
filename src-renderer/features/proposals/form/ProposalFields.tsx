/** The proposal's fields in four sections: what, where (address, map), who, costs and details. */
import { useState } from 'react';
import { Controller, useWatch, type Control, type FieldErrors, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { locationTypes, proposerTypes, triStates } from '#shared/proposals/proposal.schema.js';
import { arrondissementOptions } from '#renderer/app/workshop-options.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { AddressField } from './AddressField';
import { themeOptions } from '../format';
import { EurosField } from './EurosField';
import type { FormValues } from './form-values';
import { LocationPicker } from './LocationPicker';
import { PhotosField } from './PhotosField';

type Props = { control: Control<FormValues>; errors: FieldErrors<FormValues>; setValue: UseFormSetValue<FormValues> };

export function ProposalFields({ control, errors, setValue }: Props) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<{ lon: number; lat: number } | null>(null);
  // The map opens on the arrondissement (the workshop's by default): streets a click can hit.
  const arrondissement = useWatch({ control, name: 'arrondissement' });
  const err = (name: keyof FormValues) => translateMessage(t, (errors[name] as { message?: string } | undefined)?.message);
  const dirty = { shouldDirty: true, shouldValidate: false } as const;

  const select = (name: 'themeCode' | 'locationType' | 'proposerType' | 'proposedBefore' | 'accessibleToDisabled', options: { id: string; label: string }[], required = false) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <SelectField
          label={t(`proposals.form.${name}`)}
          name={name}
          options={options}
          value={field.value ?? null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          buttonRef={field.ref}
          placeholder={t('common.choose')}
          isRequired={required}
          errorMessage={err(name)}
        />
      )}
    />
  );
  const text = (name: 'title' | 'description' | 'proposerName', options: { required?: boolean; multiline?: boolean; hint?: string } = {}) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextField
          label={t(`proposals.form.${name}`)}
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
  const euros = (name: 'estimatedCostEuros' | 'runningCostsEuros') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <EurosField
          label={t(`proposals.form.${name}`)}
          name={name}
          value={field.value ?? null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          description={t('proposals.form.costHint')}
          errorMessage={err(name)}
        />
      )}
    />
  );
  const tri = triStates.map((id) => ({ id, label: t(`labels.triStates.${id}`) }));

  return (
    <>
      <section className="form-section" aria-labelledby="section-what">
        <h2 id="section-what">{t('proposals.form.sectionWhat')}</h2>
        {text('title', { required: true })}
        {text('description', { required: true, multiline: true })}
        {select('themeCode', themeOptions(t), true)}
      </section>

      <section className="form-section" aria-labelledby="section-where">
        <h2 id="section-where">{t('proposals.form.sectionWhere')}</h2>
        {select('locationType', locationTypes.map((id) => ({ id, label: t(`labels.locationTypes.${id}`) })), true)}
        <Controller
          control={control}
          name="addressLabel"
          render={({ field }) => (
            <AddressField
              value={field.value ?? ''}
              onChange={field.onChange}
              errorMessage={err('addressLabel')}
              onPick={(hit) => {
                const point = { lon: hit.lon, lat: hit.lat };
                setValue('addressId', hit.id, dirty);
                setValue('point', point, dirty);
                setValue('arrondissement', hit.arrondissement, dirty);
                setFocus(point);
              }}
            />
          )}
        />
        <Controller
          control={control}
          name="point"
          render={({ field }) => (
            <LocationPicker
              point={field.value ?? null}
              openOn={arrondissement ?? null}
              focus={focus}
              errorMessage={err('point')}
              onPoint={(point) => {
                field.onChange(point);
                // A point placed by hand is not the picked address any more.
                setValue('addressId', null, dirty);
              }}
            />
          )}
        />
        <Controller
          control={control}
          name="arrondissement"
          render={({ field }) => (
            <SelectField
              label={t('proposals.form.arrondissement')}
              name="arrondissement"
              options={arrondissementOptions(t)}
              value={field.value ? String(field.value) : null}
              onChange={(v) => field.onChange(v ? Number(v) : null)}
              onBlur={field.onBlur}
              buttonRef={field.ref}
              placeholder={t('common.choose')}
              description={t('proposals.form.arrondissementHint')}
              errorMessage={err('arrondissement')}
            />
          )}
        />
        <Controller
          control={control}
          name="inVeilleActive"
          render={({ field }) => (
            <div className="field">
              <CheckboxField label={t('proposals.form.inVeilleActive')} name="inVeilleActive" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
              <p className="field__hint">{t('proposals.form.inVeilleActiveHint')}</p>
            </div>
          )}
        />
      </section>

      <section className="form-section" aria-labelledby="section-who">
        <h2 id="section-who">{t('proposals.form.sectionWho')}</h2>
        {select('proposerType', proposerTypes.map((id) => ({ id, label: t(`labels.proposerTypes.${id}`) })), true)}
        {text('proposerName', { hint: t('proposals.form.proposerNameHint') })}
      </section>

      <section className="form-section" aria-labelledby="section-more">
        <h2 id="section-more">{t('proposals.form.sectionMore')}</h2>
        {euros('estimatedCostEuros')}
        {euros('runningCostsEuros')}
        {select('proposedBefore', tri)}
        {select('accessibleToDisabled', tri)}
        <Controller control={control} name="photos" render={({ field }) => <PhotosField value={field.value} onChange={field.onChange} />} />
      </section>
    </>
  );
}
