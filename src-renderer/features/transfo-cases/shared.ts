/** What the practical cases' screens share: the noun of their refusals, the options of their lists, a day's text. */
import type { TFunction } from 'i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import type { Language } from '#shared/i18n/languages.js';
import { caseStates } from '#shared/transfo/case-values.js';
import { directionCodes } from '#shared/transfo/directions.js';
import { designMethods } from '#shared/transfo/methods.js';
import { formatDay } from '#renderer/app/format.js';

export const NOUN: RecordNoun = 'transfoCase';

/** The core names a form's fields `fields.<name>` (or `entry.<name>`); the forms name them `<name>`. */
export const formPath = (path: string): string => path.replace(/^(fields|entry)\./, '');

/** « DAC — Direction des Affaires culturelles ». */
export const directionOptions = (t: TFunction) => directionCodes.map((id) => ({ id, label: `${id} — ${t(`transfo.directions.${id}`)}` }));
export const stateOptions = (t: TFunction) => caseStates.map((id) => ({ id, label: t(`transfoCases.states.${id}`) }));
export const methodOptions = (t: TFunction) => designMethods.map((id) => ({ id, label: t(`transfoMethods.${id}`) }));

/** A calendar day (`YYYY-MM-DD`) as the language writes it, read at noon in Paris. */
export const dayText = (day: string, language: Language) => formatDay(`${day}T12:00:00Z`, language);

/** Today in Paris, `YYYY-MM-DD`. */
export const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

export const casesPath = (campaignId: string) => `/transfo/${campaignId}/cases`;
