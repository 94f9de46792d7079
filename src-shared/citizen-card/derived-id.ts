/**
 * Ids derived from what a record is about, so that two laptops (or a laptop and the portal)
 * that make « the same » record make one record: an occurrence's settings and its draw from the
 * workshop id, a registration from the workshop and the holder, a promotion from the freed
 * registration. The hash is passed in (src-shared imports no Node built-in): the core and the
 * portal both pass SHA-256 (`sha256Hex`), and a unit test pins a value so that both agree.
 *
 * The id is a UUID of version 8 (RFC 9562, « custom »): the first 128 bits of
 * SHA-256(`atelier-cc/<kind>\n<part 1>\n<part 2>…`) with the version and variant bits set.
 */
export type Sha256Hex = (text: string) => string;

export const derivedIdKinds = ['occurrence', 'draw', 'registration', 'promotion'] as const;
export type DerivedIdKind = (typeof derivedIdKinds)[number];

export function derivedId(sha256Hex: Sha256Hex, kind: DerivedIdKind, ...parts: string[]): string {
  const hex = sha256Hex([`atelier-cc/${kind}`, ...parts.map((p) => p.toLowerCase())].join('\n')).slice(0, 32);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const occurrenceSettingsId = (h: Sha256Hex, workshopId: string) => derivedId(h, 'occurrence', workshopId);
export const drawId = (h: Sha256Hex, workshopId: string) => derivedId(h, 'draw', workshopId);
/** One holder once per occurrence, whichever laptop (or the portal) registered them. */
export const registrationId = (h: Sha256Hex, workshopId: string, holderId: string) => derivedId(h, 'registration', workshopId, holderId);
/** One promotion per freed place. */
export const promotionId = (h: Sha256Hex, freedRegistrationId: string) => derivedId(h, 'promotion', freedRegistrationId);
