/**
 * The Citizen Card ateliers' lottery: when more people register than there are places, a draw
 * that anyone can re-run and get the same list. Documented in docs/citizen-card-lottery.md and
 * recomputed, without the app, by scripts/recompute-draw.mjs (plain Node, no dependency); a
 * unit test checks that both give the same lists.
 *
 * 1. The list: every registration taking part, by its public key (the registration's id,
 *    printed on the confirmation), sorted by code point. Duplicated keys are refused.
 * 2. The seed, fixed before the draw and announced: SHA-256 of the text
 *    `atelier-draw-v1\n<draw date YYYY-MM-DD>\n<places>\n<key 1>\n<key 2>…` (hex). Anyone
 *    holding the published list can recompute it; nobody can choose it without changing the list.
 * 3. The random numbers: block i (i = 0, 1, …) is SHA-256(`<seed>:<i>`); each block gives
 *    eight 32-bit unsigned integers, big-endian. A number below n is drawn by rejection (a
 *    32-bit value at or above the largest multiple of n is skipped), so there is no modulo bias.
 * 4. The order: a Fisher–Yates shuffle of the sorted list (for i from the last index down to 1,
 *    j = a number below i + 1, swap i and j). The shuffled list is everyone's rank.
 * 5. The places: first the reserved places of each priority group, in the order the lab
 *    listed them — the best-ranked people of that group not yet drawn; a group with fewer
 *    people than its reserved places leaves the rest to everyone. Then the remaining places
 *    go to the best-ranked people not yet drawn. Everyone else waits, in rank order: the
 *    waiting list is promoted from its head.
 */
import { createHash } from 'node:crypto';

export const DRAW_ALGORITHM = 'atelier-draw-v1';

export interface DrawEntry {
  /** The registration's public key (its id). */
  key: string;
  /** The priority groups the person belongs to (ids the lab defines). */
  groups: readonly string[];
}

export interface ReservedPlaces {
  group: string;
  places: number;
}

export interface DrawInput {
  entries: readonly DrawEntry[];
  places: number;
  reserved: readonly ReservedPlaces[];
  /** The Paris calendar day of the draw, `YYYY-MM-DD`. */
  drawDate: string;
  /** The announced seed; computed from the list and the date when absent. */
  seed?: string;
}

export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  seed: string;
  /** Every key in rank order (the shuffle). */
  ranking: string[];
  /** The keys given a place, in rank order, and the reserved group that gave it (null: general). */
  drawn: { key: string; rank: number; group: string | null }[];
  /** The others, in rank order: the head of the list is promoted first. */
  waiting: { key: string; rank: number }[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortedKeys(entries: readonly DrawEntry[]): string[] {
  const keys = entries.map((e) => e.key);
  // An announced list is stored sorted: checked in one pass, sorted only when it is not.
  let sorted = true;
  for (let i = 1; sorted && i < keys.length; i += 1) sorted = keys[i - 1]! <= keys[i]!;
  if (!sorted) keys.sort(byCodePoint);
  for (let i = 1; i < keys.length; i += 1) {
    if (keys[i] === keys[i - 1]) throw new Error(`The key ${keys[i]} is in the list twice`);
  }
  return keys;
}

/** The seed of a list and a date (step 2). */
export function drawSeed(entries: readonly DrawEntry[], drawDate: string, places: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(drawDate)) throw new Error(`The draw date ${drawDate} is not YYYY-MM-DD`);
  const text = [DRAW_ALGORITHM, drawDate, String(places), ...sortedKeys(entries)].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The seed's stream of numbers (step 3). */
export function seededIntegers(seed: string): (below: number) => number {
  let block = 0;
  let digest: Buffer | null = null;
  let offset = 32;
  const next32 = (): number => {
    if (offset === 32) {
      digest = createHash('sha256').update(`${seed}:${block}`, 'utf8').digest();
      block += 1;
      offset = 0;
    }
    const word = digest!.readUInt32BE(offset);
    offset += 4;
    return word;
  };
  return (below: number) => {
    if (!Number.isInteger(below) || below < 1 || below > 2 ** 32) throw new Error(`Cannot draw below ${below}`);
    const limit = Math.floor(2 ** 32 / below) * below;
    for (;;) {
      const value = next32();
      if (value < limit) return value % below;
    }
  };
}

export function runDraw(input: DrawInput): DrawResult {
  if (!Number.isInteger(input.places) || input.places < 0) throw new Error('places must be a whole number');
  const reservedTotal = input.reserved.reduce((sum, r) => sum + r.places, 0);
  if (input.reserved.some((r) => !Number.isInteger(r.places) || r.places < 0) || reservedTotal > input.places) {
    throw new Error('The reserved places must be whole numbers adding up to at most the places');
  }
  const seed = input.seed ?? drawSeed(input.entries, input.drawDate, input.places);
  const ranking = sortedKeys(input.entries);
  const below = seededIntegers(seed);
  for (let i = ranking.length - 1; i >= 1; i -= 1) {
    const j = below(i + 1);
    const swap = ranking[i]!;
    ranking[i] = ranking[j]!;
    ranking[j] = swap;
  }
  // Only the entries in a group can take a reserved place (most are in none).
  const groupsOf = new Map<string, readonly string[]>();
  for (const e of input.entries) if (e.groups.length > 0) groupsOf.set(e.key, e.groups);
  const taken = new Map<string, string | null>();
  for (const reserved of input.reserved) {
    let left = reserved.places;
    for (const key of ranking) {
      if (left === 0) break;
      if (!taken.has(key) && groupsOf.get(key)?.includes(reserved.group)) {
        taken.set(key, reserved.group);
        left -= 1;
      }
    }
  }
  for (const key of ranking) {
    if (taken.size >= input.places) break;
    if (!taken.has(key)) taken.set(key, null);
  }
  const drawn: DrawResult['drawn'] = [];
  const waiting: DrawResult['waiting'] = [];
  for (let index = 0; index < ranking.length; index += 1) {
    const key = ranking[index]!;
    const group = taken.get(key);
    if (group !== undefined) drawn.push({ key, rank: index + 1, group });
    else waiting.push({ key, rank: index + 1 });
  }
  return { algorithm: DRAW_ALGORITHM, seed, ranking, drawn, waiting };
}

/** The exported list a person can recompute with scripts/recompute-draw.mjs. */
export interface DrawExport {
  algorithm: typeof DRAW_ALGORITHM;
  drawDate: string;
  places: number;
  reserved: ReservedPlaces[];
  seed: string;
  entries: DrawEntry[];
}

export function drawExport(input: DrawInput, seed: string): DrawExport {
  return {
    algorithm: DRAW_ALGORITHM,
    drawDate: input.drawDate,
    places: input.places,
    reserved: input.reserved.map((r) => ({ group: r.group, places: r.places })),
    seed,
    entries: [...input.entries]
      .sort((a, b) => byCodePoint(a.key, b.key))
      .map((e) => ({ key: e.key, groups: [...e.groups].sort(byCodePoint) })),
  };
}
