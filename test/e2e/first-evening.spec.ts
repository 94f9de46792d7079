/**
 * What the first real evening found (issue 7), replayed as a facilitator does it: typing then
 * reloading with the field still focused, typing an address then Enter at once, the desk of a
 * closed workshop, consents edited twice, the study at check-in with the keyboard alone.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { FormPage } from './pages/FormPage.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { seedWorkshop } from './seed.js';

const goutteDor = {
  kind: 'pb_co_construction',
  title: 'Budget participatif — Goutte-d’Or',
  startsAt: '2026-03-14T18:30',
  endsAt: '2026-03-14T20:30',
  venueName: 'Centre Barbara',
  arrondissement: 18,
};

test('numbers typed are kept in the draft at once: a reload with the field still focused loses neither the places nor the cost', async ({ page, host, openApp }) => {
  await openApp('/workshops/new');
  const form = new FormPage(page);
  await form.input('Titre').fill('Atelier du jeudi');
  await form.input('Nombre de places').click();
  await page.keyboard.type('40');
  await expect(form.input('Nombre de places')).toBeFocused();
  await page.reload();
  await expect(page.getByText('Brouillon retrouvé')).toBeVisible();
  await expect(form.input('Titre')).toHaveValue('Atelier du jeudi');
  await expect(form.input('Nombre de places')).toHaveValue('40');

  const workshopId = await seedWorkshop(page, host.origin, goutteDor);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/new`);
  const p = new ProposalsPage(page);
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await p.input('Titre').fill('Des bancs à l’ombre');
  await p.input('Coût estimé (en euros)').click();
  await page.keyboard.type('45 000');
  await expect(p.input('Coût estimé (en euros)')).toBeFocused();
  await page.reload();
  await expect(p.input('Titre')).toHaveValue('Des bancs à l’ombre');
  // Formatted on its way back, as when the field is left: the amount is kept, not the keystrokes.
  await expect(p.input('Coût estimé (en euros)')).toHaveValue(/^45\s000\s€$/);
  await expectNoAxeViolations(page, 'proposal form with a restored draft');
});

test('the address box acts on what is typed now: fast typing then ↓ Enter picks the address typed, never a match of fewer letters', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await seedWorkshop(page, host.origin, goutteDor);
  const p = new ProposalsPage(page);
  const address = page.getByRole('combobox', { name: 'Adresse' });

  // Typed in one go, ↓ and Enter at once: the answer to « 12 rue myrha » is not there yet.
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/new`);
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await address.focus();
  await page.keyboard.type('12 rue myrha');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(address).toHaveValue('12 Rue Myrha, 75018 Paris');
  await expect(p.derivedPlace).toContainText('18e arrondissement');

  // Typed as a person types, the list showing the matches of the first letters, then the end
  // of the street quickly and ↓ Enter: the list of « 5 rue des » must not be the one used.
  await address.fill('');
  await page.keyboard.type('5 rue des', { delay: 150 });
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.type(' gardes');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(address).toHaveValue('5 Rue des Gardes, 75018 Paris');
  await expect(p.derivedPlace).toContainText('18e arrondissement');
});
