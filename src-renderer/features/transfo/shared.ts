/** What La Transfo's screens share: the nouns of their refusals, the options of their lists, a day's text. */
import type { TFunction } from 'i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import type { Language } from '#shared/i18n/languages.js';
import { directionCodes } from '#shared/transfo/directions.js';
import { availabilities } from '#shared/transfo/candidate.schema.js';
import { transfoCategories, transfoGenders, transfoStages } from '#shared/transfo/values.js';
import { formatDay } from '#renderer/app/format.js';

export const NOUN = { campaign: 'transfoCampaign', candidate: 'transfoCandidate' } as const satisfies Record<string, RecordNoun>;

/** The core names a form's fields `fields.<name>`; the forms name them `<name>`. */
export const formPath = (path: string): string => path.replace(/^fields\./, '');

/** « DAC — Direction des Affaires culturelles ». */
export const directionOptions = (t: TFunction) => directionCodes.map((id) => ({ id, label: `${id} — ${t(`transfo.directions.${id}`)}` }));
export const categoryOptions = (t: TFunction) => transfoCategories.map((id) => ({ id, label: t(`transfo.categories.${id}`) }));
export const genderOptions = (t: TFunction) => transfoGenders.map((id) => ({ id, label: t(`transfo.genders.${id}`) }));
export const stageOptions = (t: TFunction) => transfoStages.map((id) => ({ id, label: t(`transfo.stages.${id}`) }));
export const availabilityOptions = (t: TFunction) => availabilities.map((id) => ({ id, label: t(`transfo.ui.availabilities.${id}`) }));

/** A calendar day (`YYYY-MM-DD`) as the language writes it, read at noon in Paris. */
export const dayText = (day: string, language: Language) => formatDay(`${day}T12:00:00Z`, language);
