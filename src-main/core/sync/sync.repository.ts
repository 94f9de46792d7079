/**
 * The sync client's local reads and writes. Each function that changes state takes a
 * transaction so that the engine can pair "apply what the portal said" with "remember that
 * it said it" atomically (an acknowledgement and its outbox removal; a pulled page and its
 * cursor).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, OutboxRow } from '../../../db/schema.js';
import type { Change, PortalErrorBody, PulledRecord, PushResponse } from '../../../src-shared/sync/protocol.schema.js';
import { syncEntitySchemas } from '../../../src-shared/sync/entities.js';
import { appendOutbox, type Executor } from '../store/outbox.repository.js';
import { workshopColumnsFromFields, workshopSnapshot } from './workshop-sync.js';

export const META = {
  deviceId: 'device_id',
  portalUrl: 'portal_url',
  role: 'portal_role',
  epoch: 'portal_epoch',
  cursor: 'pull_cursor',
  lastSyncedAt: 'last_synced_at',
  lastError: 'last_sync_error',
} as const;
export type MetaKey = (typeof META)[keyof typeof META];

export async function getMeta(db: Executor, key: MetaKey): Promise<string | null> {
  const row = await db.selectFrom('device_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setMeta(db: Executor, key: MetaKey, value: string | null): Promise<void> {
  if (value === null) {
    // device_meta is local bookkeeping, not a synced table: no tombstone needed.
    // eslint-disable-next-line no-restricted-syntax
    await db.deleteFrom('device_meta').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('device_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The oldest pending changes, as they travel. */
export async function pendingBatch(db: Executor, limit: number): Promise<{ rows: OutboxRow[]; changes: Change[] }> {
  const rows = await db.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('seq').limit(limit).execute();
  const changes = rows.map(
    (row): Change => ({
      seq: row.seq,
      changeId: row.change_id,
      entity: row.entity as Change['entity'],
      recordId: row.record_id,
      op: row.op,
      baseRevision: row.base_revision,
      fields: JSON.parse(row.payload) as Record<string, unknown>,
      capturedAt: row.created_at,
      ...(row.resolves ? { resolves: JSON.parse(row.resolves) as string[] } : {}),
    }),
  );
  return { rows, changes };
}

/**
 * Applies the portal's answer to a batch: acknowledged changes leave the outbox (the outbox is
 * a queue, not a synced table), refused ones move to the visible rejected list with the reason.
 */
export async function acknowledgeBatch(trx: Transaction<Database>, response: PushResponse): Promise<{ rejected: number }> {
  const acknowledged: number[] = [];
  let rejected = 0;
  for (const result of response.results) {
    if (result.status === 'rejected') {
      rejected++;
      await markRejected(trx, result.seq, result.reason ?? { code: 'rejected', message: 'Refused by the portal' });
    } else acknowledged.push(result.seq);
  }
  if (acknowledged.length > 0) {
    // eslint-disable-next-line no-restricted-syntax -- acknowledged queue entries, not records
    await trx.deleteFrom('outbox').where('seq', 'in', acknowledged).where('state', '=', 'pending').execute();
  }
  return { rejected };
}

export async function markRejected(db: Executor, seq: number, reason: PortalErrorBody): Promise<void> {
  await db.updateTable('outbox').set({ state: 'rejected', rejection: JSON.stringify(reason) }).where('seq', '=', seq).execute();
}

/**
 * Queues the whole of every local record again, for a portal that lost what it had
 * acknowledged (restored from a backup). Records it still has merge to no change.
 */
export async function queueFullSnapshots(trx: Transaction<Database>, newId: () => string): Promise<number> {
  const rows = await trx.selectFrom('workshops').selectAll().execute();
  for (const row of rows) {
    await appendOutbox(trx, {
      changeId: newId(),
      entity: 'workshop',
      recordId: row.id,
      op: 'create',
      baseVersion: null,
      baseRevision: row.synced_revision,
      version: row.version,
      payload: workshopSnapshot(row),
      // The oldest time this device can claim for the record: a re-push must never win a
      // same-field conflict just because it is recent (docs/sync-protocol.md).
      createdAt: row.created_at,
    });
  }
  return rows.length;
}

/** Rows per multi-row INSERT: 24 columns × 40 rows stays far below SQLite's variable limit. */
const INSERT_CHUNK = 40;

/**
 * Applies one pulled page and saves its cursor, in the caller's transaction. Never writes to
 * the outbox: this is the portal's state arriving, not a local change. A record that fails the
 * shared schema is skipped and counted (never trust the other side either). Fields with local
 * changes still waiting keep their local values: the portal merges them when they arrive.
 *
 * The page is read and written in a handful of statements, not a few per record, so that
 * applying it keeps the core's thread busy for milliseconds, not hundreds of them.
 */
export async function applyPulledPage(
  trx: Transaction<Database>,
  records: readonly PulledRecord[],
  cursor: string,
  now: string,
): Promise<{ applied: number; invalid: number; ids: string[] }> {
  const valid: { record: PulledRecord; fields: Record<string, unknown> }[] = [];
  for (const record of records) {
    const parsed = syncEntitySchemas[record.entity].record.safeParse(record.fields);
    if (parsed.success) valid.push({ record, fields: parsed.data });
  }
  const ids = valid.map((v) => v.record.recordId);
  if (ids.length > 0) {
    const pending = new Map<string, Set<string>>();
    const pendingRows = await trx
      .selectFrom('outbox')
      .select(['record_id', 'payload'])
      .where('entity', '=', 'workshop')
      .where('record_id', 'in', ids)
      .where('state', '=', 'pending')
      .execute();
    for (const row of pendingRows) {
      const set = pending.get(row.record_id) ?? new Set<string>();
      for (const key of Object.keys(JSON.parse(row.payload) as object)) set.add(key);
      pending.set(row.record_id, set);
    }
    const existing = new Map(
      (await trx.selectFrom('workshops').select(['id', 'version']).where('id', 'in', ids).execute()).map((r) => [r.id, r.version]),
    );

    const inserts = [];
    for (const { record, fields } of valid) {
      const version = existing.get(record.recordId);
      if (version === undefined) {
        const all = workshopColumnsFromFields(fields);
        inserts.push({
          ...(all as Required<typeof all>),
          id: record.recordId,
          created_at: now,
          updated_at: now,
          version: 1,
          synced_revision: record.revision,
        });
      } else {
        const columns = workshopColumnsFromFields(fields, pending.get(record.recordId));
        await trx
          .updateTable('workshops')
          .set({ ...columns, synced_revision: record.revision, version: version + 1, updated_at: now })
          .where('id', '=', record.recordId)
          .execute();
      }
    }
    for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
      await trx.insertInto('workshops').values(inserts.slice(i, i + INSERT_CHUNK)).execute();
    }
    await replaceConflicts(trx, valid.map((v) => v.record));
  }
  await setMeta(trx, META.cursor, cursor);
  return { applied: valid.length, invalid: records.length - valid.length, ids };
}

/** The portal's current conflict lists replace ours for the records of the page. */
async function replaceConflicts(trx: Transaction<Database>, records: readonly PulledRecord[]): Promise<void> {
  const ids = records.map((r) => r.recordId);
  // eslint-disable-next-line no-restricted-syntax -- local bookkeeping of the portal's flags, not a synced table
  await trx.deleteFrom('sync_conflicts').where('entity', '=', 'workshop').where('record_id', 'in', ids).execute();
  const rows = records.flatMap((record) =>
    record.conflicts.map((conflict) => ({
      entity: record.entity,
      record_id: record.recordId,
      field: conflict.field,
      candidates: JSON.stringify(conflict.values),
      winner: conflict.winner,
      revision: record.revision,
    })),
  );
  if (rows.length > 0) await trx.insertInto('sync_conflicts').values(rows).execute();
}

export async function countRejected(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'rejected')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countConflicts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
