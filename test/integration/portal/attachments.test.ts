import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startPortal, testBackends, type RunningPortal, type TestDevice } from './portal-harness.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

for (const backend of testBackends()) {
  describe(`attachments (${backend})`, () => {
    let portal: RunningPortal;
    let device: TestDevice;
    beforeAll(async () => {
      portal = await startPortal(backend);
      device = await portal.enrol('field');
    });
    afterAll(async () => portal?.close());

    const head = (hash: string) => fetch(`${portal.url}/v1/attachments/${hash}`, { method: 'HEAD', headers: device.auth });
    const patch = (hash: string, offset: number, length: number, chunk: Buffer) =>
      fetch(`${portal.url}/v1/attachments/${hash}`, {
        method: 'PATCH',
        headers: { ...device.auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'upload-length': String(length) },
        body: chunk,
      });

    it('an upload cut in the middle resumes from the offset the portal holds', async () => {
      const photo = randomBytes(300_000);
      const hash = sha256(photo);
      const unknown = await head(hash);
      expect(unknown.status).toBe(404);
      // An error answer like any other, its body left out as for every HEAD.
      expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);

      const first = await patch(hash, 0, photo.length, photo.subarray(0, 120_000));
      expect(first.status).toBe(200);
      expect(await json(first)).toEqual({ sha256: hash, size: photo.length, received: 120_000, complete: false });

      // The device lost the answer: it asks where to resume.
      const status = await head(hash);
      expect(status.headers.get('upload-offset')).toBe('120000');
      expect(status.headers.get('upload-length')).toBe(String(photo.length));

      const wrong = await patch(hash, 50_000, photo.length, photo.subarray(50_000, 60_000));
      expect(wrong.status).toBe(409);
      expect(await json(wrong)).toEqual({ code: 'offset_mismatch', message: expect.any(String), offset: 120_000 });

      const last = await patch(hash, 120_000, photo.length, photo.subarray(120_000));
      expect(await json(last)).toEqual({ sha256: hash, size: photo.length, received: photo.length, complete: true });
      expect((await head(hash)).headers.get('upload-offset')).toBe(String(photo.length));
      // Uploading a complete attachment again is harmless.
      expect((await json(await patch(hash, 0, photo.length, photo.subarray(0, 10)))).complete).toBe(true);
    });

    it('bytes that do not match their SHA-256 are discarded, announced length included: the real file then uploads', async () => {
      const scan = randomBytes(80_000);
      const hash = sha256(scan);
      // A client sent other bytes, of another length, under this hash.
      const wrong = randomBytes(50_000);
      expect((await patch(hash, 0, wrong.length, wrong.subarray(0, 20_000))).status).toBe(200);
      const answer = await patch(hash, 20_000, wrong.length, wrong.subarray(20_000));
      expect(answer.status).toBe(422);
      expect(await json(answer)).toEqual({ code: 'hash_mismatch', message: expect.any(String) });
      expect((await head(hash)).status).toBe(404);

      const real = await patch(hash, 0, scan.length, scan);
      expect(real.status).toBe(200);
      expect(await json(real)).toEqual({ sha256: hash, size: scan.length, received: scan.length, complete: true });
    });

    it('a chunk over 4 MiB is refused with 413, and attachments need a device token', async () => {
      const big = Buffer.alloc(4 * 1024 * 1024 + 1);
      const response = await patch(sha256(big), 0, big.length, big);
      expect(response.status).toBe(413);
      expect((await json(response)).code).toBe('payload_too_large');
      const anonymous = await fetch(`${portal.url}/v1/attachments/${sha256(big)}`, { method: 'HEAD' });
      expect(anonymous.status).toBe(401);
    });
  });
}
