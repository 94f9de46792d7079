import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, postJson, startPortal, testBackends, TestDevice, workshopFields, type RunningPortal } from './portal-harness.js';

// A UUID or a SHA-256 in capitals is the same id: one record, one device, one upload.
for (const backend of testBackends()) {
  describe(`ids in upper case (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => portal?.close());

    it('a device enrolled with its id in capitals is one device, whichever case it enrols with again', async () => {
      const deviceId = randomUUID();
      const enrol = async (id: string) => {
        const response = await postJson(`${portal.url}/v1/enrol`, { code: await portal.newCode('field'), deviceId: id, deviceName: 'Portable', appVersion: '0.1.0' });
        expect(response.status).toBe(200);
        return json(response);
      };
      const first = await enrol(deviceId.toUpperCase());
      expect(first.deviceId).toBe(deviceId);
      const device = new TestDevice(portal.url, deviceId, first.token!);
      await device.push([device.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() })]);
      await enrol(deviceId);
      const rows = await portal.db.selectFrom('devices').select(['id', 'last_seq']).where('name', '=', 'test field').execute();
      expect(rows.filter((r) => r.id.toLowerCase() === deviceId)).toEqual([{ id: deviceId, last_seq: expect.anything() }]);
      expect(Number(rows.find((r) => r.id === deviceId)!.last_seq)).toBe(1);
    });

    it('a record pushed in capitals and edited in lower case is one record, pulled in lower case, its references too', async () => {
      const device = await portal.enrol('lab');
      const recordId = randomUUID();
      const workshopId = randomUUID();
      await device.push([
        device.change({ recordId: recordId.toUpperCase(), changeId: randomUUID().toUpperCase(), op: 'create', fields: workshopFields() }),
        device.change({ recordId, baseRevision: 1, fields: { title: 'Atelier corrigé' } }),
        device.change({
          entity: 'head_count',
          recordId: randomUUID().toUpperCase(),
          op: 'create',
          fields: { workshopId: workshopId.toUpperCase(), delta: 1, recordedAt: '2026-03-14T17:40:00.000Z', deletedAt: null },
        }),
      ]);
      const { records } = await device.pullAll();
      const mine = records.filter((r) => r.recordId.toLowerCase() === recordId);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ recordId, revision: 2, fields: { title: 'Atelier corrigé' } });
      const count = records.find((r) => r.entity === 'head_count' && r.fields.workshopId === workshopId);
      expect(count?.recordId).toMatch(/^[0-9a-f-]{36}$/);
      const stored = await portal.db.selectFrom('records').select('record_id').where('entity', '=', 'workshop').execute();
      expect(stored.filter((r) => r.record_id.toLowerCase() === recordId).map((r) => r.record_id)).toEqual([recordId]);
    });

    it('an attachment uploaded half under its hash in capitals and half in lower case is one complete upload', async () => {
      const device = await portal.enrol('field');
      const photo = randomBytes(200_000);
      const hash = createHash('sha256').update(photo).digest('hex');
      const patch = (name: string, from: number, to: number) =>
        fetch(`${portal.url}/v1/attachments/${name}`, {
          method: 'PATCH',
          headers: { ...device.auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(from), 'upload-length': String(photo.length) },
          body: photo.subarray(from, to),
        });
      expect((await json(await patch(hash.toUpperCase(), 0, 100_000))).received).toBe(100_000);
      expect(await json(await patch(hash, 100_000, photo.length))).toEqual({ sha256: hash, size: photo.length, received: photo.length, complete: true });
      const head = await fetch(`${portal.url}/v1/attachments/${hash.toUpperCase()}`, { method: 'HEAD', headers: device.auth });
      expect(head.headers.get('upload-offset')).toBe(String(photo.length));
    });
  });
}
