import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { GOUTTE_D_OR, HOTEL_DE_VILLE } from './proposal-fixtures.js';

let core: TestCore;
beforeAll(async () => {
  core = await openTestCore();
});
afterAll(async () => {
  await core.close();
});

describe('reference data through the commands', () => {
  it('typing an address finds it offline, accents and case ignored', async () => {
    const { items } = await core.must('reference:searchAddresses', { query: '12 rue de la goutte d or', limit: 5 });
    expect(items[0]).toMatchObject({ label: "12 Rue de la Goutte d'Or, 75018 Paris", arrondissement: 18 });
    expect(await core.must('reference:searchAddresses', { query: '   ' })).toEqual({ items: [] });
  });

  it('locates a point: the Hôtel de Ville in the 4th, the Goutte d’Or in a QPV of the 18th', async () => {
    expect(await core.must('reference:locate', HOTEL_DE_VILLE)).toMatchObject({ arrondissement: 4, qpv: null });
    expect(await core.must('reference:locate', GOUTTE_D_OR)).toMatchObject({ arrondissement: 18, qpv: { code: 'QN07511M' } });
  });

  it('gives the 20 arrondissements and 21 QPV to draw, and the box of Paris', async () => {
    const b = await core.must('reference:boundaries', {});
    expect(b.arrondissements.features).toHaveLength(20);
    expect(b.qpv.features).toHaveLength(21);
    expect(b.bbox[0]).toBeLessThan(2.26);
    expect(b.bbox[2]).toBeGreaterThan(2.41);
  });

  it('past winners near the Goutte d’Or are placed, nearest first, all within the radius', async () => {
    const { items, total } = await core.must('reference:winners', { near: GOUTTE_D_OR, radiusMetres: 500 });
    expect(total).toBeGreaterThan(0);
    const distances = items.map((w) => w.distanceMetres!);
    expect(distances.every((d) => d <= 500)).toBe(true);
    expect([...distances].sort((x, y) => x - y)).toEqual(distances);
    expect(items.some((w) => w.inQpv)).toBe(true);
  });

  it('past winners of an arrondissement include unplaced ones, listed without a point', async () => {
    const { items } = await core.must('reference:winners', { arrondissement: 18, limit: 500 });
    expect(items.every((w) => w.arrondissements.includes(18))).toBe(true);
    expect(items.some((w) => w.lon === null)).toBe(true);
  });

  it('lists the licence notices of the shipped data', async () => {
    const { items } = await core.must('reference:licences', {});
    expect(items.map((i) => i.licence)).toEqual(expect.arrayContaining(['ODbL 1.0', 'Licence Ouverte 2.0']));
  });
});

describe('photos and scans', () => {
  // The smallest valid PNG: 1×1 transparent pixel.
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

  it('are stored by content: the same photo twice is one file, one row', async () => {
    const first = await core.must('attachments:add', { mediaType: 'image/png', base64: png });
    const second = await core.must('attachments:add', { mediaType: 'image/png', base64: png });
    expect(second.sha256).toBe(first.sha256);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(core.sqlite.prepare('select count(*) as n from attachments').get()).toEqual({ n: 1 });
  });

  it('a file whose bytes are not of the type announced is refused', async () => {
    const result = await core.invoke('attachments:add', { mediaType: 'image/jpeg', base64: png });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { mediaType: 'validation.mediaType' } } });
  });
});
