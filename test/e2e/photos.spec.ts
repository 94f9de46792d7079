/**
 * A real-sized phone photo of a post-it wall, picked in the proposal form: 4 MB of JPEG made
 * by Chromium itself (noise compresses badly, as a busy wall does). It must reach the core from
 * the app's own address for the command and be saved with the proposal.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { phoneJpeg } from './phone-photo.js';
import { readDataFolder } from './host.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { invoke, seedWorkshop } from './seed.js';

test('a 4 MB phone photo picked in the proposal form is saved with the proposal', async ({ page, host, openApp }) => {
  test.setTimeout(90_000);
  const p = new ProposalsPage(page);
  await openApp();
  const id = await seedWorkshop(page, host.origin, {
    kind: 'pb_co_construction',
    title: 'Budget participatif des Amandiers',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T20:30',
    venueName: 'Centre social des Amandiers',
    arrondissement: 20,
  });
  const photo = await phoneJpeg(page, 4 * 1024 * 1024);
  expect(photo.byteLength).toBeGreaterThanOrEqual(4 * 1024 * 1024);
  expect([...photo.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  const sha256 = createHash('sha256').update(photo).digest('hex');

  await page.goto(`${host.origin}/#/workshops/${id}/proposals/new`);
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await p.input('Titre').fill('Un mur d’expression au square');
  await p.input('Description').fill('Photo du mur de post-it de la soirée.');
  await p.choose('Thème', 'Culture et patrimoine');
  await p.clickMap(0.5, 0.5);
  // The address the app really uses for the command (its colon percent-encoded).
  const upload = page.waitForResponse((r) => r.url().includes('/rpc/attachments'));
  // Picked as a person does: the labelled button opens the system's file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ajouter des photos ou des scans…' }).click();
  await (await chooser).setFiles({ name: 'mur-post-it.jpg', mimeType: 'image/jpeg', buffer: photo });
  const answer = await upload;
  expect(answer.url()).toContain('/rpc/attachments%3Aadd');
  expect(answer.status()).toBe(200);
  await expect(page.getByText('1\u00a0fichier joint')).toBeVisible({ timeout: 15_000 });
  await p.submit.click();

  await expect(p.item('Un mur d’expression au square')).toBeVisible();
  const list = (await invoke(page, host.origin, 'proposals:list', { workshopId: id })) as { ok: boolean; value?: { items: { title: string; photos: string[] }[] } };
  expect(list.ok).toBe(true);
  expect(list.value!.items.find((i) => i.title === 'Un mur d’expression au square')!.photos).toEqual([sha256]);
  // Stored whole, by its content, in the data folder: encrypted, so never as the photo's bytes.
  const file = join(host.dataDir, 'attachments', sha256.slice(0, 2), sha256);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file).includes(photo.subarray(100_000, 104_096))).toBe(false);
  expect(readDataFolder(host.dataDir, 'attachment', sha256)).toEqual({ size: photo.byteLength, sha256 });
});
