/** Translated choices for the workshop fields, in the order the schema lists them. */
import type { TFunction } from 'i18next';
import { partnerTypes, workshopKinds, workshopStatuses } from '#shared/workshops/workshop.schema.js';
import { formatArrondissement } from './format';
import type { Language } from './i18n';
import type { Option } from '../components/SelectField';

export const kindOptions = (t: TFunction): Option[] => workshopKinds.map((id) => ({ id, label: t(`kinds.${id}`) }));
export const statusOptions = (t: TFunction): Option[] => workshopStatuses.map((id) => ({ id, label: t(`statuses.${id}`) }));
export const partnerTypeOptions = (t: TFunction): Option[] => partnerTypes.map((id) => ({ id, label: t(`partnerTypes.${id}`) }));
export const arrondissementOptions = (language: Language): Option[] =>
  Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), label: formatArrondissement(i + 1, language) }));
