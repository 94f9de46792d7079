/**
 * Reading the City's file of Citizen Card holders, without the database: which column fills
 * which field (French or English column names, accents, case and punctuation ignored), and
 * each line checked on its own — a line that cannot be read is refused with its line number
 * and the reason, never dropped in silence, and never stops the others.
 *
 * Lines are CSV (csv-parse, RFC 4180 quoting); the separator (`;` from a French spreadsheet,
 * `,` or a tab) is the one that gives the header's number of columns. A line without a quote
 * is split directly (the same cells csv-parse gives, twenty times faster on 200,000 lines).
 *
 * An empty cell gives no value (`undefined`): a new holder takes null (or no consent), a
 * holder already known keeps what it had — the City's file never erases what the desk typed.
 */
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { normalizeCardNumber, isCardNumber } from '#shared/citizen-card/card-number.js';
import {
  CARD_LIMITS,
  holderFieldsSchema,
  type holderImportInputSchema,
  type importRefusalReasons,
} from '#shared/citizen-card/citizen-card.schema.js';
import { normalizeForSearch } from '#shared/text.js';

export type ImportRefusalReason = (typeof importRefusalReasons)[number];
export type HolderImportInput = z.output<typeof holderImportInputSchema>;

/** The fields a column of the City's file may fill. */
export const importFields = [
  'cardNumber',
  'name',
  'lastName',
  'firstName',
  'birthYear',
  'birthDate',
  'arrondissement',
  'postalCode',
  'email',
  'phone',
  'contactConsent',
] as const;
export type ImportField = (typeof importFields)[number];

/** Column names, folded (see `foldHeader`), French first. */
const ALIASES: Record<ImportField, readonly string[]> = {
  cardNumber: [
    'numero de carte', 'n de carte', 'no de carte', 'num de carte', 'numero carte', 'n carte', 'no carte', 'num carte',
    'carte citoyenne', 'numero carte citoyenne', 'numero de carte citoyenne', 'n carte citoyenne', 'carte',
    'card number', 'card no', 'card', 'citizen card', 'citizen card number', 'card id', 'cardnumber', 'card_number',
  ],
  name: ['nom complet', 'nom et prenom', 'nom prenom', 'prenom et nom', 'prenom nom', 'identite', 'name', 'full name', 'fullname'],
  lastName: ['nom', 'nom de famille', 'nom d usage', 'last name', 'lastname', 'surname', 'family name'],
  firstName: ['prenom', 'prenoms', 'first name', 'firstname', 'given name'],
  birthYear: ['annee de naissance', 'annee naissance', 'birth year', 'year of birth', 'birthyear'],
  birthDate: ['date de naissance', 'date naissance', 'ne le', 'nee le', 'birth date', 'date of birth', 'birthdate', 'dob'],
  arrondissement: ['arrondissement', 'arr', 'arrdt', 'district', 'borough'],
  postalCode: ['code postal', 'cp', 'postal code', 'postcode', 'zip', 'zip code'],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse mail', 'adresse email', 'adresse e mail', 'adresse electronique', 'email address'],
  phone: ['telephone', 'tel', 'numero de telephone', 'portable', 'mobile', 'phone', 'phone number', 'telephone number'],
  contactConsent: [
    'consentement', 'consentement contact', 'consentement a etre contacte', 'accepte d etre contacte', 'accepte d etre contactee',
    'accord contact', 'accord pour etre contacte', 'contact consent', 'consent', 'consent to contact', 'opt in', 'optin',
  ],
};

/** A column name folded as the aliases are: accents, case and punctuation ignored, « N° » read as « n ». */
export function foldHeader(name: string): string {
  return normalizeForSearch(name.replace(/^\uFEFF/, '').replace(/°/g, ' '));
}

const aliasIndex = new Map<string, ImportField>();
for (const field of importFields) for (const alias of ALIASES[field]) aliasIndex.set(foldHeader(alias), field);

export interface HeaderMapping {
  /** Field → index of its column (the first column naming it). */
  columns: Partial<Record<ImportField, number>>;
  /** Required fields no column fills: `cardNumber`, `name` (a name, or a last or first name). */
  missing: ('cardNumber' | 'name')[];
}

/** Which column fills which field; the required ones no column fills. */
export function mapHeader(header: readonly string[]): HeaderMapping {
  const columns: Partial<Record<ImportField, number>> = {};
  header.forEach((name, index) => {
    const field = aliasIndex.get(foldHeader(name));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const missing: HeaderMapping['missing'] = [];
  if (columns.cardNumber === undefined) missing.push('cardNumber');
  if (columns.name === undefined && columns.lastName === undefined && columns.firstName === undefined) missing.push('name');
  return { columns, missing };
}

const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/**
 * The separator that gives the header's number of columns on most of the chunk's first lines
 * (a French spreadsheet writes `;`, others `,` or a tab); `;` when none stands out.
 */
export function detectSeparator(columns: number, lines: readonly string[]): Separator {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 50);
  let best: Separator = ';';
  let bestScore = -1;
  for (const separator of SEPARATORS) {
    const score = sample.filter((l) => splitLine(l, separator)?.length === columns).length;
    if (score > bestScore) [best, bestScore] = [separator, score];
  }
  return best;
}

/** The cells of one line, or null when it is not valid CSV (an unclosed quote…). */
export function splitLine(line: string, separator: Separator): string[] | null {
  if (!line.includes('"')) return line.split(separator);
  try {
    const records: string[][] = parse(line, { delimiter: separator, relax_column_count: true, skip_empty_lines: false });
    return records.length === 1 ? records[0]! : null;
  } catch {
    return null;
  }
}

/** One holder as the file gives it; `undefined`: the file says nothing (no column or an empty cell). */
export interface ImportedHolder {
  cardNumber: string;
  name: string;
  birthYear: number | null | undefined;
  arrondissement: number | null | undefined;
  email: string | undefined;
  phone: string | undefined;
  contactConsent: boolean | undefined;
}

export interface LineRefusal {
  line: number;
  reason: ImportRefusalReason;
  /** The cell at fault as the file wrote it (for `duplicateInFile`: the line of its first occurrence). */
  value: string;
}

type LineOutcome = { ok: true; holder: ImportedHolder } | { ok: false; reason: ImportRefusalReason; value: string };

const refuse = (reason: ImportRefusalReason, value: string): LineOutcome => ({ ok: false, reason, value: value.slice(0, 200) });

const YES = new Set(['oui', 'o', 'yes', 'y', '1', 'true', 'vrai', 'x', 'ok', 'accepte', 'd accord']);
const NO = new Set(['non', 'n', 'no', '0', 'false', 'faux', 'refuse', 'refus']);

/** « 1985 », « 14/03/1985 », « 1985-03-14 » → 1985; null when unreadable. */
export function yearOf(cell: string): number | null {
  const m = /^(\d{4})$/.exec(cell) ?? /^(\d{4})-\d{1,2}-\d{1,2}(?:[T ].*)?$/.exec(cell) ?? /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(cell);
  return m ? Number(m[1]) : null;
}

/** « 18 », « 18e », « 18ème », « 1er », « Paris 18 », « 75018 », « 75116 » → the arrondissement; null when unreadable. */
export function arrondissementOf(cell: string): number | null {
  const folded = normalizeForSearch(cell).replace(/^paris\s*/, '').replace(/\s+/g, '');
  const postal = /^75(\d{3})$/.exec(folded);
  if (postal) {
    const n = postal[1] === '116' ? 16 : Number(postal[1]);
    return n >= 1 && n <= 20 ? n : null;
  }
  const m = /^(\d{1,2})(?:e|er|eme|ere|em|arr|arrondissement)?$/.exec(folded);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 20 ? n : null;
}

const emailRule = holderFieldsSchema.shape.email;
const phoneRule = holderFieldsSchema.shape.phone;

/**
 * One line's cells → a holder, or the first reason to refuse it (in the order of the file's
 * usual columns: the card, the name, the birth year, the arrondissement, the contacts, the consent).
 */
export function readHolderCells(cells: readonly string[], columns: HeaderMapping['columns'], currentYear: number): LineOutcome {
  const cell = (field: ImportField) => {
    const index = columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };

  const card = cell('cardNumber');
  if (card.length > 40 || !isCardNumber(card)) return refuse('cardNumber', card);

  const full = cell('name');
  const name = (full !== '' ? full : `${cell('firstName')} ${cell('lastName')}`).replace(/\s+/g, ' ').trim();
  if (name.length > CARD_LIMITS.name || !/\p{L}/u.test(name)) return refuse('name', name);

  let birthYear: number | null | undefined;
  const yearCell = cell('birthYear') || cell('birthDate');
  if (yearCell !== '') {
    const year = yearOf(yearCell);
    if (year === null || year < 1900 || year > currentYear) return refuse('birthYear', yearCell);
    birthYear = year;
  }

  let arrondissement: number | null | undefined;
  const arrCell = cell('arrondissement');
  const postal = cell('postalCode');
  if (arrCell !== '') {
    arrondissement = arrondissementOf(arrCell);
    if (arrondissement === null) return refuse('arrondissement', arrCell);
  } else if (postal !== '') {
    // A postal code outside Paris is read (the holder lives elsewhere), not refused.
    if (!/^\d{5}$/.test(postal.replace(/\s/g, ''))) return refuse('arrondissement', postal);
    arrondissement = arrondissementOf(postal);
  }

  let email: string | undefined;
  const emailCell = cell('email');
  if (emailCell !== '') {
    const parsed = emailRule.safeParse(emailCell);
    if (!parsed.success || parsed.data === null) return refuse('email', emailCell);
    email = parsed.data;
  }

  let phone: string | undefined;
  const phoneCell = cell('phone');
  if (phoneCell !== '') {
    const parsed = phoneRule.safeParse(phoneCell);
    if (!parsed.success || parsed.data === null) return refuse('phone', phoneCell);
    phone = parsed.data;
  }

  let contactConsent: boolean | undefined;
  const consentCell = cell('contactConsent');
  if (consentCell !== '') {
    const folded = normalizeForSearch(consentCell);
    if (YES.has(folded) || consentCell === '✓') contactConsent = true;
    else if (NO.has(folded)) contactConsent = false;
    else return refuse('contactConsent', consentCell);
  }

  return { ok: true, holder: { cardNumber: normalizeCardNumber(card), name, birthYear, arrondissement, email, phone, contactConsent } };
}

/**
 * The card numbers one import has already taken, by the line that took them, across its chunks
 * (the service keeps one per import id). A chunk sent twice finds its own lines again, not duplicates.
 */
export type SeenCards = Map<string, number>;

export interface ReadChunk {
  holders: { line: number; holder: ImportedHolder }[];
  refused: LineRefusal[];
  /** Lines with nothing on them (skipped, not refused). */
  blank: number;
}

/** Every line of a chunk read: the holders to write and every refused line with its reason. */
export function readChunk(input: Pick<HolderImportInput, 'firstLine' | 'header' | 'lines'>, seen: SeenCards, currentYear: number): ReadChunk {
  const { columns } = mapHeader(input.header);
  const width = input.header.length;
  const needed = Math.max(...[columns.cardNumber, columns.name ?? Math.min(columns.lastName ?? Infinity, columns.firstName ?? Infinity)].filter(Number.isFinite).map(Number)) + 1;
  const separator = detectSeparator(width, input.lines);
  const out: ReadChunk = { holders: [], refused: [], blank: 0 };
  input.lines.forEach((raw, i) => {
    const line = input.firstLine + i;
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '' || /^[;,\t\s]*$/.test(text)) {
      out.blank++;
      return;
    }
    if (text.length > CARD_LIMITS.importLine) {
      out.refused.push({ line, reason: 'tooLong', value: String(text.length) });
      return;
    }
    const cells = splitLine(text, separator);
    // Fewer cells than the header may be a spreadsheet dropping trailing empty cells: read
    // as empty, when the cells given still hold the card number and the name.
    if (cells === null || cells.length > width || cells.length < needed) {
      out.refused.push({ line, reason: 'columns', value: cells === null ? '' : `${cells.length}/${width}` });
      return;
    }
    const outcome = readHolderCells(cells, columns, currentYear);
    if (!outcome.ok) {
      out.refused.push({ line, reason: outcome.reason, value: outcome.value });
      return;
    }
    const first = seen.get(outcome.holder.cardNumber);
    if (first !== undefined && first !== line) {
      out.refused.push({ line, reason: 'duplicateInFile', value: String(first) });
      return;
    }
    seen.set(outcome.holder.cardNumber, line);
    out.holders.push({ line, holder: outcome.holder });
  });
  return out;
}
