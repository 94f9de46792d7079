/**
 * The balance of the cohort in words (balance.ts gives codes and numbers): the sentence of
 * each warning and note, the name of a direction, a seniority band. The words are the
 * catalogue's (`transfo`): the screen passes its `t`, the core its translator, and both say the
 * same thing. The language is passed for the numbers (« 38 % », « 38% »).
 */
import type { TFunction } from 'i18next';
import { localeOf, type Language } from '../i18n/languages.js';
import type { BalanceNote, BalanceWarning, GenderKey, SeniorityBand } from './balance.js';
import type { DirectionCode } from './directions.js';
import type { TransfoCategory, TransfoOutcome, TransfoStage } from './values.js';

export function directionLabel(t: TFunction, code: DirectionCode): string {
  return t(`transfo.directions.${code}`);
}
export function categoryLabel(t: TFunction, category: TransfoCategory): string {
  return t(`transfo.categories.${category}`);
}
export function genderLabel(t: TFunction, gender: GenderKey): string {
  return t(`transfo.genders.${gender}`);
}
export function outcomeLabel(t: TFunction, outcome: TransfoOutcome): string {
  return t(`transfo.outcomes.${outcome}`);
}
export function stageLabel(t: TFunction, stage: TransfoStage): string {
  return t(`transfo.stages.${stage}`);
}

/** « de 5 à 14 ans », « de 15 ans et plus ». */
export function seniorityBandText(t: TFunction, band: SeniorityBand): string {
  return band.to === null ? t('transfo.balance.seniorityBandOpen', { from: band.from }) : t('transfo.balance.seniorityBand', { from: band.from, to: band.to });
}

/**
 * A share as a whole percentage, rounded DOWN: 39.6 % under a 40 % minimum must not read
 * « 40 % » next to « 40 % au moins ».
 */
export function shareText(share: number, language: Language): string {
  return new Intl.NumberFormat(localeOf[language], { style: 'percent', maximumFractionDigits: 0 }).format(Math.floor(share * 100 + 1e-9) / 100);
}

export function balanceWarningText(t: TFunction, language: Language, w: BalanceWarning): string {
  switch (w.code) {
    case 'over_target':
      return t('transfo.balance.warnings.over_target', { count: w.count, target: w.target, extra: w.count - w.target });
    case 'under_target':
      return t('transfo.balance.warnings.under_target', { count: w.count, target: w.target, missing: w.target - w.count });
    case 'direction_over':
      return t('transfo.balance.warnings.direction_over', { direction: directionLabel(t, w.direction), count: w.count, max: w.max });
    case 'category_missing':
      return t('transfo.balance.warnings.category_missing', { category: w.category });
    case 'gender_share':
      return t(`transfo.balance.warnings.gender_share.${w.gender}`, { share: shareText(w.share, language), min: shareText(w.min, language) });
    case 'seniority_band_missing':
      return t('transfo.balance.warnings.seniority_band_missing', { band: seniorityBandText(t, w.band) });
  }
}

export function balanceNoteText(t: TFunction, n: BalanceNote): string {
  switch (n.code) {
    case 'gender_unknown':
      return t('transfo.balance.notes.gender_unknown', { count: n.count });
    case 'gender_unchecked':
      return t('transfo.balance.notes.gender_unchecked', { known: n.known, minKnown: n.minKnown });
    case 'withdrew':
      return t('transfo.balance.notes.withdrew', { count: n.count });
  }
}
