/**
 * The draw through the core: announced (the list closed, the seed published), then run with the
 * announced list and seed (lottery.ts), the same on any laptop; its export recomputes to the
 * same lists with the stand-alone script.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawId } from '#core/citizen-card/ids.js';
import { drawSeed, runDraw } from '#core/citizen-card/lottery.js';
import { cardWorld, type CardWorld } from './card-kit.js';

let world: CardWorld;
beforeEach(async () => {
  world = await cardWorld();
});
afterEach(async () => {
  await world.close();
});

describe('the draw', () => {
  it('announces the list and the seed, draws 10 places among 25 with reserved places, and anyone recomputes it', async () => {
    const { core } = world;
    const { workshopId } = await world.atelier({ places: 10, reserved: [{ group: 'qpv_resident', places: 3 }] });
    const people = await world.registered(workshopId, 25);
    // Six of them say they live in a QPV: registered again with that group (cancel, then register).
    for (const { holder, registration } of people.slice(0, 6)) {
      await core.must('citizen-card:set-status', { id: registration.id, version: registration.version, status: 'cancelled' });
      await core.must('citizen-card:register', { workshopId, holderId: holder.id, channel: 'desk', groups: ['qpv_resident'] });
    }
    const announced = await core.must('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-05' });
    expect(announced).toMatchObject({ id: drawId(workshopId), status: 'announced', places: 10, drawnAt: null, entries: expect.any(Array) });
    expect(announced.entries).toHaveLength(25);
    expect(announced.seed).toBe(drawSeed(announced.entries, '2026-03-05', 10));
    // The list is closed.
    const late = await world.holder();
    expect(await core.invoke('citizen-card:register', { workshopId, holderId: late.id, channel: 'desk', groups: [] })).toMatchObject({
      ok: false,
      error: { fields: { holderId: 'validation.registrationsClosed' } },
    });
    expect(await core.invoke('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-06' })).toMatchObject({ ok: false, error: { fields: { drawDate: 'validation.drawAlreadyAnnounced' } } });

    const drawn = await core.must('citizen-card:draw', { workshopId });
    expect(drawn).toMatchObject({ status: 'drawn', drawnAt: '2026-03-01T09:00:00.000Z', drawnBy: 'Inès Lab' });
    expect(drawn.drawn).toHaveLength(10);
    expect(drawn.waiting).toHaveLength(15);
    expect(drawn.drawn.filter((d) => d.group === 'qpv_resident')).toHaveLength(3);
    const expected = runDraw({ entries: announced.entries, places: 10, reserved: [{ group: 'qpv_resident', places: 3 }], drawDate: '2026-03-05' });
    expect(drawn.drawn.map((d) => d.key)).toEqual(expected.drawn.map((d) => d.key));
    const list = (await core.must('citizen-card:registrations', { workshopId })).items;
    expect(list.filter((r) => r.status === 'drawn').map((r) => r.id).sort()).toEqual(expected.drawn.map((d) => d.key).sort());
    expect(list.filter((r) => r.status === 'waiting').map((r) => r.rank)).toEqual(expected.waiting.map((w) => w.rank));
    expect(await world.statuses(workshopId)).toEqual({ drawn: 10, waiting: 15 });
    expect(await core.invoke('citizen-card:draw', { workshopId })).toMatchObject({ ok: false, error: { fields: { workshopId: 'validation.drawAlreadyRun' } } });

    // The export, recomputed by the stand-alone script: the announced seed, the same lists.
    const exported = await core.must('citizen-card:draw-export', { workshopId });
    const file = join(mkdtempSync(join(tmpdir(), 'draw-')), exported.fileName);
    writeFileSync(file, exported.json);
    const out = execFileSync(process.execPath, [resolve(import.meta.dirname, '../../../scripts/recompute-draw.mjs'), file, '--json'], { encoding: 'utf8' });
    const recomputed = JSON.parse(out) as { seedMatches: boolean; drawn: unknown[]; waiting: unknown[] };
    expect(recomputed).toEqual({ seed: announced.seed, seedMatches: true, drawn: drawn.drawn, waiting: drawn.waiting });
  });

  it('writes the draw record and the drawn only; the waiting list follows from the record wherever it is read', async () => {
    const { core } = world;
    const { workshopId } = await world.atelier({ places: 5, reserved: [] });
    await world.registered(workshopId, 30);
    const announced = await core.must('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-05' });
    const outboxBefore = (core.sqlite.prepare('select count(*) as n from outbox').get() as { n: number }).n;
    const drawn = await core.must('citizen-card:draw', { workshopId });
    const written = core.sqlite.prepare('select entity, count(*) as n from outbox group by entity order by entity').all() as { entity: string; n: number }[];
    expect((core.sqlite.prepare('select count(*) as n from outbox').get() as { n: number }).n - outboxBefore).toBe(1 + 5);
    expect(written.find((e) => e.entity === 'card_registration')?.n).toBe(30 + 5);
    // The row keeps no list; the command, the occurrence and the registrations give the same one.
    const row = core.sqlite.prepare('select waiting from card_draws where id = ?').get(drawId(workshopId)) as { waiting: string };
    expect(JSON.parse(row.waiting)).toEqual([]);
    const expected = runDraw({ entries: announced.entries, places: 5, reserved: [], drawDate: '2026-03-05' });
    expect(drawn.waiting).toEqual(expected.waiting);
    expect((await core.must('citizen-card:occurrence', { workshopId })).draw?.waiting).toEqual(expected.waiting);
    const list = (await core.must('citizen-card:registrations', { workshopId })).items.filter((r) => r.status === 'waiting');
    expect(list.map((r) => [r.id, r.rank])).toEqual(expected.waiting.map((w) => [w.key, w.rank]));
    expect((await core.must('citizen-card:occurrence', { workshopId })).counts).toMatchObject({ drawn: 5, waiting: 25, registered: 0, free: 0 });
    // Someone waiting cancels: the row says so, the list still ranks the others.
    const third = list[2]!;
    await core.must('citizen-card:set-status', { id: third.id, version: third.version, status: 'cancelled' });
    expect((await core.must('citizen-card:occurrence', { workshopId })).counts).toMatchObject({ waiting: 24, cancelled: 1 });
  });

  it('is refused before it is announced, and when nobody registered', async () => {
    const { core } = world;
    const { workshopId } = await world.atelier();
    expect(await core.invoke('citizen-card:draw', { workshopId })).toMatchObject({ ok: false, error: { fields: { workshopId: 'validation.drawNotAnnounced' } } });
    expect(await core.invoke('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-05' })).toMatchObject({ ok: false, error: { fields: { drawDate: 'validation.drawNobody' } } });
    expect(core.sqlite.prepare('select count(*) from card_draws').pluck().get()).toBe(0);
  });

  it('gives the place of someone drawn who cancelled after the announcement to the head of the waiting list', async () => {
    const { core } = world;
    const { workshopId } = await world.atelier({ places: 5 });
    await world.registered(workshopId, 8);
    const announced = await core.must('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-05' });
    const expected = runDraw({ entries: announced.entries, places: 5, reserved: [], drawDate: '2026-03-05' });
    const gone = (await core.must('citizen-card:registrations', { workshopId })).items.find((r) => r.id === expected.drawn[0]!.key)!;
    await core.must('citizen-card:set-status', { id: gone.id, version: gone.version, status: 'cancelled' });
    await core.must('citizen-card:draw', { workshopId });
    const promotions = (await core.must('citizen-card:promotions', { workshopId })).items;
    expect(promotions).toMatchObject([{ freedRegistrationId: gone.id, promotedRegistrationId: expected.waiting[0]!.key }]);
    expect(await world.statuses(workshopId)).toEqual({ drawn: 5, waiting: 2, cancelled: 1 });
  });
});
