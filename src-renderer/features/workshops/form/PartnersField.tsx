/** Partner organisations: a name and a type per row; rows are added and removed in place. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Control, FieldErrors } from 'react-hook-form';
import { Controller, useFieldArray } from 'react-hook-form';
import { LIMITS } from '#shared/workshops/workshop.schema.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { partnerTypeOptions } from '#renderer/app/workshop-options.js';
import type { FormValues } from './form-values';

export function PartnersField({ control, errors }: { control: Control<FormValues>; errors: FieldErrors<FormValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'partners' });
  const addRef = useRef<HTMLButtonElement>(null);
  const listError = errors.partners?.root?.message ?? errors.partners?.message;
  return (
    <fieldset className="repeat">
      <legend className="repeat__legend">{t('workshops.form.partners')}</legend>
      {fields.length === 0 ? <p className="repeat__empty">{t('workshops.form.noPartners')}</p> : null}
      <ol className="repeat__list">
        {fields.map((row, i) => (
          <li key={row.id} className="repeat__row" data-testid="partner-row">
            <Controller
              control={control}
              name={`partners.${i}.name`}
              render={({ field }) => (
                <TextField
                  label={t('workshops.form.partnerName', { n: i + 1 })}
                  name={field.name}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  isRequired
                  errorMessage={translateMessage(t, errors.partners?.[i]?.name?.message)}
                />
              )}
            />
            <Controller
              control={control}
              name={`partners.${i}.type`}
              render={({ field }) => (
                <SelectField
                  label={t('workshops.form.partnerType', { n: i + 1 })}
                  name={field.name}
                  options={partnerTypeOptions(t)}
                  value={field.value ?? null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  buttonRef={field.ref}
                  placeholder={t('common.choose')}
                  isRequired
                  errorMessage={translateMessage(t, errors.partners?.[i]?.type?.message)}
                />
              )}
            />
            <Button
              variant="quiet"
              className="repeat__remove"
              onPress={() => {
                remove(i);
                addRef.current?.focus();
              }}
            >
              <span aria-hidden="true">{t('workshops.form.remove')}</span>
              <span className="visually-hidden">{t('workshops.form.removePartner', { n: i + 1 })}</span>
            </Button>
          </li>
        ))}
      </ol>
      {listError ? <p className="field__error">{translateMessage(t, listError)}</p> : null}
      {fields.length < LIMITS.partners ? (
        <Button ref={addRef} variant="secondary" onPress={() => append({ name: '', type: 'association' }, { shouldFocus: true })}>
          <span aria-hidden="true">+ </span>
          {t('workshops.form.addPartner')}
        </Button>
      ) : null}
    </fieldset>
  );
}
