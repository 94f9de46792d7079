/**
 * An amount in euros typed in the person's language (« 12 500 € »); empty means "no value".
 * No minimum is set on purpose: react-aria would silently clamp « -5 » to 0, whereas the
 * shared schema refuses it with a message beside the field and keeps what was typed.
 */
import type { Ref } from 'react';
import { FieldError, Group, Input, Label, NumberField, Text } from 'react-aria-components';

export interface EurosFieldProps {
  label: string;
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  description?: string;
  errorMessage?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function EurosField({ label, value, onChange, description, errorMessage, inputRef, ...props }: EurosFieldProps) {
  return (
    <NumberField
      {...props}
      value={value ?? Number.NaN}
      onChange={(n) => onChange(Number.isNaN(n) ? null : n)}
      formatOptions={{ style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }}
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
    </NumberField>
  );
}
