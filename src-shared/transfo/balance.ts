/**
 * The balance of La Transfo's cohort as it is built (issue 11): the chosen against the
 * candidates by direction, category, gender and seniority, and the warnings when the 20 lean
 * too far by the lab's own rules (editable, `balanceRulesSchema`). Pure: the screen shows it
 * as the lab decides, a PDF can print it, and both say it in the same words (balance-text.ts).
 *
 * Counting, and why:
 * - « chosen » are the ambassadors only: they are the 20 the rules are about. Relais are chosen
 *   too, for occasional tests, and are counted apart (`relais`), never against the target.
 * - « candidates » are everyone still in the running, chosen or not; a candidate who withdrew is
 *   counted nowhere (a withdrawn ambassador no longer fills a seat) and only noted.
 * - An unknown gender is not a gender: it has its row (`unknown`) and a note, and is left out
 *   of the shares, which are taken over the chosen whose gender is known. A share over two or
 *   three known genders says nothing, so it is checked only from `minKnown` known genders on.
 */
import { z } from 'zod';
import { directionCodes, type DirectionCode } from './directions.js';
import { transfoCategories, transfoGenders, type TransfoCategory, type TransfoGender, type TransfoOutcome, type TransfoStage } from './values.js';

/** What the balance needs of a candidate, and nothing more (no name: the balance is counts). */
export interface BalanceCandidate {
  id: string;
  direction: DirectionCode;
  category: TransfoCategory;
  gender?: TransfoGender | null;
  /** Whole years in the City's service. */
  yearsInCity: number;
  outcome: TransfoOutcome | null;
  stage: TransfoStage;
}

const invalid = { error: 'validation.invalid' } as const;
const whole = (min: number, max: number) => z.number(invalid).int(invalid).min(min, invalid).max(max, invalid);

/** The lab's rules for the cohort. Each rule can be turned off (null or false) but not bent out of sense. */
export const balanceRulesSchema = z.strictObject(
  {
    /** How many ambassadors the cohort has (20 in 2016). */
    target: whole(1, 200),
    /** At most this many ambassadors of one direction; null: no limit. */
    maxPerDirection: whole(1, 200).nullable(),
    /** At least one ambassador of each category, A, B and C. */
    everyCategoryRepresented: z.boolean(invalid),
    /**
     * Women and men each at least `min` (0 to 0.5: more could not hold for both) of the
     * ambassadors whose gender is known, once `minKnown` of them are known; null: not checked.
     */
    genderShare: z.strictObject({ min: z.number(invalid).min(0, invalid).max(0.5, invalid), minKnown: whole(1, 200) }, invalid).nullable(),
    /** At least one ambassador in each seniority band. */
    everySeniorityBand: z.boolean(invalid),
    /**
     * Where the seniority bands start, in years in the City, after the first band from 0: [5, 15]
     * makes 0–4, 5–14 and 15 and more. Strictly increasing.
     */
    seniorityEdges: z
      .array(whole(1, 60), invalid)
      .max(8, invalid)
      .refine((edges) => edges.every((e, i) => i === 0 || e > edges[i - 1]!), invalid),
  },
  invalid,
);
export type BalanceRules = z.infer<typeof balanceRulesSchema>;

export const defaultBalanceRules: BalanceRules = {
  target: 20,
  maxPerDirection: 3,
  everyCategoryRepresented: true,
  genderShare: { min: 0.4, minKnown: 5 },
  everySeniorityBand: true,
  seniorityEdges: [5, 15],
};

/** A band of years in the City: `to` is inclusive, null for the last, open band. */
export interface SeniorityBand {
  /** « 0-4 », « 5-14 », « 15+ »: stable while the edges are. */
  key: string;
  from: number;
  to: number | null;
}

export interface BalanceCounts {
  /** Still in the running (not withdrawn), chosen or not. */
  candidates: number;
  /** Ambassadors. */
  chosen: number;
  relais: number;
}
export interface BalanceRow<K extends string> extends BalanceCounts {
  key: K;
}

export type GenderKey = TransfoGender | 'unknown';

/** What breaks a rule. Codes are stable: the screen, the PDF and the tests read them. */
export type BalanceWarning =
  | { code: 'over_target'; count: number; target: number }
  | { code: 'under_target'; count: number; target: number }
  | { code: 'direction_over'; direction: DirectionCode; count: number; max: number }
  | { code: 'category_missing'; category: TransfoCategory }
  | { code: 'gender_share'; gender: 'woman' | 'man'; share: number; min: number }
  | { code: 'seniority_band_missing'; band: SeniorityBand };

/** What the reader should know without anything being wrong. */
export type BalanceNote =
  | { code: 'gender_unknown'; count: number }
  | { code: 'gender_unchecked'; known: number; minKnown: number }
  | { code: 'withdrew'; count: number };

export interface Balance {
  totals: BalanceCounts;
  /** The directions with at least one candidate, in the order of the City's list. */
  directions: BalanceRow<DirectionCode>[];
  categories: BalanceRow<TransfoCategory>[];
  genders: BalanceRow<GenderKey>[];
  seniority: (BalanceRow<string> & { band: SeniorityBand })[];
  warnings: BalanceWarning[];
  notes: BalanceNote[];
  /** No warning: the cohort is complete and keeps every rule. */
  satisfied: boolean;
}

/** The bands the edges make: [5, 15] → 0-4, 5-14, 15+. */
export function seniorityBands(edges: readonly number[]): SeniorityBand[] {
  const starts = [0, ...edges];
  return starts.map((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? null : next - 1;
    return { key: to === null ? `${from}+` : `${from}-${to}`, from, to };
  });
}

function bandOf(bands: readonly SeniorityBand[], years: number): SeniorityBand {
  return bands.findLast((b) => years >= b.from) ?? bands[0]!;
}

/** Counts per key, every key of `keys` present (zeros included), in their order. */
function rowsOf<K extends string>(keys: readonly K[], people: readonly BalanceCandidate[], keyOf: (c: BalanceCandidate) => K): BalanceRow<K>[] {
  const rows = new Map<K, BalanceRow<K>>(keys.map((key) => [key, { key, candidates: 0, chosen: 0, relais: 0 }]));
  for (const c of people) {
    const key = keyOf(c);
    let row = rows.get(key);
    // A key outside the list (a code from a newer app) is still counted, after the known ones.
    if (!row) rows.set(key, (row = { key, candidates: 0, chosen: 0, relais: 0 }));
    row.candidates++;
    if (c.outcome === 'ambassador') row.chosen++;
    if (c.outcome === 'relais') row.relais++;
  }
  return [...rows.values()];
}

export function balanceOf(candidates: readonly BalanceCandidate[], rules: BalanceRules): Balance {
  const active = candidates.filter((c) => c.stage !== 'withdrew');
  const withdrew = candidates.length - active.length;
  const bands = seniorityBands(rules.seniorityEdges);

  const totals = rowsOf(['all'], active, () => 'all')[0]!;
  const directions = rowsOf(directionCodes, active, (c) => c.direction).filter((r) => r.candidates > 0);
  const categories = rowsOf(transfoCategories, active, (c) => c.category);
  const genders = rowsOf<GenderKey>([...transfoGenders, 'unknown'], active, (c) => c.gender ?? 'unknown');
  const seniority = rowsOf(
    bands.map((b) => b.key),
    active,
    (c) => bandOf(bands, c.yearsInCity).key,
  ).map((row) => ({ ...row, band: bands.find((b) => b.key === row.key)! }));

  const warnings: BalanceWarning[] = [];
  const notes: BalanceNote[] = [];
  const chosen = totals.chosen;

  if (chosen > rules.target) warnings.push({ code: 'over_target', count: chosen, target: rules.target });
  if (chosen < rules.target) warnings.push({ code: 'under_target', count: chosen, target: rules.target });

  if (rules.maxPerDirection !== null) {
    const max = rules.maxPerDirection;
    for (const r of directions) if (r.chosen > max) warnings.push({ code: 'direction_over', direction: r.key, count: r.chosen, max });
  }

  if (rules.everyCategoryRepresented) {
    for (const r of categories) if (r.chosen === 0) warnings.push({ code: 'category_missing', category: r.key });
  }

  const unknown = genders.find((r) => r.key === 'unknown')!.chosen;
  const known = chosen - unknown;
  if (rules.genderShare) {
    const { min, minKnown } = rules.genderShare;
    if (known >= minKnown) {
      for (const gender of ['woman', 'man'] as const) {
        const share = genders.find((r) => r.key === gender)!.chosen / known;
        if (share < min) warnings.push({ code: 'gender_share', gender, share, min });
      }
    } else if (chosen > 0) notes.push({ code: 'gender_unchecked', known, minKnown });
  }
  if (unknown > 0) notes.push({ code: 'gender_unknown', count: unknown });

  if (rules.everySeniorityBand) {
    for (const r of seniority) if (r.chosen === 0) warnings.push({ code: 'seniority_band_missing', band: r.band });
  }

  if (withdrew > 0) notes.push({ code: 'withdrew', count: withdrew });

  return { totals: { candidates: totals.candidates, chosen, relais: totals.relais }, directions, categories, genders, seniority, warnings, notes, satisfied: warnings.length === 0 };
}
