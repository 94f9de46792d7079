/**
 * Data folders as earlier versions of Atelier left them, for the start-up crash test: the
 * schema of version 1 or 4 (the migrations of that time), 4,000 workshops with their outbox
 * history, and at version 4 people, study profiles, attendances and consents; a backups folder
 * with five good backups and two broken ones as interrupted starts of earlier builds left them.
 * Also: what each table holds (count and digest of every row), to compare after a crash.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, type MigrationProvider } from 'kysely';
import { generateWorkshops } from '#bench/generate.js';
import { migrations } from '#db/migrations/index.js';
import { personSearchText } from '#core/attendance/attendance.codecs.js';
import { ensureDataDir } from '#core/data-dir.js';
import { openDatabase } from '#core/store/open-database.js';
import { normalizeForSearch } from '#shared/text.js';

export const WORKSHOPS = 4_000;
export const ATTENDANCES = 2_000;

/** Per table: how many rows, and a digest of every value of the columns it had then. */
export type Snapshot = Record<string, { columns: string[]; count: number; digest: string }>;

export interface DataFolder {
  dir: string;
  schemaVersion: number;
  snapshot: Snapshot;
  /** The files of its backups folder. */
  backups: string[];
  /** Workshops to read back through the app after each crash. */
  samples: { id: string; title: string; venueName: string }[];
}

const ARABIC_NAMES = ['نور الهدى بن علي', 'يوسف حداد', 'مريم الطاهري'];
const FIRST = ['Camille', 'Nora', 'Yanis', 'Léa', 'Mamadou', 'Inès', 'Hugo', 'Fatou'];
const LAST = ['Martin', 'Diallo', 'Nguyen', 'Haddad', 'Lefèvre', 'Traoré'];

export async function buildDataFolder(dir: string, schemaVersion: 1 | 4): Promise<DataFolder> {
  const layout = ensureDataDir(dir);
  const opened = openDatabase(layout.database);
  const names = Object.keys(migrations).slice(0, schemaVersion);
  const provider: MigrationProvider = { getMigrations: async () => Object.fromEntries(names.map((n) => [n, migrations[n]!])) };
  const { error } = await new Migrator({ db: opened.db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('A migration failed', { cause: error });
  const { sqlite } = opened;
  sqlite.pragma(`user_version = ${schemaVersion}`);

  const workshopIds: string[] = [];
  const samples: DataFolder['samples'] = [];
  sqlite.transaction(() => {
    const workshop = sqlite.prepare(
      `insert into workshops (id, kind, title, title_search, description, starts_at, ends_at, venue_name, venue_address, arrondissement, in_qpv,
         capacity, partners, facilitators, status, minutes, closed_at, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const outbox = sqlite.prepare(
      `insert into outbox (change_id, entity, record_id, op, base_version, version, payload, created_at) values (?, 'workshop', ?, 'create', null, 1, ?, ?)`,
    );
    generateWorkshops(WORKSHOPS).forEach(({ fields: f, fate }, i) => {
      const id = randomUUID();
      const startsAt = new Date(`${f.startsAt}:00Z`).toISOString();
      const endsAt = new Date(`${f.endsAt}:00Z`).toISOString();
      const createdAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      const closed = fate === 'closed' ? endsAt : null;
      workshop.run(id, f.kind, f.title, normalizeForSearch(f.title), f.description, startsAt, endsAt, f.venueName, f.venueAddress, f.arrondissement,
        f.inQpv ? 1 : 0, f.capacity, JSON.stringify(f.partners), JSON.stringify(f.facilitators), fate, closed ? 'Compte rendu : propositions retenues.' : null,
        closed, createdAt, createdAt);
      outbox.run(randomUUID(), id, JSON.stringify(f), createdAt);
      workshopIds.push(id);
      if (i % 400 === 7) samples.push({ id, title: f.title, venueName: f.venueName });
    });

    if (schemaVersion >= 4) {
      const person = sqlite.prepare(`insert into people (id, name, email, phone, citizen_card_number, search_text, created_at, updated_at, version) values (?, ?, ?, null, ?, ?, ?, ?, 1)`);
      const profile = sqlite.prepare(
        `insert into participant_profiles (id, workshop_id, age_bracket, residence, residence_arrondissement, lives_in_qpv, occupation_category,
           first_participation, neighbourhood_council_member, association_member, created_at, updated_at, version)
         values (?, ?, ?, 'paris', ?, 'yes', 'employee', 'yes', 'no', 'unknown', ?, ?, 1)`,
      );
      const attendance = sqlite.prepare(
        `insert into attendances (id, workshop_id, person_id, profile_id, status, source, checked_in_at, recorded_by, created_at, updated_at, version)
         values (?, ?, ?, ?, ?, 'pre_registered', ?, 'Accueil', ?, ?, 1)`,
      );
      const consent = sqlite.prepare(
        `insert into consents (id, attendance_id, purpose, granted, text_version, recorded_at, recorded_by, created_at, updated_at, version) values (?, ?, ?, ?, '2026-01', ?, 'Accueil', ?, ?, 1)`,
      );
      for (let i = 0; i < ATTENDANCES; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 137_000).toISOString();
        const name = i % 10 === 3 ? ARABIC_NAMES[i % ARABIC_NAMES.length]! : `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
        const email = i % 2 === 0 ? `personne${i}@example.org` : null;
        const personId = randomUUID();
        const workshopId = workshopIds[i % 50]!;
        person.run(personId, name, email, i % 5 === 0 ? `CC-${100000 + i}` : null, personSearchText(name, email), at, at);
        const profileId = i % 3 === 0 ? null : randomUUID();
        if (profileId) profile.run(profileId, workshopId, ['16_25', '26_40', '41_60', '61_75'][i % 4], 1 + (i % 20), at, at);
        const attendanceId = randomUUID();
        const present = i % 4 !== 0;
        attendance.run(attendanceId, workshopId, personId, profileId, present ? 'present' : 'registered', present ? at : null, at, at);
        consent.run(randomUUID(), attendanceId, 'contact', i % 2, at, at, at);
        if (profileId) consent.run(randomUUID(), attendanceId, 'study', 1, at, at, at);
      }
    }
  })();
  await opened.db.destroy();

  writeOldBackups(layout.backups, schemaVersion);
  return { dir, schemaVersion, snapshot: snapshotOf(layout.database), backups: readdirSync(layout.backups), samples };
}

/**
 * Five good backups from earlier upgrades, and what interrupted backups of earlier builds left
 * under a real name: an empty database, and a copy with its journal still beside it.
 */
function writeOldBackups(backupDir: string, schemaVersion: number): void {
  for (let month = 1; month <= 5; month++) {
    const db = new BetterSqlite3(join(backupDir, `atelier-2026-0${month}-01T09-00-00-000Z-v${schemaVersion - 1}.sqlite`));
    db.exec(`create table workshops (id text primary key, title text); insert into workshops values ('${randomUUID()}', 'Atelier de ${month}/2026');`);
    db.pragma(`user_version = ${schemaVersion - 1}`);
    db.close();
  }
  new BetterSqlite3(join(backupDir, `atelier-2026-10-01T09-00-00-000Z-v${schemaVersion}.sqlite`)).close();
  const unfinished = join(backupDir, `atelier-2026-10-02T09-00-00-000Z-v${schemaVersion}.sqlite`);
  const db = new BetterSqlite3(unfinished);
  db.exec('create table workshops (id text primary key)');
  db.pragma(`user_version = ${schemaVersion}`);
  db.close();
  writeFileSync(`${unfinished}-journal`, Buffer.alloc(4096, 0xd9));
}

/** What every table of `file` holds, limited to `columnsOf` where given (the columns a table had before migrating). */
export function snapshotOf(file: string, columnsOf?: Snapshot): Snapshot {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = columnsOf
      ? Object.keys(columnsOf)
      : (db.prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`).pluck().all() as string[]);
    const snapshot: Snapshot = {};
    for (const table of tables) {
      const columns = columnsOf?.[table]?.columns ?? (db.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]);
      const hash = createHash('sha256');
      let count = 0;
      for (const row of db.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" order by rowid`).raw().iterate()) {
        hash.update(JSON.stringify(row));
        count++;
      }
      snapshot[table] = { columns, count, digest: hash.digest('hex') };
    }
    return snapshot;
  } finally {
    db.close();
  }
}
