import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '#shared/sync/protocol.schema.js';
import { startNewEpoch } from '#portal/portal-meta.js';
import { json, postJson, startPortal, testBackends, workshopFields, type RunningPortal } from './portal-harness.js';

for (const backend of testBackends()) {
  describe(`push and pull (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => portal?.close());

    it('a workshop pushed by one laptop is pulled whole by another', async () => {
      const [a, b] = [await portal.enrol('field'), await portal.enrol('field')];
      const recordId = randomUUID();
      const pushed = await a.push([a.change({ recordId, op: 'create', fields: workshopFields({ title: 'Atelier Carte citoyenne' }) })]);
      expect(pushed).toEqual({ lastSeq: 1, results: [{ seq: 1, status: 'applied', revision: 1 }] });

      const { records, cursor } = await b.pullAll();
      const record = records.find((r) => r.recordId === recordId);
      expect(record).toEqual({ entity: 'workshop', recordId, revision: 1, fields: workshopFields({ title: 'Atelier Carte citoyenne' }), conflicts: [] });
      // From the returned cursor on, nothing new.
      expect((await b.pullAll(cursor)).records).toEqual([]);
    });

    it('a replayed batch is acknowledged as duplicate and not applied twice', async () => {
      const device = await portal.enrol('field');
      const recordId = randomUUID();
      const batch = [
        device.change({ recordId, op: 'create', fields: workshopFields() }),
        device.change({ recordId, baseRevision: 1, fields: { capacity: 60 } }),
      ];
      const first = await device.push(batch);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const serialBefore = await newestSerial(portal);

      const replay = await device.push(batch);
      expect(replay).toEqual({ lastSeq: 2, results: [{ seq: 1, status: 'duplicate' }, { seq: 2, status: 'duplicate' }] });
      expect(await newestSerial(portal)).toBe(serialBefore);
      const row = await portal.db.selectFrom('records').select('revision').where('record_id', '=', recordId).executeTakeFirstOrThrow();
      expect(row.revision).toBe(2);

      // A batch that overlaps the acknowledged part applies only the new tail.
      const tail = device.change({ recordId, baseRevision: 2, fields: { capacity: 80 } });
      const overlap = await device.push([batch[1]!, tail]);
      expect(overlap.results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
    });

    it('a gap is refused with the expected seq and nothing is written', async () => {
      const device = await portal.enrol('field');
      await device.push([device.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() })]);
      device.change({ recordId: randomUUID(), fields: {} }); // seq 2 lost on the way
      const recordId = randomUUID();
      const response = await device.pushRaw([device.change({ recordId, op: 'create', fields: workshopFields() })]);
      expect(response.status).toBe(409);
      expect(await json(response)).toEqual({ code: 'seq_gap', message: expect.any(String), expectedSeq: 2 });
      expect(await portal.db.selectFrom('records').select('record_id').where('record_id', '=', recordId).executeTakeFirst()).toBeUndefined();
      const row = await portal.db.selectFrom('devices').select('last_seq').where('id', '=', device.id).executeTakeFirstOrThrow();
      expect(Number(row.last_seq)).toBe(1);
    });

    it('a rejected change is reported with its reason and the rest of the batch applies', async () => {
      const device = await portal.enrol('field');
      const [good, bad, after] = [randomUUID(), randomUUID(), randomUUID()];
      const answer = await device.push([
        device.change({ recordId: good, op: 'create', fields: workshopFields() }),
        device.change({ recordId: bad, op: 'create', fields: workshopFields({ title: 'x'.repeat(300) }) }),
        device.change({ recordId: after, op: 'create', fields: workshopFields() }),
        device.change({ recordId: good, baseRevision: 1, fields: { endsAt: '2026-03-14T08:00:00.000Z' } }),
      ]);
      expect(answer.lastSeq).toBe(4);
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'rejected']);
      expect(answer.results[1]!.reason).toEqual({ code: 'validation', message: expect.any(String), fields: { title: 'validation.tooLong:200' } });
      // The merged record must be valid too: an end before the start is refused.
      expect(answer.results[3]!.reason?.fields).toEqual({ endsAt: 'validation.endBeforeStart' });
      const kept = await portal.db.selectFrom('rejected_changes').select(['seq', 'reason']).where('device_id', '=', device.id).orderBy('seq').execute();
      expect(kept.map((k) => Number(k.seq))).toEqual([2, 4]);
      expect(JSON.parse(kept[0]!.reason).code).toBe('validation');
      const applied = await portal.db.selectFrom('records').select('record_id').where('record_id', 'in', [good, bad, after]).execute();
      expect(applied.map((r) => r.record_id).sort()).toEqual([good, after].sort());
    });

    it('a change with unknown fields or oversized fields is rejected alone, with its reason', async () => {
      const device = await portal.enrol('field');
      const recordId = randomUUID();
      const answer = await device.push([
        device.change({ recordId, op: 'create', fields: workshopFields() }),
        device.change({ recordId, baseRevision: 1, fields: { participantEmail: 'a@b.fr' } }),
        device.change({ recordId, baseRevision: 1, fields: { minutes: 'é'.repeat(40_000) } }),
        device.change({ recordId, baseRevision: 1, fields: { capacity: 12 } }),
      ]);
      expect(answer.results.map((r) => [r.status, r.reason?.code])).toEqual([
        ['applied', undefined],
        ['rejected', 'validation'],
        ['rejected', 'too_large'],
        ['applied', undefined],
      ]);
    });

    it("the portal's copy of a rejected change stays small: a 5 MB change is kept without its values", async () => {
      const device = await portal.enrol('field');
      const [small, huge] = [randomUUID(), randomUUID()];
      const answer = await device.push([
        device.change({ recordId: small, op: 'create', fields: workshopFields({ title: 'x'.repeat(300) }) }),
        device.change({ recordId: huge, op: 'create', fields: workshopFields({ minutes: 'é'.repeat(2_500_000) }) }),
      ]);
      expect(answer.results.map((r) => r.reason?.code)).toEqual(['validation', 'too_large']);
      const kept = await portal.db.selectFrom('rejected_changes').select(['record_id', 'change']).where('device_id', '=', device.id).orderBy('seq').execute();
      expect(kept.map((k) => k.record_id)).toEqual([small, huge]);
      // A change of ordinary size is kept whole, to be looked at.
      expect(JSON.parse(kept[0]!.change)).toMatchObject({ recordId: small, fields: { title: 'x'.repeat(300) } });
      // An oversized one: what it was and how big, not its 5 MB.
      expect(kept[1]!.change.length).toBeLessThan(20_000);
      expect(JSON.parse(kept[1]!.change)).toMatchObject({ recordId: huge, entity: 'workshop', fields: null, omitted: { bytes: expect.any(Number), fieldNames: expect.arrayContaining(['minutes', 'title']) } });
    });

    it('a change nested too deep is rejected alone; one nested 5,000 levels deep refuses its batch in JSON, never a 500', async () => {
      const device = await portal.enrol('field');
      const [before, deep, after] = [randomUUID(), randomUUID(), randomUUID()];
      const nested = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
      const changes = [
        device.change({ recordId: before, op: 'create', fields: workshopFields() }),
        device.change({ recordId: deep, op: 'create', fields: { title: '@DEEP@' } }),
        device.change({ recordId: after, op: 'create', fields: workshopFields() }),
      ];
      // Written by hand: JSON.stringify itself gives up at such depths.
      const send = (depth: number, batch = changes) =>
        fetch(`${portal.url}/v1/push`, {
          method: 'POST',
          headers: { ...device.auth, 'content-type': 'application/json' },
          body: JSON.stringify({ changes: batch }).replace('"@DEEP@"', nested(depth)),
        });
      for (let attempt = 0; attempt < 2; attempt++) {
        const refused = await send(5000);
        expect(refused.status).toBe(400);
        expect(await json(refused)).toEqual({ code: 'invalid_request', message: expect.any(String) });
      }
      // Deep, but within what a body may hold: that change alone is rejected, the others apply.
      const response = await send(40);
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ lastSeq: 3, results: [{ status: 'applied' }, { status: 'rejected', reason: { code: 'too_large' } }, { status: 'applied' }] });
      expect((await json(await send(40))).results).toEqual([1, 2, 3].map((seq) => ({ seq, status: 'duplicate' })));
    });

    it('an update of a record the portal never had must carry the whole record', async () => {
      const device = await portal.enrol('field');
      const answer = await device.push([device.change({ recordId: randomUUID(), baseRevision: 3, fields: { title: 'Seul' } })]);
      expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'validation' } });
    });

    it('tombstones travel like any change', async () => {
      const [a, b] = [await portal.enrol('field'), await portal.enrol('lab')];
      const recordId = randomUUID();
      await a.push([a.change({ recordId, op: 'create', fields: workshopFields() })]);
      const { cursor } = await b.pullAll();
      const deletedAt = '2026-03-01T10:00:00.000Z';
      const answer = await a.push([a.change({ recordId, op: 'delete', baseRevision: 1, fields: { deletedAt } })]);
      expect(answer.results[0]).toEqual({ seq: 2, status: 'applied', revision: 2 });
      const { records } = await b.pullAll(cursor);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ recordId, revision: 2, fields: { deletedAt, title: workshopFields().title } });
    });

    it('pull pages through everything in order with hasMore', async () => {
      const device = await portal.enrol('lab');
      const { cursor: start } = await device.pullAll();
      const ids = Array.from({ length: 5 }, () => randomUUID());
      await device.push(ids.map((recordId) => device.change({ recordId, op: 'create', fields: workshopFields() })));
      const seen: string[] = [];
      let cursor = start;
      for (let page = 0; page < 10; page++) {
        const body = (await (await device.pullRaw(cursor, 2)).json()) as PullResponse;
        seen.push(...body.records.map((r) => r.recordId));
        cursor = body.cursor;
        if (!body.hasMore) break;
      }
      expect(seen).toEqual(ids);
    });

    it('a cursor ahead of the portal or from another epoch is answered cursor_reset', async () => {
      const device = await portal.enrol('field');
      const { cursor } = await device.pullAll();
      const [epoch, serial] = cursor.split('.');
      const ahead = await device.pullRaw(`${epoch}.${Number(serial) + 1000}`);
      expect(ahead.status).toBe(409);
      expect(await json(ahead)).toEqual({ code: 'cursor_reset', message: expect.any(String), epoch });

      const newEpoch = await startNewEpoch(portal.db, portal.now());
      const stale = await device.pullRaw(cursor);
      expect(stale.status).toBe(409);
      expect(await json(stale)).toMatchObject({ code: 'cursor_reset', epoch: newEpoch });
      // From scratch, the device gets the new epoch in its cursor.
      expect((await device.pullAll()).cursor.startsWith(`${newEpoch}.`)).toBe(true);
    });

    it('after a restore the device resumes its sequence and a re-pushed record merges to no change', async () => {
      const device = await portal.enrol('field');
      const recordId = randomUUID();
      await device.push([device.change({ recordId, op: 'create', fields: workshopFields() })]);
      // The portal "lost" seqs 2..5: the device's next pending seq is 6.
      for (let i = 0; i < 4; i++) device.change({ recordId, fields: {} });
      const repush = device.change({ recordId, op: 'create', fields: workshopFields() });
      const gap = await device.pushRaw([repush]);
      expect(await json(gap)).toMatchObject({ code: 'seq_gap', expectedSeq: 2 });
      const resumed = await postJson(`${portal.url}/v1/push/resume`, { fromSeq: 6 }, device.auth);
      expect(await json(resumed)).toEqual({ lastSeq: 5 });
      const answer = await device.push([repush]);
      expect(answer.results).toEqual([{ seq: 6, status: 'applied', revision: 1 }]);
    });
  });
}

async function newestSerial(portal: RunningPortal): Promise<number> {
  const row = await portal.db.selectFrom('portal_meta').select('last_serial').executeTakeFirstOrThrow();
  return Number(row.last_serial);
}
