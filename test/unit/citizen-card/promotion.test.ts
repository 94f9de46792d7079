/**
 * A freed place promotes exactly one person: the head of the waiting list, with a record of who
 * was promoted, when and by whom — on one laptop, and when two lab laptops free places at the
 * same time and then sync through the real portal (both first promote the same head; the
 * reconciliation gives the later promotion to the next head, identically on both).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reconcileTargets } from '#core/citizen-card/promotions.js';
import type { DrawRecord, PromotionRecord, RegistrationRecord } from '#core/citizen-card/citizen-card.codecs.js';
import { startControlledPortal } from '../../integration/sync/controlled-portal.js';
import { startLaptop, type TestLaptop } from '../../integration/sync/device-harness.js';
import { cardWorld } from './card-kit.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('promotions on one laptop', () => {
  it('a drawn person who cancels before the start frees a place for the head of the waiting list, once', async () => {
    const world = await cardWorld();
    cleanups.push(() => world.close());
    const { core } = world;
    const { workshopId } = await world.atelier({ places: 5 });
    await world.registered(workshopId, 9);
    await core.must('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-05' });
    const draw = await core.must('citizen-card:draw', { workshopId });
    const list = async () => (await core.must('citizen-card:registrations', { workshopId })).items;
    const find = async (id: string) => (await list()).find((r) => r.id === id)!;
    const freed = await find(draw.drawn[2]!.key);
    core.setNow('2026-03-02T10:00:00.000Z');
    await core.must('citizen-card:set-status', { id: freed.id, version: freed.version, status: 'cancelled' });
    const head = draw.waiting[0]!.key;
    expect((await core.must('citizen-card:promotions', { workshopId })).items).toMatchObject([
      { freedRegistrationId: freed.id, promotedRegistrationId: head, promotedAt: '2026-03-02T10:00:00.000Z', promotedBy: 'Inès Lab' },
    ]);
    expect((await find(head)).status).toBe('drawn');
    // The promoted person cancels too: their place goes to the next head.
    const promoted = await find(head);
    core.setNow('2026-03-03T10:00:00.000Z');
    await core.must('citizen-card:set-status', { id: promoted.id, version: promoted.version, status: 'cancelled' });
    // A waiting person leaves the list: no promotion.
    const leaving = await find(draw.waiting[2]!.key);
    await core.must('citizen-card:set-status', { id: leaving.id, version: leaving.version, status: 'cancelled' });
    const promotions = (await core.must('citizen-card:promotions', { workshopId })).items;
    expect(promotions.map((p) => p.promotedRegistrationId)).toEqual([head, draw.waiting[1]!.key]);
    expect(await world.statuses(workshopId)).toEqual({ drawn: 5, waiting: 1, cancelled: 3 });
    // A confirmed person cancelling on the day (after the start) frees no place for the list.
    core.setNow('2026-03-14T18:00:00.000Z');
    const late = (await list()).find((r) => r.status === 'drawn')!;
    await core.must('citizen-card:set-status', { id: late.id, version: late.version, status: 'cancelled' });
    expect((await core.must('citizen-card:promotions', { workshopId })).items).toHaveLength(2);
  });
});

describe('the reconciliation, as a rule', () => {
  const reg = (id: string, status: RegistrationRecord['status']) => ({ id, status }) as RegistrationRecord;
  const promo = (id: string, at: string, target: string) => ({ id, promotedAt: at, promotedRegistrationId: target }) as PromotionRecord;
  const draw = { waiting: [{ key: 'h1', rank: 6 }, { key: 'h2', rank: 7 }, { key: 'h3', rank: 8 }] } as DrawRecord;

  it('keeps the earlier promotion of a head taken twice and gives the later one the next head, whatever the order it reads them in', () => {
    const regs = [reg('h1', 'drawn'), reg('h2', 'waiting'), reg('h3', 'waiting')];
    const a = promo('pa', '2026-03-02T10:00:00.000Z', 'h1');
    const b = promo('pb', '2026-03-02T10:00:01.000Z', 'h1');
    const expected = new Map([['pa', 'h1'], ['pb', 'h2']]);
    expect(reconcileTargets(draw, [a, b], regs)).toEqual(expected);
    expect(new Map([...reconcileTargets(draw, [b, a], [...regs].reverse())].sort())).toEqual(expected);
  });

  it('breaks a tie of times by id, and leaves a promotion without target when nobody is left', () => {
    const regs = [reg('h1', 'drawn'), reg('h2', 'waiting'), reg('h3', 'cancelled')];
    const at = '2026-03-02T10:00:00.000Z';
    expect(reconcileTargets(draw, [promo('p2', at, 'h1'), promo('p1', at, 'h1'), promo('p3', at, 'h2')], regs)).toEqual(
      new Map([['p1', 'h1'], ['p2', 'h2'], ['p3', null]]),
    );
  });
});

async function labLaptop(name: string, portal: Awaited<ReturnType<typeof startControlledPortal>>): Promise<TestLaptop> {
  const laptop = await startLaptop(name);
  cleanups.push(() => laptop.close());
  await laptop.enrol(portal.url, await portal.newCode('lab'));
  return laptop;
}

const registrationsOf = async (laptop: TestLaptop, workshopId: string) =>
  (await laptop.must('citizen-card:registrations', { workshopId })).items;

describe('two lab laptops free places at the same time', () => {
  it('each freed place promotes exactly one person once both have synced, and both laptops agree', async () => {
    const portal = await startControlledPortal();
    cleanups.push(() => portal.close());
    const one = await labLaptop('lab-one', portal);
    const two = await labLaptop('lab-two', portal);

    const type = await one.must('citizen-card:save-type', {
      fields: { title: 'Visite du Conseil de Paris', description: '', theme: 'conseil_de_paris_visit', audience: 'adults', format: 'visit', durationMinutes: 90, accessibility: [], languages: ['fr'] },
    });
    const workshop = await one.createWorkshop({ kind: 'citizen_card_atelier', startsAt: '2027-06-03T18:30', endsAt: '2027-06-03T20:30' });
    const workshopId = workshop.id;
    await one.must('citizen-card:save-occurrence', { workshopId, fields: { atelierTypeId: type.id, places: 5, reserved: [], walkInsAllowed: false } });
    for (let i = 1; i <= 9; i++) {
      const holder = await one.must('citizen-card:save-holder', {
        fields: { cardNumber: `PC10000${i}`, name: `Titulaire ${i}`, birthYear: 1990, arrondissement: 11, email: '', phone: '', contactConsent: false },
      });
      await one.must('citizen-card:register', { workshopId, holderId: holder.id, channel: 'desk', groups: [] });
    }
    await one.must('citizen-card:announce-draw', { workshopId, drawDate: '2027-05-20' });
    const draw = await one.must('citizen-card:draw', { workshopId });
    expect(await one.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });
    expect(await two.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });
    expect(await registrationsOf(two, workshopId)).toHaveLength(9);
    // Laptop two cannot draw again: the draw record came with the pull.
    expect(await two.invoke('citizen-card:draw', { workshopId })).toMatchObject({ ok: false, error: { fields: { workshopId: 'validation.drawAlreadyRun' } } });

    // Offline from each other, each frees a place: both promote the same head.
    const [freedOne, freedTwo] = [draw.drawn[0]!.key, draw.drawn[1]!.key];
    const version = async (laptop: TestLaptop, id: string) => (await registrationsOf(laptop, workshopId)).find((r) => r.id === id)!.version;
    await one.must('citizen-card:set-status', { id: freedOne, version: await version(one, freedOne), status: 'cancelled' });
    await new Promise((r) => setTimeout(r, 5));
    await two.must('citizen-card:set-status', { id: freedTwo, version: await version(two, freedTwo), status: 'cancelled' });
    const head = draw.waiting[0]!.key;
    for (const laptop of [one, two]) {
      const local = await registrationsOf(laptop, workshopId);
      expect(local.find((r) => r.id === head)!.status).toBe('drawn');
      expect(local.filter((r) => r.status === 'drawn')).toHaveLength(5);
    }

    // They sync (each reconciles on reading, and sends what it fixed), until both are settled.
    for (let round = 0; round < 3; round++) {
      for (const laptop of [one, two]) {
        await laptop.syncUntilSettled();
        await registrationsOf(laptop, workshopId);
        await laptop.syncUntilSettled();
      }
    }

    const views = await Promise.all([one, two].map(async (laptop) => {
      const regs = await registrationsOf(laptop, workshopId);
      const promotions = (await laptop.must('citizen-card:promotions', { workshopId })).items;
      return {
        statuses: Object.fromEntries(regs.map((r) => [r.id, r.status])),
        promotions: promotions.map((p) => ({ id: p.id, freed: p.freedRegistrationId, promoted: p.promotedRegistrationId })),
      };
    }));
    expect(views[0]).toEqual(views[1]);
    const { statuses, promotions } = views[0]!;
    expect(promotions).toHaveLength(2);
    expect(new Set(promotions.map((p) => p.freed))).toEqual(new Set([freedOne, freedTwo]));
    // Two freed places, two different people promoted: the two heads of the waiting list.
    expect(new Set(promotions.map((p) => p.promoted))).toEqual(new Set([draw.waiting[0]!.key, draw.waiting[1]!.key]));
    const count = (s: string) => Object.values(statuses).filter((x) => x === s).length;
    expect([count('drawn'), count('waiting'), count('cancelled')]).toEqual([5, 2, 2]);
    expect(statuses[draw.waiting[2]!.key]).toBe('waiting');
    // Equal values from both laptops: no conflict for anyone to settle.
    expect(await one.must('sync:conflicts', {})).toEqual([]);
    expect(await two.must('sync:conflicts', {})).toEqual([]);
  }, 60_000);
});
