/**
 * Proposals at a co-construction workshop: one typed with an address (after a bad cost), one
 * placed by clicking on the map, a photo attached, a QPV proposal marked as such, dots given,
 * a regroupement screen and the sources; axe finds nothing on any of these screens.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { seedWorkshop } from './seed.js';

/** A 1×1 PNG: the photo of a post-it wall, as small as a PNG gets. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('proposals are recorded by address and on the map, with a photo, marked QPV, and dot-voted', async ({ page, host, openApp }) => {
  test.setTimeout(90_000);
  const p = new ProposalsPage(page);
  await openApp();
  const id = await seedWorkshop(page, host.origin, {
    kind: 'pb_co_construction',
    title: 'Budget participatif Goutte-d’Or',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T20:30',
    venueName: 'Centre Barbara',
    arrondissement: 18,
  });

  await page.goto(`${host.origin}/#/workshops/${id}/proposals`);
  await expect(p.heading).toHaveText('Propositions — Budget participatif Goutte-d’Or');
  await expect(page.getByText('Aucune proposition pour l’instant.', { exact: false })).toBeVisible();
  // The map opens on the workshop's arrondissement: the arrondissements out of view are drawn empty.
  await expect(p.map.locator('path').filter({ visible: true }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'proposals of a workshop (empty)');

  // 1. By address, after a negative cost.
  await page.getByRole('link', { name: 'Nouvelle proposition' }).click();
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await expectNoAxeViolations(page, 'new proposal form');
  await p.input('Titre').fill('Des bancs à l’ombre rue de la Goutte-d’Or');
  await p.input('Description').fill('Des bancs et des arbres pour l’été.');
  await p.choose('Thème', 'Cadre de vie');
  await p.typeAddress('12 rue de la goutte d or', "12 Rue de la Goutte d'Or, 75018 Paris");
  await expect(p.derivedPlace).toHaveText(/18e arrondissement · Quartier prioritaire \(QPV\)\u00a0: Goutte D'Or/);
  await p.input('Coût estimé (en euros)').fill('-5');
  await p.submit.click();
  await expect(p.error('Coût estimé (en euros)')).toHaveText('Un montant ne peut pas être négatif.');
  // Nothing typed is lost.
  await expect(p.input('Titre')).toHaveValue('Des bancs à l’ombre rue de la Goutte-d’Or');
  await expect(p.page.getByRole('combobox', { name: 'Adresse' })).toHaveValue("12 Rue de la Goutte d'Or, 75018 Paris");
  await expect(p.derivedPlace).toContainText('Goutte D\'Or');
  await expectNoAxeViolations(page, 'proposal form with an error');

  await p.input('Coût estimé (en euros)').fill('12500');
  await p.input('Coût estimé (en euros)').blur();
  await expect(p.input('Coût estimé (en euros)')).toHaveValue(/12\s500\s€/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ajouter des photos ou des scans…' }).click();
  await (await chooser).setFiles({ name: 'mur-post-it.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText('1\u00a0fichier joint')).toBeVisible();
  await p.submit.click();

  await expect(p.heading).toHaveText('Propositions — Budget participatif Goutte-d’Or');
  const first = p.item('Des bancs à l’ombre rue de la Goutte-d’Or');
  await expect(first).toContainText('QPV');
  await expect(first).toContainText('12\u202f500\u00a0€');
  await expect(first).toContainText('18e arrondissement');

  // 2. By clicking on the map.
  await page.getByRole('link', { name: 'Nouvelle proposition' }).click();
  await p.input('Titre').fill('Une fontaine à eau');
  await p.input('Description').fill('Une fontaine pour les joueurs du square.');
  await p.choose('Thème', 'Santé');
  await p.clickMap(0.5, 0.5);
  await expect(p.derivedPlace).toHaveText(/Lieu déduit du point\u00a0: \d+(er|e) arrondissement/);
  await p.submit.click();
  await expect(p.item('Une fontaine à eau')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2\u00a0propositions' })).toBeVisible();
  // The map shows both, the list is the same.
  // The QPV proposal has its own marker; the second (centre of Paris) an ordinary one; past winners theirs.
  await expect(p.map.locator('path[fill="#e2561f"]')).toHaveCount(1);
  await expect(p.map.locator('path[fill="#4a6fd1"]')).toHaveCount(1);
  await expect(page.locator('.winner-list__item').first()).toBeVisible({ timeout: 15_000 });
  await expect(p.map.locator('path[fill="#ffffff"]').first()).toBeAttached();
  await expectNoAxeViolations(page, 'proposals map and list');

  // A step of the status, from the list.
  await page.getByRole('button', { name: 'Marquer prête\u00a0: Une fontaine à eau' }).click();
  await expect(p.item('Une fontaine à eau')).toContainText('Prête');

  // 3. Dots.
  await page.getByRole('link', { name: 'Soutiens (gommettes, jugement majoritaire)' }).click();
  await expect(p.heading).toHaveText('Soutiens');
  const add = page.getByRole('button', { name: 'Ajouter une gommette à «\u00a0Une fontaine à eau\u00a0»' });
  await add.click();
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.proposal-list__item').filter({ hasText: 'Une fontaine à eau' }).getByRole('status')).toHaveText('2\u00a0gommettes');
  await page.getByRole('button', { name: 'J’adore pour «\u00a0Une fontaine à eau\u00a0»' }).click();
  await expect(page.getByText('Mention majoritaire\u00a0: J’adore')).toBeVisible();
  await expectNoAxeViolations(page, 'supports');

  // 4. Regroupement: the project keeps the QPV mark and names its originals.
  await page.goto(`${host.origin}/#/workshops/${id}/proposals/merge`);
  await expect(p.heading).toHaveText('Regrouper des propositions');
  await expectNoAxeViolations(page, 'regroupement');
  await p.tick('Des bancs à l’ombre');
  await p.tick('Une fontaine à eau');
  await p.input('Titre du projet').fill('Un square plus agréable');
  await p.input('Description du projet').fill('Bancs, ombre et fontaine.');
  await p.choose('Thème', 'Cadre de vie');
  await page.getByRole('button', { name: 'Regrouper', exact: true }).click();
  await expect(p.heading).toHaveText('Propositions — Budget participatif Goutte-d’Or');
  const project = p.item('Un square plus agréable');
  await expect(project).toContainText('Projet (regroupement)');
  await expect(project).toContainText('QPV');
  await expect(project).toContainText('Propositions d’origine\u00a0: « Des bancs à l’ombre rue de la Goutte-d’Or », « Une fontaine à eau »');
  await expect(page.getByRole('status').filter({ hasText: '1\u00a0proposition' })).toBeVisible();
  await page.goto(`${host.origin}/#/sources`);
  await expect(page.getByRole('cell', { name: 'ODbL 1.0', exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'sources');
  await page.goto(`${host.origin}/#/proposals`);
  await expect(p.item('Un square plus agréable')).toContainText('QPV');
  await expectNoAxeViolations(page, 'all proposals');
});

test('the map works with the keyboard alone: arrows move it, + zooms, a button places the point at its centre', async ({ page, host, openApp }) => {
  const p = new ProposalsPage(page);
  await openApp();
  const id = await seedWorkshop(page, host.origin, {
    kind: 'pb_co_construction',
    title: 'Atelier Paris Centre',
    startsAt: '2026-03-21T10:00',
    endsAt: '2026-03-21T12:00',
    venueName: 'Mairie de Paris Centre',
    arrondissement: 3,
  });
  await page.goto(`${host.origin}/#/workshops/${id}/proposals/new`);
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await p.map.focus();
  await expect(p.map).toBeFocused();
  await expect(p.map).toHaveAccessibleName(/Flèches\u00a0: déplacer/);
  const zoomBefore = await p.map.evaluate((el) => el.querySelector('.leaflet-map-pane')!.getAttribute('style'));
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => p.map.evaluate((el) => el.querySelector('.leaflet-map-pane')!.getAttribute('style'))).not.toBe(zoomBefore);
  await page.getByRole('button', { name: 'Placer le point au centre de la carte' }).focus();
  await page.keyboard.press('Enter');
  await expect(p.derivedPlace).toHaveText(/Lieu déduit du point\u00a0: \d+(er|e) arrondissement/);
  await expect(page.getByRole('button', { name: 'Retirer le point' })).toBeVisible();
});

test('the proposal screens are in English once English is chosen', async ({ page, host, openApp }) => {
  const p = new ProposalsPage(page);
  await openApp();
  const id = await seedWorkshop(page, host.origin, {
    kind: 'pb_co_construction',
    title: 'Belleville workshop',
    startsAt: '2026-06-09T18:30',
    endsAt: '2026-06-09T20:30',
    venueName: 'Centre social Belleville',
    arrondissement: 20,
  });
  await new ShellPage(page).switchLanguage('en');
  await page.goto(`${host.origin}/#/workshops/${id}/proposals`);
  await expect(p.heading).toHaveText('Proposals — Belleville workshop');
  await expect(page.getByRole('heading', { name: 'Already funded here' })).toBeVisible();
  await expect(page.locator('.winner-list__meta').first()).toContainText(/edition/, { timeout: 15_000 });
  const french = /Propositions|Carte|Déjà financé|Chargement|Nouvelle|Quartier prioritaire|Édition/;
  expect(await page.locator('main').innerText()).not.toMatch(french);
  await page.getByRole('link', { name: 'New proposal' }).click();
  await expect(p.heading).toHaveText('New proposal');
  expect((await page.locator('main').innerText()).replace('Belleville workshop', '')).not.toMatch(/Titre|Thème|Adresse|Coût|Aucun point|Enregistrer/);
  await expectNoAxeViolations(page, 'new proposal form in English');
});
