/**
 * Reloading the tab after the web host restarted: a page in French and English says what to do
 * (open the address Atelier prints), not a raw JSON error; that one step brings the app back.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from './axe.js';
import { expect, test } from './fixtures.js';

test.use({ hostWillStop: true });

test('a tab reloaded after the web host restarted says, in French and English, the one step back', async ({ page, host, openApp }) => {
  await openApp('/workshops');
  await expect(page.locator('main h1')).toHaveText('Ateliers');
  await host.restart(); // same port, new launch token: the tab's cookie no longer opens it
  const response = await page.reload();
  expect(response!.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier a redémarré');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Atelier was restarted');
  await expect(page.locator('body')).not.toContainText('"ok":false');
  await expect(page.locator('body')).toContainText('ouvrez l’adresse qu’Atelier vient d’afficher de nouveau');
  // A small page: axe has fewer checks to pass than on the app's screens, and none may fail.
  expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);
  // The one step: the address the host prints.
  await page.goto(host.url);
  await expect(page.locator('main h1')).toHaveText('Ateliers');
});
