/**
 * A practical case's state and direction as words, in the publication (its document in the
 * core, its preview in the screen). The snapshot keeps codes; a code this version does not know
 * (a newer laptop's) is shown as it is rather than hidden.
 */
import type { TFunction } from 'i18next';
import { caseStates, type CaseState } from '../transfo/case-values.js';
import { directionCodes, type DirectionCode } from '../transfo/directions.js';

export const caseStateText = (t: TFunction, state: string): string =>
  (caseStates as readonly string[]).includes(state) ? t(`transfoCases.states.${state as CaseState}`) : state;

/** « DAC » stays the code: it is how the City names its directions; the full name follows. */
export const caseDirectionText = (t: TFunction, direction: string): string =>
  (directionCodes as readonly string[]).includes(direction) ? `${direction} — ${t(`transfo.directions.${direction as DirectionCode}`)}` : direction;
