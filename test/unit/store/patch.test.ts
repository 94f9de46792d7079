/**
 * `patch`: `update` with the fields given, for a caller that already holds the record (the draw
 * patches its 5,000-name record without decoding it again) — the same rules: the changed
 * columns only, the version bumped, one outbox entry with the changed fields, the event of the
 * record's own event id, nothing for a change that changes nothing, a stale version refused.
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
let events: { name: string; payload: unknown }[] = [];
beforeEach(async () => {
  prepared = await prepareDatabase({ file: ':memory:', backupDir: '', key: null });
  events = [];
  deps = { db: prepared.db, now: () => new Date('2026-03-01T09:00:00.000Z'), newId: () => randomUUID(), emit: (name, payload) => void events.push({ name, payload }) };
});
afterEach(async () => {
  await prepared.db.destroy();
});

const workshopId = randomUUID();
async function registration() {
  const result = await runWrite(deps, (w) =>
    w
      .insert(cardRegistrationCodec, {
        fields: { workshopId, holderId: randomUUID(), channel: 'desk', status: 'registered', groups: [], rank: null, registeredAt: w.at, statusChangedAt: w.at, recordedBy: 'Inès' },
      })
      .then(ok),
  );
  if (!result.ok) throw new Error('setup');
  return result.value;
}
const updates = () => prepared.sqlite.prepare("select record_id, base_version, version, payload from outbox where op = 'update' order by seq").all() as { record_id: string; base_version: number; version: number; payload: string }[];

describe('patch', () => {
  it('writes the changed fields as update would and answers the new version', async () => {
    const r = await registration();
    events = [];
    const result = await runWrite(deps, (w) => w.patch(cardRegistrationCodec, r.id, { status: 'drawn', rank: 3, groups: [] }, { expectedVersion: 1 }));
    expect(result).toEqual({ ok: true, value: { version: 2, updatedAt: '2026-03-01T09:00:00.000Z' } });
    expect(prepared.sqlite.prepare('select status, rank, version from card_registrations where id = ?').get(r.id)).toEqual({ status: 'drawn', rank: 3, version: 2 });
    const entries = updates();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ record_id: r.id, base_version: 1, version: 2 });
    // The groups did not change: they are not in the entry.
    expect(JSON.parse(entries[0]!.payload)).toEqual({ status: 'drawn', rank: 3 });
    // The event carries the codec's event id (the occurrence), read from the row.
    expect(events).toContainEqual({ name: 'citizen-card:changed', payload: { id: workshopId } });
  });

  it('writes nothing for a change that changes nothing, and refuses a stale version', async () => {
    const r = await registration();
    expect(await runWrite(deps, (w) => w.patch(cardRegistrationCodec, r.id, { status: 'registered' }))).toEqual({ ok: true, value: { version: 1, updatedAt: r.updatedAt } });
    expect(updates()).toHaveLength(0);
    const stale = await runWrite(deps, (w) => w.patch(cardRegistrationCodec, r.id, { status: 'drawn' }, { expectedVersion: 4 }));
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const missing = await runWrite(deps, (w) => w.patch(cardRegistrationCodec, randomUUID(), { status: 'drawn' }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
