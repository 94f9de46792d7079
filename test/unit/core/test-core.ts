/**
 * A real core, started as the hosts start it (`startCore`), on a temporary data folder with
 * the real migrations, unlocked with the test passphrase (test/support/vault.ts); a settable
 * clock; the events it emitted; and a second, read-only connection (with the key) to look at
 * what it wrote (rows, outbox). Not a test file itself.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '#core/core.js';
import { dataDirLayout } from '#core/data-dir.js';
import { createFileLogger, createSilentLogger, logFileOpened } from '#core/logger.js';
import type { CommandInput, CommandName, CommandOutput } from '#shared/contract.js';
import type { Result } from '#shared/result.js';
import type { WorkshopFields } from '#shared/workshops/workshop.schema.js';
import { openDataFolder, testVault } from '#test/support/vault.js';

export interface TestCore {
  /** Every command goes through the core's real dispatch, so inputs are parsed as in the app. Typed as the contract is. */
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  /** Calls a command that must succeed and returns its value. */
  must<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  /** A read-only connection to the core's database file. */
  sqlite: BetterSqlite3.Database;
  /** The database file, to add test-only guards such as a trigger (open it with openDataFolder). */
  file: string;
  /** The data folder (database, backups, attachments, logs, erasure journal). */
  dataDir: string;
  events: { name: string; payload: unknown }[];
  setNow(iso: string): void;
  close(): Promise<void>;
}

export interface TestCoreOptions {
  /** Reopen this data folder (kept on close) instead of a new temporary one. */
  dataDir?: string;
  /** The clock's start. */
  now?: string;
  /** Logs to `<dataDir>/logs/core.log`, as the hosts do, instead of nowhere. */
  fileLogger?: boolean;
  /** Who is acting, as the lock's unlock would say. */
  currentActor?: () => string | null;
  /** The retention purge's schedule (at start-up, then every `intervalMs`). */
  retention?: { intervalMs: number } | false;
}

export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  let now = new Date(options.now ?? '2026-03-01T09:00:00.000Z');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'atelier-core-'));
  const events: TestCore['events'] = [];
  const logger = options.fileLogger ? createFileLogger(dataDir, 'core') : createSilentLogger();
  if (options.fileLogger) await logFileOpened(logger);
  const core = await startCore({
    dataDir,
    logger,
    currentActor: options.currentActor,
    retention: options.retention,
    appVersion: '0.0.0-test',
    onEvent: (name, payload) => {
      events.push({ name, payload });
    },
    now: () => now,
    ...testVault(),
  });
  // What the first start said (the vault unlocked) is not what the tests look at.
  events.length = 0;
  const file = dataDirLayout(dataDir).database;
  const sqlite = await openDataFolder(dataDir);
  return {
    invoke: (name, input) => core.dispatch(name, input) as Promise<Result<CommandOutput<typeof name>>>,
    async must(name, input) {
      const result = await core.dispatch(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as CommandOutput<typeof name>;
    },
    sqlite,
    file,
    dataDir,
    events,
    setNow(iso) {
      now = new Date(iso);
    },
    async close() {
      sqlite.close();
      await core.close();
      if (options.fileLogger) logger.flush();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A budget-participatif workshop at the Goutte-d'Or, as a facilitator would type it. */
export function workshopFields(overrides: Partial<WorkshopFields> = {}): WorkshopFields {
  return {
    kind: 'pb_co_construction',
    title: 'Co-construction du budget participatif — Goutte-d’Or',
    description: 'Projets pour le square Léon et la rue Myrha.',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T20:30',
    venueName: 'Centre Barbara',
    venueAddress: '1 rue Fleury, 75018 Paris',
    arrondissement: 18,
    inQpv: true,
    capacity: 40,
    partners: [{ name: 'Salle Saint-Bruno', type: 'association' }],
    facilitators: ['Camille Martin'],
    ...overrides,
  };
}

export interface OutboxRecord {
  seq: number;
  record_id: string;
  op: string;
  base_version: number | null;
  version: number;
  payload: string;
  state: string;
}

export function outboxRows(sqlite: BetterSqlite3.Database, recordId?: string): (OutboxRecord & { fields: Record<string, unknown> })[] {
  const rows = (
    recordId
      ? sqlite.prepare('select * from outbox where record_id = ? order by seq').all(recordId)
      : sqlite.prepare('select * from outbox order by seq').all()
  ) as OutboxRecord[];
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.payload) as Record<string, unknown> }));
}
