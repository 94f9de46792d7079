/**
 * A number typed in the person's language (« 1 200 » by default, or any Intl format such as
 * euros); empty means "no value".
 *
 * react-aria reports a number only when the field is committed (blur, Enter), so a reload with
 * the field still focused would lose « 40 » from the draft. Here every keystroke that leaves a
 * readable number reports it at once (parsed the way react-aria parses it), while the text on
 * screen is left as typed: it is formatted only on commit, as before.
 */
import { NumberParser } from '@internationalized/number';
import { useMemo, useState, type Ref } from 'react';
import { FieldError, Group, Input, NumberField as AriaNumberField, useLocale } from 'react-aria-components';
import { FieldHead, fieldClass } from './FieldHead';

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
  isRequired?: boolean;
  className?: string;
}

const WHOLE_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: true };

export function NumberField({ label, value, onChange, description, errorMessage, inputRef, formatOptions = WHOLE_NUMBER, className, ...props }: NumberFieldProps) {
  const { locale } = useLocale();
  const parser = useMemo(() => new NumberParser(locale, formatOptions), [locale, formatOptions]);
  // `shown` is what react-aria holds; `known` is the last value the parent and this field agree
  // on. A value from outside (a draft discarded, a reset) replaces what is shown; the echo of
  // what this field reported while typing does not, or the text would be reformatted under the
  // person's fingers.
  const [shown, setShown] = useState(value);
  const [known, setKnown] = useState(value);
  if (!Object.is(value, known)) {
    setKnown(value);
    setShown(value);
  }
  const report = (n: number | null) => {
    setKnown(n);
    onChange(n);
  };

  return (
    <AriaNumberField
      {...props}
      value={shown ?? Number.NaN}
      onChange={(n) => {
        const committed = Number.isNaN(n) ? null : n;
        setShown(committed);
        report(committed);
      }}
      formatOptions={formatOptions}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={fieldClass(className)}
    >
      <FieldHead label={label} isRequired={props.isRequired} description={description} />
      <Group className="number-field__group">
        <Input
          ref={inputRef}
          className="field__control field__control--short"
          onChange={(e) => {
            // react-aria refuses characters that cannot make a number; so does this.
            const text = e.currentTarget.value;
            if (!parser.isValidPartialNumber(text, props.minValue, props.maxValue)) return;
            const n = parser.parse(text);
            report(Number.isNaN(n) ? null : n);
          }}
        />
      </Group>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaNumberField>
  );
}
