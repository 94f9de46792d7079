/**
 * A number typed in the person's language (« 1 200 » by default, or any Intl format such as
 * euros); empty means "no value".
 */
import type { Ref } from 'react';
import { FieldError, Group, Input, Label, NumberField as AriaNumberField, Text } from 'react-aria-components';

export interface NumberFieldProps {
  label: string;
  name?: string;
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  description?: string;
  errorMessage?: string;
  minValue?: number;
  maxValue?: number;
  inputRef?: Ref<HTMLInputElement>;
  /** How the number reads (Intl.NumberFormat options); a whole number by default. */
  formatOptions?: Intl.NumberFormatOptions;
}

const WHOLE_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: true };

export function NumberField({ label, value, onChange, description, errorMessage, inputRef, formatOptions = WHOLE_NUMBER, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField
      {...props}
      value={value ?? Number.NaN}
      onChange={(n) => onChange(Number.isNaN(n) ? null : n)}
      formatOptions={formatOptions}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <Group className="number-field__group">
        <Input ref={inputRef} className="field__control field__control--short" />
      </Group>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaNumberField>
  );
}
