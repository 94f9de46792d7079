/**
 * How the access report writes its values, for the PDF the core hands to the person and for
 * the person's screen alike: a study answer read back with the study's own category names,
 * a Paris calendar day in words. The words themselves are the catalogue's (`people.report`,
 * `labels`): the core passes its translator, the screen its `t`.
 */
import type { TFunction } from 'i18next';
import { dataLabel } from '../i18n/label-accessors.js';
import type { Language } from '../i18n/languages.js';
import { categoryLabel } from '../study/study-labels.js';

const closedAnswers = new Set(['ageBracket', 'residence', 'livesInQpv', 'firstParticipation', 'neighbourhoodCouncilMember', 'associationMember']);

/** A study answer as the person reads it back: the study's own category names where it has them. */
export function profileAnswerText(t: TFunction, field: string, value: string | number | null): string {
  if (value === null || value === '') return t('people.report.empty');
  if (field === 'occupationCategory') return dataLabel(t, 'occupations', String(value));
  if (field === 'residenceArrondissement') return categoryLabel(t, 'residence', `arr-${value}`);
  if (closedAnswers.has(field)) return categoryLabel(t, field, String(value));
  // The gender, a commune, an association: the person's own words, given back to them.
  return String(value);
}

/** A Paris calendar day (`YYYY-MM-DD`) as people read it: « dimanche 14 mars 2027 », « Sunday 14 March 2027 ». */
export function dayText(day: string, language: Language): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  for (const p of format.formatToParts(new Date(`${day}T12:00:00Z`))) parts[p.type] = p.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}
