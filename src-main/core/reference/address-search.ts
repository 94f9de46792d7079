/**
 * Search as you type over the address index. The ranking, in order of what decides:
 *  1. the typed house number exists on the street (then a number the typed one may grow
 *     into, then the street alone);
 *  2. how the words meet the street name: its beginning ("rue de la gou…"), then a run of
 *     words inside it ("goutte d or"), then all words in any order ("rue goutte or");
 *  3. plain numbers, then bis/ter/quater, then the Ville de Paris sub-address codes;
 *  4. shorter street names, then alphabetical, then postcode and number: stable results.
 */
import { addressRecord, streetMidpoint, type AddressIndex, type AddressRecord } from './address-index.js';
import { readAddressQuery, type QueryReading, type QueryToken } from './address-query.js';

export interface AddressSearchOptions {
  /** How many results; 10 by default, at most 100. */
  limit?: number;
  /** true (default) while typing: the last word is a prefix. */
  partial?: boolean;
  /** Only these arrondissements (a postcode or "18e" in the query narrows further). */
  arrondissements?: readonly number[];
}

export interface AddressHit extends AddressRecord {
  /** 'address': the number typed was found; 'street': the street alone, at its middle address. */
  kind: 'address' | 'street';
}

/** How a candidate ranks; lower is better, compared field by field. */
export interface Candidate {
  address: number;
  streetId: number;
  /** 0 number found, 1 number it may grow into, 2 street only. */
  numberClass: 0 | 1 | 2;
  /** 0 name starts with the words, 1 words in a run inside, 2 words in any order. */
  tier: 0 | 1 | 2;
  suffixOrder: number;
}

/** Articles and prepositions of French street names, which people add or drop at will. */
export const LINK_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'a', 'au', 'aux', 'et', 'en', 'sur']);

function tokenMatches(q: QueryToken, word: string): boolean {
  if (q.partial) return word.startsWith(q.text) || (q.expansion !== null && word.startsWith(q.expansion));
  return word === q.text || word === q.expansion;
}

function runMatchesAt(words: readonly string[], query: readonly QueryToken[], offset: number): boolean {
  for (let i = 0; i < query.length; i += 1) {
    if (!tokenMatches(query[i]!, words[offset + i]!)) return false;
  }
  return true;
}

/** The tier of a street name for the query words, or -1 when some word is missing. */
export function streetTier(words: readonly string[], query: readonly QueryToken[]): -1 | 0 | 1 | 2 {
  if (query.length <= words.length && runMatchesAt(words, query, 0)) return 0;
  for (let offset = 1; offset + query.length <= words.length; offset += 1) {
    if (runMatchesAt(words, query, offset)) return 1;
  }
  // Any order, each query word on a distinct street word (greedy is enough at this size).
  // A complete "de", "la", "du"… that the name lacks is let go: "rue de Rochechouart" finds
  // "Rue Rochechouart"; the word count tie-break then puts it before "Rue Marguerite de Rochechouart".
  const used = new Array<boolean>(words.length).fill(false);
  let matched = 0;
  for (const q of query) {
    let found = -1;
    for (let j = 0; j < words.length; j += 1) {
      if (!used[j] && tokenMatches(q, words[j]!)) {
        found = j;
        break;
      }
    }
    if (found >= 0) {
      used[found] = true;
      matched += 1;
    } else if (q.partial || !LINK_WORDS.has(q.text)) return -1;
  }
  if (matched === 0) return -1;
  return 2;
}

/** First position in the street's sorted addresses whose number is ≥ base. */
function lowerBound(index: AddressIndex, addresses: Int32Array, base: number): number {
  let lo = 0;
  let hi = addresses.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.base[addresses[mid]!]! < base) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Numbers a trailing typed number may still become: 1 → 10–19, 100–199 … (at most 5 per street). */
function growingCandidates(index: AddressIndex, addresses: Int32Array, typed: number, push: (address: number) => void): number {
  let found = 0;
  for (let scale = 10; scale <= 1000 && found < 5; scale *= 10) {
    const from = typed * scale;
    for (let k = lowerBound(index, addresses, from); k < addresses.length && found < 5; k += 1) {
      const a = addresses[k]!;
      if (index.base[a]! >= from + scale) break;
      if (index.suffixRank[a] === 0) {
        push(a);
        found += 1;
      }
    }
  }
  return found;
}

function collectReading(index: AddressIndex, reading: QueryReading, allowed: ReadonlySet<number> | null, out: Candidate[]): void {
  const { number } = reading;
  index.streets.forEach((group, streetId) => {
    if (allowed && !allowed.has(group.arrondissement)) return;
    const tier = streetTier(group.tokens, reading.street);
    if (tier < 0) return;
    const t = tier as 0 | 1 | 2;
    const before = out.length;
    if (number) {
      const addresses = group.addresses;
      for (let k = lowerBound(index, addresses, number.base); k < addresses.length; k += 1) {
        const a = addresses[k]!;
        if (index.base[a] !== number.base) break;
        if (reading.suffixRequired && index.suffix[a] !== number.suffix) continue;
        const suffixOrder = number.suffix === '' ? index.suffixRank[a]! : index.suffix[a] === number.suffix ? 0 : 1 + index.suffixRank[a]!;
        out.push({ address: a, streetId, numberClass: 0, tier: t, suffixOrder });
      }
      if (reading.numberMayGrow) {
        growingCandidates(index, addresses, number.base, (a) => out.push({ address: a, streetId, numberClass: 1, tier: t, suffixOrder: 0 }));
      }
    }
    if (out.length === before) {
      out.push({ address: streetMidpoint(index, streetId), streetId, numberClass: 2, tier: t, suffixOrder: 0 });
    }
  });
}

function compareCandidates(index: AddressIndex, a: Candidate, b: Candidate): number {
  if (a.numberClass !== b.numberClass) return a.numberClass - b.numberClass;
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.suffixOrder !== b.suffixOrder) return a.suffixOrder - b.suffixOrder;
  if (a.streetId !== b.streetId) return index.streetOrder[a.streetId]! - index.streetOrder[b.streetId]!;
  const sa = index.suffix[a.address]!;
  const sb = index.suffix[b.address]!;
  return index.base[a.address]! - index.base[b.address]! || (sa < sb ? -1 : sa > sb ? 1 : 0) || a.address - b.address;
}

/**
 * All candidates of all readings of the query, best first, one per address (its best
 * reading). Exposed for the geocoder of free-text addresses, which needs the match quality.
 */
export function rankAddressCandidates(index: AddressIndex, query: string, options: AddressSearchOptions = {}): Candidate[] {
  const parsed = readAddressQuery(query, options.partial ?? true);
  let allowed: Set<number> | null = options.arrondissements ? new Set(options.arrondissements) : null;
  if (parsed.arrondissement !== null) {
    if (allowed && !allowed.has(parsed.arrondissement)) return [];
    allowed = new Set([parsed.arrondissement]);
  }
  const all: Candidate[] = [];
  for (const reading of parsed.readings) collectReading(index, reading, allowed, all);
  all.sort((a, b) => compareCandidates(index, a, b));
  const seen = new Set<number>();
  return all.filter((c) => {
    const key = c.numberClass === 2 ? -1 - c.streetId : c.address; // one street-only result per street
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function searchAddresses(index: AddressIndex, query: string, options: AddressSearchOptions = {}): AddressHit[] {
  const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
  return rankAddressCandidates(index, query, options)
    .slice(0, limit)
    .map((c) => {
      const record = addressRecord(index, c.address);
      if (c.numberClass !== 2) return { ...record, kind: 'address' as const };
      return { ...record, kind: 'street' as const, label: `${record.street}, ${record.postcode} Paris` };
    });
}
