/**
 * The small things the first real evening noticed: the Sources table's first heading, « É »
 * with its accent, names at the desk that read as names, one wording of the draft notice,
 * French quotation marks with no-break spaces, majority-judgement grades that look like
 * buttons, and a map that opens on the workshop's arrondissement.
 */
import { expect, test } from './fixtures.js';
import type { ProposalFieldsInput } from '#shared/proposals/proposal.schema.js';
import { goutteDor, must, proposalFields, seedWorkshop } from './seed.js';

const fields = (title: string, themeCode: ProposalFieldsInput['themeCode']) => proposalFields({ title, description: `${title}.`, themeCode });

// Soft checks: each detail is its own finding, and one failing does not hide the others.
test('the details: headings, accents, quotes, draft notice, grade buttons, the map on the arrondissement', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await seedWorkshop(page, host.origin, goutteDor);
  await must(page, host.origin, 'workshops:open', { id: workshopId, version: 1 });
  await must(page, host.origin, 'attendance:register', { workshopId, person: { name: 'Awa Diallo' }, recordedBy: 'Bureau' });
  const a = await must(page, host.origin, 'proposals:create', { workshopId, fields: fields('Des bancs', 'cadre-de-vie') });
  const b = await must(page, host.origin, 'proposals:create', { workshopId, fields: fields('De l’ombre', 'cadre-de-vie') });
  await must(page, host.origin, 'proposals:merge', { proposalIds: [a.id, b.id], title: 'Un square à l’ombre', description: 'Bancs et arbres.', themeCode: 'education-jeunesse' });

  // Sources: the first column is named for what it holds, not after the page.
  await page.goto(`${host.origin}/#/sources`);
  await expect(page.locator('main h1')).toHaveText('À propos — sources des données');
  await expect.soft(page.locator('main thead th').first()).toHaveText('Données');

  // The desk: a name is the row's text, not one more column heading.
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  const name = page.getByTestId('attendance-row').first().locator('th');
  await expect(name).toContainText('Awa Diallo');
  const look = await name.evaluate((el) => {
    const s = getComputedStyle(el);
    const head = getComputedStyle(el.closest('table')!.querySelector('thead th')!);
    return { transform: s.textTransform, size: parseFloat(s.fontSize), color: s.color, headColor: head.color };
  });
  expect.soft(look.transform).toBe('none');
  expect.soft(look.size).toBeGreaterThanOrEqual(17);
  expect.soft(look.color).not.toBe(look.headColor);

  // Proposals: the originals quoted the French way, the theme with its accent.
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals`);
  // innerText keeps the no-break spaces (toContainText would fold them into plain ones).
  await expect(page.locator('.proposal-list')).toContainText('Des bancs');
  expect.soft(await page.locator('.proposal-list').innerText()).toContain('Propositions d’origine\u00a0: «\u00a0Des bancs\u00a0», «\u00a0De l’ombre\u00a0»');
  await expect.soft(page.locator('.proposal-list')).toContainText('Éducation et jeunesse');

  // The map opens on the 18e: a handful of arrondissements in view, not all twenty.
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/new`);
  // The picker's own map, drawn: the list's map may still be on the page for a moment after the
  // route changes, and the picker's frame is painted before Leaflet draws into it.
  const picker = page.locator('.paris-map--picker');
  await expect(picker.locator('.leaflet-overlay-pane path').first()).toBeAttached();
  // On all Paris the widest arrondissement is about a fifth of the frame; opened on the 18e,
  // the arrondissements in view fill it (Leaflet clips them to the frame).
  await expect
    .poll(
      () =>
        picker.evaluate((map) => {
          const frame = map.getBoundingClientRect();
          const widths = Array.from(map.querySelectorAll('.leaflet-overlay-pane path')).map((p) => p.getBoundingClientRect().width);
          return widths.length ? Math.max(...widths) / frame.width : 0;
        }),
      { message: 'the widest arrondissement in view, as a share of the frame' },
    )
    .toBeGreaterThan(0.5);

  // One wording of the draft notice in both forms.
  const proposalNote = await page.locator('#proposal-draft-note').innerText();
  await page.goto(`${host.origin}/#/workshops/new`);
  await expect.soft(page.locator('#draft-note')).toHaveText(proposalNote);

  // Majority judgement: grades are buttons that look like buttons (a border, no underline).
  await page.goto(`${host.origin}/#/workshops/${workshopId}/supports`);
  const grade = page.getByRole('button', { name: /^J’adore pour/ }).first();
  await expect(grade).toBeVisible();
  const gradeLook = await grade.evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: parseFloat(s.borderTopWidth), underline: s.textDecorationLine.includes('underline') };
  });
  expect.soft(gradeLook.border).toBeGreaterThan(0);
  expect.soft(gradeLook.underline).toBe(false);
});
