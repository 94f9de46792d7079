/**
 * The portal's field-by-field merge (docs/sync-protocol.md, "Merging and conflicts"). Pure:
 * no database, no clock, so the guarantees below are tested directly.
 *
 * For every field the portal remembers its *live* writes: the writes no later write has seen.
 * A write sees every write at or before its base revision, and every earlier write of its own
 * device (an outbox sends a device's changes in seq order, so a field edited twice between two
 * syncs arrives as two changes on the same base: the second replaces the first).
 *
 * Guarantees:
 * - a field with no live write unseen by the change takes the new value;
 * - an equal value is never a conflict and changes nothing;
 * - a device's own earlier value is never a conflict with its later one: it is replaced, and
 *   withdrawn from an open conflict;
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

/** Who wrote a field's current value, and at which record revision it became current. */
export interface FieldMeta {
  rev: number;
  deviceId: string;
  capturedAt: string;
  /**
   * The field's live writes when there is more than one (devices that wrote concurrently, with
   * equal values or not), at most one per device. Absent: the current value is the only one.
   */
  live?: LiveWrite[];
}

export interface ConflictValue {
  value: unknown;
  deviceId: string;
  capturedAt: string;
}

/** A write no later write has seen; `rev` is the record revision from which it was visible. */
export interface LiveWrite extends ConflictValue {
  rev: number;
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
    const equal = Object.hasOwn(fields, field) && sameValue(fields[field], value);
    const unseen = liveWrites(fields[field], meta).filter((w) => w.rev > change.baseRevision && w.deviceId !== change.deviceId);
    if (unseen.length === 0) {
      // Nobody else's write is unknown to this device: a plain overwrite.
      if (!equal) {
        fields[field] = value;
        fieldMeta[field] = { rev, ...write };
        changed = true;
      } else if (meta && meta.deviceId === change.deviceId && (meta.capturedAt !== change.capturedAt || meta.live)) {
        // The device wrote its own value again: its latest write is the one that counts.
        fieldMeta[field] = { rev: meta.rev, ...write };
        metaChanged = true;
      }
      continue;
    }

    // Same-field concurrent edit. The values shown: the open conflict's, less this device's own
    // earlier ones (replaced by this write), plus every live write.
    const open = conflicts.get(field);
    const visibleSince = equal ? meta!.rev : open?.values.some((v) => sameValue(v.value, value)) ? open.rev : rev;
    const live = [...unseen, { value, ...write, rev: visibleSince }].sort(compareWrites);
    const history = (open?.values ?? []).filter((v) => v.deviceId !== change.deviceId);
    const values = distinctValues([...history, ...live]);
    const winner = values[values.length - 1]!;
    const winnerIsCurrent = Object.hasOwn(fields, field) && sameValue(fields[field], winner.value);
    // `rev` says when the current value became current: a new carrier of the same value keeps it.
    const nextMeta: FieldMeta = { rev: winnerIsCurrent ? meta!.rev : rev, deviceId: winner.deviceId, capturedAt: winner.capturedAt, live };
    if (canonicalJson(nextMeta) !== canonicalJson(meta)) metaChanged = true;
    fieldMeta[field] = nextMeta;
    if (!winnerIsCurrent) {
      fields[field] = winner.value;
      changed = true;
    }
    if (values.length === 1) {
      // Every write not yet seen agrees (two laptops wrote the same value, or a device took
      // back its own side of a conflict): nothing to review.
      if (open) {
        conflicts.delete(field);
        changed = true;
      }
      continue;
    }
    if (open && canonicalJson(open.values) === canonicalJson(values)) continue;
    conflicts.set(field, { field, values, winner: values.length - 1, rev });
    changed = true;
    conflicted = true;
  }

  if (!changed) {
    const state = metaChanged ? { ...current, fieldMeta: settleRevisions(fieldMeta, rev, current.revision) } : current;
    return { state, changed: false, conflicted: false, metaChanged };
  }
  const sorted = [...conflicts.values()].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { state: { revision: rev, fields, fieldMeta, conflicts: sorted }, changed: true, conflicted, metaChanged: true };
}

/** The live writes of a field: the stored list, or the current value alone. */
function liveWrites(value: unknown, meta: FieldMeta | undefined): LiveWrite[] {
  if (!meta) return [];
  return meta.live ?? [{ value, deviceId: meta.deviceId, capturedAt: meta.capturedAt, rev: meta.rev }];
}

/**
 * When a change leaves the record's revision where it was, no write became visible at the
 * revision it would have made: bring such writes back to the record's revision.
 */
function settleRevisions(fieldMeta: Record<string, FieldMeta>, unused: number, revision: number): Record<string, FieldMeta> {
  const settled: Record<string, FieldMeta> = {};
  for (const [field, meta] of Object.entries(fieldMeta)) {
    settled[field] = {
      ...meta,
      rev: meta.rev === unused ? revision : meta.rev,
      ...(meta.live ? { live: meta.live.map((w) => (w.rev === unused ? { ...w, rev: revision } : w)) } : {}),
    };
  }
  return settled;
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
  for (const { value, deviceId, capturedAt } of all) {
    const candidate = { value, deviceId, capturedAt };
    const key = canonicalJson(value);
    const seen = byValue.get(key);
    if (!seen || compareWrites(candidate, seen) > 0) byValue.set(key, candidate);
  }
  return [...byValue.values()].sort(compareWrites);
}
