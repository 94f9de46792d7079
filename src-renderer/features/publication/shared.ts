/** What the publication's screens share: the noun of their refusals, a period's words. */
import type { TFunction } from 'i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import type { Language } from '#shared/i18n/languages.js';
import { localeOf } from '#shared/i18n/languages.js';
import type { Period } from '#shared/publication/publication.schema.js';

export const NOUN: RecordNoun = 'publication';

/** « mars 2026 », « 2026 ». */
export function periodText(period: Period, language: Language): string {
  if (period.kind === 'year') return period.key;
  return new Intl.DateTimeFormat(localeOf[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period.key}-15T12:00:00Z`));
}

export const cellText = (t: TFunction, c: { value: number | null; masked: false | 'small' | 'complement' }) =>
  c.value !== null ? String(c.value) : c.masked === 'complement' ? t('publication.doc.complement') : t('publication.doc.small');
