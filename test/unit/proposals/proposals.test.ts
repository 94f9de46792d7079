import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { openTestCore, outboxRows, workshopFields, type TestCore } from '../core/test-core.js';
import { GOUTTE_D_OR, HOTEL_DE_VILLE, proposalFields } from './proposal-fixtures.js';

let core: TestCore;
let workshop: Workshop;
beforeEach(async () => {
  core = await openTestCore();
  workshop = await core.must('workshops:create', workshopFields());
});
afterEach(async () => {
  await core.close();
});

const create = (overrides = {}, workshopId = workshop.id) =>
  core.must('proposals:create', { workshopId, fields: proposalFields(overrides) });

describe('capturing a proposal at a workshop', () => {
  it('is a draft linked to the workshop it was captured in, with its cost stored in cents', async () => {
    const p = await create();
    expect(p).toMatchObject({ workshopId: workshop.id, kind: 'proposal', status: 'draft', version: 1, estimatedCostCents: 1_250_000 });
    expect(p.capturedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(await core.must('proposals:get', { id: p.id })).toEqual(p);
  });

  it("a point in the Goutte d'Or makes an 18th-arrondissement QPV proposal, whatever arrondissement was typed", async () => {
    const p = await create({ point: GOUTTE_D_OR, arrondissement: 3 });
    expect(p).toMatchObject({ arrondissement: 18, neighbourhoodClass: 'qpv', qpvCode: 'QN07511M', lon: GOUTTE_D_OR.lon, lat: GOUTTE_D_OR.lat });
  });

  it("the Hôtel de Ville is in the 4th and not in a QPV; 'veille active' is kept as the facilitator said", async () => {
    expect(await create({ point: HOTEL_DE_VILLE })).toMatchObject({ arrondissement: 4, neighbourhoodClass: 'other', qpvCode: null });
    expect(await create({ point: HOTEL_DE_VILLE, inVeilleActive: true })).toMatchObject({ neighbourhoodClass: 'veille_active' });
    // A QPV point stays a QPV proposal even if someone ticks "veille active".
    expect(await create({ point: GOUTTE_D_OR, inVeilleActive: true })).toMatchObject({ neighbourhoodClass: 'qpv' });
  });

  it('a point outside Paris is refused beside the map field', async () => {
    const result = await core.invoke('proposals:create', { workshopId: workshop.id, fields: proposalFields({ point: { lon: 2.45, lat: 48.9 } }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { point: 'validation.outsideParis' } } });
  });

  it('a negative cost is refused with a message key for the cost field', async () => {
    const result = await core.invoke('proposals:create', { workshopId: workshop.id, fields: proposalFields({ estimatedCostEuros: -5 }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.estimatedCostEuros': 'validation.amountNegative' } } });
  });

  it('without a point, an arrondissement-scale proposal needs its arrondissement', async () => {
    const result = await core.invoke('proposals:create', { workshopId: workshop.id, fields: proposalFields({ point: null, arrondissement: null }) });
    expect(result).toMatchObject({ ok: false, error: { fields: { 'fields.arrondissement': 'validation.arrondissementOrPoint' } } });
    expect(await create({ point: null, arrondissement: 11 })).toMatchObject({ arrondissement: 11, neighbourhoodClass: 'other', lon: null });
  });

  it('the creation and each edit are written to the outbox with the synced fields', async () => {
    const p = await create();
    const edited = await core.must('proposals:update', { id: p.id, version: 1, fields: proposalFields({ title: 'Des bancs square Léon', point: HOTEL_DE_VILLE }) });
    const rows = outboxRows(core.sqlite, p.id);
    expect(rows.map((r) => r.op)).toEqual(['create', 'update']);
    expect(rows[0]!.fields).toMatchObject({ workshopId: workshop.id, neighbourhoodClass: 'qpv', status: 'draft', capturedAt: p.capturedAt });
    expect(rows[1]!.fields).toEqual({ title: 'Des bancs square Léon', arrondissement: 4, lon: HOTEL_DE_VILLE.lon, lat: HOTEL_DE_VILLE.lat, neighbourhoodClass: 'other', qpvCode: null });
    expect(edited.version).toBe(2);
    expect(core.events.filter((e) => e.name === 'proposals:changed')).toHaveLength(2);
  });

  it('an edit based on an old version is a conflict', async () => {
    const p = await create();
    await core.must('proposals:update', { id: p.id, version: 1, fields: proposalFields({ title: 'A' }) });
    const stale = await core.invoke('proposals:update', { id: p.id, version: 1, fields: proposalFields({ title: 'B' }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a proposal for a workshop that does not exist is refused', async () => {
    const result = await core.invoke('proposals:create', { workshopId: crypto.randomUUID(), fields: proposalFields() });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the status of a proposal', () => {
  it('runs draft → ready → submitted → in co-construction → under study → retained, and not backwards', async () => {
    const p = await create();
    let v = p.version;
    for (const status of ['ready', 'submitted', 'in_co_construction', 'under_study', 'retained'] as const) {
      const next = await core.must('proposals:setStatus', { id: p.id, version: v, status });
      expect(next.status).toBe(status);
      v = next.version;
    }
    const back = await core.invoke('proposals:setStatus', { id: p.id, version: v, status: 'draft' });
    expect(back).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a submitted proposal can no longer be edited at the workshop', async () => {
    const p = await create();
    const ready = await core.must('proposals:setStatus', { id: p.id, version: 1, status: 'ready' });
    const submitted = await core.must('proposals:setStatus', { id: p.id, version: ready.version, status: 'submitted' });
    const edit = await core.invoke('proposals:update', { id: p.id, version: submitted.version, fields: proposalFields() });
    expect(edit).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it("'merged' is reached by regroupement only", async () => {
    const p = await create();
    const result = await core.invoke('proposals:setStatus', { id: p.id, version: 1, status: 'merged' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a removed proposal is a tombstone, left out of the list, and the removal travels', async () => {
    const p = await create();
    await core.must('proposals:remove', { id: p.id });
    expect(await core.must('proposals:list', { workshopId: workshop.id })).toMatchObject({ items: [], total: 0 });
    expect(core.sqlite.prepare('select deleted_at from proposals where id = ?').get(p.id)).toMatchObject({ deleted_at: expect.any(String) });
    expect(outboxRows(core.sqlite, p.id).at(-1)).toMatchObject({ op: 'delete' });
  });
});
