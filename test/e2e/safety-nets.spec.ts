/**
 * Nothing typed is lost, and undo beats "are you sure?": drafts survive a reload, a removal is
 * undone from its notice, and an edit that collides with a change made elsewhere keeps the text.
 */
import { expect, test } from './fixtures.js';
import { DetailPage } from './pages/DetailPage.js';
import { FormPage } from './pages/FormPage.js';
import { ListPage } from './pages/ListPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { invoke, seedWorkshop } from './seed.js';

const lab = {
  kind: 'lab_monthly',
  title: 'Atelier mensuel du Lab — juin',
  startsAt: '2026-06-04T09:30',
  endsAt: '2026-06-04T12:00',
  venueName: 'Hôtel de Ville',
  arrondissement: 4,
};

test('a half-typed form comes back after a reload, with a notice, until it is saved', async ({ page, openApp }) => {
  const form = new FormPage(page);
  await openApp('/workshops/new');
  await form.input('Titre').fill('Balade urbaine à la Chapelle');
  await form.input('Nom du lieu').fill('Jardin d’Éole');

  await page.reload();
  await expect(page.getByText('Brouillon retrouvé')).toBeVisible();
  await expect(form.input('Titre')).toHaveValue('Balade urbaine à la Chapelle');
  await expect(form.input('Nom du lieu')).toHaveValue('Jardin d’Éole');

  await page.getByRole('button', { name: 'Repartir de zéro' }).click();
  await expect(form.input('Titre')).toHaveValue('');
  await page.reload();
  await expect(page.getByText('Brouillon retrouvé')).toHaveCount(0);
});

test('a removed workshop comes back with Undo', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  const list = new ListPage(page);
  const id = await (async () => {
    await openApp();
    return seedWorkshop(page, host.origin, lab);
  })();
  await page.goto(`${host.origin}/#/workshops/${id}`);
  await new DetailPage(page).action('Supprimer').click();

  await expect(shell.heading).toHaveText('Ateliers');
  await expect(shell.notice).toContainText('Atelier «\u00a0Atelier mensuel du Lab — juin\u00a0» supprimé.');
  await expect(page.getByText('Aucun atelier pour l’instant.')).toBeVisible();

  await shell.notice.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(shell.notice).toContainText('rétabli');
  await expect(list.row('Atelier mensuel du Lab — juin')).toBeVisible();
});

test('a workshop can be cancelled with a reason', async ({ page, host, openApp }) => {
  const detail = new DetailPage(page);
  await openApp();
  const id = await seedWorkshop(page, host.origin, lab);
  await page.goto(`${host.origin}/#/workshops/${id}`);
  await detail.action('Annuler l’atelier').click();
  await detail.dialog.getByRole('textbox').fill('Salle indisponible (travaux).');
  await detail.dialog.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(detail.status).toHaveText(/Annulé/);
  await expect(detail.fact('Motif de l’annulation')).toHaveText('Salle indisponible (travaux).');
  await expect(detail.action('Ouvrir l’atelier')).toHaveCount(0);
  await expect(detail.action('Modifier')).toHaveCount(0);
});

test('an edit that collides with a change made elsewhere keeps what was typed, then saves', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  const form = new FormPage(page);
  await openApp();
  const id = await seedWorkshop(page, host.origin, lab);
  await page.goto(`${host.origin}/#/workshops/${id}/edit`);
  await expect(form.input('Titre')).toHaveValue(lab.title);
  await form.input('Titre').fill('Atelier mensuel du Lab — juin (salle 2)');

  // Meanwhile, the workshop is opened on another screen: its version moves on.
  expect((await invoke(page, host.origin, 'workshops:open', { id, version: 1 })).ok).toBe(true);

  await form.submit.click();
  await expect(page.locator('.form-summary')).toContainText('a été modifié ailleurs');
  await expect(form.input('Titre')).toHaveValue('Atelier mensuel du Lab — juin (salle 2)');

  await form.submit.click();
  await expect(shell.heading).toHaveText('Atelier mensuel du Lab — juin (salle 2)');
  await expect(shell.notice).toContainText('Modifications enregistrées.');
  await expect(new DetailPage(page).status).toHaveText(/En cours/); // the other change is kept too
});
