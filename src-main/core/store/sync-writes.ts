/**
 * The writes of synced tables that come from the portal conversation, beside the write funnel
 * (synced-write.ts) and like it the only code allowed to write these tables: a pulled page
 * (no outbox entry: it is the portal's state arriving), the whole of every record queued
 * again for a portal restored from a backup, a value a person chose in a conflict (an ordinary
 * change that settles it), and the portal revisions our acknowledged changes reached.
 * Each works for any synced table through its codec.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '#db/schema.js';
import type { PulledRecord } from '#shared/sync/protocol.schema.js';
import type { AnyCodec, SyncedRegistry } from './codec.js';
import { appendOutbox, findSyncedRow, loose } from './synced-write.js';

type Loose = Record<string, unknown>;

/** Rows per multi-row INSERT: 24 columns × 40 rows stays far below SQLite's variable limit. */
const INSERT_CHUNK = 40;

/** The synced fields of this kind with local changes still waiting, per record. */
async function pendingFields(trx: Transaction<Database>, codec: AnyCodec, ids: readonly string[]): Promise<Map<string, Set<string>>> {
  const pending = new Map<string, Set<string>>();
  const rows = await trx
    .selectFrom('outbox')
    .select(['record_id', 'payload'])
    .where('entity', '=', codec.entity)
    .where('record_id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
  for (const row of rows) {
    const set = pending.get(row.record_id) ?? new Set<string>();
    for (const key of Object.keys(JSON.parse(row.payload) as object)) set.add(key);
    pending.set(row.record_id, set);
  }
  return pending;
}

/**
 * Writes one kind's records of a pulled page (already validated), in a handful of statements.
 * Fields with local changes still waiting keep their local values: the portal merges them
 * when they arrive. Computed columns follow the whole row after the merge.
 */
export async function applyPulledRecords(
  trx: Transaction<Database>,
  codec: AnyCodec,
  page: readonly { record: PulledRecord; fields: Loose }[],
  now: string,
): Promise<void> {
  const ids = page.map((v) => v.record.recordId);
  const pending = await pendingFields(trx, codec, ids);
  const existing = new Map(
    ((await loose(trx).selectFrom(codec.table).selectAll().where('id', 'in', ids).execute()) as Loose[]).map((r) => [r.id as string, r]),
  );
  const inserts: Loose[] = [];
  for (const { record, fields } of page) {
    const local = existing.get(record.recordId);
    const waiting = pending.get(record.recordId);
    // Already held at this revision (our own change coming back) and nothing waiting: no write.
    if (local && (local.synced_revision as number) >= record.revision && !waiting) continue;
    if (!local) {
      const row = { ...codec.columns(fields), id: record.recordId, created_at: now, updated_at: now, version: 1, synced_revision: record.revision };
      inserts.push({ ...row, ...codec.derive(row) });
    } else {
      const merged = { ...local, ...codec.columns(fields, waiting) };
      await loose(trx)
        .updateTable(codec.table)
        .set({ ...codec.columns(fields, waiting), ...codec.derive(merged), synced_revision: record.revision, version: (local.version as number) + 1, updated_at: now })
        .where('id', '=', record.recordId)
        .execute();
    }
  }
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) await loose(trx).insertInto(codec.table).values(inserts.slice(i, i + INSERT_CHUNK)).execute();
}

/**
 * Queues the whole of every local record again, for a portal that lost what it had
 * acknowledged (restored from a backup). Records it still has merge to no change.
 */
export async function queueFullSnapshots(trx: Transaction<Database>, registry: SyncedRegistry, newId: () => string): Promise<number> {
  let queued = 0;
  for (const codec of Object.values(registry)) {
    const rows = (await loose(trx).selectFrom(codec.table).selectAll().execute()) as Loose[];
    for (const row of rows) {
      await appendOutbox(trx, {
        changeId: newId(),
        entity: codec.entity,
        recordId: row.id as string,
        op: 'create',
        baseVersion: null,
        baseRevision: row.synced_revision as number,
        version: row.version as number,
        payload: codec.snapshot(row) as Loose,
        // The oldest time this device can claim for the record: a re-push must never win a
        // same-field conflict just because it is recent (docs/sync-protocol.md).
        createdAt: row.created_at as string,
      });
      queued++;
    }
  }
  return queued;
}

/**
 * A person chose one value of a same-field conflict: the record takes it, and an ordinary
 * change that settles the conflict (`resolves`) goes to the outbox in the same transaction,
 * even when the chosen value is the one already shown. False when the record is gone.
 */
export async function writeChosenValue(
  trx: Transaction<Database>,
  codec: AnyCodec,
  recordId: string,
  field: string,
  value: unknown,
  now: string,
  newId: () => string,
): Promise<boolean> {
  const row: Loose | undefined = await findSyncedRow(trx, codec, recordId);
  if (!row) return false;
  const version = (row.version as number) + 1;
  const columns = codec.columns({ [field]: value });
  await loose(trx)
    .updateTable(codec.table)
    .set({ ...columns, ...codec.derive({ ...row, ...columns }), version, updated_at: now })
    .where('id', '=', recordId)
    .execute();
  await appendOutbox(trx, {
    changeId: newId(),
    entity: codec.entity,
    recordId,
    op: 'update',
    baseVersion: row.version as number,
    baseRevision: row.synced_revision as number,
    resolves: [field],
    version,
    payload: { [field]: value },
    createdAt: now,
  });
  return true;
}

/** Moves each record's synced revision on along our own acknowledged changes (see outbox.ts). */
export async function advanceSyncedRevisions(
  trx: Transaction<Database>,
  codec: AnyCodec,
  applied: readonly { recordId: string; revision: number }[],
): Promise<void> {
  const ids = [...new Set(applied.map((a) => a.recordId))];
  const known = new Map(
    ((await loose(trx).selectFrom(codec.table).select(['id', 'synced_revision']).where('id', 'in', ids).execute()) as { id: string; synced_revision: number }[]).map(
      (r) => [r.id, r.synced_revision],
    ),
  );
  const start = new Map(known);
  // In batch order: each of our changes that follows the last known revision moves it on.
  for (const { recordId, revision } of applied) if (known.get(recordId) === revision - 1) known.set(recordId, revision);
  const moved = ids.filter((id) => known.get(id) !== start.get(id));
  for (let i = 0; i < moved.length; i += INSERT_CHUNK * 10) {
    const chunk = moved.slice(i, i + INSERT_CHUNK * 10);
    const cases = sql.join(chunk.map((id) => sql`when ${id} then ${known.get(id)!}`), sql` `);
    await loose(trx)
      .updateTable(codec.table)
      .set({ synced_revision: sql`case id ${cases} end` })
      .where('id', 'in', chunk)
      .execute();
  }
}
