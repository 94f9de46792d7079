import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '#portal/enrolment.js';
import { json, postJson, startPortal, testBackends, workshopFields, type RunningPortal } from './portal-harness.js';

for (const backend of testBackends()) {
  describe(`enrolment and revocation (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => portal?.close());

    const enrolBody = (code: string, deviceId: string = randomUUID()) => ({ code, deviceId, deviceName: 'Portable Goutte d’Or', appVersion: '0.1.0' });

    it('a code works once and gives a token, the role and the epoch', async () => {
      const code = await portal.newCode('field');
      const first = await postJson(`${portal.url}/v1/enrol`, enrolBody(code));
      expect(first.status).toBe(200);
      const body = await json(first);
      expect(body).toMatchObject({ role: 'field', protocolVersion: 1 });
      expect(body.epoch).toMatch(/^[0-9a-f]{16}$/);
      expect(body.token?.length).toBeGreaterThanOrEqual(32);

      const again = await postJson(`${portal.url}/v1/enrol`, enrolBody(code));
      expect(again.status).toBe(400);
      expect(await json(again)).toEqual({ code: 'enrolment_code_invalid', message: expect.any(String) });
    });

    it('a device name or app version with control characters is refused in JSON, not a database error', async () => {
      for (const bad of [{ appVersion: '0.1.0\u0000' }, { deviceName: 'Portable\u0000' }, { deviceName: 'Portable\nrevoked' }]) {
        const response = await postJson(`${portal.url}/v1/enrol`, { ...enrolBody(await portal.newCode('field')), ...bad });
        expect(response.status).toBe(400);
        expect(await json(response)).toMatchObject({ code: 'invalid_request', fields: { [Object.keys(bad)[0]!]: 'validation.invalid' } });
      }
    });

    it('wrong, reused and expired codes get the very same answer', async () => {
      const used = await portal.newCode('lab');
      expect((await postJson(`${portal.url}/v1/enrol`, enrolBody(used))).status).toBe(200);
      const expired = await portal.newCode('lab', 1);
      portal.shiftClock(2 * 3_600_000);
      try {
        const answers = await Promise.all(
          [used, expired, 'ABCD-EFGH-JKLM'].map(async (code) => {
            const response = await postJson(`${portal.url}/v1/enrol`, enrolBody(code));
            return { status: response.status, body: await response.text() };
          }),
        );
        expect(answers[0]!.status).toBe(400);
        expect(new Set(answers.map((a) => `${a.status} ${a.body}`)).size).toBe(1);
      } finally {
        portal.shiftClock(-2 * 3_600_000);
      }
    });

    it('the token is stored hashed, never as sent', async () => {
      const device = await portal.enrol('field');
      const row = await portal.db.selectFrom('devices').select('token_hash').where('id', '=', device.id).executeTakeFirstOrThrow();
      expect(row.token_hash).not.toContain(device.token);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('a revoked device is told device_revoked; an unknown token is unauthorized', async () => {
      const device = await portal.enrol('field');
      expect((await device.pullRaw()).status).toBe(200);
      await revokeDevice(portal.db, device.id, portal.now());
      const refused = await device.pullRaw();
      expect(refused.status).toBe(401);
      expect(await json(refused)).toEqual({ code: 'device_revoked', message: expect.any(String) });
      const pushRefused = await device.pushRaw([device.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() })]);
      expect(pushRefused.status).toBe(401);

      const unknown = await fetch(`${portal.url}/v1/pull`, { headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
      expect(unknown.status).toBe(401);
      expect((await json(unknown)).code).toBe('unauthorized');
      const missing = await fetch(`${portal.url}/v1/pull`);
      expect((await json(missing)).code).toBe('unauthorized');
    });

    it('re-enrolling under the same device id keeps its lastSeq, so its queue resumes', async () => {
      const device = await portal.enrol('field');
      await device.push([device.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() })]);
      await revokeDevice(portal.db, device.id, portal.now());
      const code = await portal.newCode('field');
      const response = await postJson(`${portal.url}/v1/enrol`, enrolBody(code, device.id));
      expect(response.status).toBe(200);
      const { token } = await json(response);
      const replay = await postJson(`${portal.url}/v1/push/resume`, { fromSeq: 1 }, { authorization: `Bearer ${token}` });
      expect(replay.status).toBe(409);
      expect(await json(replay)).toMatchObject({ code: 'resume_refused', expectedSeq: 2 });
    });

    it('a malformed code is a validation error with the field named', async () => {
      const response = await postJson(`${portal.url}/v1/enrol`, enrolBody('not a code'));
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.code).toBe('invalid_request');
      expect(body.fields).toHaveProperty('code');
    });
  });
}
