/**
 * Photos of post-it walls travel apart from the records, resumably: a connection cut in the
 * middle of a file resumes where the portal stopped, the portal checks the SHA-256, and the
 * laptop marks a file sent only when the portal holds it whole.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirLayout } from '#core/data-dir.js';
import { storeAttachment } from '#core/store/attachments.repository.js';
import { openDatabase } from '#core/store/open-database.js';
import { startControlledPortal } from './controlled-portal.js';
import { startFaultProxy } from './fault-proxy.js';
import { startLaptop } from './device-harness.js';
import { dataFolderKey } from '#test/support/vault.js';
import { attachmentKeyFrom } from '#core/store/file-cipher.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('attachments sync', () => {
  it('three photos reach the portal whole despite cuts, each byte sent about once, before any record', async () => {
    const portal = await startControlledPortal();
    const proxy = await startFaultProxy(portal.url);
    const laptop = await startLaptop('photos', { timeoutMs: 2_000 });
    cleanups.push(() => portal.close(), () => proxy.close(), () => laptop.close());
    await laptop.enrol(proxy.url, await portal.newCode());

    const photos = [randomBytes(2_500_000), randomBytes(700_000), randomBytes(1_200_000)];
    const local = openDatabase(dataDirLayout(laptop.dataDir).database, await dataFolderKey(laptop.dataDir));
    const stored = [];
    for (const photo of photos) stored.push(await storeAttachment(local.db, dataDirLayout(laptop.dataDir).attachments, attachmentKeyFrom(await dataFolderKey(laptop.dataDir)), photo, 'image/jpeg', new Date().toISOString()));
    // The same photo added twice is one file.
    await storeAttachment(local.db, dataDirLayout(laptop.dataDir).attachments, attachmentKeyFrom(await dataFolderKey(laptop.dataDir)), photos[0]!, 'image/jpeg', new Date().toISOString());
    await laptop.createWorkshop({ title: 'Atelier avec photos' });

    // HEAD, chunk 1 cut after the portal wrote it, chunk 2 cut before, a truncated answer...
    proxy.plan(['pass', 'reset_after', 'reset_before', 'pass', 'truncate']);
    const status = await laptop.syncUntilSettled();
    expect(status).toMatchObject({ pending: 0, lastError: null });

    const onPortal = await portal.attachments();
    expect(onPortal.map((a) => a.sha256).sort()).toEqual(stored.map((s) => s.sha256).sort());
    for (const attachment of onPortal) {
      const photo = photos[stored.findIndex((s) => s.sha256 === attachment.sha256)]!;
      expect(attachment).toMatchObject({ size: photo.length, received: photo.length, complete: true });
      expect(createHash('sha256').update(photo).digest('hex')).toBe(attachment.sha256);
    }
    // Attachments are not public.
    const head = await fetch(`${portal.url}/v1/attachments/${stored[0]!.sha256}`, { method: 'HEAD', headers: { authorization: 'Bearer nope' } });
    expect(head.status).toBe(401);
    const rows = await local.db.selectFrom('attachments').select(['sha256', 'uploaded_at']).execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.uploaded_at).not.toBeNull();
    // Every attachment request came before the first push.
    const firstPush = proxy.forwarded.findIndex((r) => r.includes('/v1/push'));
    const lastPatch = proxy.forwarded.map((r) => r.startsWith('PATCH')).lastIndexOf(true);
    expect(lastPatch).toBeLessThan(firstPush);
    // Resumed, not restarted: the bytes sent stay close to the bytes there are.
    const patches = proxy.forwarded.filter((r) => r.startsWith('PATCH')).length;
    expect(patches).toBeLessThanOrEqual(Math.ceil(2_500_000 / 1_048_576) + 1 + 2 + 2);
    await local.db.destroy();
  });

  it("another client's failed upload of the same photo, of another length, does not stop the laptop's upload and push", async () => {
    const portal = await startControlledPortal();
    const laptop = await startLaptop('photos');
    cleanups.push(() => portal.close(), () => laptop.close());
    await laptop.enrol(portal.url, await portal.newCode());
    const other = await enrolRaw(portal.url, await portal.newCode());

    const photo = randomBytes(900_000);
    const local = openDatabase(dataDirLayout(laptop.dataDir).database, await dataFolderKey(laptop.dataDir));
    cleanups.push(() => local.db.destroy());
    const { sha256 } = await storeAttachment(local.db, dataDirLayout(laptop.dataDir).attachments, attachmentKeyFrom(await dataFolderKey(laptop.dataDir)), photo, 'image/jpeg', new Date().toISOString());
    await laptop.createWorkshop({ title: 'Atelier avec photo' });

    // The other client announced 300 000 bytes under this hash and sent bytes that are not the photo.
    const wrong = await fetch(`${portal.url}/v1/attachments/${sha256}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${other}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-length': '300000' },
      body: randomBytes(300_000),
    });
    expect(wrong.status).toBe(422);

    const status = await laptop.syncUntilSettled(3);
    expect(status).toMatchObject({ pending: 0, lastError: null });
    expect(await portal.attachments()).toEqual([{ sha256, size: photo.length, received: photo.length, complete: true }]);
    expect((await portal.records()).map((r) => r.fields.title)).toEqual(['Atelier avec photo']);
  });
});

async function enrolRaw(portalUrl: string, code: string): Promise<string> {
  const response = await fetch(`${portalUrl}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId: randomUUID(), deviceName: 'Autre client', appVersion: '0.0.1' }),
  });
  return ((await response.json()) as { token: string }).token;
}
