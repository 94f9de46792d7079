/**
 * The Paris Citizen Card number. The City publishes no format with a check digit for it (the
 * card shows a number of letters and digits; docs/citizen-card.md says so): a number is valid
 * when, spaces and dashes removed and upper-cased, it has 4 to 20 letters or digits with at
 * least one digit. Two spellings of one number (« ab 12-34 », « AB1234 ») are one number.
 */
export const CARD_NUMBER_PATTERN = cardNumberPattern(4, 20);

/**
 * `^(?=.*[0-9])[A-Z0-9]{4,20}$` written without a lookahead (one branch per place of the first
 * digit), so that tools reading the JSON Schema of the records (property tests, OpenAPI
 * clients) can generate and check it too.
 */
function cardNumberPattern(min: number, max: number): RegExp {
  const branches: string[] = [];
  for (let letters = 0; letters < max; letters += 1) {
    const lead = letters === 0 ? '' : `[A-Z]{${letters}}`;
    const restMin = Math.max(0, min - letters - 1);
    const restMax = max - letters - 1;
    branches.push(`${lead}[0-9][A-Z0-9]{${restMin},${restMax}}`);
  }
  return new RegExp(`^(?:${branches.join('|')})$`);
}

/** The number as stored and compared: without spaces nor dashes, upper case. */
export function normalizeCardNumber(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

export function isCardNumber(raw: string): boolean {
  return CARD_NUMBER_PATTERN.test(normalizeCardNumber(raw));
}

/** What a screen or a paper shows of a number to someone who need not read it whole: « •••• 1234 ». */
export function maskedCardNumber(cardNumber: string): string {
  const n = normalizeCardNumber(cardNumber);
  return `•••• ${n.slice(-4)}`;
}

/** The QR code printed on a confirmation: the registration's id, nothing personal. */
export const QR_PREFIX = 'ATELIER-CC:';
export function confirmationQrPayload(registrationId: string): string {
  return `${QR_PREFIX}${registrationId}`;
}
/** The registration id a scanned QR code names, or null when it is not one of ours. */
export function registrationIdFromQr(payload: string): string | null {
  const m = /^ATELIER-CC:([0-9a-fA-F-]{36})$/.exec(payload.trim());
  return m ? m[1]!.toLowerCase() : null;
}
