/**
 * Typed ways to the domain's labels (namespace `labels`) for code that holds a value rather
 * than a key: the renderer passes its `t`, the core its translator (translator.ts).
 */
import type { ParseKeys, TFunction } from 'i18next';
import type { AtelierLanguage, AtelierTheme, PriorityGroup, RegistrationStatus } from '../citizen-card/citizen-card.schema.js';
import type { PbThemeCode } from '../reference/pb-themes.js';
import type { labelsFr } from './fr/labels.js';

/** The groups of values of the `labels` namespace (`themes`, `ageBrackets`…). */
export type LabelGroup = { [K in keyof typeof labelsFr]: (typeof labelsFr)[K] extends string ? never : K }[keyof typeof labelsFr];

/** « 1er arrondissement », « 18e arrondissement » / « 1st arrondissement », « 22nd »… */
export function arrondissementLabel(t: TFunction, n: number): string {
  return t('labels.arrondissement', { count: n, ordinal: true });
}

export function themeLabel(t: TFunction, code: PbThemeCode): string {
  return t(`labels.themes.${code}`);
}

/**
 * The label of a value read from data (a study category, a code from a file) that the
 * catalogue may not know: the value itself then, never a key.
 */
export function dataLabel(t: TFunction, group: LabelGroup, value: string): string {
  return t(`labels.${group}.${value}` as ParseKeys, { defaultValue: value });
}

/** « Plutôt d’accord » for 4 (the charter's 5-point agreement scale). */
export function agreementLabel(t: TFunction, level: number): string {
  return t(`labels.agreementLevels.${String(level)}` as ParseKeys, { defaultValue: String(level) });
}
/** The Citizen Card ateliers' values (citizen-card.schema.ts), for screens and papers. */
export function cardRegistrationStatusLabel(t: TFunction, status: RegistrationStatus): string {
  return t(`labels.cardRegistrationStatuses.${status}`);
}
export function priorityGroupLabel(t: TFunction, group: PriorityGroup): string {
  return t(`labels.priorityGroups.${group}`);
}
export function atelierThemeLabel(t: TFunction, theme: AtelierTheme): string {
  return t(`labels.atelierThemes.${theme}`);
}
export function atelierLanguageLabel(t: TFunction, language: AtelierLanguage): string {
  return t(`labels.atelierLanguages.${language}`);
}
