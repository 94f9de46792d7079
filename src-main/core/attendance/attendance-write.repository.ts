/**
 * The one write path of the attendance tables: every insert or update writes the row AND its
 * outbox entry in the caller's transaction, so a record can never change without the portal
 * hearing of it. Tables are named through `attendanceTables`, never as loose strings.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { appendOutbox } from '../store/outbox.repository.js';
import { attendanceTables, changedFields, snapshotOf, type AttendanceEntity } from './attendance.codecs.js';

/** A transaction seen loosely typed, for the table chosen by entity (the column names come from the field maps). */
type Loose = Transaction<Record<string, Record<string, unknown>>>;

export interface WriteClock {
  at: string;
  newId: () => string;
}

/** Inserts a synced row at version 1 and appends its 'create' outbox entry. */
export async function insertSynced(
  trx: Transaction<Database>,
  entity: AttendanceEntity,
  id: string,
  columns: Record<string, unknown>,
  clock: WriteClock,
): Promise<Record<string, unknown>> {
  const table = attendanceTables[entity];
  const row = { ...columns, id, created_at: clock.at, updated_at: clock.at, version: 1, deleted_at: null };
  await (trx as unknown as Loose).insertInto(table).values(row).execute();
  const stored = await findSynced(trx, entity, id);
  await appendOutbox(trx, {
    changeId: clock.newId(),
    entity,
    recordId: id,
    op: 'create',
    baseVersion: null,
    baseRevision: 0,
    version: 1,
    payload: snapshotOf(entity, stored!),
    createdAt: clock.at,
  });
  return stored!;
}

/**
 * Applies `columns` to a row and appends the outbox entry with the fields that changed
 * ('delete' when the change sets the tombstone). Returns the row after, or null if the
 * row does not exist. A change that changes nothing writes nothing.
 */
export async function updateSynced(
  trx: Transaction<Database>,
  entity: AttendanceEntity,
  id: string,
  columns: Record<string, unknown>,
  clock: WriteClock,
): Promise<Record<string, unknown> | null> {
  const before = await findSynced(trx, entity, id);
  if (!before) return null;
  const payload = changedFields(snapshotOf(entity, before), snapshotOf(entity, { ...before, ...columns }));
  if (Object.keys(payload).length === 0) return before;
  const version = (before.version as number) + 1;
  await (trx as unknown as Loose)
    .updateTable(attendanceTables[entity])
    .set({ ...columns, version, updated_at: clock.at })
    .where('id', '=', id)
    .execute();
  await appendOutbox(trx, {
    changeId: clock.newId(),
    entity,
    recordId: id,
    op: 'deletedAt' in payload && payload.deletedAt !== null ? 'delete' : 'update',
    baseVersion: before.version as number,
    baseRevision: before.synced_revision as number,
    version,
    payload,
    createdAt: clock.at,
  });
  return (await findSynced(trx, entity, id)) ?? null;
}

export async function findSynced(
  trx: Transaction<Database> | { selectFrom: unknown },
  entity: AttendanceEntity,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  return (trx as unknown as Loose).selectFrom(attendanceTables[entity]).selectAll().where('id', '=', id).executeTakeFirst();
}
