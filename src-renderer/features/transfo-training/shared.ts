/** What the training's screens share: the nouns of their refusals, the paths of the core's fields, the options. */
import type { TFunction } from 'i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import { designMethods } from '#shared/transfo/methods.js';
import type { TrainingModule } from '#shared/transfo/training.schema.js';

export const NOUN = { module: 'transfoModule', session: 'transfoSession', attendance: 'transfoAttendance', campaign: 'transfoCampaign' } as const satisfies Record<string, RecordNoun>;

/** The core names the fields `fields.…`, `workshop.…`, `session.…`; the forms name them without. */
export const formPath = (path: string): string => path.replace(/^(fields|workshop|session)\./, '');

export const methodOptions = (t: TFunction) => designMethods.map((id) => ({ id, label: t(`transfoMethods.${id}`) }));

/** « Observation — Observer sans interpréter ». */
export const moduleLabel = (t: TFunction, m: Pick<TrainingModule, 'method' | 'title'>) => `${t(`transfoMethods.${m.method}`)} — ${m.title}`;

export const trainingPath = (campaignId: string) => `/transfo/${campaignId}/training`;
