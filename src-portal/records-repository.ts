/**
 * The portal's records: each is stored whole (after merging) with its per-field metadata and
 * open conflicts, at the serial of its latest change. Functions take `db` or `trx` first.
 */
import type { Kysely, Transaction } from 'kysely';
import type { PortalDatabase, RecordRow } from '#db/portal/schema.js';
import type { FieldConflict } from '#shared/sync/protocol.schema.js';
import type { MergeState, StoredConflict } from './merge.js';

type Db = Kysely<PortalDatabase> | Transaction<PortalDatabase>;

/** The records a batch touches, read in one query per entity. */
export async function findRecords(db: Db, keys: readonly { entity: string; recordId: string }[]): Promise<Map<string, RecordRow>> {
  const byEntity = new Map<string, string[]>();
  for (const { entity, recordId } of keys) byEntity.set(entity, [...(byEntity.get(entity) ?? []), recordId]);
  const found = new Map<string, RecordRow>();
  for (const [entity, ids] of byEntity) {
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await db.selectFrom('records').selectAll().where('entity', '=', entity).where('record_id', 'in', unique.slice(i, i + 500)).execute();
      for (const row of rows) found.set(recordKey(row.entity, row.record_id), row);
    }
  }
  return found;
}

export function recordKey(entity: string, recordId: string): string {
  return `${entity}:${recordId}`;
}

export function toMergeState(row: RecordRow): MergeState {
  return {
    revision: row.revision,
    fields: JSON.parse(row.fields) as MergeState['fields'],
    fieldMeta: JSON.parse(row.field_meta) as MergeState['fieldMeta'],
    conflicts: JSON.parse(row.conflicts) as StoredConflict[],
  };
}

/** What devices see of a conflict: the portal's bookkeeping revision stays inside. */
export function publicConflicts(conflicts: readonly StoredConflict[]): FieldConflict[] {
  return conflicts.map(({ field, values, winner }) => ({ field, values, winner }));
}

export interface SaveRecordInput {
  entity: string;
  recordId: string;
  state: MergeState;
  serial: number;
  deviceId: string;
  at: string;
  exists: boolean;
  /** Only the per-field metadata changed (an equal value re-sent): serial and revision stay. */
  metaOnly?: boolean;
}

function columnsOf(input: SaveRecordInput) {
  return {
    revision: input.state.revision,
    serial: input.serial,
    fields: JSON.stringify(input.state.fields),
    field_meta: JSON.stringify(input.state.fieldMeta),
    conflicts: JSON.stringify(input.state.conflicts),
    flagged: input.state.conflicts.length > 0 ? 1 : 0,
    updated_at: input.at,
  };
}

/** Rows per multi-row INSERT (11 columns): far below both databases' parameter limits. */
const INSERT_CHUNK = 100;

/** Writes each record's final state once: one UPDATE per existing record, new ones in multi-row INSERTs. */
export async function saveRecords(db: Db, inputs: readonly SaveRecordInput[]): Promise<void> {
  const inserts = [];
  for (const input of inputs) {
    const columns = columnsOf(input);
    if (input.exists && input.metaOnly) {
      await db.updateTable('records').set({ field_meta: columns.field_meta }).where('entity', '=', input.entity).where('record_id', '=', input.recordId).execute();
    } else if (input.exists) {
      await db.updateTable('records').set(columns).where('entity', '=', input.entity).where('record_id', '=', input.recordId).execute();
    } else {
      inserts.push({ ...columns, entity: input.entity, record_id: input.recordId, created_by_device: input.deviceId, created_at: input.at });
    }
  }
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    await db.insertInto('records').values(inserts.slice(i, i + INSERT_CHUNK)).execute();
  }
}
