/**
 * How the study names its categories, on the screen and in the exported files: the screen
 * passes its `t`, the core its translator, and both read the catalogue's `labels` namespace.
 */
import type { TFunction } from 'i18next';
import { arrondissementLabel, dataLabel } from '../i18n/label-accessors.js';
import { genderCategories } from './gender-categories.js';

const yesNoTables = new Set(['livesInQpv', 'firstParticipation', 'neighbourhoodCouncilMember', 'associationMember']);

/** The label of a category of a table (or of a cross table's row or column dimension). */
export function categoryLabel(t: TFunction, dimension: string, key: string): string {
  if (dimension === 'ageBracket') return dataLabel(t, 'ageBrackets', key);
  if (dimension === 'residence') {
    const arr = /^arr-(\d+)$/.exec(key);
    return arr ? arrondissementLabel(t, Number(arr[1])) : dataLabel(t, 'residenceCategories', key);
  }
  if (yesNoTables.has(dimension)) return dataLabel(t, 'yesNoUnknown', key);
  // Only the closed categories of gender-categories.ts: never the words a person typed.
  if (dimension === 'gender') return dataLabel(t, 'genderCategories', (genderCategories as readonly string[]).includes(key) ? key : 'self_described');
  if (dimension === 'theme') return dataLabel(t, 'themes', key);
  if (dimension === 'neighbourhoodClass') return dataLabel(t, 'neighbourhoodClasses', key);
  return key;
}

/** The crossed tables' row dimension (their columns are always themes). */
export const crossRowDimension = { ageBracketByTheme: 'ageBracket', livesInQpvByTheme: 'livesInQpv' } as const;
