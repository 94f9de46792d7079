import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeChange, type IncomingChange, type MergeState } from '#portal/merge.js';
import { canPull, pullableEntities } from '#portal/scope.js';

// The pure rules behind the HTTP tests: run once, not per database.
const base: MergeState = {
  revision: 1,
  fields: { title: 'A', capacity: 10, minutes: null, deletedAt: null },
  fieldMeta: {
    title: { rev: 1, deviceId: 'o', capturedAt: '2026-01-01T00:00:00.000Z' },
    capacity: { rev: 1, deviceId: 'o', capturedAt: '2026-01-01T00:00:00.000Z' },
    minutes: { rev: 1, deviceId: 'o', capturedAt: '2026-01-01T00:00:00.000Z' },
    deletedAt: { rev: 1, deviceId: 'o', capturedAt: '2026-01-01T00:00:00.000Z' },
  },
  conflicts: [],
};

const apply = (state: MergeState, changes: IncomingChange[]) => changes.reduce((s, c) => mergeChange(s, c).state, state);
// The revision counts applied changes, so it may differ by order; what devices see may not.
const visible = (s: MergeState) => ({ fields: s.fields, conflicts: s.conflicts.map(({ field, values, winner }) => ({ field, values, winner })) });

describe('merge rules', () => {
  const fieldArb = fc.constantFrom('title', 'capacity', 'minutes', 'deletedAt');
  const valueArb = fc.oneof(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 3 }), fc.constant(null));
  const changeArb = (deviceId: string) =>
    fc.record({
      deviceId: fc.constant(deviceId),
      capturedAt: fc.integer({ min: 0, max: 5 }).map((s) => `2026-01-02T00:00:0${s}.000Z`),
      baseRevision: fc.constant(1),
      // An outbox entry carries the fields the device changed since its base: never a field
      // re-sent with the value it already had (docs/sync-protocol.md, "Merging and conflicts").
      fields: fc
        .dictionary(fieldArb, valueArb, { minKeys: 1, maxKeys: 3 })
        .filter((d) => Object.entries(d).every(([f, v]) => JSON.stringify(v) !== JSON.stringify(base.fields[f]))),
    });

  it('concurrent changes from three laptops give the same record in all six arrival orders', () => {
    fc.assert(
      fc.property(changeArb('device-p'), changeArb('device-q'), changeArb('device-r'), (p, q, r) => {
        const orders = [[p, q, r], [p, r, q], [q, p, r], [q, r, p], [r, p, q], [r, q, p]];
        const results = orders.map((order) => visible(apply(base, order)));
        for (const result of results.slice(1)) expect(result).toEqual(results[0]);
      }),
      { numRuns: 1000 },
    );
  });

  it('every value of a same-field concurrent edit is kept and the record flagged; equal values never conflict', () => {
    fc.assert(
      fc.property(changeArb('device-p'), changeArb('device-q'), (p, q) => {
        const merged = apply(base, [p, q]);
        for (const [field, value] of Object.entries(q.fields)) {
          const other = p.fields[field];
          const differs = field in p.fields && JSON.stringify(other) !== JSON.stringify(value);
          const conflict = merged.conflicts.find((c) => c.field === field);
          if (differs) {
            expect(conflict?.values.map((v) => v.value)).toEqual(expect.arrayContaining([value, other]));
          }
          if (!differs) expect(conflict).toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a change that sets nothing new does not bump the revision', () => {
    const outcome = mergeChange(base, { deviceId: 'p', capturedAt: '2026-01-02T00:00:00.000Z', baseRevision: 0, fields: { ...base.fields } });
    expect(outcome.changed).toBe(false);
    expect(outcome.state.revision).toBe(1);
  });

  it("a field edited twice on one laptop between two syncs is a plain overwrite, not a conflict with itself", () => {
    const first = mergeChange(base, { deviceId: 'p', capturedAt: '2026-01-02T00:00:01.000Z', baseRevision: 1, fields: { title: 'B' } });
    const second = mergeChange(first.state, { deviceId: 'p', capturedAt: '2026-01-02T00:00:02.000Z', baseRevision: 1, fields: { title: 'C' } });
    expect(second).toMatchObject({ changed: true, conflicted: false });
    expect(second.state.fields.title).toBe('C');
    expect(second.state.conflicts).toEqual([]);
  });

  // Each laptop sends one or two changes, all based on revision 1, in its own seq order; the
  // portal may receive them interleaved in any way. Whatever the order, each laptop's latest
  // value of a field replaces its earlier one, and the record ends the same.
  const outboxArb = (deviceId: string) =>
    fc
      .array(
        fc.record({
          capturedAt: fc.integer({ min: 0, max: 5 }).map((s) => `2026-01-02T00:00:0${s}.000Z`),
          fields: fc.dictionary(fieldArb, valueArb, { minKeys: 1, maxKeys: 3 }),
        }),
        { minLength: 1, maxLength: 2 },
      )
      // An outbox entry carries only the fields that changed since the device's previous entry.
      .filter((entries) => {
        const local: Record<string, unknown> = { ...base.fields };
        for (const entry of entries) {
          for (const [f, v] of Object.entries(entry.fields)) {
            if (JSON.stringify(v) === JSON.stringify(local[f])) return false;
            local[f] = v;
          }
        }
        return true;
      })
      .map((entries) => entries.map((e): IncomingChange => ({ deviceId, baseRevision: 1, ...e })));

  it('laptops editing a field once or twice give the same record in every arrival order, each laptop counted once', () => {
    fc.assert(
      fc.property(outboxArb('device-p'), outboxArb('device-q'), outboxArb('device-r'), (p, q, r) => {
        const orders = interleavings([p, q, r]);
        const results = orders.map((order) => visible(apply(base, order)));
        for (const result of results.slice(1)) expect(result).toEqual(results[0]);
        // Exactly the laptops' latest values of each field, as a conflict when they differ.
        const merged = results[0]!;
        for (const field of Object.keys(base.fields)) {
          const latest = new Map<string, unknown>();
          for (const change of [...p, ...q, ...r]) if (field in change.fields) latest.set(change.deviceId, change.fields[field]);
          const distinct = [...new Set([...latest.values()].map((v) => JSON.stringify(v)))];
          const conflict = merged.conflicts.find((c) => c.field === field);
          if (distinct.length > 1) expect(conflict?.values.map((v) => JSON.stringify(v.value)).sort()).toEqual(distinct.sort());
          else expect(conflict).toBeUndefined();
          if (distinct.length === 1) expect(JSON.stringify(merged.fields[field])).toBe(distinct[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Every order of the sequences' items that keeps each sequence's own order. */
function interleavings<T>(sequences: readonly (readonly T[])[]): T[][] {
  if (sequences.every((s) => s.length === 0)) return [[]];
  const orders: T[][] = [];
  sequences.forEach((sequence, i) => {
    if (sequence.length === 0) return;
    const rest = sequences.map((s, j) => (j === i ? s.slice(1) : s));
    for (const tail of interleavings(rest)) orders.push([sequence[0]!, ...tail]);
  });
  return orders;
}

describe('pull scope', () => {
  it('a field laptop never pulls personal or study entities; the lab pulls everything', () => {
    expect([canPull('field', 'catalogue'), canPull('field', 'personal'), canPull('field', 'study')]).toEqual([true, false, false]);
    expect([canPull('lab', 'catalogue'), canPull('lab', 'personal'), canPull('lab', 'study')]).toEqual([true, true, true]);
    const scopes = { workshop: 'catalogue', participant: 'personal', profile: 'study' } as const;
    expect(pullableEntities('field', scopes)).toEqual(['workshop']);
    expect(pullableEntities('lab', scopes)).toEqual(['workshop', 'participant', 'profile']);
  });
});
