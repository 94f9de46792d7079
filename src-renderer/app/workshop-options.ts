/** Translated choices for the workshop fields, in the order the schema lists them. */
import type { TFunction } from 'i18next';
import { partnerTypes, workshopKinds, workshopStatuses } from '#shared/workshops/workshop.schema.js';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import type { Option } from '../components/SelectField';

export const kindOptions = (t: TFunction): Option[] => workshopKinds.map((id) => ({ id, label: t(`labels.workshopKinds.${id}`) }));
export const statusOptions = (t: TFunction): Option[] => workshopStatuses.map((id) => ({ id, label: t(`labels.workshopStatuses.${id}`) }));
export const partnerTypeOptions = (t: TFunction): Option[] => partnerTypes.map((id) => ({ id, label: t(`labels.partnerTypes.${id}`) }));
export const arrondissementOptions = (t: TFunction): Option[] => Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), label: arrondissementLabel(t, i + 1) }));
