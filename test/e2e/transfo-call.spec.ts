/**
 * La Transfo's calls managed through their screens, in Chromium through the web host: a
 * candidate's fields edited (the draft sealed), a refusal's reason half typed kept across a
 * reload (sealed, never in clear), the call's balance rules edited (a wrong value refused beside
 * its field), the call closed, then purged: the refused and the one not kept erased, the chosen
 * and the kept stay. axe on the edit form, the rules form and the dialog.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { errorOf } from './pages/controls.js';
import { TransfoPage } from './pages/TransfoPage.js';
import { must } from './seed.js';
import { fieldsOf, met, move, nameOf } from './transfo-seed.js';

test('La Transfo: a candidate edited, a refusal half typed kept across a reload, the rules edited, the call closed then purged', async ({ page, host, openApp }) => {
  test.setTimeout(120_000);
  const transfo = new TransfoPage(page);
  const origin = host.origin;
  await openApp();
  const campaign = await must(page, origin, 'transfo:create-campaign', {
    fields: {
      title: 'La Transfo 2028',
      opensOn: '2028-01-03',
      closesOn: '2028-02-11',
      profileSought: '',
      balanceRules: { target: 20, maxPerDirection: 3, everyCategoryRepresented: true, genderShare: { min: 0.4, minKnown: 5 }, everySeniorityBand: true, seniorityEdges: [5, 15] },
    },
  });
  const campaignId = campaign.id as string;
  // 0 chosen, 1 refused, 2 kept with consent for the next call, 3 neither.
  const [chosen, refused] = await Promise.all(
    [0, 1, 2, 3].map(async (i) => {
      const c = await must(page, origin, 'transfo:create-candidate', { campaignId, fields: fieldsOf(i, i === 2 ? { keepForNextCall: true } : {}) });
      return { id: c.id as string, version: c.version as number };
    }),
  );
  await move(page, origin, await move(page, origin, chosen!, 'met', met), 'ambassador');
  await move(page, origin, refused!, 'met', met);
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));

  // A candidate's fields edited through their form: the draft sealed, the change saved.
  await page.goto(`${origin}/#/transfo/${campaignId}/candidates/${chosen!.id}`);
  await transfo.button('Modifier').click();
  const edit = page.getByRole('region', { name: 'Modifier la candidature' });
  await expect(edit.getByRole('textbox', { name: 'Nom et prénom', exact: true })).toHaveValue(nameOf(0));
  await edit.getByRole('textbox', { name: 'Service', exact: true }).fill('Mission innovation');
  await edit.getByRole('textbox', { name: 'Motivation', exact: true }).fill('Rapprocher les services des usagers.');
  await expect.poll(async () => (await stored()).includes('transfoCandidate.edit')).toBe(true);
  expect(await stored()).not.toContain('Rapprocher');
  await expectNoAxeViolations(page, 'a candidate being edited');
  await edit.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.transfo__fields')).toContainText('Mission innovation');
  await expect(page.locator('.transfo__fields')).toContainText('Rapprocher les services des usagers.');

  // A refusal's reason half typed survives a reload (sealed, never in clear), then is saved.
  await page.goto(`${origin}/#/transfo/${campaignId}/candidates/${refused!.id}`);
  await transfo.pick('Non retenu·e');
  await transfo.input('Motif (montré dans la lettre)').fill('Déjà deux agents de la DRH');
  await expect.poll(async () => (await stored()).includes('transfoMove.edit')).toBe(true);
  expect(await stored()).not.toContain('Déjà deux agents');
  await page.reload();
  await expect(transfo.input('Motif (montré dans la lettre)')).toHaveValue('Déjà deux agents de la DRH');
  await transfo.input('Motif (montré dans la lettre)').press('End');
  await transfo.input('Motif (montré dans la lettre)').pressSequentially(' cette année.');
  await transfo.button('Enregistrer le passage').click();
  await expect(transfo.currentStage).toHaveText('Étape actuelle\u00a0: Non retenu·e');
  await expect(page.getByTestId('history')).toContainText('Déjà deux agents de la DRH cette année.');

  // The rules edited: a wrong edge said beside its field; one ambassador sought, no category or band required.
  await page.goto(`${origin}/#/transfo/${campaignId}`);
  await expect(transfo.balanceStatus).not.toContainText('Équilibre respecté');
  await transfo.button('Modifier l’appel et ses règles').click();
  const rules = page.getByRole('form', { name: 'Modifier l’appel' });
  await rules.getByLabel('Nombre d’ambassadeur·rices visé').fill('1');
  await rules.locator('.checkbox', { hasText: 'Chaque catégorie (A, B, C) représentée' }).click();
  await rules.locator('.checkbox', { hasText: 'Chaque tranche d’ancienneté représentée' }).click();
  await expect(rules.getByRole('checkbox', { name: 'Chaque tranche d’ancienneté représentée' })).not.toBeChecked();
  await rules.getByLabel('Début des tranches d’ancienneté (en années)').fill('15, 5');
  await rules.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  await expect(errorOf(rules, 'Début des tranches d’ancienneté (en années)')).toContainText('croissantes');
  await rules.getByLabel('Début des tranches d’ancienneté (en années)').fill('5, 15');
  await expectNoAxeViolations(page, 'a call’s rules being edited');
  await rules.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  await expect(rules).toHaveCount(0);
  await expect(transfo.balanceStatus).toContainText('Équilibre respecté');

  // Closed: no more applications; then purged: the refused and the one not kept erased, the chosen and the kept stay.
  await transfo.button('Clore l’appel').click();
  await expect(page.getByRole('dialog', { name: 'Clore l’appel\u00a0?' })).toBeVisible();
  await expectNoAxeViolations(page, 'the close asked');
  await page.getByRole('dialog').getByRole('button', { name: 'Clore l’appel' }).click();
  await expect(page.getByTestId('campaign-status')).toHaveText('État\u00a0: clos (les décisions continuent)');
  await expect(transfo.button('Ajouter une candidature')).toHaveCount(0);
  await transfo.button('Purger les candidatures non retenues').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Effacer leurs données' }).click();
  await expect(page.getByText('2\u00a0candidatures effacées. L’appel est purgé.')).toBeVisible();
  await expect(page.getByTestId('campaign-status')).toHaveText('État\u00a0: clos et purgé');
  await expect(transfo.candidateRows.filter({ hasText: 'Données effacées' })).toHaveCount(2);
  await expect(transfo.candidateRows.filter({ hasText: nameOf(0) })).toHaveCount(1);
  await expect(transfo.candidateRows.filter({ hasText: nameOf(2) })).toHaveCount(1);
  await expect(transfo.candidateRows.filter({ hasText: nameOf(3) })).toHaveCount(0);
});
