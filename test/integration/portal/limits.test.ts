import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, postJson, startPortal, testBackends, workshopFields, type RunningPortal, type TestDevice } from './portal-harness.js';
import { rawRequest } from './raw-http.js';

const noStack = (text: string) => {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|stack/i);
};

for (const backend of testBackends()) {
  describe(`limits and error answers (${backend})`, () => {
    let portal: RunningPortal;
    let device: TestDevice;
    beforeAll(async () => {
      portal = await startPortal(backend, { bodyLimit: 256 * 1024 });
      device = await portal.enrol('field');
    });
    afterAll(async () => portal?.close());

    it('a request over the size limit is answered 413 in JSON', async () => {
      const huge = Array.from({ length: 200 }, () => device.change({ recordId: randomUUID(), op: 'create', fields: workshopFields({ minutes: 'm'.repeat(2000) }) }));
      const response = await device.pushRaw(huge);
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await json(response)).toEqual({ code: 'payload_too_large', message: expect.any(String) });
    });

    it('malformed JSON is answered 400 in JSON without a stack trace', async () => {
      const response = await fetch(`${portal.url}/v1/push`, {
        method: 'POST',
        headers: { ...device.auth, 'content-type': 'application/json' },
        body: '{"changes": [ {"seq": 1,',
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ code: 'invalid_json', message: expect.any(String) });
      noStack(text);
    });

    it('a body nested deeper than any message is refused as a whole, in JSON, and the portal goes on', async () => {
      for (const body of [`{"changes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`]) {
        const response = await fetch(`${portal.url}/v1/push`, { method: 'POST', headers: { ...device.auth, 'content-type': 'application/json' }, body });
        expect(response.status).toBe(400);
        expect(await json(response)).toEqual({ code: 'invalid_request', message: expect.any(String) });
      }
      expect((await fetch(`${portal.url}/health`)).status).toBe(200);
    });

    it('a request that breaks the protocol names the offending fields', async () => {
      const response = await device.pushRaw([{ ...device.change({ recordId: 'not-a-uuid', fields: {} }), seq: 0 }]);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.code).toBe('invalid_request');
      expect(Object.keys(body.fields ?? {})).toEqual(expect.arrayContaining(['changes.0.seq', 'changes.0.recordId']));
      noStack(JSON.stringify(body));
    });

    it('a batch whose seqs are not consecutive is refused as a whole', async () => {
      const fresh = await portal.enrol('field');
      const a = fresh.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() });
      fresh.change({ recordId: randomUUID(), fields: {} });
      const c = fresh.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() });
      const response = await fresh.pushRaw([a, c]);
      expect(response.status).toBe(400);
      expect((await json(response)).code).toBe('invalid_request');
    });

    it('another content type is answered 415 in JSON', async () => {
      const response = await fetch(`${portal.url}/v1/push`, { method: 'POST', headers: { ...device.auth, 'content-type': 'text/plain' }, body: 'hello' });
      expect(response.status).toBe(415);
      expect((await json(response)).code).toBe('unsupported_media_type');
    });

    it('an unknown route is 404 in JSON', async () => {
      const response = await fetch(`${portal.url}/v1/nothing-here`);
      expect(response.status).toBe(404);
      expect(await json(response)).toEqual({ code: 'not_found', message: expect.any(String) });
    });

    it('what HTTP or the router refuses before any route runs is answered in the protocol shape too', async () => {
      const cases = [
        { request: { method: 'PATCH', path: `/v1/attachments/${'a'.repeat(200)}`, headers: device.auth }, status: 414 },
        { request: { method: 'GET', path: '/v1/%E0%A4%A', headers: {} }, status: 400 },
        { request: { method: 'GET', path: '/health', headers: { 'bad header': 'x' } }, status: 400 },
        { request: { method: 'GET', path: '/v1/pull', headers: { 'x-long': 'a'.repeat(20_000) } }, status: 431 },
        { request: { method: 'POST', path: '/v1/push', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: '5\r\n{"cha\r\nzz\r\n', contentLength: null }, status: 400 },
      ];
      for (const { request, status } of cases) {
        const answer = await rawRequest(portal.url, request);
        expect(answer).toMatchObject({ kind: 'answer', status, headers: { 'content-type': expect.stringMatching(/^application\/json/) } });
        if (answer.kind === 'answer') expect(JSON.parse(answer.body.toString())).toEqual({ code: 'invalid_request', message: expect.any(String) });
      }
      expect((await fetch(`${portal.url}/health`)).status).toBe(200);
    });

    it('seqs at the edge of exact integers are refused in JSON, never a 500', async () => {
      const fresh = await portal.enrol('field');
      const tooFar = await postJson(`${portal.url}/v1/push/resume`, { fromSeq: Number.MAX_SAFE_INTEGER }, fresh.auth);
      expect(tooFar.status).toBe(400);
      const atTheEdge = await postJson(`${portal.url}/v1/push/resume`, { fromSeq: Number.MAX_SAFE_INTEGER - 1 }, fresh.auth);
      expect(await json(atTheEdge)).toEqual({ lastSeq: Number.MAX_SAFE_INTEGER - 2 });
      const push = (seq: number) => fresh.pushRaw([{ ...fresh.change({ recordId: randomUUID(), op: 'create', fields: workshopFields() }), seq }]);
      expect((await push(Number.MAX_SAFE_INTEGER - 1)).status).toBe(200);
      // Its last seq is now the highest there is: what comes next is refused, and explained.
      const behind = await push(1);
      expect(behind.status).toBe(200);
      expect((await json(behind)).results).toEqual([{ seq: 1, status: 'duplicate' }]);
      const again = await postJson(`${portal.url}/v1/push/resume`, { fromSeq: 5 }, fresh.auth);
      expect(again.status).toBe(409);
      expect(await json(again)).toEqual({ code: 'resume_refused', message: expect.any(String), expectedSeq: Number.MAX_SAFE_INTEGER });
      expect((await push(Number.MAX_SAFE_INTEGER)).status).toBe(400);
    });

    it('health tells the epoch and the database; metrics are Prometheus text on loopback', async () => {
      const health = await json(await fetch(`${portal.url}/health`));
      expect(health).toEqual({ status: 'ok', epoch: expect.stringMatching(/^[0-9a-f]{16}$/), database: backend });
      const metrics = await fetch(`${portal.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
      const text = await metrics.text();
      expect(text).toMatch(/portal_http_requests_total\{route="\/v1\/enrol",method="POST",status="200"\} \d+/);
      expect(text).toContain('portal_http_request_duration_seconds_bucket');
      expect(text).not.toContain(device.id);
    });
  });

  describe(`oversized requests from a client that writes its whole body before reading (${backend})`, () => {
    let portal: RunningPortal;
    let device: TestDevice;
    beforeAll(async () => {
      portal = await startPortal(backend);
      device = await portal.enrol('field');
    });
    afterAll(async () => portal?.close());

    const tenMegabytes = () =>
      JSON.stringify({ changes: Array.from({ length: 200 }, () => device.change({ recordId: randomUUID(), op: 'create', fields: workshopFields({ minutes: 'm'.repeat(50_000) }) })) });

    it('a 10 MB push is answered 413 in JSON every time, never a reset', async () => {
      const body = tenMegabytes();
      for (let attempt = 0; attempt < 4; attempt++) {
        const answer = await rawRequest(portal.url, { method: 'POST', path: '/v1/push', headers: { ...device.auth, 'content-type': 'application/json' }, body });
        expect(answer).toMatchObject({ kind: 'answer', status: 413 });
        if (answer.kind === 'answer') expect(JSON.parse(answer.body.toString())).toEqual({ code: 'payload_too_large', message: expect.any(String) });
      }
      expect((await fetch(`${portal.url}/health`)).status).toBe(200);
    });

    it('a big body on a refused request (bad token, wrong type, 6 MB chunk) gets its answer too', async () => {
      const body = tenMegabytes();
      const badToken = await rawRequest(portal.url, { method: 'POST', path: '/v1/push', headers: { authorization: 'Bearer not-a-token-at-all-here', 'content-type': 'application/json' }, body });
      expect(badToken).toMatchObject({ kind: 'answer', status: 401 });
      const wrongType = await rawRequest(portal.url, { method: 'POST', path: '/v1/push', headers: { ...device.auth, 'content-type': 'text/csv' }, body });
      expect(wrongType).toMatchObject({ kind: 'answer', status: 415 });
      const chunk = await rawRequest(portal.url, {
        method: 'PATCH',
        path: `/v1/attachments/${'a'.repeat(64)}`,
        headers: { ...device.auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-length': String(6 * 1024 * 1024) },
        body: Buffer.alloc(6 * 1024 * 1024),
      });
      expect(chunk).toMatchObject({ kind: 'answer', status: 413 });
    });
  });

  describe(`rate limits (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend, { rateLimit: { max: 5, enrolMax: 3, timeWindowMs: 60_000 } });
    });
    afterAll(async () => portal?.close());

    it('a device over its limit is answered 429 with retry-after, and another device is not affected', async () => {
      const [busy, calm] = [await portal.enrol('field'), await portal.enrol('field')];
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await busy.pullRaw()).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await busy.pullRaw();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await json(limited)).toEqual({ code: 'rate_limited', message: expect.any(String) });
      expect((await calm.pullRaw()).status).toBe(200);
    });

    it('enrolment attempts are limited per address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await postJson(`${portal.url}/v1/enrol`, { code: 'ABCD-EFGH-JKLM', deviceId: randomUUID(), deviceName: 'x', appVersion: '0.1.0' });
        statuses.push(response.status);
      }
      // Two enrolments already happened in the test above, from the same address.
      expect(statuses).toContain(429);
    });
  });
}
