/**
 * One declarative description per synced table: each field of the shared record, the column
 * that holds it and how (text, integer, 0/1 boolean, JSON…), the columns computed from others,
 * and the label a person recognises the record by. Everything that maps rows and records is
 * derived from it here, once: the record read from a row, the snapshot the portal holds, the
 * columns of pulled or changed fields, the fields a change carries.
 *
 * Typing makes a codec that forgets or misnames a field of the record, names a column its
 * table does not have, holds a value in a column of another type, or leaves a column of the
 * table unmapped, a compile error.
 */
import type { Selectable } from 'kysely';
import type { Database } from '#db/schema.js';
import type { EventName } from '#shared/contract.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import type { RecordLabel } from '#shared/sync/sync-commands.schema.js';

/** The columns every synced table has (migration 0004 on). */
interface SyncedColumnsShape {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  synced_revision: number;
}

/** The tables that travel: those with the synced columns. */
export type SyncedTableName = {
  [T in keyof Database]: Selectable<Database[T]> extends SyncedColumnsShape ? T : never;
}[keyof Database];

export type RowOf<T extends SyncedTableName> = Selectable<Database[T]>;

/**
 * Record fields that stay on the device, and their columns: written once, here. They never
 * travel in a change; a record type may hold some of them (a workshop holds all four).
 */
export const LOCAL_COLUMNS = { id: 'id', version: 'version', createdAt: 'created_at', updatedAt: 'updated_at' } as const;
export type LocalField = keyof typeof LOCAL_COLUMNS;
export interface LocalFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A record as the core hands it out: its synced fields plus the local fields it names (id and version at least). */
export type Stored<R, L extends LocalField = 'id' | 'version'> = R & Pick<LocalFields, L>;

/** The synced part of a record: what the portal holds. */
export type SyncedFields<R> = Omit<R, LocalField>;

/** How one field's value is held in its column. Properties, not methods: both types are checked exactly. */
export interface ValueCodec<F, C> {
  toField: (column: C) => F;
  toColumn: (field: F) => C;
}

const same = <T>(): ValueCodec<T, T> => ({ toField: (c) => c, toColumn: (f) => f });

/** Text as it is; `text<WorkshopStatus>()` for a column typed with a shared enum. */
export const text = <T extends string = string>(): ValueCodec<T, T> => same<T>();
export const int: ValueCodec<number, number> = same<number>();
export const real: ValueCodec<number, number> = same<number>();
/** STRICT tables have no boolean: 0/1. */
export const bool: ValueCodec<boolean, number> = { toField: (c) => c === 1, toColumn: (f) => (f ? 1 : 0) };
/** Arrays and objects as JSON text. */
export const json = <T>(): ValueCodec<T, string> => ({ toField: (c) => JSON.parse(c) as T, toColumn: (f) => JSON.stringify(f) });
export function nullable<F, C>(inner: ValueCodec<F, C>): ValueCodec<F | null, C | null> {
  return {
    toField: (c) => (c === null ? null : inner.toField(c)),
    toColumn: (f) => (f === null ? null : inner.toColumn(f)),
  };
}

export interface FieldColumn<Col extends string, F, C> {
  column: Col;
  codec: ValueCodec<F, C>;
}

/** A field held in the column `name`, through `codec`. */
export function column<Col extends string, F, C>(name: Col, codec: ValueCodec<F, C>): FieldColumn<Col, F, C> {
  return { column: name, codec };
}

/** For each synced field of R: a column of the row whose type is exactly what the codec produces. */
type FieldsSpec<R, Row> = {
  [K in keyof SyncedFields<R>]-?: { [C in keyof Row & string]: FieldColumn<C, SyncedFields<R>[K], Row[C]> }[keyof Row & string];
};

/** The synced fields of R that may hold null: the only ones an erasure can wipe. */
export type NullableFields<R> = { [K in keyof SyncedFields<R>]-?: null extends SyncedFields<R>[K] ? K : never }[keyof SyncedFields<R>] & string;

/**
 * The personal data a record holds, for the rights of the people recorded (access, erasure,
 * retention: src-main/core/people/). `subject` is the kind of the data subject (`person`);
 * `fields` are wiped by an erasure (set to null, so each must be nullable); `link` names the
 * field that holds the subject's id when the record is not the subject itself (a Citizen Card
 * holder naming its person). A codec that declares this is covered without more code.
 */
export interface PersonalData<R, Row = Record<string, unknown>> {
  subject: SyncEntity;
  fields: readonly NullableFields<R>[];
  link?: keyof SyncedFields<R> & string;
  /**
   * A computed column holding the fields' words folded for search (`normalizeForSearch`), when
   * the table has one: the lab's search then runs in SQL on it; without it, on each field.
   */
  searchColumn?: keyof Row & string;
}

export interface CodecSpec<R extends { id: string; version: number }, T extends SyncedTableName> {
  entity: SyncEntity;
  table: T;
  /** The event the renderer listens to for this kind of record. */
  changedEvent: EventName;
  /** The id that event carries (the record's own id when absent). */
  eventId?: (record: R) => string;
  fields: FieldsSpec<R, RowOf<T>>;
  /** The local fields the record type holds, beside its synced fields. */
  local: readonly Extract<keyof R, LocalField>[];
  /** Columns computed from others (a search column), from the whole row after any change. */
  derived?: (row: RowOf<T>) => Partial<RowOf<T>>;
  /** A few words a person recognises the record by (rejected changes, conflicts), as a key the renderer translates. */
  label: (record: R) => RecordLabel;
  /** The personal fields of this kind and whose they are; absent when the kind holds none. */
  personal?: PersonalData<R, RowOf<T>>;
}

type Columns<S> = S extends { fields: infer F } ? { [K in keyof F]: F[K] extends { column: infer C } ? C : never }[keyof F] : never;
type DerivedColumns<S> = S extends { derived: (row: never) => infer D } ? keyof D : never;
type MissingLocal<R, S> = S extends { local: readonly (infer L)[] } ? Exclude<Extract<keyof R, LocalField>, L> : never;
/** Columns of the table that nothing writes: each must be a field, a local column or a derived one. */
type Unmapped<S, T extends SyncedTableName> = Exclude<keyof RowOf<T>, Columns<S> | DerivedColumns<S> | keyof SyncedColumnsShape>;
type Checks<R, S, T extends SyncedTableName> = [Unmapped<S, T>] extends [never]
  ? [MissingLocal<R, S>] extends [never]
    ? []
    : [error: { localFieldsNotListed: MissingLocal<R, S> }]
  : [error: { columnsNotMapped: Unmapped<S, T> }];

/** What the store and the sync use of a codec; typed by its record and table. */
export interface SyncedCodec<
  R extends { id: string; version: number } = { id: string; version: number },
  T extends SyncedTableName = SyncedTableName,
  E extends SyncEntity = SyncEntity,
> {
  readonly entity: E;
  readonly table: T;
  readonly changedEvent: EventName;
  eventId(record: R): string;
  /** `eventId` of a row, decoding only the fields it reads (a draw's 5,000 names are not parsed for its workshop id). */
  eventIdOfRow(row: RowOf<T>): string;
  /** The synced field names, in the order of the codec. */
  readonly fieldNames: readonly (keyof SyncedFields<R> & string)[];
  /** The row → the record the core hands out. */
  toRecord(row: RowOf<T>): R;
  /** The synced fields of a row: the whole record as the portal holds it. */
  snapshot(row: RowOf<T>): SyncedFields<R>;
  /** Columns of these synced fields (unknown names ignored), leaving out `keepLocal` (fields with changes still waiting). */
  columns(fields: Partial<SyncedFields<R>> | Record<string, unknown>, keepLocal?: ReadonlySet<string>): Partial<RowOf<T>>;
  /** The computed columns of a whole row. */
  derive(row: RowOf<T>): Partial<RowOf<T>>;
  /** The synced fields that differ between two rows, with their values after. */
  changedFields(before: RowOf<T>, after: RowOf<T>): Partial<SyncedFields<R>>;
  label(record: R): RecordLabel;
  /** The personal fields and their subject (see PersonalData); null when the kind holds none. */
  readonly personal: { subject: SyncEntity; fields: readonly string[]; link: string | null; searchColumn: string | null } | null;
}

/** Any codec, as the registry and the sync see them (rows of a table chosen at run time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCodec = SyncedCodec<any, any, SyncEntity>;
export type RecordOf<C> = C extends SyncedCodec<infer R, infer _T, infer _E> ? R : never;
export type RowOfCodec<C> = C extends SyncedCodec<infer _R, infer T, infer _E> ? RowOf<T> : never;
export type SyncedFieldsOf<C> = SyncedFields<RecordOf<C>>;
/** The registry: one codec per synced record kind (src-main/core/synced-tables.ts). */
export type SyncedRegistry = { readonly [E in SyncEntity]: AnyCodec & { readonly entity: E } };

type Loose = Record<string, unknown>;

/**
 * `defineCodec<Workshop, 'workshops'>()({ … })`: the record type and the table first, so that
 * the spec is checked against both.
 */
export function defineCodec<R extends { id: string; version: number }, T extends SyncedTableName>() {
  return <const S extends CodecSpec<R, T>>(spec: S, ..._checks: Checks<R, S, T>): SyncedCodec<R, T, S['entity']> =>
    buildCodec<R, T>(spec);
}

function buildCodec<R extends { id: string; version: number }, T extends SyncedTableName>(spec: CodecSpec<R, T>): SyncedCodec<R, T> {
  const entries = Object.entries(spec.fields) as [string, FieldColumn<string, unknown, unknown>][];
  const byField = new Map(entries);
  const local = spec.local.map((f) => [f, LOCAL_COLUMNS[f]] as const);
  const derive = spec.derived ?? (() => ({}));

  function snapshot(row: RowOf<T>): SyncedFields<R> {
    const r = row as Loose;
    const out: Loose = {};
    for (const [field, { column: c, codec }] of entries) out[field] = codec.toField(r[c]);
    return out as SyncedFields<R>;
  }

  return {
    entity: spec.entity,
    table: spec.table,
    changedEvent: spec.changedEvent,
    eventId: spec.eventId ?? ((record) => record.id),
    eventIdOfRow(row) {
      const r = row as Loose;
      if (!spec.eventId) return r.id as string;
      const lazy: Loose = { id: r.id };
      for (const [field, { column: c, codec }] of entries) Object.defineProperty(lazy, field, { get: () => codec.toField(r[c]), enumerable: true });
      for (const [field, c] of local) lazy[field] = r[c];
      return spec.eventId(lazy as R);
    },
    fieldNames: entries.map(([field]) => field) as (keyof SyncedFields<R> & string)[],
    snapshot,
    toRecord(row) {
      const r = row as Loose;
      const out: Loose = { id: r.id };
      Object.assign(out, snapshot(row));
      for (const [field, c] of local) out[field] = r[c];
      return out as R;
    },
    columns(fields, keepLocal) {
      const out: Loose = {};
      for (const [field, value] of Object.entries(fields)) {
        const spec = byField.get(field);
        if (!spec || keepLocal?.has(field)) continue;
        out[spec.column] = spec.codec.toColumn(value);
      }
      return out as Partial<RowOf<T>>;
    },
    derive: (row) => derive(row),
    changedFields(before, after) {
      const a = after as Loose;
      const b = before as Loose;
      const out: Loose = {};
      for (const [field, { column: c, codec }] of entries) {
        // The same column value is the same field: no decoding (a draw's list of 5,000 stays a string).
        if (a[c] === b[c]) continue;
        const af = codec.toField(a[c]);
        if (JSON.stringify(codec.toField(b[c])) !== JSON.stringify(af)) out[field] = af;
      }
      return out as Partial<SyncedFields<R>>;
    },
    label: spec.label,
    personal: spec.personal
      ? { subject: spec.personal.subject, fields: [...spec.personal.fields], link: spec.personal.link ?? null, searchColumn: spec.personal.searchColumn ?? null }
      : null,
  };
}
