/**
 * `updateMany`: the funnel's rules for many records of one kind in a few statements (a draw
 * gives thousands of registrations their status and rank) — each record as `update` would
 * leave it: version bumped, one outbox entry with the changed fields only, nothing for a change
 * that changes nothing, a removed record refused and the whole unit rolled back.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardRegistrationCodec } from '#core/citizen-card/citizen-card.codecs.js';
import type { ServiceDeps } from '#core/deps.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { runWrite } from '#core/store/synced-write.js';
import { ok } from '#shared/result.js';

let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
let deps: ServiceDeps;
const events: unknown[] = [];
beforeEach(async () => {
  prepared = await prepareDatabase({ file: ':memory:', backupDir: '', key: null });
  deps = { db: prepared.db, now: () => new Date('2026-03-01T09:00:00.000Z'), newId: () => randomUUID(), emit: (name, payload) => void events.push({ name, payload }) };
});
afterEach(async () => {
  await prepared.db.destroy();
});

const workshopId = randomUUID();
async function registrations(n: number) {
  const result = await runWrite(deps, async (w) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await w.insert(cardRegistrationCodec, {
        fields: { workshopId, holderId: randomUUID(), channel: 'desk', status: 'registered', groups: ['qpv_resident'], rank: null, registeredAt: w.at, statusChangedAt: w.at, recordedBy: 'Inès' },
      });
      ids.push(r.id);
    }
    return ok(ids);
  });
  if (!result.ok) throw new Error('setup');
  return result.value;
}
const outbox = () => prepared.sqlite.prepare("select record_id, op, base_version, version, payload from outbox where op = 'update' order by seq").all() as { record_id: string; op: string; base_version: number; version: number; payload: string }[];

describe('updateMany', () => {
  it('changes each record as update would, in order, and writes nothing for an unchanged one', async () => {
    const ids = await registrations(2500);
    const changes = ids.map((id, i) => ({ id, fields: i === 7 ? { status: 'registered' as const } : { status: i < 50 ? ('drawn' as const) : ('waiting' as const), rank: i + 1 } }));
    const result = await runWrite(deps, (w) => w.updateMany(cardRegistrationCodec, changes));
    expect(result).toEqual({ ok: true, value: 2499 });
    const rows = prepared.sqlite.prepare('select id, status, rank, version, groups from card_registrations').all() as { id: string; status: string; rank: number | null; version: number; groups: string }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)).toMatchObject({ status: 'drawn', rank: 1, version: 2, groups: '["qpv_resident"]' });
    expect(byId.get(ids[7]!)).toMatchObject({ status: 'registered', rank: null, version: 1 });
    expect(byId.get(ids[2499]!)).toMatchObject({ status: 'waiting', rank: 2500, version: 2 });
    const entries = outbox();
    expect(entries).toHaveLength(2499);
    expect(entries.map((e) => e.record_id)).toEqual(ids.filter((_, i) => i !== 7));
    expect(entries[0]).toMatchObject({ op: 'update', base_version: 1, version: 2 });
    expect(JSON.parse(entries[0]!.payload)).toEqual({ status: 'drawn', rank: 1 });
    // The same change again changes nothing: nothing written.
    expect(await runWrite(deps, (w) => w.updateMany(cardRegistrationCodec, changes))).toEqual({ ok: true, value: 0 });
    expect(outbox()).toHaveLength(2499);
  });

  it('refuses a removed record and rolls the whole unit back', async () => {
    const ids = await registrations(3);
    await runWrite(deps, (w) => w.tombstone(cardRegistrationCodec, ids[1]!));
    const before = outbox().length;
    const result = await runWrite(deps, async (w) => {
      await w.update(cardRegistrationCodec, ids[0]!, () => ok({ rank: 9 }));
      return w.updateMany(cardRegistrationCodec, ids.map((id) => ({ id, fields: { rank: 1 } })));
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(prepared.sqlite.prepare('select rank from card_registrations order by rank').pluck().all()).toEqual([null, null, null]);
    expect(outbox()).toHaveLength(before);
  });
});
