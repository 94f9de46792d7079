/**
 * The physical floor for a write: a bare worker thread that writes one workshop row and its
 * outbox entry in one transaction with better-sqlite3 directly (prepared statements, the same
 * key and connection pragmas as the core, synchronous=FULL). No validation, no Kysely, no service.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyConnectionPragmas, openSqlite } from '#core/store/open-database.js';

export type BaselineRow = Record<string, string | number | null>;
export type ToBaseline = { id: number; row: BaselineRow } | { id: number; stop: true };

const port = parentPort!;
const { file, keyHex } = workerData as { file: string; keyHex: string };
const sqlite = openSqlite(file, { key: Buffer.from(keyHex, 'hex') });
applyConnectionPragmas(sqlite);
const insertWorkshop = sqlite.prepare(`insert into workshops (id, kind, title, title_search, description, starts_at, ends_at,
  venue_name, venue_address, arrondissement, in_qpv, capacity, partners, facilitators, status, minutes, cancel_reason,
  closed_at, cancelled_at, created_at, updated_at, version, deleted_at) values (@id, @kind, @title, @title_search,
  @description, @starts_at, @ends_at, @venue_name, @venue_address, @arrondissement, @in_qpv, @capacity, @partners,
  @facilitators, 'planned', null, null, null, null, @at, @at, 1, null)`);
const insertOutbox = sqlite.prepare(`insert into outbox (change_id, entity, record_id, op, base_version, version, payload, created_at)
  values (?, 'workshop', ?, 'create', null, 1, ?, ?)`);
const write = sqlite.transaction((row: BaselineRow) => {
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  insertWorkshop.run({ ...row, id, at });
  insertOutbox.run(crypto.randomUUID(), id, JSON.stringify(row), at);
  return id;
});

port.on('message', (message: ToBaseline) => {
  if ('stop' in message) {
    sqlite.close();
    port.postMessage({ id: message.id, stopped: true });
    return;
  }
  port.postMessage({ id: message.id, recordId: write(message.row) });
});
port.postMessage({ ready: true, synchronous: sqlite.pragma('synchronous', { simple: true }) });
