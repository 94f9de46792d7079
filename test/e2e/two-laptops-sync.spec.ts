/**
 * Two laptops (two data folders, two web hosts) and one portal: each is connected to the
 * portal from the sync screen, workshops made on each reach the other, and a title changed on
 * both is flagged on the sync screen, where a person chooses; the choice reaches both.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.js';
import { freshDataDir, removeDataDir, startHost, type RunningHost } from './host.js';
import { startPortal, type RunningPortal } from './portal.js';
import { invoke, seedWorkshop } from './seed.js';

let portal: RunningPortal;
const hosts: RunningHost[] = [];

test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => {
  for (const host of hosts) {
    await host.stop();
    removeDataDir(host.dataDir);
  }
  await portal.stop();
});

async function laptop(browser: Browser, name: string): Promise<{ page: Page; host: RunningHost; errors: string[] }> {
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(host.url);
  await page.getByRole('link', { name: /Détails de l’envoi/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Envoi au portail' })).toBeVisible();
  await expect(page.getByTestId('sync-phase')).toContainText('n’est pas encore relié');
  await page.getByRole('textbox', { name: /Adresse du portail/ }).fill(portal.url);
  await page.getByRole('textbox', { name: /Code à usage unique/ }).fill(portal.enrolmentCode(name));
  await page.getByRole('textbox', { name: /Nom de cet ordinateur/ }).fill(name);
  await page.getByRole('button', { name: 'Relier au portail' }).click();
  await expect(page.getByTestId('sync-phase')).toContainText('Relié au portail');
  return { page, host, errors };
}

async function sendNow(page: Page) {
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.getByRole('button', { name: 'Envoyer maintenant' })).toBeEnabled();
}

const workshop = (title: string) => ({
  kind: 'pb_co_construction',
  title,
  startsAt: '2026-12-03T18:30',
  endsAt: '2026-12-03T20:30',
  venueName: 'Centre social',
  arrondissement: 18,
});

test('two laptops meet on the portal; a title changed on both is chosen on the sync screen', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await laptop(browser, 'Portable Goutte d’Or');
  const b = await laptop(browser, 'Portable Belleville');

  const idA = await seedWorkshop(a.page, a.host.origin, workshop('Atelier Goutte-d’Or'));
  await seedWorkshop(b.page, b.host.origin, workshop('Atelier Belleville'));
  await sendNow(a.page);
  await sendNow(b.page);
  await sendNow(a.page);
  await expect(a.page.getByTestId('sync-waiting')).toHaveText('Rien n’attend d’être envoyé.');

  await b.page.getByRole('link', { name: 'Ateliers', exact: true }).click();
  await expect(b.page.getByRole('link', { name: 'Atelier Goutte-d’Or' })).toBeVisible();
  await a.page.getByRole('link', { name: 'Ateliers', exact: true }).click();
  await expect(a.page.getByRole('link', { name: 'Atelier Belleville' })).toBeVisible();

  // The same title changed on both laptops before they sync again.
  for (const [side, title] of [
    [a, 'Atelier du mardi'],
    [b, 'Atelier du jeudi'],
  ] as const) {
    const current = (await invoke(side.page, side.host.origin, 'workshops:get', { id: idA })).value as { version: number };
    const changed = await invoke(side.page, side.host.origin, 'workshops:update', {
      id: idA,
      version: current.version,
      fields: { ...workshop(title), description: '', venueAddress: '', inQpv: false, capacity: null, partners: [], facilitators: [] },
    });
    expect(changed.ok).toBe(true);
  }
  for (const side of [a, b, a]) {
    await side.page.goto(`${side.host.origin}/#/sync`);
    await sendNow(side.page);
  }

  await b.page.goto(`${b.host.origin}/#/sync`);
  const conflicts = b.page.getByTestId('conflict-list');
  await expect(conflicts).toContainText('Titre de «');
  await expect(conflicts).toContainText('Atelier du mardi');
  await expect(conflicts).toContainText('Atelier du jeudi');
  await expectNoAxeViolations(b.page, 'sync screen with a conflict');

  const mardi = conflicts.getByRole('listitem').filter({ hasText: /^Atelier du mardi/ });
  await mardi.getByRole('button', { name: 'Garder cette valeur' }).click();
  await expect(b.page.getByText('Valeur choisie. Elle partira au prochain envoi.')).toBeVisible();
  await sendNow(b.page);
  await a.page.goto(`${a.host.origin}/#/sync`);
  await sendNow(a.page);
  await expect(a.page.getByTestId('conflict-list')).toHaveCount(0);

  for (const side of [a, b]) {
    await side.page.goto(`${side.host.origin}/#/workshops/${idA}`);
    await expect(side.page.getByRole('heading', { level: 1 })).toHaveText('Atelier du mardi');
  }
  expect([...a.errors, ...b.errors]).toEqual([]);
});

test('the sync screen of a laptop not yet connected says what will happen and refuses a bad code beside the field', async ({ browser }) => {
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await page.waitForURL((u) => u.hash.startsWith('#/workshops')); // the app's first redirect, before going on
  await page.goto(`${host.origin}/#/sync`);
  await expect(page.getByTestId('sync-phase')).toContainText('Tout ce qui est saisi est gardé ici');
  await expectNoAxeViolations(page, 'sync screen, not connected');
  await page.getByRole('textbox', { name: /Adresse du portail/ }).fill('ftp://portail');
  await page.getByRole('textbox', { name: /Code à usage unique/ }).fill('ABC');
  await page.getByRole('textbox', { name: /Nom de cet ordinateur/ }).fill('Portable');
  await page.getByRole('button', { name: 'Relier au portail' }).click();
  await expect(page.getByRole('textbox', { name: /Code à usage unique/ })).toHaveValue('ABC');
  await expect(page.getByRole('textbox', { name: /Code à usage unique/ })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'sync screen with errors');
});
