/**
 * THE write funnel: the only module through which a person's change reaches a synced table.
 * Each insert, update, tombstone and restore writes the row, bumps its version, checks the
 * version the change was based on, and appends the outbox entry with the fields that changed,
 * all in one transaction (a unit of work). A refused rule rolls the whole unit back. After
 * the commit, each changed record's event is emitted once, and the sync is nudged.
 *
 * The writes that come from the portal conversation (pulled pages, a re-push after a portal
 * restore, a chosen conflict value, revisions acknowledged) live beside it, in sync-writes.ts.
 * A unit test (test/unit/store/write-funnel.test.ts) fails when code outside store/ writes a
 * synced table or touches the outbox.
 */
import { immutableEntities } from '#shared/sync/immutable.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '#db/schema.js';
import type { EventName } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { Emit } from '../deps.js';
import type { AnyCodec, RecordOf, RowOfCodec, SyncedFieldsOf } from './codec.js';
import type { Executor } from './executor.js';
import { scrubQueuedPersonalData } from './personal-scrub.js';

export interface WriteDeps {
  db: Kysely<Database>;
  now: () => Date;
  newId: () => string;
  emit: Emit;
  /** After a committed local change: the sync runs soon (set by handlers.ts to the engine's nudge). */
  nudge?: () => void;
}

export interface OutboxEntry {
  changeId: string;
  entity: AnyCodec['entity'];
  recordId: string;
  op: 'create' | 'update' | 'delete';
  /** The record's local version this change was based on (null for a create). */
  baseVersion: number | null;
  /** The portal revision the record was at locally when the change was made (the merge's base). */
  baseRevision: number;
  /** Fields whose portal conflict this change settles. */
  resolves?: readonly string[];
  version: number;
  /** The fields this change set, with their new values (as in the shared schema). */
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Appends one outbox entry in the caller's transaction. Only for store/. */
export async function appendOutbox(trx: Transaction<Database>, change: OutboxEntry): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      change_id: change.changeId,
      entity: change.entity,
      record_id: change.recordId,
      op: change.op,
      base_version: change.baseVersion,
      version: change.version,
      payload: JSON.stringify(change.payload),
      created_at: change.createdAt,
      base_revision: change.baseRevision,
      resolves: change.resolves?.length ? JSON.stringify(change.resolves) : null,
    })
    .execute();
}

/** Appends many outbox entries in one statement per slice (a bulk insert: an import). Only for store/. */
async function appendOutboxMany(trx: Transaction<Database>, changes: readonly OutboxEntry[]): Promise<void> {
  // 10 values a row: well under SQLite's 32,766 bound variables per statement.
  for (let i = 0; i < changes.length; i += 200) {
    await trx
      .insertInto('outbox')
      .values(
        changes.slice(i, i + 200).map((change) => ({
          change_id: change.changeId,
          entity: change.entity,
          record_id: change.recordId,
          op: change.op,
          base_version: change.baseVersion,
          version: change.version,
          payload: JSON.stringify(change.payload),
          created_at: change.createdAt,
          base_revision: change.baseRevision,
          resolves: change.resolves?.length ? JSON.stringify(change.resolves) : null,
        })),
      )
      .execute();
  }
}

/** A synced table chosen by its codec: Kysely cannot type a table chosen at run time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseExecutor = Kysely<any> | Transaction<any>;
export const loose = (db: Executor): LooseExecutor => db;

/** The row of a record, tombstoned or not (reads may use it anywhere). */
export async function findSyncedRow<C extends AnyCodec>(db: Executor, codec: C, id: string): Promise<RowOfCodec<C> | undefined> {
  return (await loose(db).selectFrom(codec.table).selectAll().where('id', '=', id).executeTakeFirst()) as RowOfCodec<C> | undefined;
}

const kindOf = (codec: AnyCodec) => codec.entity.replace('_', ' ');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface UpdateOptions {
  /** The version the person's change was based on; another one is a `conflict`. */
  expectedVersion?: number | null;
  /** Tombstoned rows are `not_found` unless allowed (a restore). */
  allowDeleted?: boolean;
}

/** The writes of one transaction. Records are the codec's: fields as in the shared schema. */
export interface UnitOfWork {
  readonly trx: Transaction<Database>;
  /** The time of this unit of work: every row and outbox entry it writes carries it. */
  readonly at: string;
  newId(): string;
  find<C extends AnyCodec>(codec: C, id: string): Promise<RowOfCodec<C> | undefined>;
  /** A new record at version 1; its 'create' entry carries the whole snapshot. */
  insert<C extends AnyCodec>(
    codec: C,
    input: { id?: string; fields: Omit<SyncedFieldsOf<C>, 'deletedAt'> & { deletedAt?: string | null } },
  ): Promise<RecordOf<C>>;
  /**
   * Many new records of one kind, as `insert` writes each (version 1, a 'create' entry with the
   * whole snapshot, its event), in a few multi-row statements: an import of thousands.
   */
  insertMany<C extends AnyCodec>(
    codec: C,
    inputs: readonly { id?: string; fields: Omit<SyncedFieldsOf<C>, 'deletedAt'> & { deletedAt?: string | null } }[],
  ): Promise<RecordOf<C>[]>;
  /**
   * Applies the fields `change` computes from the live record. A change that changes nothing
   * writes nothing (no version, no outbox entry, no event): the same for every table.
   */
  update<C extends AnyCodec>(
    codec: C,
    id: string,
    change: (current: RecordOf<C>) => Result<Partial<SyncedFieldsOf<C>>>,
    options?: UpdateOptions,
  ): Promise<Result<RecordOf<C>>>;
  /**
   * `update` with the fields given, for a record whose change does not depend on what it holds
   * and whose caller already has it: the row is not decoded before nor after (a draw record
   * carries 5,000 names). The same rules, version, outbox entry and event; answers the version.
   */
  patch<C extends AnyCodec>(codec: C, id: string, fields: Partial<SyncedFieldsOf<C>>, options?: UpdateOptions): Promise<Result<{ version: number; updatedAt: string }>>;
  /**
   * Many live records of one kind changed at once (a draw gives 5,000 registrations their
   * status and rank): for each, the rules of `update` — a missing or removed record is
   * `not_found`, a change that changes nothing writes nothing, the version is bumped, the
   * computed columns follow, one outbox entry carries the changed fields — in a few statements
   * for the whole set instead of three per record. Answers how many records changed.
   */
  updateMany<C extends AnyCodec>(codec: C, changes: readonly { id: string; fields: Partial<SyncedFieldsOf<C>> }[]): Promise<Result<number>>;
  /** Sets the tombstone: a 'delete' entry; never a DELETE. */
  tombstone<C extends AnyCodec>(codec: C, id: string, options?: Omit<UpdateOptions, 'allowDeleted'>): Promise<Result<RecordOf<C>>>;
  /** Lifts the tombstone; `invalid_transition` for a record that is not removed. */
  restore<C extends AnyCodec>(codec: C, id: string): Promise<Result<RecordOf<C>>>;
  /**
   * Erases the personal fields the codec declares (`personal`), removed or not: their values
   * leave the outbox entries still queued for the record (personal-scrub.ts) and its open
   * conflicts, then the row takes null through `update` (an ordinary change: the portal takes
   * the nulls too). `not_found` for a missing record or a kind with no personal data.
   */
  wipe<C extends AnyCodec>(codec: C, id: string): Promise<Result<RecordOf<C>>>;
}

type Loose = Record<string, unknown>;

/** A record of an immutable kind (a published version) is written once, never changed (src-shared/sync/immutable.ts). */
const immutableRefusal = (codec: AnyCodec, id: string) => fail('invalid_transition', `${capitalised(kindOf(codec))} ${id} is immutable`, { id: 'validation.versionImmutable' });
/** Records per statement of `updateMany` (one JSON parameter each). */
const MANY_CHUNK = 1000;

/*
 * The funnel is written once for every codec: inside it a record is AnyCodec's (`any`); each
 * caller gets it typed by the codec it names (UnitOfWork's signatures).
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */
function createUnitOfWork(trx: Transaction<Database>, at: string, newId: () => string, touched: Map<string, [EventName, string]>): UnitOfWork {
  const touchId = (codec: AnyCodec, id: string) => touched.set(`${codec.changedEvent}\u0000${id}`, [codec.changedEvent, id]);
  const touch = (codec: AnyCodec, record: { id: string; version: number }) => touchId(codec, codec.eventId(record));

  /** `update` and `patch`: the changed columns only, the version bumped, one outbox entry; answers the row as it now is. */
  async function writeChange(codec: AnyCodec, id: string, fieldsOf: (before: Loose) => Result<Loose>, options: UpdateOptions): Promise<Result<Loose>> {
    const before: Loose | undefined = await findSyncedRow(trx, codec, id);
    if (!before || (before.deleted_at !== null && !options.allowDeleted)) return fail('not_found', `No ${kindOf(codec)} ${id}`);
    if (immutableEntities.has(codec.entity)) return immutableRefusal(codec, id);
    const version = before.version as number;
    if (options.expectedVersion != null && version !== options.expectedVersion) {
      return fail('conflict', `${capitalised(kindOf(codec))} ${id} is at version ${version}, the change was based on ${options.expectedVersion}`);
    }
    const computed = fieldsOf(before);
    if (!computed.ok) return computed;
    const merged = { ...before, ...codec.columns(computed.value) };
    const changed = codec.changedFields(before, merged) as Loose;
    if (Object.keys(changed).length === 0) return ok(before);
    const after = { ...merged, ...codec.derive(merged), version: version + 1, updated_at: at };
    const set: Loose = {};
    for (const [key, value] of Object.entries(after)) if (value !== before[key]) set[key] = value;
    const result = await loose(trx).updateTable(codec.table).set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return fail('conflict', `${capitalised(kindOf(codec))} ${id} changed during the update`);
    const op = typeof changed.deletedAt === 'string' ? 'delete' : 'update';
    await appendOutbox(trx, { changeId: newId(), entity: codec.entity, recordId: id, op, baseVersion: version, baseRevision: before.synced_revision as number, version: version + 1, payload: changed, createdAt: at });
    touchId(codec, codec.eventIdOfRow(after));
    return ok(after);
  }

  const uow: UnitOfWork = {
    trx,
    at,
    newId,
    find: (codec, id) => findSyncedRow(trx, codec, id),

    async insert(codec, { id = newId(), fields }) {
      const columns = codec.columns({ deletedAt: null, ...fields }) as Loose;
      const base = { ...columns, id, created_at: at, updated_at: at, version: 1, synced_revision: 0 };
      const row = { ...base, ...codec.derive(base) };
      await loose(trx).insertInto(codec.table).values(row).execute();
      await appendOutbox(trx, {
        changeId: newId(),
        entity: codec.entity,
        recordId: id,
        op: 'create',
        baseVersion: null,
        baseRevision: 0,
        version: 1,
        payload: codec.snapshot(row) as Loose,
        createdAt: at,
      });
      const record = codec.toRecord(row);
      touch(codec, record);
      return record;
    },

    async insertMany(codec, inputs) {
      if (inputs.length === 0) return [];
      const rows = inputs.map(({ id = newId(), fields }) => {
        const columns = codec.columns({ deletedAt: null, ...fields }) as Loose;
        const base = { ...columns, id, created_at: at, updated_at: at, version: 1, synced_revision: 0 };
        return { ...base, ...codec.derive(base) };
      });
      // Bound variables per statement stay well under SQLite's 32,766.
      const perStatement = Math.max(1, Math.min(200, Math.floor(30_000 / Object.keys(rows[0]!).length)));
      for (let i = 0; i < rows.length; i += perStatement) await loose(trx).insertInto(codec.table).values(rows.slice(i, i + perStatement)).execute();
      await appendOutboxMany(
        trx,
        rows.map((row) => ({
          changeId: newId(),
          entity: codec.entity,
          recordId: row.id,
          op: 'create',
          baseVersion: null,
          baseRevision: 0,
          version: 1,
          payload: codec.snapshot(row) as Loose,
          createdAt: at,
        })),
      );
      return rows.map((row) => {
        const record = codec.toRecord(row);
        touch(codec, record);
        return record;
      });
    },

    async update(codec, id, change, options = {}) {
      const written = await writeChange(codec, id, (before) => change(codec.toRecord(before)), options);
      return written.ok ? ok(codec.toRecord(written.value)) : written;
    },

    async patch(codec, id, fields, options = {}) {
      const written = await writeChange(codec, id, () => ok(fields), options);
      return written.ok ? ok({ version: written.value.version as number, updatedAt: written.value.updated_at as string }) : written;
    },

    async updateMany(codec, changes) {
      if (changes.length > 0 && immutableEntities.has(codec.entity)) return immutableRefusal(codec, changes[0]!.id);
      const befores = new Map<string, Loose>();
      const ids = [...new Set(changes.map((c) => c.id))];
      if (ids.length !== changes.length) throw new Error('updateMany: one change per record');
      for (let i = 0; i < ids.length; i += MANY_CHUNK) {
        const rows = (await loose(trx).selectFrom(codec.table).selectAll().where('id', 'in', ids.slice(i, i + MANY_CHUNK)).execute()) as Loose[];
        for (const row of rows) befores.set(row.id as string, row);
      }
      const rows: Loose[] = [];
      const entries: Loose[] = [];
      const columns = new Set<string>();
      for (const { id, fields } of changes) {
        const before = befores.get(id);
        if (!before || before.deleted_at !== null) return fail('not_found', `No ${kindOf(codec)} ${id}`);
        const merged = { ...before, ...codec.columns(fields) };
        const changed = codec.changedFields(before, merged) as Loose;
        if (Object.keys(changed).length === 0) continue;
        const version = before.version as number;
        const after: Loose = { ...merged, ...codec.derive(merged), version: version + 1, updated_at: at };
        befores.set(id, after);
        for (const [key, value] of Object.entries(after)) if (value !== before[key]) columns.add(key);
        rows.push(after);
        entries.push({
          changeId: newId(),
          recordId: id,
          op: typeof changed.deletedAt === 'string' ? 'delete' : 'update',
          baseVersion: version,
          version: version + 1,
          payload: JSON.stringify(changed),
          baseRevision: before.synced_revision,
        });
        touch(codec, codec.toRecord(after));
      }
      if (rows.length === 0) return ok(0);
      // Every changed row gets the same columns (a column a row did not change is set to its own value).
      const set = [...columns].filter((c) => c !== 'version' && c !== 'id');
      for (let i = 0; i < rows.length; i += MANY_CHUNK) {
        const chunk = rows.slice(i, i + MANY_CHUNK).map((r) => ({ ...Object.fromEntries(set.map((c) => [c, r[c]])), id: r.id, version: r.version }));
        const assignments = sql.join(set.map((c) => sql`${sql.ref(c)} = json_extract(j.value, ${`$.${c}`})`));
        const result = await sql`update ${sql.table(codec.table)} set ${assignments}, version = json_extract(j.value, '$.version')
          from json_each(${JSON.stringify(chunk)}) as j
          where ${sql.ref(`${codec.table}.id`)} = json_extract(j.value, '$.id') and ${sql.ref(`${codec.table}.version`)} = json_extract(j.value, '$.version') - 1`.execute(trx);
        if (Number(result.numAffectedRows ?? 0) !== chunk.length) return fail('conflict', `${capitalised(kindOf(codec))} records changed during the update`);
      }
      for (let i = 0; i < entries.length; i += MANY_CHUNK) {
        await sql`insert into outbox (change_id, entity, record_id, op, base_version, version, payload, created_at, base_revision, resolves)
          select json_extract(j.value, '$.changeId'), ${codec.entity}, json_extract(j.value, '$.recordId'), json_extract(j.value, '$.op'),
            json_extract(j.value, '$.baseVersion'), json_extract(j.value, '$.version'), json_extract(j.value, '$.payload'), ${at},
            json_extract(j.value, '$.baseRevision'), null
          from json_each(${JSON.stringify(entries.slice(i, i + MANY_CHUNK))}) as j order by j.key`.execute(trx);
      }
      return ok(rows.length);
    },

    tombstone: (codec, id, options = {}) => uow.update(codec, id, () => ok({ deletedAt: at } as never), options),

    restore: (codec, id) =>
      uow.update(
        codec,
        id,
        (current) => ((current as Loose).deletedAt === null ? fail('invalid_transition', `${capitalised(kindOf(codec))} is not removed`) : ok({ deletedAt: null } as never)),
        { allowDeleted: true },
      ),

    async wipe(codec, id) {
      if (!codec.personal) return fail('not_found', `A ${kindOf(codec)} holds no personal data`);
      await scrubQueuedPersonalData(trx, codec, id);
      const nulls = Object.fromEntries(codec.personal.fields.map((f) => [f, null]));
      return uow.update(codec, id, () => ok(nulls as never), { allowDeleted: true });
    },
  };
  return uow;
}
/* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */

/**
 * Runs `body` as one unit of work: one transaction, rolled back whole when `body` answers a
 * refusal (or throws). `eventIds` names the id an event carries for this unit (an attendance
 * change is announced with its workshop's id, whichever of its records changed).
 */
export async function runWrite<T>(
  deps: WriteDeps,
  body: (w: UnitOfWork) => Promise<Result<T>>,
  options: { eventIds?: Partial<Record<EventName, string>> } = {},
): Promise<Result<T>> {
  const touched = new Map<string, [EventName, string]>();
  const at = deps.now().toISOString();
  const outcome = await deps.db
    .transaction()
    .execute(async (trx) => {
      const result = await body(createUnitOfWork(trx, at, deps.newId, touched));
      if (!result.ok) throw new Refused(result);
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return error.result as Result<T>;
      throw error;
    });
  if (!outcome.ok || touched.size === 0) return outcome;
  const emitted = new Set<string>();
  for (const [name, recordId] of touched.values()) {
    const id = options.eventIds?.[name] ?? recordId;
    if (emitted.has(`${name}\u0000${id}`)) continue;
    emitted.add(`${name}\u0000${id}`);
    // Every changed event of the contract carries `{ id }`.
    (deps.emit as (name: EventName, payload: { id: string }) => void)(name, { id });
  }
  deps.nudge?.();
  return outcome;
}

/** Carries a refused rule out of the transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly result: Result<unknown>) {
    super('refused');
  }
}
