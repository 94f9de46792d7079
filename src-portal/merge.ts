/**
 * The portal's field-by-field merge (docs/sync-protocol.md, "Merging and conflicts"). Pure:
 * no database, no clock, so the guarantees below are tested directly.
 *
 * Guarantees:
 * - a field nobody else changed since the change's base revision takes the new value;
 * - an equal value is never a conflict and changes nothing;
 * - when devices changed the same field concurrently, the value with the greatest
 *   `(capturedAt, deviceId)` is kept whatever the arrival order, every distinct concurrent
 *   value is kept in the record's conflict list (in a fixed order), and the record is flagged;
 * - these hold when each change carries only the fields its device changed since its base
 *   revision, which is what an outbox holds (a whole-record re-push after a restore may
 *   flag more than strictly needed, never lose a value);
 * - `resolves: [f]` based at or after the conflict's revision clears `f`'s conflict;
 * - `deletedAt` is a field like any other, so a delete never hides a concurrent edit.
 */
import { canonicalJson, sameValue } from './canonical-json.js';

/** Who wrote a field's current value, and at which record revision. */
export interface FieldMeta {
  rev: number;
  deviceId: string;
  capturedAt: string;
}

export interface ConflictValue {
  value: unknown;
  deviceId: string;
  capturedAt: string;
}

/** An open same-field conflict; `rev` is the revision at which it last grew. */
export interface StoredConflict {
  field: string;
  values: ConflictValue[];
  winner: number;
  rev: number;
}

export interface MergeState {
  revision: number;
  fields: Record<string, unknown>;
  fieldMeta: Record<string, FieldMeta>;
  conflicts: StoredConflict[];
}

export interface IncomingChange {
  deviceId: string;
  /** ISO UTC, normalised to milliseconds so that string order is time order. */
  capturedAt: string;
  baseRevision: number;
  fields: Record<string, unknown>;
  resolves?: readonly string[] | undefined;
}

export interface MergeOutcome {
  /** The record after the change; `revision` is only bumped when something changed. */
  state: MergeState;
  changed: boolean;
  /** A same-field concurrent edit happened in this change. */
  conflicted: boolean;
  /**
   * Only the bookkeeping of who wrote a value changed (an equal concurrent write): saved
   * without a new revision, since devices see nothing new.
   */
  metaChanged: boolean;
}

/** Compares two writes by `(capturedAt, deviceId)`, then by value so the order is total. */
export function compareWrites(a: ConflictValue, b: ConflictValue): number {
  if (a.capturedAt !== b.capturedAt) return a.capturedAt < b.capturedAt ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  const av = canonicalJson(a.value);
  const bv = canonicalJson(b.value);
  return av === bv ? 0 : av < bv ? -1 : 1;
}

export function mergeChange(current: MergeState | null, change: IncomingChange): MergeOutcome {
  if (!current) return { state: createState(change), changed: true, conflicted: false, metaChanged: true };

  const rev = current.revision + 1;
  const fields = { ...current.fields };
  const fieldMeta = { ...current.fieldMeta };
  const conflicts = new Map(current.conflicts.map((c) => [c.field, c]));
  const resolves = new Set(change.resolves ?? []);
  const write = { deviceId: change.deviceId, capturedAt: change.capturedAt };
  let changed = false;
  let conflicted = false;
  let metaChanged = false;

  // A resolution counts only if the person saw the conflict as it stands now.
  for (const field of resolves) {
    const open = conflicts.get(field);
    if (open && change.baseRevision >= open.rev) {
      conflicts.delete(field);
      changed = true;
    }
  }

  for (const [field, value] of Object.entries(change.fields)) {
    const meta = fieldMeta[field];
    const concurrent = meta !== undefined && meta.rev > change.baseRevision;
    const equal = Object.hasOwn(fields, field) && sameValue(fields[field], value);
    if (!concurrent) {
      if (equal) continue;
      fields[field] = value;
      fieldMeta[field] = { rev, ...write };
      changed = true;
      continue;
    }
    const incoming: ConflictValue = { value, ...write };
    const kept: ConflictValue = { value: fields[field], deviceId: meta.deviceId, capturedAt: meta.capturedAt };
    const open = conflicts.get(field);
    if (equal && !open) {
      // Two laptops wrote the same value: no conflict, but remember the greater writer so that
      // a third concurrent write is decided the same way whichever of the two came first.
      if (compareWrites(incoming, kept) > 0) {
        fieldMeta[field] = { rev: meta.rev, ...write };
        metaChanged = true;
      }
      continue;
    }
    // Same-field concurrent edit: one entry per distinct value (its greatest writer); the
    // greatest write overall is kept in the record.
    const values = distinctValues([...(open?.values ?? []), kept, incoming]);
    const winner = values[values.length - 1]!;
    if (open && canonicalJson(open.values) === canonicalJson(values)) continue;
    if (compareWrites(winner, kept) !== 0) {
      fields[field] = winner.value;
      fieldMeta[field] = { rev, deviceId: winner.deviceId, capturedAt: winner.capturedAt };
    }
    conflicts.set(field, { field, values, winner: values.length - 1, rev });
    changed = true;
    conflicted = true;
  }

  if (!changed) {
    const state = metaChanged ? { ...current, fieldMeta } : current;
    return { state, changed: false, conflicted: false, metaChanged };
  }
  const sorted = [...conflicts.values()].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { state: { revision: rev, fields, fieldMeta, conflicts: sorted }, changed: true, conflicted, metaChanged: true };
}

function createState(change: IncomingChange): MergeState {
  const fieldMeta: Record<string, FieldMeta> = {};
  for (const field of Object.keys(change.fields)) {
    fieldMeta[field] = { rev: 1, deviceId: change.deviceId, capturedAt: change.capturedAt };
  }
  return { revision: 1, fields: { ...change.fields }, fieldMeta, conflicts: [] };
}

/** One entry per distinct value, carried by its greatest writer, in `compareWrites` order. */
function distinctValues(all: readonly ConflictValue[]): ConflictValue[] {
  const byValue = new Map<string, ConflictValue>();
  for (const candidate of all) {
    const key = canonicalJson(candidate.value);
    const seen = byValue.get(key);
    if (!seen || compareWrites(candidate, seen) > 0) byValue.set(key, candidate);
  }
  return [...byValue.values()].sort(compareWrites);
}
