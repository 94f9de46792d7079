/**
 * An amount in euros typed in the person's language (« 12 500 € »); empty means "no value".
 * No minimum is set on purpose: react-aria would silently clamp « -5 » to 0, whereas the
 * shared schema refuses it with a message beside the field and keeps what was typed.
 */
import { NumberField, type NumberFieldProps } from '#renderer/components/NumberField.js';

export type EurosFieldProps = Omit<NumberFieldProps, 'formatOptions' | 'minValue' | 'maxValue'> & { name: string };

const EUROS: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 };

export function EurosField(props: EurosFieldProps) {
  return <NumberField {...props} formatOptions={EUROS} />;
}
