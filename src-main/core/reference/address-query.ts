/**
 * Turns what a person typed into the readings the search tries. "12 rue de la goutte" and
 * "goutte d or 12" both mean number 12 on a street matching the other words; "rue du huit
 * mai 1945" has a number that belongs to the street name, so the all-words reading is always
 * tried too and the ranking sorts them out.
 */
import {
  addressTokens,
  arrondissementFromToken,
  expandAbbreviation,
  isSuffixToken,
  normalizeSuffix,
  parseTypedNumber,
  type HouseNumber,
} from './address-text.js';

/** One query word, with the full form of an abbreviation and whether it may still grow. */
export interface QueryToken {
  text: string;
  expansion: string | null;
  /** The word being typed: it matches street words it is a prefix of. */
  partial: boolean;
}

export interface QueryReading {
  number: HouseNumber | null;
  /** The number was typed last and may still grow ("… goutte d or 1" on the way to 12). */
  numberMayGrow: boolean;
  /**
   * The suffix was a word of its own ("12 a rue …"): only that exact sub-address counts, so a
   * reading that took a word for a suffix cannot outrank the reading that took it for a word.
   */
  suffixRequired: boolean;
  street: QueryToken[];
}

export interface ParsedQuery {
  readings: QueryReading[];
  /** From "75018", "18e" or "18 arrondissement": results are limited to it. */
  arrondissement: number | null;
}

function streetTokens(words: string[], lastPartial: boolean): QueryToken[] {
  return words.map((text, i) => ({
    text,
    expansion: expandAbbreviation(text),
    partial: lastPartial && i === words.length - 1,
  }));
}

/** Removes an arrondissement given as a postcode anywhere, or as "18e" / "18 ardt" at the end. */
function takeArrondissement(words: string[]): number | null {
  let found: number | null = null;
  for (let i = words.length - 1; i >= 0; i -= 1) {
    if (/^75\d{3}$/.test(words[i]!)) {
      found ??= arrondissementFromToken(words[i]!);
      words.splice(i, 1);
    }
  }
  const last = words.length - 1;
  if (last >= 1 && /^(arrondissement|arrdt|ardt|arr)$/.test(words[last]!) && /^\d{1,2}(e|eme|er)?$/.test(words[last - 1]!)) {
    const n = Number(/^\d+/.exec(words[last - 1]!)![0]);
    words.splice(last - 1, 2);
    return found ?? (n >= 1 && n <= 20 ? n : null);
  }
  // An ordinal inside a name ("Avenue Hussein 1er de Jordanie") stays a word: only the last one counts.
  if (last >= 1) {
    const ordinal = arrondissementFromToken(words[last]!);
    if (ordinal !== null && !/^\d+$/.test(words[last]!)) {
      words.pop();
      return found ?? ordinal;
    }
  }
  return found;
}

/**
 * @param partial true while typing: the last word is a prefix and a trailing number may
 *   grow. false for a complete address (the participatory-budget file): words match whole.
 */
export function readAddressQuery(text: string, partial: boolean): ParsedQuery {
  const words = addressTokens(text);
  const arrondissement = takeArrondissement(words);
  const readings: QueryReading[] = [];
  if (words.length === 0) return { readings, arrondissement };

  const leading = parseTypedNumber(words[0]!);
  if (leading) {
    let rest = words.slice(1);
    // "12-14 rue X" and "12 / 14 rue X": the first number of a range stands for it.
    while (rest.length > 0 && /^\d+$/.test(rest[0]!)) rest = rest.slice(1);
    readings.push({ number: leading, numberMayGrow: false, suffixRequired: false, street: streetTokens(rest, partial) });
    if (leading.suffix === '' && rest.length > 1 && isSuffixToken(rest[0]!)) {
      readings.push({
        number: { base: leading.base, suffix: normalizeSuffix(rest[0]!) },
        numberMayGrow: false,
        suffixRequired: true,
        street: streetTokens(rest.slice(1), partial),
      });
    }
  }

  const n = words.length;
  const trailing = n > 1 ? parseTypedNumber(words[n - 1]!) : null;
  if (!leading && trailing) {
    readings.push({ number: trailing, numberMayGrow: partial && trailing.suffix === '', suffixRequired: false, street: streetTokens(words.slice(0, -1), false) });
  }
  const beforeSuffix = n > 2 && isSuffixToken(words[n - 1]!) ? parseTypedNumber(words[n - 2]!) : null;
  if (!leading && beforeSuffix && beforeSuffix.suffix === '') {
    readings.push({
      number: { base: beforeSuffix.base, suffix: normalizeSuffix(words[n - 1]!) },
      numberMayGrow: false,
      suffixRequired: true,
      street: streetTokens(words.slice(0, -2), false),
    });
  }

  // Every word as part of the street name: "rue du 8 mai 1945", or no number at all.
  if (!words.every((w) => /^\d+$/.test(w))) {
    readings.push({ number: null, numberMayGrow: false, suffixRequired: false, street: streetTokens(words, partial) });
  }
  return { readings: readings.filter((r) => r.street.length > 0), arrondissement };
}
