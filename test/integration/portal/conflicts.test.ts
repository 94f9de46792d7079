import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, testBackends, workshopFields, type RunningPortal, type TestDevice } from './portal-harness.js';

for (const backend of testBackends()) {
  describe(`merging concurrent edits (${backend})`, () => {
    let portal: RunningPortal;
    let origin: TestDevice;
    let p: TestDevice;
    let q: TestDevice;
    let lab: TestDevice;
    beforeAll(async () => {
      portal = await startPortal(backend);
      [origin, p, q, lab] = [await portal.enrol('field'), await portal.enrol('field'), await portal.enrol('field'), await portal.enrol('lab')];
    });
    afterAll(async () => portal?.close());

    async function createRecord(fields = workshopFields()): Promise<string> {
      const recordId = randomUUID();
      await origin.push([origin.change({ recordId, op: 'create', fields, capturedAt: '2026-03-01T08:00:00.000Z' })]);
      return recordId;
    }

    async function pulled(recordId: string) {
      const { records } = await lab.pullAll();
      const record = records.find((r) => r.recordId === recordId);
      if (!record) throw new Error(`record ${recordId} not pulled`);
      return record;
    }

    it('a same-field edit from two laptops gives the same winner in both arrival orders, flagged with both values', async () => {
      const [first, second] = [await createRecord(), await createRecord()];
      const fromP = (recordId: string) => p.change({ recordId, baseRevision: 1, fields: { title: 'Titre de P' }, capturedAt: '2026-03-01T10:00:05.000Z' });
      const fromQ = (recordId: string) => q.change({ recordId, baseRevision: 1, fields: { title: 'Titre de Q' }, capturedAt: '2026-03-01T10:00:01.000Z' });

      const a1 = await p.push([fromP(first)]);
      const a2 = await q.push([fromQ(first)]);
      expect([a1.results[0]!.status, a2.results[0]!.status]).toEqual(['applied', 'conflict']);
      const b1 = await q.push([fromQ(second)]);
      const b2 = await p.push([fromP(second)]);
      expect([b1.results[0]!.status, b2.results[0]!.status]).toEqual(['applied', 'conflict']);

      const [one, two] = [await pulled(first), await pulled(second)];
      expect(one.fields.title).toBe('Titre de P');
      expect({ ...one, recordId: '' }).toEqual({ ...two, recordId: '' });
      expect(one.conflicts).toEqual([
        {
          field: 'title',
          values: [
            { value: 'Titre de Q', deviceId: q.id, capturedAt: '2026-03-01T10:00:01.000Z' },
            { value: 'Titre de P', deviceId: p.id, capturedAt: '2026-03-01T10:00:05.000Z' },
          ],
          winner: 1,
        },
      ]);
      const flagged = await portal.db.selectFrom('records').select('flagged').where('record_id', 'in', [first, second]).execute();
      expect(flagged.map((f) => f.flagged)).toEqual([1, 1]);
    });

    it("a laptop's second edit of a field before it syncs again overwrites its first, in one batch or two", async () => {
      const [oneBatch, twoBatches] = [await createRecord(), await createRecord()];
      const edit = (recordId: string, title: string, at: string) => p.change({ recordId, baseRevision: 1, fields: { title }, capturedAt: at });
      const answer = await p.push([edit(oneBatch, 'Premier titre', '2026-03-01T10:00:00.000Z'), edit(oneBatch, 'Titre corrigé', '2026-03-01T10:01:00.000Z')]);
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      await p.push([edit(twoBatches, 'Premier titre', '2026-03-01T10:00:00.000Z')]);
      expect((await p.push([edit(twoBatches, 'Titre corrigé', '2026-03-01T10:01:00.000Z')])).results[0]!.status).toBe('applied');
      for (const recordId of [oneBatch, twoBatches]) {
        const record = await pulled(recordId);
        expect(record.fields.title).toBe('Titre corrigé');
        expect(record.conflicts).toEqual([]);
      }
    });

    it("with another laptop's concurrent edit, the conflict shows each laptop's latest value only", async () => {
      const recordId = await createRecord();
      await p.push([p.change({ recordId, baseRevision: 1, fields: { title: 'Titre de P' }, capturedAt: '2026-03-01T10:00:00.000Z' })]);
      await q.push([q.change({ recordId, baseRevision: 1, fields: { title: 'Titre de Q' }, capturedAt: '2026-03-01T10:00:30.000Z' })]);
      const again = await p.push([p.change({ recordId, baseRevision: 1, fields: { title: 'Titre de P, corrigé' }, capturedAt: '2026-03-01T10:01:00.000Z' })]);
      expect(again.results[0]!.status).toBe('conflict');
      const record = await pulled(recordId);
      expect(record.fields.title).toBe('Titre de P, corrigé');
      expect(record.conflicts).toEqual([
        {
          field: 'title',
          values: [
            { value: 'Titre de Q', deviceId: q.id, capturedAt: '2026-03-01T10:00:30.000Z' },
            { value: 'Titre de P, corrigé', deviceId: p.id, capturedAt: '2026-03-01T10:01:00.000Z' },
          ],
          winner: 1,
        },
      ]);
    });

    it('edits of different fields merge without a flag', async () => {
      const recordId = await createRecord();
      await p.push([p.change({ recordId, baseRevision: 1, fields: { capacity: 25 } })]);
      const answer = await q.push([q.change({ recordId, baseRevision: 1, fields: { venueAddress: '2 rue Fleury' } })]);
      expect(answer.results[0]).toMatchObject({ status: 'applied', revision: 3 });
      const record = await pulled(recordId);
      expect(record.fields).toMatchObject({ capacity: 25, venueAddress: '2 rue Fleury' });
      expect(record.conflicts).toEqual([]);
    });

    it('the same value written by two laptops is not a conflict', async () => {
      const recordId = await createRecord();
      await p.push([p.change({ recordId, baseRevision: 1, fields: { status: 'open' } })]);
      const answer = await q.push([q.change({ recordId, baseRevision: 1, fields: { status: 'open' } })]);
      expect(answer.results[0]).toEqual({ seq: expect.any(Number), status: 'applied', revision: 2 });
      expect((await pulled(recordId)).conflicts).toEqual([]);
    });

    it('a person choosing a value (resolves) clears the flag', async () => {
      const recordId = await createRecord();
      await p.push([p.change({ recordId, baseRevision: 1, fields: { capacity: 30 } })]);
      await q.push([q.change({ recordId, baseRevision: 1, fields: { capacity: 50 } })]);
      const flagged = await pulled(recordId);
      expect(flagged.conflicts).toHaveLength(1);

      // A stale resolution (based before the conflict) does not clear it.
      const stale = await lab.push([lab.change({ recordId, baseRevision: 1, fields: { capacity: 30 }, resolves: ['capacity'] })]);
      expect(stale.results[0]!.status).toBe('conflict');

      const current = await pulled(recordId);
      const answer = await lab.push([lab.change({ recordId, baseRevision: current.revision, fields: { capacity: 30 }, resolves: ['capacity'] })]);
      expect(answer.results[0]!.status).toBe('applied');
      const resolved = await pulled(recordId);
      expect(resolved.fields.capacity).toBe(30);
      expect(resolved.conflicts).toEqual([]);
      const row = await portal.db.selectFrom('records').select('flagged').where('record_id', '=', recordId).executeTakeFirstOrThrow();
      expect(row.flagged).toBe(0);
    });

    it('a delete and a concurrent edit both survive: the record stays deleted with the edit', async () => {
      const recordId = await createRecord();
      const deletedAt = '2026-03-02T09:00:00.000Z';
      await p.push([p.change({ recordId, op: 'delete', baseRevision: 1, fields: { deletedAt } })]);
      const answer = await q.push([q.change({ recordId, baseRevision: 1, fields: { minutes: 'Compte rendu' } })]);
      expect(answer.results[0]!.status).toBe('applied');
      const record = await pulled(recordId);
      expect(record.fields).toMatchObject({ deletedAt, minutes: 'Compte rendu' });
      expect(record.conflicts).toEqual([]);
    });
  });
}
