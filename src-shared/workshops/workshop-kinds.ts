/**
 * What each kind of workshop offers, as data: the core refuses a command of a feature the
 * workshop's kind lacks (proposals at a dataset meetup), and the screens show only what the
 * kind has. A new kind, or a feature, missing here is a compile error.
 */
import { fail, ok, type Result } from '../result.js';
import type { WorkshopKind } from './workshop.schema.js';

export interface KindFeatures {
  /** Registration, check-in, walk-ins, the anonymous count, paper sheets (attendance:*). */
  welcomeDesk: boolean;
  /** Participatory-budget proposals captured at the workshop, and their regroupement (proposals:*). */
  proposals: boolean;
  /** Dots and majority-judgement grades given to the proposals (supports:*). */
  supports: boolean;
  /** The study dashboard and its exports for this workshop (study:*, workshop scope). */
  study: boolean;
  /** Registrations drawn by lot, the waiting list and its promotions (Citizen Card ateliers, citizen-card:*). */
  lottery: boolean;
  /** Contributions to a text under consultation (the participation charter; not built yet). */
  contributions: boolean;
}
export type WorkshopFeature = keyof KindFeatures;

const welcomeDeskOnly: KindFeatures = { welcomeDesk: true, proposals: false, supports: false, study: false, lottery: false, contributions: false };

export const workshopKindFeatures = {
  pb_co_construction: { welcomeDesk: true, proposals: true, supports: true, study: true, lottery: false, contributions: false },
  // The welcome desk stays; the lottery is citizen-card:* (announce, draw, promotions).
  citizen_card_atelier: { ...welcomeDeskOnly, lottery: true },
  charter_consultation: welcomeDeskOnly,
  dataset_meetup: welcomeDeskOnly,
  lab_monthly: welcomeDeskOnly,
  la_transfo_training: welcomeDeskOnly,
} as const satisfies Record<WorkshopKind, KindFeatures>;

export function kindHas(kind: WorkshopKind, feature: WorkshopFeature): boolean {
  return workshopKindFeatures[kind][feature];
}

/**
 * The refusal of a command of `feature` for a workshop of this kind, named on `field` (the
 * input field that chose the workshop); ok when the kind has it.
 */
export function kindAllows(kind: WorkshopKind, feature: WorkshopFeature, field: string): Result<null> {
  return kindHas(kind, feature)
    ? ok(null)
    : fail('invalid_transition', `A ${kind} workshop has no ${feature}`, { [field]: 'validation.featureNotOffered' });
}
