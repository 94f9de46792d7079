/**
 * The Paris address base in memory, shaped for search as you type.
 *
 * Why in memory and not an SQLite FTS5 table: the ranking we need (the house number matched
 * apart from the words, a street prefix before a word found in the middle, plain numbers
 * before sub-address codes, abbreviations) is not what FTS5's bm25 gives, so it would be
 * re-done in JavaScript on FTS5's candidates anyway; a prebuilt FTS5 file would be ~20 MB to
 * ship instead of the 1.9 MB gzip, or a one-off build at first run. Paris has only ~6,400
 * (street, postcode) pairs, so scanning them per keystroke costs well under a millisecond,
 * and the 158,048 addresses live in flat typed arrays grouped by street.
 */
import { addressTokens, parseStoredNumber, suffixRank } from './address-text.js';

/** One row of paris-addresses.csv.gz, columns as named in its header. */
export interface AddressRow {
  id: string;
  number: string;
  street: string;
  postcode: string;
  arrondissement: number;
  lon: number;
  lat: number;
}

/** A street within one postcode: the unit the word matching works on. */
export interface StreetGroup {
  name: string;
  postcode: string;
  arrondissement: number;
  /** Normalised words of the name: "Rue de la Goutte d'Or" → rue, de, la, goutte, d, or. */
  tokens: readonly string[];
  /** Addresses of the street, sorted by number, then plain before bis before codes. */
  addresses: Int32Array;
}

export interface AddressIndex {
  readonly size: number;
  readonly streets: readonly StreetGroup[];
  /** Rank of each street by (word count, name, postcode): the last tie-break, as one integer. */
  readonly streetOrder: Int32Array;
  /**
   * The BAN ids, end to end in one flat string (`idEnd[i]` is where id i ends): 158,048
   * separate strings cut from the file's text would each keep that whole text alive.
   */
  readonly idBlob: string;
  readonly idEnd: Int32Array;
  /** As written in the data: "12", "184 bis", "7 S1". */
  readonly numbers: readonly string[];
  readonly base: Int32Array;
  /** Normalised suffix: '' | 'bis' | 'a' | 'p1' … */
  readonly suffix: readonly string[];
  readonly suffixRank: Uint8Array;
  readonly street: Int32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
}

const HEADER = 'id,number,street,postcode,arrondissement,lon,lat';

/**
 * Builds the index from the CSV's text. The file has no quoted fields (checked here: a quote
 * is refused rather than mis-split), so a plain split is both safe and ~5× faster than a
 * general CSV reader on 10 MB.
 */
export function buildAddressIndexFromCsv(text: string): AddressIndex {
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== HEADER) throw new Error(`unexpected address file header: ${lines[0]?.slice(0, 80)}`);
  const rows: AddressRow[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    if (line.includes('"')) throw new Error(`address line ${i + 1} has a quoted field, which this reader does not handle`);
    const cells = line.split(',');
    if (cells.length !== 7) throw new Error(`address line ${i + 1} has ${cells.length} fields instead of 7`);
    const [id, number, street, postcode, arrondissement, lon, lat] = cells as [string, string, string, string, string, string, string];
    rows.push({ id, number, street, postcode, arrondissement: Number(arrondissement), lon: Number(lon), lat: Number(lat) });
  }
  return buildAddressIndex(rows);
}

export function buildAddressIndex(rows: readonly AddressRow[]): AddressIndex {
  const size = rows.length;
  const ids: string[] = new Array<string>(size);
  const idEnd = new Int32Array(size);
  // The number column has ~5,000 distinct values: parse each once.
  const parsedNumbers = new Map<string, ReturnType<typeof parseStoredNumber>>();
  const numbers: string[] = new Array<string>(size);
  const suffix: string[] = new Array<string>(size);
  const base = new Int32Array(size);
  const ranks = new Uint8Array(size);
  const street = new Int32Array(size);
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);
  // Interned so that 158,048 rows share a few thousand number strings.
  const interned = new Map<string, string>();
  const intern = (s: string): string => {
    const known = interned.get(s);
    if (known !== undefined) return known;
    interned.set(s, s);
    return s;
  };

  const groupIndex = new Map<string, number>();
  const groups: { name: string; postcode: string; arrondissement: number; members: number[] }[] = [];
  rows.forEach((row, i) => {
    let parsed = parsedNumbers.get(row.number);
    if (parsed === undefined) {
      parsed = parseStoredNumber(row.number);
      parsedNumbers.set(row.number, parsed);
    }
    if (!parsed) throw new Error(`address ${row.id} has an unreadable number "${row.number}"`);
    if (!(row.arrondissement >= 1 && row.arrondissement <= 20)) throw new Error(`address ${row.id} has arrondissement ${row.arrondissement}`);
    const key = `${row.street}\u0000${row.postcode}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(key, g);
      groups.push({ name: ownCopy(row.street), postcode: ownCopy(row.postcode), arrondissement: row.arrondissement, members: [] });
    }
    groups[g]!.members.push(i);
    ids[i] = row.id;
    idEnd[i] = (i === 0 ? 0 : idEnd[i - 1]!) + row.id.length;
    numbers[i] = intern(row.number);
    suffix[i] = intern(parsed.suffix);
    base[i] = parsed.base;
    ranks[i] = suffixRank(parsed.suffix);
    street[i] = g;
    lon[i] = row.lon;
    lat[i] = row.lat;
  });

  const streets: StreetGroup[] = groups.map((group) => {
    const sorted = group.members.sort(
      (a, b) => base[a]! - base[b]! || ranks[a]! - ranks[b]! || (suffix[a]! < suffix[b]! ? -1 : suffix[a]! > suffix[b]! ? 1 : 0),
    );
    return {
      name: group.name,
      postcode: group.postcode,
      arrondissement: group.arrondissement,
      tokens: addressTokens(group.name).map(intern),
      addresses: Int32Array.from(sorted),
    };
  });
  const streetOrder = new Int32Array(streets.length);
  streets
    .map((group, id) => ({ group, id }))
    .sort((a, b) => {
      const ga = a.group;
      const gb = b.group;
      if (ga.tokens.length !== gb.tokens.length) return ga.tokens.length - gb.tokens.length;
      if (ga.name !== gb.name) return ga.name < gb.name ? -1 : 1;
      return ga.postcode < gb.postcode ? -1 : ga.postcode > gb.postcode ? 1 : 0;
    })
    .forEach(({ id }, rank) => {
      streetOrder[id] = rank;
    });
  return { size, streets, streetOrder, idBlob: ids.join(''), idEnd, numbers, base, suffix, suffixRank: ranks, street, lon, lat };
}

export function addressId(index: AddressIndex, i: number): string {
  return index.idBlob.slice(i === 0 ? 0 : index.idEnd[i - 1]!, index.idEnd[i]);
}

/** A string that shares no memory with the text it was cut from (V8 keeps slices' parents alive). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** The public shape of one address, as the search returns it and a proposal stores it. */
export interface AddressRecord {
  /** BAN id (cle_interop), stable across BAN releases. */
  id: string;
  /** « 12 Rue de la Goutte d'Or, 75018 Paris » */
  label: string;
  number: string;
  street: string;
  postcode: string;
  arrondissement: number;
  lon: number;
  lat: number;
}

export function addressRecord(index: AddressIndex, i: number): AddressRecord {
  const group = index.streets[index.street[i]!]!;
  const number = index.numbers[i]!;
  return {
    id: addressId(index, i),
    label: `${number} ${group.name}, ${group.postcode} Paris`,
    number,
    street: group.name,
    postcode: group.postcode,
    arrondissement: group.arrondissement,
    lon: index.lon[i]!,
    lat: index.lat[i]!,
  };
}

/**
 * A point standing for a whole street when no number is known: the middle address of the
 * street by number, a real point on the street (the centre of a bounding box of a curved
 * street may be off it).
 */
export function streetMidpoint(index: AddressIndex, streetId: number): number {
  const addresses = index.streets[streetId]!.addresses;
  return addresses[Math.floor((addresses.length - 1) / 2)]!;
}
