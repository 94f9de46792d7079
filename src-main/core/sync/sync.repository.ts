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
  let rejected = 0;
  for (const result of response.results) {
    if (result.status === 'rejected') {
      rejected++;
      await markRejected(trx, result.seq, result.reason ?? { code: 'rejected', message: 'Refused by the portal' });
    } else {
      // eslint-disable-next-line no-restricted-syntax -- acknowledged queue entries, not records
      await trx.deleteFrom('outbox').where('seq', '=', result.seq).where('state', '=', 'pending').execute();
    }
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
export async function queueFullSnapshots(trx: Transaction<Database>, now: string, newId: () => string): Promise<number> {
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
      createdAt: now,
    });
  }
  return rows.length;
}

/** Fields of a record that still have local changes waiting: the portal's values must not overwrite them. */
async function pendingFields(trx: Transaction<Database>, entity: string, recordId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('outbox')
    .select('payload')
    .where('entity', '=', entity)
    .where('record_id', '=', recordId)
    .where('state', '=', 'pending')
    .execute();
  const fields = new Set<string>();
  for (const row of rows) for (const key of Object.keys(JSON.parse(row.payload) as object)) fields.add(key);
  return fields;
}

/**
 * Applies one pulled page and saves its cursor, in the caller's transaction. Never writes to
 * the outbox: this is the portal's state arriving, not a local change. A record that fails the
 * shared schema is skipped and counted (never trust the other side either).
 */
export async function applyPulledPage(
  trx: Transaction<Database>,
  records: readonly PulledRecord[],
  cursor: string,
  now: string,
): Promise<{ applied: number; invalid: number; ids: string[] }> {
  let applied = 0;
  let invalid = 0;
  const ids: string[] = [];
  for (const record of records) {
    const parsed = syncEntitySchemas[record.entity].record.safeParse(record.fields);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    const keepLocal = await pendingFields(trx, record.entity, record.recordId);
    const columns = workshopColumnsFromFields(parsed.data, keepLocal);
    const local = await trx.selectFrom('workshops').select(['version']).where('id', '=', record.recordId).executeTakeFirst();
    if (local) {
      await trx
        .updateTable('workshops')
        .set({ ...columns, synced_revision: record.revision, version: local.version + 1, updated_at: now })
        .where('id', '=', record.recordId)
        .execute();
    } else {
      const all = workshopColumnsFromFields(parsed.data);
      await trx
        .insertInto('workshops')
        .values({
          ...(all as Required<typeof all>),
          id: record.recordId,
          created_at: now,
          updated_at: now,
          version: 1,
          synced_revision: record.revision,
        })
        .execute();
    }
    await replaceConflicts(trx, record);
    applied++;
    ids.push(record.recordId);
  }
  await setMeta(trx, META.cursor, cursor);
  return { applied, invalid, ids };
}

async function replaceConflicts(trx: Transaction<Database>, record: PulledRecord): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- the portal's current list replaces ours
  await trx.deleteFrom('sync_conflicts').where('entity', '=', record.entity).where('record_id', '=', record.recordId).execute();
  for (const conflict of record.conflicts) {
    await trx
      .insertInto('sync_conflicts')
      .values({
        entity: record.entity,
        record_id: record.recordId,
        field: conflict.field,
        candidates: JSON.stringify(conflict.values),
        winner: conflict.winner,
        revision: record.revision,
      })
      .execute();
  }
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
