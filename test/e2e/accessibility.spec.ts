/**
 * axe (WCAG 2.1 A and AA) reports nothing on any screen: the empty list, the list, the form
 * showing its errors, the detail, the close and cancel dialogs, and the list in English.
 */
import { expect, test } from './fixtures.js';
import { expectNoAxeViolations } from './axe.js';
import { DetailPage } from './pages/DetailPage.js';
import { FormPage } from './pages/FormPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { seedWorkshop } from './seed.js';

test('axe finds no violation on any screen', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  const form = new FormPage(page);
  const detail = new DetailPage(page);

  await openApp();
  await expect(page.getByText('Aucun atelier pour l’instant.')).toBeVisible();
  await expectNoAxeViolations(page, 'empty list');

  await shell.newWorkshop();
  await page.getByRole('button', { name: 'Ajouter une organisation' }).click();
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  await form.submit.click();
  await expect(form.error('Titre')).toHaveText('À remplir.');
  await expectNoAxeViolations(page, 'form with errors');

  const id = await seedWorkshop(page, host.origin, {
    kind: 'charter_consultation',
    title: 'Charte de la participation : retours du 13e',
    startsAt: '2026-06-11T18:00',
    endsAt: '2026-06-11T20:00',
    venueName: 'Mairie du 13e',
    arrondissement: 13,
  });
  await seedWorkshop(page, host.origin, {
    kind: 'dataset_meetup',
    title: 'Rencontre données : les arbres de Paris',
    startsAt: '2026-06-18T18:00',
    endsAt: '2026-06-18T20:00',
    venueName: 'Quartier Jeunes',
    arrondissement: 1,
  });
  await page.goto(`${host.origin}/#/workshops`);
  await expect(page.getByTestId('workshop-row')).toHaveCount(2);
  await expectNoAxeViolations(page, 'list');

  await page.getByRole('link', { name: 'Charte de la participation : retours du 13e' }).click();
  await expect(shell.heading).toHaveText('Charte de la participation : retours du 13e');
  await expectNoAxeViolations(page, 'detail (planned)');

  await detail.action('Annuler l’atelier').click();
  await expect(detail.dialog).toBeVisible();
  await expectNoAxeViolations(page, 'cancel dialog');
  await page.keyboard.press('Escape');
  await expect(detail.dialog).toHaveCount(0);

  await detail.openWorkshop();
  await expect(detail.status).toHaveText(/En cours/);
  await detail.startClosing();
  await detail.confirmClose(); // empty: the required minutes show their error
  await expect(detail.dialog.locator('.field__error')).toBeVisible();
  await expectNoAxeViolations(page, 'close dialog with an error');
  await detail.minutesField().fill('Douze personnes ; trois propositions.');
  await detail.confirmClose();
  await expect(detail.status).toHaveText(/Clos/);
  await expectNoAxeViolations(page, 'detail (closed)');

  await page.goto(`${host.origin}/#/workshops/${id}/edit`);
  await expect(page.getByText('Cet atelier est clos ou annulé', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'edit refused');

  await page.goto(`${host.origin}/#/workshops`);
  await shell.switchLanguage('en');
  await expect(shell.heading).toHaveText('Workshops');
  await expectNoAxeViolations(page, 'English list');
});
