/**
 * The sync client's local reads and writes. Each function that changes state takes a
 * transaction so that the engine can pair "apply what the portal said" with "remember that
 * it said it" atomically (an acknowledgement and its outbox removal; a pulled page and its
 * cursor).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, OutboxRow } from '../../../db/schema.js';
import type { Change, PortalErrorBody, PulledRecord, PushResponse, SyncEntity } from '../../../src-shared/sync/protocol.schema.js';
import { syncEntitySchemas } from '../../../src-shared/sync/entities.js';
import { appendOutbox, type Executor } from '../store/outbox.repository.js';
import { syncedEntities } from './synced-entities.js';

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

/** What one change adds to a push body besides its fields (ids, seq, times, keys). */
const CHANGE_ENVELOPE_BYTES = 400;

/**
 * The oldest pending changes, as they travel: at most `limit` of them, and no more than
 * `maxBytes` of JSON together (always at least one, however big: the portal then says why).
 */
export async function pendingBatch(db: Executor, limit: number, maxBytes = Number.POSITIVE_INFINITY): Promise<{ rows: OutboxRow[]; changes: Change[] }> {
  const all = await db.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('seq').limit(limit).execute();
  let bytes = 0;
  let count = 0;
  for (const row of all) {
    bytes += Buffer.byteLength(row.payload, 'utf8') + (row.resolves?.length ?? 0) + CHANGE_ENVELOPE_BYTES;
    if (count > 0 && bytes > maxBytes) break;
    count++;
  }
  const rows = all.slice(0, count);
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
/**
 * Applies the portal's answer to a batch: acknowledged changes leave the outbox (the outbox is
 * a queue, not a synced table), refused ones move to the visible rejected list with the reason.
 *
 * A change the portal applied at exactly the revision after the one the laptop holds means
 * nobody else changed the record in between: the laptop already has the portal's state, so it
 * records that revision and the next pull need not rewrite the row. Any gap (another device's
 * change, a conflict) leaves the revision alone and the pull brings the merged record.
 */
export async function acknowledgeBatch(trx: Transaction<Database>, response: PushResponse, batch: readonly Change[]): Promise<{ rejected: number }> {
  const acknowledged: number[] = [];
  let rejected = 0;
  const changeBySeq = new Map(batch.map((c) => [c.seq, c]));
  const applied: { entity: SyncEntity; recordId: string; revision: number }[] = [];
  for (const result of response.results) {
    if (result.status === 'rejected') {
      rejected++;
      await markRejected(trx, result.seq, result.reason ?? { code: 'rejected', message: 'Refused by the portal' });
      continue;
    }
    acknowledged.push(result.seq);
    const change = changeBySeq.get(result.seq);
    if (change && result.status === 'applied' && result.revision !== undefined) {
      applied.push({ entity: change.entity, recordId: change.recordId, revision: result.revision });
    }
  }
  if (acknowledged.length > 0) {
    // eslint-disable-next-line no-restricted-syntax -- acknowledged queue entries, not records
    await trx.deleteFrom('outbox').where('seq', 'in', acknowledged).where('state', '=', 'pending').execute();
  }
  await advanceSyncedRevisions(trx, applied);
  return { rejected };
}

async function advanceSyncedRevisions(
  transaction: Transaction<Database>,
  applied: readonly { entity: SyncEntity; recordId: string; revision: number }[],
): Promise<void> {
  const trx = transaction as unknown as Transaction<AnyTables>;
  for (const entity of new Set(applied.map((a) => a.entity))) {
    const table = syncedEntities[entity].table;
    const mine = applied.filter((a) => a.entity === entity);
    const ids = [...new Set(mine.map((a) => a.recordId))];
    const known = new Map(
      ((await trx.selectFrom(table).select(['id', 'synced_revision']).where('id', 'in', ids).execute()) as { id: string; synced_revision: number }[]).map(
        (r) => [r.id, r.synced_revision],
      ),
    );
    const start = new Map(known);
    // In batch order: each of our changes that follows the last known revision moves it on.
    for (const { recordId, revision } of mine) if (known.get(recordId) === revision - 1) known.set(recordId, revision);
    const moved = ids.filter((id) => known.get(id) !== start.get(id));
    for (let i = 0; i < moved.length; i += INSERT_CHUNK * 10) {
      const chunk = moved.slice(i, i + INSERT_CHUNK * 10);
      const cases = sql.join(chunk.map((id) => sql`when ${id} then ${known.get(id)!}`), sql` `);
      await trx
        .updateTable(table)
        .set({ synced_revision: sql`case id ${cases} end` })
        .where('id', 'in', chunk)
        .execute();
    }
  }
}

export async function markRejected(db: Executor, seq: number, reason: PortalErrorBody): Promise<void> {
  await db.updateTable('outbox').set({ state: 'rejected', rejection: JSON.stringify(reason) }).where('seq', '=', seq).execute();
}

/**
 * Queues the whole of every local record again, for a portal that lost what it had
 * acknowledged (restored from a backup). Records it still has merge to no change.
 */
export async function queueFullSnapshots(trx: Transaction<Database>, newId: () => string): Promise<number> {
  let queued = 0;
  for (const adapter of Object.values(syncedEntities)) {
    // The registry names the table; Kysely cannot type a table chosen at run time.
    const rows = (await (trx as unknown as Transaction<AnyTables>).selectFrom(adapter.table).selectAll().execute()) as Record<string, unknown>[];
    for (const row of rows) {
      await appendOutbox(trx, {
        changeId: newId(),
        entity: adapter.entity,
        recordId: String(row.id),
        op: 'create',
        baseVersion: null,
        baseRevision: Number(row.synced_revision),
        version: Number(row.version),
        payload: adapter.snapshot(row),
        // The oldest time this device can claim for the record: a re-push must never win a
        // same-field conflict just because it is recent (docs/sync-protocol.md).
        createdAt: String(row.created_at),
      });
      queued++;
    }
  }
  return queued;
}

/** Synced tables seen without their column types (the registry chooses them at run time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTables = Record<string, any>;

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
): Promise<{ applied: number; invalid: number; changed: { entity: SyncEntity; id: string }[] }> {
  const byEntity = new Map<SyncEntity, { record: PulledRecord; fields: Record<string, unknown> }[]>();
  let valid = 0;
  for (const record of records) {
    const parsed = syncEntitySchemas[record.entity].record.safeParse(record.fields);
    if (!parsed.success) continue;
    valid++;
    byEntity.set(record.entity, [...(byEntity.get(record.entity) ?? []), { record, fields: parsed.data as Record<string, unknown> }]);
  }
  const changed: { entity: SyncEntity; id: string }[] = [];
  for (const [entity, page] of byEntity) {
    await applyEntityPage(trx, entity, page, now);
    for (const { record } of page) changed.push({ entity, id: record.recordId });
  }
  await replaceConflicts(trx, records.filter((r) => byEntity.get(r.entity)?.some((v) => v.record === r)));
  await setMeta(trx, META.cursor, cursor);
  return { applied: valid, invalid: records.length - valid, changed };
}

async function applyEntityPage(
  transaction: Transaction<Database>,
  entity: SyncEntity,
  page: readonly { record: PulledRecord; fields: Record<string, unknown> }[],
  now: string,
): Promise<void> {
  const adapter = syncedEntities[entity];
  const trx = transaction as unknown as Transaction<AnyTables>;
  const ids = page.map((v) => v.record.recordId);
  const pending = new Map<string, Set<string>>();
  const pendingRows = await transaction
    .selectFrom('outbox')
    .select(['record_id', 'payload'])
    .where('entity', '=', entity)
    .where('record_id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
  for (const row of pendingRows) {
    const set = pending.get(row.record_id) ?? new Set<string>();
    for (const key of Object.keys(JSON.parse(row.payload) as object)) set.add(key);
    pending.set(row.record_id, set);
  }
  const existing = new Map(
    (
      (await trx.selectFrom(adapter.table).select(['id', 'version', 'synced_revision']).where('id', 'in', ids).execute()) as {
        id: string;
        version: number;
        synced_revision: number;
      }[]
    ).map((r) => [r.id, r]),
  );
  const inserts: Record<string, unknown>[] = [];
  for (const { record, fields } of page) {
    const local = existing.get(record.recordId);
    // Already held at this revision (our own change coming back) and nothing waiting: no write.
    if (local && local.synced_revision >= record.revision && !pending.has(record.recordId)) continue;
    const version = local?.version;
    if (version === undefined) {
      inserts.push({ ...adapter.columns(fields), id: record.recordId, created_at: now, updated_at: now, version: 1, synced_revision: record.revision });
    } else {
      await trx
        .updateTable(adapter.table)
        .set({ ...adapter.columns(fields, pending.get(record.recordId)), synced_revision: record.revision, version: version + 1, updated_at: now })
        .where('id', '=', record.recordId)
        .execute();
    }
  }
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) await trx.insertInto(adapter.table).values(inserts.slice(i, i + INSERT_CHUNK)).execute();
}

/** The portal's current conflict lists replace ours for the records of the page. */
async function replaceConflicts(trx: Transaction<Database>, records: readonly PulledRecord[]): Promise<void> {
  if (records.length === 0) return;
  const ids = records.map((r) => r.recordId);
  // eslint-disable-next-line no-restricted-syntax -- local bookkeeping of the portal's flags, not a synced table
  await trx.deleteFrom('sync_conflicts').where('record_id', 'in', ids).execute();
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

/**
 * A person chose one value of a same-field conflict: the record takes it, and an ordinary
 * change that settles the conflict (`resolves`) goes to the outbox in the same transaction,
 * even when the chosen value is the one already shown.
 */
export async function writeChosenValue(
  transaction: Transaction<Database>,
  entity: SyncEntity,
  recordId: string,
  field: string,
  value: unknown,
  now: string,
  newId: () => string,
): Promise<boolean> {
  const adapter = syncedEntities[entity];
  const trx = transaction as unknown as Transaction<AnyTables>;
  const row = (await trx.selectFrom(adapter.table).selectAll().where('id', '=', recordId).executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) return false;
  const version = Number(row.version) + 1;
  await trx.updateTable(adapter.table).set({ ...adapter.columns({ [field]: value }), version, updated_at: now }).where('id', '=', recordId).execute();
  await appendOutbox(transaction, {
    changeId: newId(),
    entity,
    recordId,
    op: 'update',
    baseVersion: Number(row.version),
    baseRevision: Number(row.synced_revision),
    resolves: [field],
    version,
    payload: { [field]: value },
    createdAt: now,
  });
  // eslint-disable-next-line no-restricted-syntax -- local bookkeeping of the portal's flags, not a synced table
  await transaction.deleteFrom('sync_conflicts').where('entity', '=', entity).where('record_id', '=', recordId).where('field', '=', field).execute();
  return true;
}

/** The label of a record for lists of rejected changes and conflicts. */
export async function recordLabel(db: Kysely<Database>, entity: SyncEntity, recordId: string): Promise<string> {
  const adapter = syncedEntities[entity];
  const row = (await (db as unknown as Kysely<AnyTables>).selectFrom(adapter.table).selectAll().where('id', '=', recordId).executeTakeFirst()) as
    | Record<string, unknown>
    | undefined;
  return row ? adapter.label(row) : recordId;
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
