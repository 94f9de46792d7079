/** The parts of an answer shared by the workshop's form and the results: the 5-point scale, a contribution's words. */
import type { TFunction } from 'i18next';
import { agreementLevels, type Contribution } from '#shared/charter/charter.schema.js';
import { agreementLabel } from '#shared/i18n/label-accessors.js';

/** « 5 — Tout à fait d’accord »: the number and its words, so the scale reads without its order. */
export const agreementOptions = (t: TFunction) => agreementLevels.map((n) => ({ id: String(n), label: `${n} — ${agreementLabel(t, n)}` }));

/** What a contribution says, in one line: the level of agreement, or the text. */
export function answerText(t: TFunction, c: Pick<Contribution, 'type' | 'agreement' | 'text'>): string {
  return c.type === 'agreement' && c.agreement !== null ? `${c.agreement} — ${agreementLabel(t, c.agreement)}` : (c.text ?? '');
}

/** Who gave it: « Table 3 », « Feuille 12 », « En ligne », « Une personne ». */
export function contributorText(t: TFunction, c: Pick<Contribution, 'channel' | 'contributor' | 'tableLabel' | 'sheetNumber' | 'profileId'>): string {
  if (c.contributor === 'table' && c.tableLabel) return t('charter.results.fromTable', { label: c.tableLabel });
  if (c.channel === 'paper' && c.sheetNumber) return t('charter.results.fromSheet', { sheet: c.sheetNumber });
  if (c.channel === 'online') return t('charter.results.fromOnline');
  return c.profileId ? t('charter.results.fromProfile') : t('charter.results.fromIndividual');
}
