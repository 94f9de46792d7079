/** Who facilitates: one name per row. Says who will see the names (personal data). */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Control, FieldErrors } from 'react-hook-form';
import { Controller } from 'react-hook-form';
import { LIMITS } from '#shared/workshops/workshop.schema.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { TextField } from '#renderer/components/TextField.js';
import type { FormValues } from './form-values';

export function FacilitatorsField({ control, errors }: { control: Control<FormValues>; errors: FieldErrors<FormValues> }) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  // The row just added takes the focus, so a person can type the name at once.
  const [added, setAdded] = useState<number | null>(null);
  return (
    <Controller
      control={control}
      name="facilitators"
      render={({ field }) => {
        const names = field.value ?? [];
        const setNames = (next: string[]) => field.onChange(next);
        const rowErrors = errors.facilitators as unknown as ({ message?: string } | undefined)[] | undefined;
        const listError = (errors.facilitators as { message?: string } | undefined)?.message;
        return (
          <fieldset className="repeat">
            <legend className="repeat__legend">{t('workshops.form.facilitators')}</legend>
            <p className="field__hint">{t('workshops.form.facilitatorsHint')}</p>
            {names.length === 0 ? <p className="repeat__empty">{t('workshops.form.noFacilitators')}</p> : null}
            <ol className="repeat__list">
              {names.map((name, i) => (
                <li key={i} className="repeat__row" data-testid="facilitator-row">
                  <TextField
                    label={t('workshops.form.facilitatorName', { n: i + 1 })}
                    name={`facilitators.${i}`}
                    value={name}
                    onChange={(v) => setNames(names.map((old, j) => (j === i ? v : old)))}
                    onBlur={field.onBlur}
                    autoComplete="off"
                    isRequired
                    autoFocus={added === i}
                    errorMessage={translateMessage(t, rowErrors?.[i]?.message)}
                  />
                  <Button
                    variant="quiet"
                    className="repeat__remove"
                    onPress={() => {
                      setAdded(null);
                      setNames(names.filter((_, j) => j !== i));
                      addRef.current?.focus();
                    }}
                  >
                    <span aria-hidden="true">{t('workshops.form.remove')}</span>
              <span className="visually-hidden">{t('workshops.form.removeFacilitator', { n: i + 1 })}</span>
                  </Button>
                </li>
              ))}
            </ol>
            {listError ? <p className="field__error">{translateMessage(t, listError)}</p> : null}
            {names.length < LIMITS.facilitators ? (
              <Button
                ref={addRef}
                variant="secondary"
                onPress={() => {
                  setAdded(names.length);
                  setNames([...names, '']);
                }}
              >
                <span aria-hidden="true">+ </span>
                {t('workshops.form.addFacilitator')}
              </Button>
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}
