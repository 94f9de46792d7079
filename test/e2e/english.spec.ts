/** Switching to English shows English on every screen, is remembered, and sets <html lang>. */
import { expect, test, type Page } from './fixtures.js';
import { DetailPage } from './pages/DetailPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { seedWorkshop } from './seed.js';

/** UI phrases that only the French screens say; none may remain once English is chosen. */
const FRENCH_ONLY = [
  'Ateliers',
  'Nouvel atelier',
  'Rechercher',
  'Tous les',
  'Aucun',
  'À remplir',
  'Prévu',
  'En cours',
  'Début',
  'Fin',
  'Nom du lieu',
  'Compte rendu',
  'Modifier',
  'Supprimer',
  'Chargement',
  'Choisir',
  'arrondissement de',
  'facultatif',
  'en attente',
  'Tout est envoyé',
  'mars',
  'juin',
];

async function expectNoFrench(page: Page, titles: string[] = []) {
  let text = await page.locator('body').innerText();
  for (const t of titles) text = text.replaceAll(t, ''); // people's own words stay as typed
  for (const phrase of FRENCH_ONLY) expect(text, `French « ${phrase} » left on ${page.url()}`).not.toMatch(new RegExp(`\\b${phrase}\\b`));
}

test('English is complete on every screen and remembered', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  const detail = new DetailPage(page);
  const title = 'Atelier Carte citoyenne — Belleville';
  const id = await (async () => {
    await openApp();
    return seedWorkshop(page, host.origin, {
      kind: 'citizen_card_atelier',
      title,
      startsAt: '2026-06-09T18:30',
      endsAt: '2026-06-09T20:30',
      venueName: 'Centre social Belleville',
      arrondissement: 20,
    });
  })();

  await shell.switchLanguage('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(shell.heading).toHaveText('Workshops');
  await expect(page.getByTestId('list-count')).toHaveText('1 workshop');
  await expect(shell.syncIndicator).toContainText('Nothing sent yet: 1 change waits until this computer is linked to the portal');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByTestId('workshop-row')).toContainText('Tuesday 9 June 2026, 18:30 – 20:30');
  await expect(page.getByTestId('workshop-row')).toContainText('20th arrondissement');
  await expectNoFrench(page, [title]);

  // The choice survives a reload.
  await page.reload();
  await expect(shell.heading).toHaveText('Workshops');

  // Empty filter result.
  await page.getByRole('searchbox', { name: 'Search by title' }).fill('nothing like this');
  await expect(page.getByText('No workshop matches these filters.')).toBeVisible();
  await expectNoFrench(page);

  // The form and its errors.
  await page.getByRole('navigation').getByRole('link', { name: 'New workshop' }).click();
  await expect(shell.heading).toHaveText('New workshop');
  await page.getByRole('button', { name: 'Add an organisation' }).click();
  await page.getByRole('button', { name: 'Create the workshop' }).click();
  await expect(page.locator('.form-summary')).toContainText('fields to fix, marked below.');
  await expect(page.locator('.field__error').first()).toHaveText('Please fill this in.');
  await expect(page.getByText('Choose an arrondissement, from 1 to 20.')).toBeVisible();
  await expectNoFrench(page);
  await page.getByRole('button', { name: 'Go back without saving' }).click();

  // The detail, its actions and its dialogs.
  await page.goto(`${host.origin}/#/workshops/${id}`);
  await expect(shell.heading).toHaveText(title);
  await expect(detail.status).toHaveText(/Planned/);
  await expect(page.locator('.facts')).toContainText('Tuesday 9 June 2026, 18:30 – 20:30');
  await expectNoFrench(page, [title]);
  await page.getByRole('button', { name: 'Open the workshop' }).click();
  await expect(detail.status).toHaveText(/Open/);
  await expect(shell.notice).toContainText('Workshop opened.');
  await page.getByRole('button', { name: 'Close with minutes' }).click();
  await expect(detail.dialog.getByRole('heading')).toHaveText('Close the workshop');
  await detail.dialog.getByRole('button', { name: 'Close the workshop' }).click();
  await expect(detail.dialog.locator('.field__error')).toHaveText('Please fill this in.');
  await expectNoFrench(page, [title]);
  await detail.dialog.getByRole('button', { name: 'Go back without closing' }).click();
  await page.getByRole('button', { name: 'Cancel the workshop' }).click();
  await expect(detail.dialog.getByRole('heading')).toHaveText('Cancel the workshop');
  await expectNoFrench(page, [title]);
  await detail.dialog.getByRole('button', { name: 'Keep the workshop' }).click();

  // And back to French.
  await shell.switchLanguage('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(detail.status).toHaveText(/En cours/);
});
