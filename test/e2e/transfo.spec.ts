/**
 * La Transfo's recruiting from end to end, in Chromium through the web host: the lab opens a
 * call for volunteers through its form, 40 applications arrive (seeded through the commands:
 * ten directions, the three categories, women, men and a few unsaid, every seniority), the list
 * is filtered by name as it is typed, by direction and by stage; two candidates are met with the
 * keyboard; the cohort is chosen (most through the commands) until the balance warns of four
 * ambassadors from one direction, then fixed through the screens until « Équilibre respecté »;
 * two candidates are compared side by side; the letters are generated (the PDF read back with
 * pdfinfo and page 1 drawn with pdftoppm, the texts to copy shown). axe finds nothing on every
 * new screen; the English words once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { errorOf } from './pages/controls.js';
import { ShellPage } from './pages/ShellPage.js';
import { TransfoPage } from './pages/TransfoPage.js';
import { must } from './seed.js';
import { fieldsOf, LAST, met, move, nameOf, type Seeded } from './transfo-seed.js';

test('La Transfo: a call, 40 applications filtered, met with the keyboard, the balance warned then respected, a comparison, the letters', async ({ page, host, openApp }) => {
  test.setTimeout(150_000);
  const work = mkdtempSync(join(tmpdir(), 'atelier-transfo-e2e-'));
  const shell = new ShellPage(page);
  const transfo = new TransfoPage(page);
  const origin = host.origin;
  try {
    // The calls, from the shell's link; a new call through its form.
    await openApp();
    await page.getByRole('navigation').getByRole('link', { name: 'La Transfo' }).click();
    await expect(shell.heading).toHaveText('La Transfo — appels à volontaires');
    await expectNoAxeViolations(page, 'the calls for volunteers, empty');
    await transfo.button('Nouvel appel').click();
    await transfo.button('Créer l’appel').click();
    await expect(transfo.error('Titre de l’appel')).toHaveText('À remplir.');
    await transfo.input('Titre de l’appel').fill('La Transfo 2027');
    await transfo.typeDate('Ouverture', '2027-01-04');
    await transfo.typeDate('Clôture', '2027-02-12');
    await transfo.input('Profil recherché').fill('Des agents curieux, prêts à tester de nouvelles façons de travailler.');
    await expectNoAxeViolations(page, 'the new call form');
    await transfo.button('Créer l’appel').click();
    await expect(shell.heading).toHaveText('La Transfo 2027');
    const campaignId = /transfo\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // 40 applications through the commands: ten directions of four, categories, genders, seniority.
    const seeded: Seeded[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await must(page, origin, 'transfo:create-candidate', {
        campaignId,
        fields: fieldsOf(i, {
          motivation: `Motivation de ${nameOf(i)}.`,
          managerAgreement: true,
          managerAgreedOn: '2027-01-10',
          gender: i >= 33 && i % 2 === 1 ? null : i % 2 === 0 ? 'woman' : 'man',
        }),
      });
      seeded.push({ id: c.id as string, version: c.version as number });
    }
    await expect(transfo.candidateCount).toHaveText('40\u00a0candidatures');

    // One added through the form, every field in French: a forgotten choice is said beside its field.
    await transfo.button('Ajouter une candidature').click();
    await transfo.input('Nom et prénom').fill('Zoé Arnaud');
    // A candidate's draft is sealed: never in clear in the browser's storage, back after a reload.
    const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    await expect.poll(async () => (await stored()).includes('sealed')).toBe(true);
    expect(await stored()).not.toContain('Arnaud');
    await page.reload();
    await transfo.button('Ajouter une candidature').click();
    await expect(transfo.input('Nom et prénom')).toHaveValue('Zoé Arnaud');
    await transfo.button('Ajouter la candidature').click();
    const form = transfo.candidateForm;
    await expect(errorOf(form, 'Direction')).toHaveText('À remplir.');
    await transfo.chooseIn(form, 'Direction', 'DU — Direction de l’Urbanisme');
    await transfo.input('Service').fill('Service du permis de construire');
    await transfo.chooseIn(form, 'Catégorie', 'Catégorie B');
    await transfo.input('Métier').fill('Instructrice');
    await transfo.input('Années à la Ville').fill('6');
    await transfo.pick('La plupart des séances');
    await transfo.choose('Genre (facultatif)', 'Femme');
    await expectNoAxeViolations(page, 'a call with the new application form');
    await transfo.button('Ajouter la candidature').click();
    await expect(transfo.candidateCount).toHaveText('41\u00a0candidatures');
    await form.getByRole('button', { name: 'Fermer', exact: true }).click();

    // Filters: a few letters of a name as they are typed, a direction, a stage.
    await transfo.input('Nom ou e-mail').pressSequentially('vill');
    await expect(transfo.candidateCount).toHaveText('1\u00a0candidature');
    await expect(transfo.candidateRows).toHaveText([/Quitterie de Villiers/]);
    await transfo.input('Nom ou e-mail').fill('');
    await transfo.choose('Direction', 'DAC — Direction des Affaires culturelles');
    await expect(transfo.candidateCount).toHaveText('4\u00a0candidatures');
    await transfo.choose('Genre', 'Homme');
    await expect(transfo.candidateCount).toHaveText('0\u00a0candidature');
    await transfo.choose('Genre', 'Toutes');
    await transfo.choose('Direction', 'Toutes');
    await transfo.choose('Étape', 'Rencontré·e');
    await expect(transfo.candidateCount).toHaveText('0\u00a0candidature');
    await transfo.choose('Étape', 'Toutes');
    await expect(transfo.candidateCount).toHaveText('41\u00a0candidatures');

    // Two candidates met with the keyboard: 30 and 18.
    for (const i of [30, 18]) {
      await page.goto(`${origin}/#/transfo/${campaignId}`);
      await transfo.input('Nom ou e-mail').fill(LAST[i]!);
      await expect(transfo.candidateCount).toHaveText('1\u00a0candidature');
      await transfo.link(nameOf(i)).focus();
      await page.keyboard.press('Enter');
      await expect(shell.heading).toHaveText(nameOf(i));
      await expect(transfo.currentStage).toHaveText('Étape actuelle\u00a0: Candidature reçue');
      await page.getByRole('radio', { name: 'Rencontré·e' }).focus();
      await page.keyboard.press('Space');
      await transfo.input('Rencontré·e par').focus();
      await page.keyboard.type('Inès Lab');
      await transfo.typeDate('Rencontré·e le', '2027-01-20');
      if (i === 30) await expectNoAxeViolations(page, 'a candidate, about to be met');
      await transfo.button('Enregistrer le passage').focus();
      await page.keyboard.press('Enter');
      await expect(transfo.currentStage).toHaveText('Étape actuelle\u00a0: Rencontré·e');
      seeded[i]!.version += 1;
    }
    await expect(page.getByTestId('history').getByRole('row')).toHaveCount(3);
    await expect(page.getByTestId('history')).toContainText('Rencontré·e');
    await expect(page.locator('.transfo__fields')).toContainText('Inès Lab');

    // The cohort through the commands: 0–17 and 20, a relais and a refusal with its reason.
    for (const i of [...Array.from({ length: 18 }, (_, k) => k), 20]) {
      seeded[i] = await move(page, origin, await move(page, origin, seeded[i]!, 'met', met), 'ambassador');
    }
    seeded[26] = await move(page, origin, await move(page, origin, seeded[26]!, 'met', met), 'relais');
    seeded[25] = await move(page, origin, await move(page, origin, seeded[25]!, 'met', met), 'not_chosen', { reason: 'Profil déjà représenté : DSOL' });

    // The 20th through the screen: a fourth ambassador of the DAC; the balance warns.
    await page.goto(`${origin}/#/transfo/${campaignId}/candidates/${seeded[30]!.id}`);
    await transfo.pick('Ambassadeur·rice');
    await transfo.button('Enregistrer le passage').click();
    await expect(transfo.currentStage).toHaveText('Étape actuelle\u00a0: Ambassadeur·rice');
    await page.goto(`${origin}/#/transfo/${campaignId}`);
    await expect(transfo.balanceStatus).toContainText('Direction des Affaires culturelles\u00a0: 4 ambassadeur·rices, pour 3 au plus par direction.');
    await expect(transfo.balanceStatus.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByTestId('balance-direction').getByRole('row', { name: /DAC/ })).toContainText('4');
    await expectNoAxeViolations(page, 'a call with its balance warning');

    // Fixed through the screens: the DAC's 20 back to met, 18 (DPE) chosen instead.
    await page.goto(`${origin}/#/transfo/${campaignId}/candidates/${seeded[20]!.id}`);
    await transfo.pick('Rencontré·e');
    await transfo.button('Enregistrer le passage').click();
    await expect(transfo.currentStage).toHaveText('Étape actuelle\u00a0: Rencontré·e');
    await page.goto(`${origin}/#/transfo/${campaignId}/candidates/${seeded[18]!.id}`);
    await transfo.pick('Non retenu·e');
    await transfo.button('Enregistrer le passage').click();
    await expect(transfo.error('Motif (montré dans la lettre)')).toHaveText('À remplir.');
    await transfo.pick('Ambassadeur·rice');
    await transfo.button('Enregistrer le passage').click();
    await expect(transfo.currentStage).toHaveText('Étape actuelle\u00a0: Ambassadeur·rice');
    await page.goto(`${origin}/#/transfo/${campaignId}`);
    await expect(transfo.balanceStatus).toContainText('Équilibre respecté');
    await expect(page.getByText('20\u00a0ambassadeur·rices, 1\u00a0relais, sur 41\u00a0candidat·es.')).toBeVisible();

    // Two candidates side by side.
    await transfo.link('Comparer deux candidatures').click();
    await expect(shell.heading).toHaveText('Comparer deux candidatures');
    await transfo.choose('Première candidature', `${nameOf(0)} (DAC)`);
    await transfo.choose('Deuxième candidature', `${nameOf(25)} (DASCO)`);
    const comparison = page.getByTestId('comparison');
    await expect(comparison.getByRole('columnheader')).toHaveText(['Champ', nameOf(0), nameOf(25)]);
    await expect(comparison.getByRole('row', { name: /Étape/ })).toContainText('Ambassadeur·rice');
    await expect(comparison.getByRole('row', { name: /Motif/ })).toContainText('Profil déjà représenté : DSOL');
    await expectNoAxeViolations(page, 'two candidates compared');

    // The letters: an ambassador, the relais, the refusal.
    await page.goto(`${origin}/#/transfo/${campaignId}/letters`);
    await expect(shell.heading).toHaveText('Lettres aux candidat·es');
    await transfo.tick(nameOf(0));
    await transfo.tick(nameOf(26));
    await transfo.tick(nameOf(25));
    await transfo.input('Signature').fill('Camille Durand\nLab d’innovation');
    await transfo.typeDate('Date des lettres', '2027-02-20');
    await transfo.typeDate('Première séance (facultatif)', '2027-03-01');
    const download = page.waitForEvent('download');
    await transfo.button('Préparer les lettres').click();
    const pdfPath = await (await download).path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdfPath, join(work, 'page')]);
    expect(statSync(join(work, 'page-1.png')).size).toBeGreaterThan(1000);
    const firstPage = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' });
    expect(firstPage).toContain(nameOf(0));
    await expect(page.getByTestId('letters-ready')).toContainText('3\u00a0pages');
    await expect(transfo.input(`Lettre à ${nameOf(25)}`)).toHaveValue(/Motif\u00a0: Profil déjà représenté\u00a0: DSOL/);
    await expect(transfo.input(`Lettre à ${nameOf(0)}`)).toHaveValue(/1er\u00a0mars 2027/);
    await expectNoAxeViolations(page, 'the letters, with their texts');

    // In English, once: the call and its balance.
    await page.goto(`${origin}/#/transfo/${campaignId}`);
    await shell.switchLanguage('en');
    await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
    await expect(transfo.balanceStatus).toContainText('Balance met');
    await expect(transfo.candidateCount).toHaveText('41 applications');
    await expectNoAxeViolations(page, 'a call, in English');
    await page.goto(`${origin}/#/transfo`);
    await expect(shell.heading).toHaveText('La Transfo — calls for volunteers');
    await expect(transfo.campaignRows).toHaveCount(1);
    await expect(transfo.campaignRows).toContainText('Open');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
