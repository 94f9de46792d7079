/**
 * Each kind of workshop shows what it offers (src-shared/workshops/workshop-kinds.ts): a
 * dataset meetup has a welcome desk and no proposals, a co-construction workshop has both.
 * A screen of a feature the kind lacks says so plainly; and a refusal names the record it is
 * about — a proposal changed elsewhere is « cette proposition », not « cet atelier ».
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { ShellPage } from './pages/ShellPage.js';
import { must, seedWorkshop } from './seed.js';

const evening = { startsAt: '2026-06-18T18:00', endsAt: '2026-06-18T20:00', venueName: 'Quartier Jeunes', arrondissement: 1 };

const proposal = {
  title: 'Des bancs au square',
  description: 'Des bancs à l’ombre.',
  themeCode: 'cadre-de-vie',
  locationType: 'arrondissement',
  arrondissement: 1,
  addressLabel: '',
  addressId: null,
  point: null,
  inVeilleActive: false,
  estimatedCostEuros: null,
  runningCostsEuros: null,
  proposerType: 'people_present',
  proposerName: '',
  proposerAttendanceIds: [],
  proposedBefore: 'no',
  accessibleToDisabled: 'unknown',
  photos: [],
};

test('a dataset meetup shows the desk but no « Propositions »; a co-construction workshop shows both', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  await openApp();
  const meetup = await seedWorkshop(page, host.origin, { ...evening, kind: 'dataset_meetup', title: 'Rencontre données : les arbres de Paris' });
  const coConstruction = await seedWorkshop(page, host.origin, { ...evening, kind: 'pb_co_construction', title: 'Budget participatif — Halles' });
  const actions = page.getByRole('group', { name: /Actions/ });

  await page.goto(`${host.origin}/#/workshops/${meetup}`);
  await expect(shell.heading).toHaveText('Rencontre données : les arbres de Paris');
  await expect(actions.getByRole('link', { name: 'Accueil / Émargement' })).toBeVisible();
  await expect(actions.getByRole('link', { name: /Propositions/ })).toHaveCount(0);
  await expect(actions.getByRole('link', { name: /Étude/ })).toHaveCount(0);

  // Its proposals' address, typed or bookmarked: a plain page, not a screen that fails.
  await page.goto(`${host.origin}/#/workshops/${meetup}/proposals`);
  await expect(shell.heading).toHaveText('Pas de propositions pour cet atelier');
  await expect(page.getByTestId('feature-not-offered')).toContainText('Un atelier de type «\u00a0Rencontre demandes de données\u00a0» ne recueille pas de propositions');
  await expectNoAxeViolations(page, 'a feature the kind lacks');
  await page.getByRole('link', { name: 'Retour à l’atelier' }).click();
  await expect(shell.heading).toHaveText('Rencontre données : les arbres de Paris');

  await page.goto(`${host.origin}/#/workshops/${coConstruction}`);
  await expect(shell.heading).toHaveText('Budget participatif — Halles');
  await expect(actions.getByRole('link', { name: 'Accueil / Émargement' })).toBeVisible();
  await expect(actions.getByRole('link', { name: 'Propositions de l’atelier' })).toBeVisible();
  await actions.getByRole('link', { name: 'Étude de l’atelier' }).click();
  await expect(page.getByTestId('study-covers')).toContainText('1\u00a0atelier');
});

test('a proposal changed elsewhere meanwhile is named as a proposal, and what was typed is kept', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await seedWorkshop(page, host.origin, { ...evening, kind: 'pb_co_construction', title: 'Budget participatif — Halles' });
  const created = await must(page, host.origin, 'proposals:create', { workshopId, fields: proposal });
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/${String(created.id)}/edit`);
  const title = page.getByRole('textbox', { name: 'Titre' });
  await expect(title).toHaveValue('Des bancs au square');
  await title.fill('Des bancs et de l’ombre au square');

  // Meanwhile, someone else changes it: its version moves on.
  await must(page, host.origin, 'proposals:update', { id: created.id, version: 1, fields: { ...proposal, description: 'Et des arbres.' } });

  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.locator('.form-summary')).toContainText('Cette proposition a été modifiée ailleurs entre-temps. Elle vient d’être rechargée');
  await expect(page.locator('.form-summary')).not.toContainText('atelier');
  await expect(title).toHaveValue('Des bancs et de l’ombre au square');
});
