/**
 * Ids the charter derives instead of drawing at random, so that the same thing recorded twice
 * is one record, not two:
 * - each answer of a paper questionnaire: two laptops typing the same sheet make the same ids,
 *   and the sync then holds one record per answer (the second laptop's creates merge into the
 *   first's on the portal);
 * - an online contribution posted twice by the City's website (the same `externalId`).
 *
 * The id is the first 128 bits of SHA-256 of a name, shaped as a UUID of version 8 (RFC 9562,
 * « custom »). Pure: the caller hashes (node:crypto in the core and in the portal).
 */

/** The name of the answer at `index` (0-based) of paper sheet `sheetNumber` (upper-cased) to `questionId`. */
export function paperAnswerName(consultationId: string, sheetNumber: string, questionId: string, index: number): string {
  return `charter-sheet:${consultationId.toLowerCase()}:${sheetNumber.toUpperCase()}:${questionId.toLowerCase()}:${index}`;
}

/** The name of an online contribution: the consultation and the website's `externalId`. */
export function onlineContributionName(consultationId: string, externalId: string): string {
  return `charter-online:${consultationId.toLowerCase()}:${externalId}`;
}

/** A UUID (version 8, RFC 4122 variant) from a SHA-256 digest in hex (64 digits; the first 32 are used). */
export function uuidFromSha256(hex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('uuidFromSha256 wants 64 hex digits');
  const h = hex.toLowerCase().slice(0, 32).split('');
  h[12] = '8';
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
