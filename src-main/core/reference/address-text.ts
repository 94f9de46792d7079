/**
 * How an address query is read: the shared normalizeForSearch (accents, case and punctuation
 * ignored), then the abbreviations people type, then the house number and an arrondissement
 * if one is given ("75018", "18e").
 */
import { normalizeForSearch } from '#shared/text.js';

/**
 * Abbreviations in common French postal use. Street names in the BAN are always written in
 * full, so expanding the query side is enough. Only whole tokens are expanded: "bd" is
 * "boulevard", but "bou" is still a prefix of "boulevard" and of "bourdon" as you type.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  bd: 'boulevard',
  bld: 'boulevard',
  bvd: 'boulevard',
  boul: 'boulevard',
  av: 'avenue',
  ave: 'avenue',
  r: 'rue',
  pl: 'place',
  fg: 'faubourg',
  fbg: 'faubourg',
  sq: 'square',
  imp: 'impasse',
  pass: 'passage',
  qu: 'quai',
  all: 'allee',
  ch: 'chemin',
  prom: 'promenade',
  rte: 'route',
  pte: 'porte',
  gal: 'general',
  gen: 'general',
  mal: 'marechal',
  pdt: 'president',
  pres: 'president',
  dr: 'docteur',
  cdt: 'commandant',
  cne: 'capitaine',
  lt: 'lieutenant',
  vla: 'villa',
  sen: 'sentier',
  esp: 'esplanade',
};

/** The full word for an abbreviation, or null when the token is not one. */
export function expandAbbreviation(token: string): string | null {
  return Object.hasOwn(ABBREVIATIONS, token) ? ABBREVIATIONS[token]! : null;
}

/** Tokens of a text as the search compares them: "Goutte-d'Or" → ["goutte", "d", "or"]. */
export function addressTokens(text: string): string[] {
  const normalized = normalizeForSearch(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/** The standard BAN repetition indices, which the data spells in full. */
const REPETITION_WORDS: Readonly<Record<string, string>> = { b: 'bis', bis: 'bis', t: 'ter', ter: 'ter', q: 'quater', quater: 'quater' };

/**
 * 0 = a plain number ("12"), 1 = a standard repetition ("12 bis/ter/quater"),
 * 2 = one of the Ville de Paris sub-address codes ("12 A", "7 S1", "34 P1") that the data
 * does not explain and that a person rarely means.
 */
export type SuffixRank = 0 | 1 | 2;

export function suffixRank(suffix: string): SuffixRank {
  if (suffix === '') return 0;
  return suffix === 'bis' || suffix === 'ter' || suffix === 'quater' ? 1 : 2;
}

/** Normalises a typed or stored suffix: "B" → "bis" (the BAN's own reading), "P1" → "p1". */
export function normalizeSuffix(raw: string): string {
  const lower = raw.toLowerCase();
  return REPETITION_WORDS[lower] ?? lower;
}

export interface HouseNumber {
  base: number;
  /** '' for none, else normalised: "bis", "a", "p1". */
  suffix: string;
}

/** Reads the data's `number` column: "12", "184 bis", "7 S1". */
export function parseStoredNumber(text: string): HouseNumber | null {
  const match = /^(\d+)(?:\s+(\S+))?$/.exec(text.trim());
  if (!match) return null;
  return { base: Number(match[1]), suffix: match[2] ? normalizeSuffix(match[2]) : '' };
}

/** A typed number token, possibly glued to its suffix: "12", "12bis", "7s1". */
export function parseTypedNumber(token: string): HouseNumber | null {
  const match = /^(\d{1,4})([a-z]{1,6}\d?)?$/.exec(token);
  if (!match) return null;
  return { base: Number(match[1]), suffix: match[2] ? normalizeSuffix(match[2]) : '' };
}

/** A token that can follow a number as its suffix: "bis", "ter", "a", "p1". */
export function isSuffixToken(token: string): boolean {
  if (Object.hasOwn(REPETITION_WORDS, token)) return true;
  // "bd", "av", "r" are street words typed short, not sub-address codes.
  return /^[a-z]{1,2}\d?$/.test(token) && expandAbbreviation(token) === null;
}

/** "75018" → 18, "75116" → 16, "18e" / "18eme" / "1er" / "18 ardt" handled by the caller. */
export function arrondissementFromToken(token: string): number | null {
  const postcode = /^75(\d{3})$/.exec(token);
  if (postcode) {
    const n = Number(postcode[1]) % 100;
    return n >= 1 && n <= 20 ? n : null;
  }
  const ordinal = /^(\d{1,2})(?:e|eme|er|ere)$/.exec(token);
  if (ordinal) {
    const n = Number(ordinal[1]);
    return n >= 1 && n <= 20 ? n : null;
  }
  return null;
}
