/** Everything works with the keyboard alone: a workshop is created without touching the mouse. */
import { expect, test } from './fixtures.js';
import { dateValue, field } from './pages/controls.js';
import { ShellPage } from './pages/ShellPage.js';
import { tabTo, typeDateTime } from './keyboard.js';

test('a workshop can be created with the keyboard only', async ({ page, openApp }) => {
  const shell = new ShellPage(page);
  await openApp();

  // The skip link is the first stop and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  // It skips the shell's links (one more each time a domain joins the navigation).
  await page.keyboard.press('Enter');

  await tabTo(page, page.locator('main').getByRole('link', { name: 'Nouvel atelier' }));
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Nouvel atelier');
  await expect(shell.heading).toBeFocused(); // a new screen starts at its heading

  await tabTo(page, field(page, 'Type d’atelier').getByRole('button'));
  await page.keyboard.press('ArrowDown'); // opens the list on its first choice
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Type d’atelier').getByRole('button')).toContainText('Atelier Carte citoyenne');

  await page.keyboard.press('Tab');
  await page.keyboard.type('Carte citoyenne : premiers pas');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Découvrir la Carte citoyenne et ses ateliers.');

  await tabTo(page, field(page, 'Début').getByRole('spinbutton').first());
  await typeDateTime(page, '2026-05-05T10:00');
  await tabTo(page, field(page, 'Fin').getByRole('spinbutton').first());
  await typeDateTime(page, '2026-05-05T12:00');
  await expect(dateValue(page, 'Début')).toHaveValue('2026-05-05T10:00:00');
  await expect(dateValue(page, 'Fin')).toHaveValue('2026-05-05T12:00:00');

  await tabTo(page, field(page, 'Nom du lieu').locator('input'));
  await page.keyboard.type('Mairie du 20e');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6 place Gambetta');

  await page.keyboard.press('Tab');
  await expect(field(page, 'Arrondissement').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter'); // opens the list
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('End'); // the 20th is last
  await page.keyboard.press('Enter');
  await expect(field(page, 'Arrondissement').getByRole('button')).toContainText('20e arrondissement');
  // The list closes and gives the focus back to its button, as a person sees before going on.
  await expect(field(page, 'Arrondissement').getByRole('button')).toBeFocused();

  await page.keyboard.press('Tab');
  await page.keyboard.type('25');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // held in a QPV
  await expect(page.getByRole('checkbox', { name: /QPV/ })).toBeChecked();

  await tabTo(page, page.getByRole('button', { name: 'Ajouter une personne' }));
  await page.keyboard.press('Enter');
  await expect(field(page, 'Nom de la personne 1').locator('input')).toBeFocused();
  await page.keyboard.type('Inès Martin');

  // Enter in a text field submits the form.
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Carte citoyenne : premiers pas');
  await expect(page.locator('.facts')).toContainText('Inès Martin');
  await expect(page.locator('.facts')).toContainText('20e arrondissement');
  await expect(page.locator('.facts')).toContainText('mardi 5 mai 2026, 10\u00a0h\u00a000 – 12\u00a0h\u00a000');

  // Every focused control shows a visible focus ring.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(ring.outline).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
});
