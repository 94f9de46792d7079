import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, testBackends, workshopFields, type RunningPortal } from './portal-harness.js';

for (const backend of testBackends()) {
  describe(`pushes at the same time (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => portal?.close());

    it('the same batch sent twice at once (a retry racing the original) is applied once', async () => {
      const device = await portal.enrol('field');
      const ids = Array.from({ length: 20 }, () => randomUUID());
      const batch = ids.map((recordId) => device.change({ recordId, op: 'create', fields: workshopFields() }));
      const answers = await Promise.all([device.push(batch), device.push(batch), device.push(batch)]);
      const statuses = answers.map((a) => a.results.map((r) => r.status));
      expect(statuses.filter((s) => s.every((x) => x === 'applied'))).toHaveLength(1);
      expect(statuses.filter((s) => s.every((x) => x === 'duplicate'))).toHaveLength(2);
      const rows = await portal.db.selectFrom('records').select('revision').where('record_id', 'in', ids).execute();
      expect(rows.map((r) => r.revision)).toEqual(ids.map(() => 1));
    });

    it('many laptops pushing at once: every change lands once and a puller misses none', async () => {
      const laptops = await Promise.all(Array.from({ length: 6 }, () => portal.enrol('field')));
      const lab = await portal.enrol('lab');
      let { cursor } = await lab.pullAll();
      const pulled = new Set<string>();
      const created: string[] = [];
      const pushing = Promise.all(
        laptops.map(async (laptop) => {
          for (let round = 0; round < 5; round++) {
            const ids = Array.from({ length: 10 }, () => randomUUID());
            created.push(...ids);
            await laptop.push(ids.map((recordId) => laptop.change({ recordId, op: 'create', fields: workshopFields() })));
          }
        }),
      );
      // Pull while the pushes commit: serials must become visible in order.
      let done = false;
      void pushing.finally(() => {
        done = true;
      });
      while (!done) {
        const page = await lab.pullAll(cursor);
        page.records.forEach((r) => pulled.add(r.recordId));
        cursor = page.cursor;
      }
      await pushing;
      const last = await lab.pullAll(cursor);
      last.records.forEach((r) => pulled.add(r.recordId));
      expect(created).toHaveLength(300);
      expect(created.filter((id) => !pulled.has(id))).toEqual([]);
    });
  });
}
