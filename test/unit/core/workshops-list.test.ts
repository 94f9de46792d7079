import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workshop, WorkshopFields } from '#shared/workshops/workshop.schema.js';
import { openTestCore, workshopFields, type TestCore } from './test-core.js';

type List = { items: Workshop[]; total: number };
let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(async () => {
  await core.close();
});

const create = (overrides: Partial<WorkshopFields>) => core.must('workshops:create', workshopFields(overrides));
const list = (input: object) => core.must('workshops:list', input);
const titles = (l: List) => l.items.map((w) => w.title).sort();

describe('filtering the workshop list', () => {
  beforeEach(async () => {
    await create({ title: 'Budget participatif 18e', kind: 'pb_co_construction', arrondissement: 18 });
    await create({ title: 'Carte citoyenne 18e', kind: 'citizen_card_atelier', arrondissement: 18 });
    await create({ title: 'Carte citoyenne 20e', kind: 'citizen_card_atelier', arrondissement: 20 });
    const open = await create({ title: 'Meetup données ouvertes', kind: 'dataset_meetup', arrondissement: 4 });
    await core.must('workshops:open', { id: open.id, version: 1 });
  });

  it('by kind', async () => {
    expect(titles(await list({ kind: 'citizen_card_atelier' }))).toEqual(['Carte citoyenne 18e', 'Carte citoyenne 20e']);
  });

  it('by arrondissement', async () => {
    expect(titles(await list({ arrondissement: 18 }))).toEqual(['Budget participatif 18e', 'Carte citoyenne 18e']);
  });

  it('by status', async () => {
    expect(titles(await list({ status: 'open' }))).toEqual(['Meetup données ouvertes']);
    expect((await list({ status: 'planned' })).total).toBe(3);
  });

  it('by kind and arrondissement together', async () => {
    expect(titles(await list({ kind: 'citizen_card_atelier', arrondissement: 20 }))).toEqual(['Carte citoyenne 20e']);
  });

  it('an arrondissement outside 1–20 in a filter is refused', async () => {
    expect(await core.invoke('workshops:list', { arrondissement: 21 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('dates are Paris calendar days, also across a change to summer time', () => {
  beforeEach(async () => {
    // Summer time starts in Paris on Sunday 29 March 2026 at 02:00 (UTC+1 → UTC+2).
    await create({ title: 'samedi soir', startsAt: '2026-03-28T23:30', endsAt: '2026-03-29T00:15' });
    await create({ title: 'dimanche minuit et demie', startsAt: '2026-03-29T00:30', endsAt: '2026-03-29T01:30' });
    await create({ title: 'dimanche soir', startsAt: '2026-03-29T23:30', endsAt: '2026-03-30T00:15' });
    await create({ title: 'lundi minuit et demie', startsAt: '2026-03-30T00:30', endsAt: '2026-03-30T01:30' });
  });

  it('one day holds exactly the workshops that start on that day in Paris', async () => {
    expect(titles(await list({ from: '2026-03-29', to: '2026-03-29' }))).toEqual(['dimanche minuit et demie', 'dimanche soir']);
  });

  it('an open-ended range keeps everything from its first day on', async () => {
    expect(titles(await list({ from: '2026-03-30' }))).toEqual(['lundi minuit et demie']);
    expect(titles(await list({ to: '2026-03-28' }))).toEqual(['samedi soir']);
  });

  it('a date that is not a day is refused', async () => {
    expect(await core.invoke('workshops:list', { from: '2026-02-31' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { from: 'validation.date' } } });
  });
});

describe('searching titles', () => {
  beforeEach(async () => {
    await create({ title: 'Atelier budget participatif — Goutte-d’Or' });
    await create({ title: 'Église Saint-Bernard : rencontre des riverains' });
    await create({ title: 'Porte de la Chapelle' });
  });

  it('ignores accents, case, hyphens and apostrophes', async () => {
    expect(titles(await list({ query: 'goutte d or' }))).toEqual(['Atelier budget participatif — Goutte-d’Or']);
    expect(titles(await list({ query: "GOUTTE-D'OR" }))).toEqual(['Atelier budget participatif — Goutte-d’Or']);
    expect(titles(await list({ query: 'eglise saint' }))).toEqual(['Église Saint-Bernard : rencontre des riverains']);
  });

  it('finds nothing for a title no workshop has, and SQL wildcards are plain text', async () => {
    expect((await list({ query: 'belleville' })).total).toBe(0);
    expect((await list({ query: '%' })).total).toBe(3);
    expect((await list({ query: '_' })).total).toBe(3);
    expect((await list({ query: 'chapelle%' })).total).toBe(1);
  });
});

describe('paging', () => {
  it('each page has at most `limit` workshops and the total counts all matches', async () => {
    for (let day = 1; day <= 7; day++) {
      await create({ title: `Atelier ${day}`, startsAt: `2026-05-0${day}T10:00`, endsAt: `2026-05-0${day}T12:00` });
    }
    const first = await list({ limit: 3, offset: 0 });
    const second = await list({ limit: 3, offset: 3 });
    const last = await list({ limit: 3, offset: 6 });
    expect([first.items.length, second.items.length, last.items.length]).toEqual([3, 3, 1]);
    expect([first.total, second.total, last.total]).toEqual([7, 7, 7]);
    const seen = new Set([...first.items, ...second.items, ...last.items].map((w) => w.id));
    expect(seen.size).toBe(7);
  });
});
