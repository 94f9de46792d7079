/**
 * A person recorded the way the app records people — registered at the desk with a name, an
 * e-mail, a phone and a Citizen Card number, checked in with both consents and the study, and
 * carrying a proposal with a photo — and the means to look for them everywhere afterwards:
 * through SQLite (every table, every column: what the app itself can read) and in the raw bytes
 * of every file of the data folder. Not a test file itself.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandInput, CommandName, CommandOutput } from '#shared/contract.js';
import { normalizeForSearch } from '#shared/text.js';
import { contactYes, facilitator, profile, studyYes } from '../attendance/attendance-test-kit.js';
import { workshopFields } from '../core/test-core.js';
import { proposalFields } from '../proposals/proposal-fixtures.js';

/** The person, as typed at the door. A name in Arabic script too: a name may be written so. */
export const KNOWN = {
  name: 'Zénobie Marchetti-Oulhadj زنوبيا',
  email: 'zenobie.marchetti@exemple.fr',
  phone: '06 12 34 56 78',
  citizenCardNumber: 'PC7731904',
} as const;

/** What must never be found after the erasure: each value, and the pieces a search column keeps. */
export const NEEDLES = [
  KNOWN.name,
  KNOWN.email,
  KNOWN.phone,
  KNOWN.citizenCardNumber,
  normalizeForSearch(KNOWN.name),
  normalizeForSearch(KNOWN.email),
  'Marchetti',
  'marchetti',
  'MARCHETTI',
  'Oulhadj',
  'oulhadj',
  'Zénobie',
  'zenobie',
  'زنوبيا',
  '0612345678',
  'PC7731904',
  'pc7731904',
];

/** A 1×1 PNG: a photo of a post-it wall as far as the app is concerned. */
export const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

interface Caller {
  must<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
}

export async function recordKnownPerson(core: Caller, overrides: { startsAt?: string; endsAt?: string } = {}) {
  const workshop = await core.must('workshops:create', workshopFields(overrides));
  await core.must('workshops:open', { id: workshop.id, version: workshop.version });
  const registered = await core.must('attendance:register', { workshopId: workshop.id, person: KNOWN, recordedBy: facilitator, consents: [] });
  const arrival = await core.must('attendance:check-in', {
    attendanceId: registered.id,
    recordedBy: facilitator,
    consents: [contactYes, studyYes],
    profile: profile(),
  });
  const photo = await core.must('attachments:add', { mediaType: 'image/png', base64: PHOTO });
  const proposal = await core.must('proposals:create', {
    workshopId: workshop.id,
    fields: proposalFields({ proposerAttendanceIds: [registered.id], photos: [photo.sha256] }),
  });
  return { workshop, attendanceId: registered.id, personId: registered.personId!, profileAttendance: arrival.attendance!, proposal, photo };
}

/** Every needle found in any column of any table (what SQLite, hence the app, can read). */
export function findInDatabase(sqlite: BetterSqlite3.Database, needles: readonly string[] = NEEDLES): string[] {
  const found: string[] = [];
  const tables = sqlite.prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[];
  for (const table of tables) {
    for (const row of sqlite.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]) {
      const text = JSON.stringify(row);
      for (const needle of needles) if (text.includes(needle) || text.includes(JSON.stringify(needle).slice(1, -1))) found.push(`${table}: ${needle}`);
    }
  }
  return found;
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every needle found in the raw bytes of these files (UTF-8, as SQLite and the logs write text). */
export function findInFiles(files: readonly string[], needles: readonly string[] = NEEDLES): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${file}: ${needle}`);
  }
  return found;
}
