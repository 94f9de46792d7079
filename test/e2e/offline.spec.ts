/**
 * When the back end does not answer, the form says so in plain words and keeps everything typed;
 * the draft is still there when the app comes back.
 */
import { expect, test } from './fixtures.js';
import { FormPage } from './pages/FormPage.js';

test.use({ hostWillStop: true });

test('saving while Atelier does not answer keeps the input and says what to do', async ({ page, host, openApp }) => {
  const form = new FormPage(page);
  await openApp('/workshops/new');
  await form.fill({
    kind: 'Formation La Transfo',
    title: 'La Transfo : session de printemps',
    startsAt: '2026-04-07T14:00',
    endsAt: '2026-04-07T17:00',
    venueName: 'Maison des Canaux',
    arrondissement: '19e arrondissement',
  });

  await host.stop();
  await form.submit.click();
  await expect(form.summary).toContainText('Atelier ne répond pas pour l’instant. Vos saisies sont gardées\u00a0; réessayez dans un instant.');
  await expect(form.input('Titre')).toHaveValue('La Transfo : session de printemps');
  await expect(form.input('Nom du lieu')).toHaveValue('Maison des Canaux');

  // The app comes back (a new launch, a new address): the draft is waiting.
  await host.restart(page);
  await openApp('/workshops/new');
  await expect(page.getByText('Brouillon retrouvé')).toBeVisible();
  await expect(form.input('Titre')).toHaveValue('La Transfo : session de printemps');
  await expect(form.date('Début')).toHaveValue('2026-04-07T14:00:00');
  await form.submit.click();
  await expect(page.locator('main h1')).toHaveText('La Transfo : session de printemps');
});
