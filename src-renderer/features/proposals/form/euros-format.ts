/**
 * How an amount in euros reads in the person's language (« 12 500 € »); empty means "no value".
 * No minimum is set on purpose: react-aria would silently clamp « -5 » to 0, whereas the
 * shared schema refuses it with a message beside the field and keeps what was typed.
 */
export const EUROS: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 };
