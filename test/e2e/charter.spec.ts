/**
 * The charter consultation, end to end in Chromium: the lab writes the draft charter (chapters,
 * articles, agreement / amendment / proposal questions), its themes and a consultation through
 * the three channels; a facilitator records contributions at a charter workshop (an amendment
 * with its diff, a table's proposal); 20 paper questionnaires are typed (a sheet number typed
 * twice is refused, what was typed stays); the results show the synthesis, the opinion groups,
 * take a decision and give the restitution report as a PDF. axe on every screen, in French and
 * in English.
 */
import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { CharterPage } from './pages/CharterPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { must, seedWorkshop } from './seed.js';

const FROM_PROFILE = 'Une personne (profil anonyme)';
const NB = '\u00a0';
const BODY = 'La Ville publie chaque décision prise avec les habitants.';
const AMENDED = 'La Ville affiche chaque semaine chaque décision prise avec les habitants.';

test('the lab writes the charter, a workshop contributes, 20 paper sheets are typed, the results read', async ({ page, host, openApp }) => {
  test.setTimeout(480_000);
  const shell = new ShellPage(page);
  const charter = new CharterPage(page);

  // The shell leads to the charter.
  await openApp();
  await page.getByRole('navigation').getByRole('link', { name: 'Charte' }).click();
  await expect(charter.heading).toHaveText('Charte de la participation');

  // The structure: one chapter, three articles, four questions.
  await charter.addChapter('Principes');
  await expect(page.getByRole('heading', { name: `Chapitre 1${NB}: Principes` })).toBeVisible();
  await charter.addArticle(1, 'Transparence', BODY);
  await charter.addArticle(1, 'Inclusion', 'Chaque atelier est ouvert à toutes et à tous.');
  await charter.addArticle(1, 'Moyens', 'La Ville donne des moyens aux conseils de quartier.');
  await expect(page.getByTestId('charter-article')).toHaveCount(3);
  await charter.addQuestion(1, 'Que pensez-vous de l’article sur la transparence ?', ['Accord', 'Amendement'], `Article 1${NB}: Transparence`);
  await charter.addQuestion(1, 'Que pensez-vous de l’article sur l’inclusion ?', ['Accord'], `Article 2${NB}: Inclusion`);
  await charter.addQuestion(1, 'Que pensez-vous de l’article sur les moyens ?', ['Accord'], `Article 3${NB}: Moyens`);
  await charter.addQuestion(1, 'Que proposez-vous d’autre ?', ['Proposition']);
  await expect(page.getByTestId('charter-question')).toHaveCount(4);
  await expect(page.getByTestId('charter-question').first()).toContainText('Accord, Amendement');

  // An amendment question without an article is refused beside the field, nothing lost.
  await charter.button('Ajouter une question au chapitre 1').click();
  await charter.input('Question posée', charter.editor).fill('Une question sans article');
  await charter.tick('Réponses possibles', 'Amendement');
  await charter.editor.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(charter.error('Article concerné')).not.toBeEmpty();
  await expect(charter.input('Question posée', charter.editor)).toHaveValue('Une question sans article');
  await charter.editor.getByRole('button', { name: 'Annuler' }).click();

  // Themes and the consultation through the three channels.
  await charter.addTag('Jeunesse');
  await charter.addTag('Budget');
  await expect(page.getByTestId('charter-tag')).toHaveCount(2);
  await charter.addConsultation('Charte 2026', '2020-01-01', '2099-12-31', ['Atelier', 'Questionnaire papier', 'En ligne']);
  await expect(page.getByTestId('charter-consultation')).toContainText('Atelier, Questionnaire papier, En ligne');
  await expectNoAxeViolations(page, 'charter screen with its structure');

  // ---- A charter workshop: an amendment with its diff, a table's proposal, one removed.
  const workshopId = await seedWorkshop(page, host.origin, {
    kind: 'charter_consultation',
    title: 'Consultation charte — Belleville',
    startsAt: '2026-06-09T18:30',
    endsAt: '2026-06-09T20:30',
    venueName: 'Centre social Belleville',
    arrondissement: 20,
  });
  // Someone checked in with the study's consent: their contribution carries their anonymous profile.
  await must(page, host.origin, 'workshops:open', { id: workshopId, version: 1 });
  await must(page, host.origin, 'attendance:walk-in', {
    workshopId,
    person: { name: 'Awa Diallo' },
    recordedBy: 'Camille Martin',
    consents: [{ purpose: 'study', granted: true, textVersion: 'study-2026-11' }],
    profile: {
      ageBracket: '26_40',
      residence: 'paris',
      residenceArrondissement: 20,
      residenceCommune: null,
      livesInQpv: 'yes',
      gender: null,
      occupationCategory: 'employed',
      firstParticipation: 'yes',
      neighbourhoodCouncilMember: 'no',
      associationMember: 'no',
      associationName: null,
    },
  });
  await page.goto(`${host.origin}/#/workshops/${workshopId}`);
  await page.getByRole('link', { name: 'Contributions à la charte' }).click();
  await expect(charter.heading).toHaveText('Contributions à la charte — Consultation charte — Belleville');

  await charter.choose('Question', '1.1 — Que pensez-vous de l’article sur la transparence ?');
  await charter.pick('Type de contribution', 'Amendement');
  const amendment = charter.input('Texte amendé');
  await expect(amendment).toHaveValue(BODY); // the article's text, to change
  await amendment.fill(AMENDED);
  const diff = page.getByTestId('amendment-diff');
  await expect(diff.locator('ins')).toContainText(['affiche']);
  await expect(diff.locator('del')).toContainText(['publie']);
  await expect(diff).toContainText('ajouté'); // said in words, not by colour
  await expectNoAxeViolations(page, 'workshop contribution with an amendment diff');
  await charter.button('Enregistrer la contribution').click();
  await expect(shell.notice).toContainText('Contribution enregistrée.');
  await expect(charter.rows('workshop-contributions')).toHaveCount(1);

  await charter.choose('Question', '1.4 — Que proposez-vous d’autre ?');
  await expect(charter.radioGroup('Type de contribution').getByRole('radio', { name: 'Proposition' })).toBeChecked();
  await charter.input('Proposition').fill('Une charte lue à voix haute au début de chaque atelier.');
  await charter.tick('Thèmes', 'Jeunesse');
  await charter.pick('Qui contribue', 'Une table');
  await charter.input('Nom de la table').fill('Table 3');
  await charter.button('Enregistrer la contribution').click();
  await expect(charter.rows('workshop-contributions')).toHaveCount(2);
  await expect(charter.rows('workshop-contributions').first()).toContainText('Table 3');
  await expect(charter.rows('workshop-contributions').first()).toContainText('Jeunesse');

  await charter.choose('Question', '1.2 — Que pensez-vous de l’article sur l’inclusion ?');
  await charter.pick('Accord avec l’article', '4 — Plutôt d’accord');
  await charter.pick('Qui contribue', 'Une personne');
  await charter.choose('Qui parle', 'Awa Diallo');
  await charter.button('Enregistrer la contribution').click();
  await expect(charter.rows('workshop-contributions')).toHaveCount(3);
  await expect(charter.rows('workshop-contributions').first()).toContainText(FROM_PROFILE);
  await expect(charter.rows('workshop-contributions').first()).not.toContainText('Awa');
  await charter.button('Supprimer la contribution 3').click();
  await expect(charter.rows('workshop-contributions')).toHaveCount(2);
  await expectNoAxeViolations(page, 'workshop contributions with the list');

  // ---- 20 paper questionnaires, typed with the keyboard: digits choose, Enter saves.
  await page.goto(`${host.origin}/#/charter/paper`);
  await expect(charter.heading).toHaveText('Saisie des questionnaires papier');
  const sheetNumber = charter.input('Numéro de la feuille');
  await expect(sheetNumber).toBeFocused();
  const answers = (i: number) => (i <= 10 ? (i % 2 ? '551' : '452') : i % 2 ? '115' : '214');
  for (let i = 1; i <= 20; i++) {
    await expect(sheetNumber).toBeFocused();
    await page.keyboard.type(`P-${i}`);
    const levels = answers(i);
    for (let q = 1; q <= 3; q++) {
      await charter.radioGroup(`Accord (question ${q})`).getByRole('radio').first().focus();
      await page.keyboard.press(levels[q - 1]!);
    }
    if (i % 5 === 0) {
      await charter.input('Proposition (question 4)').fill(`Proposition de la feuille ${i}`);
      await charter.input('Proposition (question 4)').press('Enter');
    } else {
      await page.keyboard.press('Enter');
    }
    await expect(page.getByTestId('paper-status')).toContainText(`Feuille P-${i} enregistrée`);
  }
  await expect(page.getByTestId('paper-count')).toHaveText(`20${NB}feuilles saisies`);
  await expect(charter.rows('paper-sheets')).toHaveCount(20);

  // Sheet 7 again (typed in lower case): refused beside its number, everything typed kept.
  await page.keyboard.type('p-7');
  await charter.radioGroup('Accord (question 1)').getByRole('radio').first().focus();
  await page.keyboard.press('5');
  await charter.input('Proposition (question 4)').fill('Une proposition à ne pas perdre');
  await charter.input('Proposition (question 4)').press('Enter');
  await expect(charter.error('Numéro de la feuille')).toHaveText(`Cette feuille a déjà été saisie${NB}: vérifiez son numéro.`);
  await expect(page.getByRole('alert')).toContainText('déjà été saisie');
  await expect(sheetNumber).toHaveValue('p-7');
  await expect(sheetNumber).toBeFocused();
  await expect(charter.radioGroup('Accord (question 1)').getByRole('radio', { name: '5 — Tout à fait d’accord' })).toBeChecked();
  await expect(charter.input('Proposition (question 4)')).toHaveValue('Une proposition à ne pas perdre');
  await expect(charter.rows('paper-sheets')).toHaveCount(20);
  await expectNoAxeViolations(page, 'paper questionnaires, a duplicate refused');

  // The same sheet, typed on and the page reloaded at once with the field still focused: all of it
  // comes back, said so; « Repartir de zéro » empties the sheet.
  const proposal4 = charter.input('Proposition (question 4)');
  await proposal4.press('End');
  await proposal4.pressSequentially(' — et la fin');
  await page.reload();
  await expect(charter.heading).toHaveText('Saisie des questionnaires papier');
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon retrouvé' })).toBeVisible();
  await expect(sheetNumber).toHaveValue('p-7');
  await expect(charter.radioGroup('Accord (question 1)').getByRole('radio', { name: '5 — Tout à fait d’accord' })).toBeChecked();
  await expect(proposal4).toHaveValue('Une proposition à ne pas perdre — et la fin');
  await expectNoAxeViolations(page, 'paper questionnaires, a sheet brought back after a reload');
  await page.getByRole('button', { name: 'Repartir de zéro' }).click();
  await expect(sheetNumber).toHaveValue('');
  await expect(sheetNumber).toBeFocused();
  await expect(proposal4).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon retrouvé' })).toHaveCount(0);
  await expect(charter.rows('paper-sheets')).toHaveCount(20);

  // ---- The results.
  await page.goto(`${host.origin}/#/charter/results`);
  await expect(charter.heading).toHaveText('Résultats de la consultation');
  const contributions = charter.rows('results-contributions');
  await expect(contributions.first()).toBeVisible();
  await expect(page.getByTestId('results-shown')).toContainText('sur 66');
  await charter.pick('Canal', 'Atelier');
  await expect(contributions).toHaveCount(2);
  for (const row of await contributions.all()) await expect(row.locator('td').nth(3)).toHaveText('Atelier');
  await charter.pick('Canal', 'Questionnaire papier');
  await expect(contributions).toHaveCount(64);
  await expect(contributions.first().locator('td').nth(3)).toHaveText('Questionnaire papier');

  const byChapter = page.getByTestId('synthesis-by-chapter');
  await expect(byChapter.locator('caption')).toHaveText('Contributions par chapitre et par canal');
  await expect(byChapter.locator('tbody tr').first()).toContainText('Principes');
  const agreement = page.getByTestId('synthesis-agreement');
  await expect(agreement.locator('caption')).toBeVisible();
  await expect(agreement.locator('tbody tr')).toHaveCount(3);
  await expect(agreement).toContainText('< 5');
  await expect(agreement.locator('[data-masked]').first()).toContainText('masqué');
  await expect(page.getByTestId('synthesis-amended')).toContainText('Transparence');
  await expect(page.getByTestId('synthesis-tags')).toContainText('Jeunesse');

  const groups = page.getByTestId('opinion-group');
  // Two camps answered opposite ways: at least two groups, each of five people or more.
  await expect(groups.first()).toBeVisible();
  const headings = await groups.getByRole('heading', { level: 3 }).allInnerTexts();
  expect(headings.length).toBeGreaterThanOrEqual(2);
  const sizes = headings.map((h) => Number(/— (\d+) personne/.exec(h)?.[1]));
  for (const size of sizes) expect(size).toBeGreaterThanOrEqual(5);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
  await expect(groups.first().locator('li').first()).toContainText('d’accord');
  await expectNoAxeViolations(page, 'results');

  // The City's decision on the first article.
  const decision = page.getByTestId('decision').filter({ hasText: 'Transparence' });
  await decision.getByRole('radiogroup', { name: 'Décision' }).locator('label').filter({ hasText: 'Amendé' }).click();
  await decision.getByLabel('Raison').fill('Les ateliers demandent une publication chaque semaine.');
  await decision.getByRole('button', { name: /Enregistrer la décision/ }).click();
  await expect(shell.notice).toContainText('Décision enregistrée.');

  // The restitution report is a PDF.
  const download = page.waitForEvent('download');
  await charter.button('Télécharger le rapport de restitution (PDF)').click();
  const file = await download;
  const bytes = await readFile((await file.path()));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // ---- English: the main screens, axe.
  await shell.switchLanguage('en');
  await expect(charter.heading).toHaveText('Results of the consultation');
  await expect(page.getByTestId('synthesis-by-chapter').locator('caption')).toHaveText('Contributions per chapter and channel');
  await expectNoAxeViolations(page, 'results in English');
  await page.goto(`${host.origin}/#/charter`);
  await expect(charter.heading).toHaveText('Participation charter');
  await expectNoAxeViolations(page, 'charter screen in English');
  await page.goto(`${host.origin}/#/charter/paper`);
  await expect(charter.heading).toHaveText('Typing the paper questionnaires');
  await expectNoAxeViolations(page, 'paper questionnaires in English');
  await page.goto(`${host.origin}/#/workshops/${workshopId}/charter`);
  await expect(charter.heading).toHaveText('Contributions to the charter — Consultation charte — Belleville');
  await expectNoAxeViolations(page, 'workshop contributions in English');
});
