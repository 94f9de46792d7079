/**
 * Notices (« Awa Diallo est noté·e présent·e. [Annuler] ») never cover the work: at 768 px high
 * the desk's buttons stay clear of them, the map never draws over their text, they do not
 * follow a person to the next screen, and a plain confirmation goes after a few seconds.
 */
import { expect, test, type Page } from './fixtures.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { goutteDor, invoke, seedWorkshop } from './seed.js';

/** The visible controls of the screen that the notice's box overlaps (there must be none). */
function controlsUnderNotice(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const notice = document.querySelector('[data-testid="notice"]');
    if (!notice) return ['no notice'];
    const n = notice.getBoundingClientRect();
    return Array.from(document.querySelectorAll('main a[href], main button, main input, main [role="button"], main [role="combobox"]'))
      .filter((el) => !el.closest('[aria-hidden="true"]'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight)
      .filter(({ r }) => r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top)
      .map(({ el }) => `${el.tagName.toLowerCase()} « ${(el.textContent ?? '').trim().slice(0, 40)} »`);
  });
}

async function deskWithOnePerson(page: Page, origin: string) {
  const workshopId = await seedWorkshop(page, origin, goutteDor);
  expect((await invoke(page, origin, 'workshops:open', { id: workshopId, version: 1 })).ok).toBe(true);
  expect((await invoke(page, origin, 'attendance:register', { workshopId, person: { name: 'Awa Diallo' }, recordedBy: 'Bureau' })).ok).toBe(true);
  await page.goto(`${origin}/#/workshops/${workshopId}/attendance`);
  await page.getByRole('textbox', { name: /Qui accueille/ }).fill('Camille Martin');
  return workshopId;
}

for (const width of [1366, 1024]) {
  test(`at ${width}×768 a notice leaves the desk's controls clear and stays on its screen`, async ({ page, host, openApp }) => {
    await page.setViewportSize({ width, height: 768 });
    const shell = new ShellPage(page);
    await openApp();
    await deskWithOnePerson(page, host.origin);
    const search = page.getByRole('combobox', { name: 'Rechercher une personne inscrite' });
    await search.fill('awa');
    await page.keyboard.press('Enter');
    await expect(shell.notice).toContainText('Awa Diallo est noté·e présent·e.');
    // The study is offered right there; Escape passes, and the search box has the focus again.
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();
    expect(await controlsUnderNotice(page)).toEqual([]);

    // A plain confirmation (the anonymous count) goes by itself, after a few seconds.
    await search.fill('');
    await page.keyboard.press('+');
    await expect(shell.notice).toContainText('personne anonyme');
    expect(await controlsUnderNotice(page)).toEqual([]);
    await expect(shell.notice).toBeHidden({ timeout: 9_000 });

    // A notice belongs to its screen: leaving it takes the notice away.
    await page.keyboard.press('+');
    await expect(shell.notice).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Propositions' }).click();
    await expect(shell.heading).toHaveText('Toutes les propositions');
    await expect(shell.notice).toHaveCount(0);
  });
}

test('the map never draws over a notice, and a notice shown as a screen moves on comes along once', async ({ page, host, openApp }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = new ShellPage(page);
  const p = new ProposalsPage(page);
  await openApp();
  const workshopId = await deskWithOnePerson(page, host.origin);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/new`);
  await p.input('Titre').fill('Une fontaine à eau');
  await p.input('Description').fill('Près du square.');
  await p.choose('Thème', 'Santé');
  await p.clickMap(0.5, 0.5);
  await expect(p.derivedPlace).toContainText('arrondissement');
  await p.submit.click();
  // Saved, then the list: the notice is shown on the list it moved to.
  await expect(p.item('Une fontaine à eau')).toBeVisible();
  await expect(shell.notice).toContainText('Une fontaine à eau');
  // Scroll the map under the notice: the notice's text is still what is on top.
  await p.map.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 20));
  const onTop = await page.evaluate(() => {
    const message = document.querySelector('[data-testid="notice"] .notice__message')!;
    const map = document.querySelector('.paris-map')!.getBoundingClientRect();
    const r = message.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 40);
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { overMap: map.top < y && map.bottom > y && map.left < x && map.right > x, inNotice: !!hit && message.contains(hit) };
  });
  expect(onTop.overMap, 'the notice sits over the map in this test').toBe(true);
  expect(onTop.inNotice, 'the notice’s text is on top of the map').toBe(true);
});
