/**
 * Erasures on the portal (docs/sync-protocol.md, "Erasure"). An `erasure` record names the
 * records a laptop wiped and which of their fields; the portal, in the push's transaction:
 *
 * - keeps the first erasure it receives for a subject and never changes it (write-once: a
 *   second laptop erasing the same person, or the journal re-creating the erasure after a
 *   restore, changes nothing and is not a conflict);
 * - wipes its copy of each named record: the fields become null, their per-field history (the
 *   live writes of a same-field conflict hold values) and their open conflicts go, and the
 *   record moves to a new serial so that lab desktops pull the wiped copy;
 * - wipes those fields from the copies of refused changes it keeps (`rejected_changes`);
 * - remembers each record and field in `erased_records`, and from then on sets those fields
 *   to null in every change that arrives for the record, before validating or keeping it.
 *
 * Only fields that the record's kind can hold as null, of kinds in the `personal` scope, can be
 * named: an erasure wipes identities, nothing else. A device could null them with an ordinary
 * update anyway; the erasure adds the memory and the history.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { PortalDatabase } from '#db/portal/schema.js';
import type { ErasureRecord } from '#shared/people/rights-records.schema.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { entityScopes, type Change, type PortalErrorBody, type SyncEntity } from '#shared/sync/protocol.schema.js';
import type { MergeState } from './merge.js';
import { recordKey } from './records-repository.js';

type Trx = Transaction<PortalDatabase>;

/** Erased fields by `entity:recordId`, for the changes of one batch (grows as the batch erases). */
export type ErasedIndex = Map<string, Set<string>>;

export async function loadErased(trx: Trx, changes: readonly Change[]): Promise<ErasedIndex> {
  const index: ErasedIndex = new Map();
  const ids = [...new Set(changes.map((c) => c.recordId))];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('erased_records').select(['entity', 'record_id', 'fields']).where('record_id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) addErased(index, row.entity, row.record_id, JSON.parse(row.fields) as string[]);
  }
  return index;
}

function addErased(index: ErasedIndex, entity: string, recordId: string, fields: readonly string[]) {
  const key = recordKey(entity, recordId);
  index.set(key, new Set([...(index.get(key) ?? []), ...fields]));
}

/** The change with every erased field it carries set to null (the same change when none). */
export function stripErased(change: Change, index: ErasedIndex): Change {
  const erased = index.get(recordKey(change.entity, change.recordId));
  if (!erased) return change;
  const carried = Object.keys(change.fields).filter((f) => erased.has(f) && change.fields[f] !== null);
  if (carried.length === 0) return change;
  return { ...change, fields: { ...change.fields, ...Object.fromEntries(carried.map((f) => [f, null])) } };
}

/** Why the erasure's targets are refused, or null: personal kinds, fields they hold, nullable. */
export function refuseTargets(erasure: ErasureRecord): PortalErrorBody | null {
  const fields: Record<string, string> = {};
  erasure.targets.forEach((target, i) => {
    if (entityScopes[target.entity] !== 'personal') {
      fields[`targets.${i}.entity`] = 'validation.invalid';
      return;
    }
    const schema = syncEntitySchemas[target.entity].change;
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
    target.fields.forEach((field, j) => {
      const known = Object.hasOwn(shape, field) ? shape[field] : undefined;
      if (!known || !known.safeParse(null).success) fields[`targets.${i}.fields.${j}`] = 'validation.invalid';
    });
  });
  return Object.keys(fields).length === 0 ? null : { code: 'validation', message: 'An erasure may wipe only fields a personal record can hold as null.', fields };
}

/** A record's state with these fields wiped: null values, no history, no conflicts on them. */
export function wipeState(state: MergeState, fields: readonly string[], write: { deviceId: string; capturedAt: string }): MergeState {
  const revision = state.revision + 1;
  const wiped = new Set(fields);
  const next: MergeState = {
    revision,
    fields: { ...state.fields },
    fieldMeta: { ...state.fieldMeta },
    conflicts: state.conflicts.filter((c) => !wiped.has(c.field)),
  };
  for (const field of fields) {
    next.fields[field] = null;
    next.fieldMeta[field] = { rev: revision, ...write };
  }
  return next;
}

/** Remembers what the erasure wiped, and removes those fields from the kept copies of refused changes. */
export async function recordErasure(trx: Trx, index: ErasedIndex, erasureId: string, erasure: ErasureRecord, at: string): Promise<void> {
  for (const target of erasure.targets) {
    const key = recordKey(target.entity, target.recordId);
    const fields = [...new Set([...(index.get(key) ?? []), ...target.fields])];
    addErased(index, target.entity, target.recordId, fields);
    const exists = await trx.selectFrom('erased_records').select('record_id').where('entity', '=', target.entity).where('record_id', '=', target.recordId).executeTakeFirst();
    if (exists) {
      await trx.updateTable('erased_records').set({ fields: JSON.stringify(fields) }).where('entity', '=', target.entity).where('record_id', '=', target.recordId).execute();
    } else {
      await trx
        .insertInto('erased_records')
        .values({ entity: target.entity, record_id: target.recordId, fields: JSON.stringify(fields), erasure_id: erasureId, erased_at: at })
        .execute();
    }
    await scrubRejected(trx, target.entity, target.recordId, target.fields);
  }
}

async function scrubRejected(trx: Trx, entity: SyncEntity, recordId: string, fields: readonly string[]): Promise<void> {
  const rows = await trx.selectFrom('rejected_changes').select(['id', 'change']).where('entity', '=', entity).where('record_id', '=', recordId).execute();
  for (const row of rows) {
    const change = JSON.parse(row.change) as { fields?: Record<string, unknown> | null };
    if (!change.fields || typeof change.fields !== 'object') continue;
    const carried = fields.filter((f) => Object.hasOwn(change.fields!, f) && change.fields![f] !== null);
    if (carried.length === 0) continue;
    for (const f of carried) change.fields[f] = null;
    await trx.updateTable('rejected_changes').set({ change: JSON.stringify(change) }).where('id', '=', row.id).execute();
  }
}
