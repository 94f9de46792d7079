/** Translated choices for the Citizen Card fields, in the order the shared schema lists them. */
import type { TFunction } from 'i18next';
import {
  accessibilityFeatures,
  atelierAudiences,
  atelierFormats,
  atelierLanguages,
  atelierThemes,
  priorityGroups,
  registrationChannels,
} from '#shared/citizen-card/citizen-card.schema.js';
import type { Option } from '#renderer/components/SelectField.js';

export const themeOptions = (t: TFunction): Option[] => atelierThemes.map((id) => ({ id, label: t(`labels.atelierThemes.${id}`) }));
export const audienceOptions = (t: TFunction): Option[] => atelierAudiences.map((id) => ({ id, label: t(`labels.atelierAudiences.${id}`) }));
export const formatOptions = (t: TFunction): Option[] => atelierFormats.map((id) => ({ id, label: t(`labels.atelierFormats.${id}`) }));
export const accessibilityOptions = (t: TFunction): Option[] => accessibilityFeatures.map((id) => ({ id, label: t(`labels.accessibilityFeatures.${id}`) }));
export const languageOptions = (t: TFunction): Option[] => atelierLanguages.map((id) => ({ id, label: t(`labels.atelierLanguages.${id}`) }));
export const groupOptions = (t: TFunction): Option[] => priorityGroups.map((id) => ({ id, label: t(`labels.priorityGroups.${id}`) }));
/** Groups a person states at registration (first_timer is computed by the core). */
export const statedGroupOptions = (t: TFunction): Option[] => groupOptions(t).filter((o) => o.id !== 'first_timer');
/** Channels a desk records (online registrations come from the portal). */
export const deskChannelOptions = (t: TFunction): Option[] =>
  registrationChannels.filter((c) => c !== 'online').map((id) => ({ id, label: t(`labels.registrationChannels.${id}`) }));
