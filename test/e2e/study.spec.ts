/**
 * The sociology dashboard in Chromium through the web host: a workshop seeded through the
 * real commands (walk-ins with and without the study, an anonymous count, proposals, dots),
 * the counts and the masking on screen, axe, and the CSV download read back.
 */
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './axe.js';
import { expect, test, type Page } from './fixtures.js';
import { StudyPage } from './pages/StudyPage.js';
import { goutteDor, must, proposalFields, seedWorkshop } from './seed.js';

const study = { purpose: 'study', granted: true, textVersion: 'study-2026-11' };
const profile = (ageBracket: string, livesInQpv: string) => ({
  ageBracket,
  residence: 'paris',
  residenceArrondissement: 18,
  residenceCommune: null,
  livesInQpv,
  gender: null,
  occupationCategory: 'employed',
  firstParticipation: 'yes',
  neighbourhoodCouncilMember: 'no',
  associationMember: 'no',
  associationName: null,
});

/**
 * 12 people agreed to the study: 7 aged 26–40 and 5 aged 41–60 (every other bracket 0, so
 * both show); 9 live in a QPV and 3 do not (3 is masked, and 9 hidden with it, else 12 − 9
 * gives it back). One walk-in refuses the study and 2 more are counted anonymously: 15 present.
 */
async function seed(page: Page, origin: string): Promise<string> {
  const workshopId = await seedWorkshop(page, origin, goutteDor);
  for (let i = 0; i < 12; i++) {
    await must(page, origin, 'attendance:walk-in', {
      workshopId,
      person: null,
      recordedBy: 'Camille Martin',
      consents: [study],
      profile: profile(i < 7 ? '26_40' : '41_60', i < 9 ? 'yes' : 'no'),
    });
  }
  await must(page, origin, 'attendance:walk-in', { workshopId, person: null, recordedBy: 'Camille Martin', consents: [{ ...study, granted: false }], profile: null });
  await must(page, origin, 'attendance:head-count', { workshopId, delta: 2 });
  const fields = proposalFields({ estimatedCostEuros: 12500 });
  const p1 = await must(page, origin, 'proposals:create', { workshopId, fields: { ...fields, title: 'Des bancs au square Léon', themeCode: 'cadre-de-vie' } });
  await must(page, origin, 'proposals:create', { workshopId, fields: { ...fields, title: 'Un terrain de basket', themeCode: 'sport' } });
  for (let i = 0; i < 3; i++) await must(page, origin, 'supports:addDot', { proposalId: p1.id, workshopId });
  return workshopId;
}

test('the dashboard shows a workshop’s counts with small groups masked, and downloads the CSV', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await seed(page, host.origin);
  const studyPage = new StudyPage(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Étude' }).click();
  await expect(studyPage.heading).toHaveText('Étude sociologique');
  await studyPage.chooseScope(/Un atelier/);
  await expect(page.getByTestId('study-choose')).toHaveText('Choisissez un atelier pour voir ses chiffres.');
  await studyPage.chooseWorkshop(/Goutte-d’Or/);
  await expect(page).toHaveURL(new RegExp(`workshop=${workshopId}`));
  await expect(studyPage.covers).toHaveText('Ces chiffres couvrent 1\u00a0atelier.');

  await expect(studyPage.headline('participants')).toHaveText('15');
  await expect(studyPage.headline('withProfile')).toHaveText('12');
  await expect(studyPage.headline('proposals')).toHaveText('2');
  await expect(studyPage.headline('dots')).toHaveText('3');

  await expect(studyPage.count('ageBracket', /26 à 40/)).toHaveText('7');
  await expect(studyPage.count('ageBracket', /41 à 60/)).toHaveText('5');
  await expect(studyPage.count('ageBracket', /Moins de 16/)).toContainText('< 5');
  await expect(studyPage.count('livesInQpv', /^Non/)).toContainText('< 5');
  await expect(studyPage.count('livesInQpv', /^Oui/)).toContainText('masqué');
  // The screen reader hears words, not a sign.
  await expect(studyPage.count('livesInQpv', /^Non/)).toContainText('moins de 5\u00a0personnes, masqué');
  await expect(studyPage.count('theme', /Cadre de vie/)).toHaveText('1');

  await expectNoAxeViolations(page, 'study dashboard');

  const [download] = await Promise.all([page.waitForEvent('download'), studyPage.exportButton('csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^etude-atelier-.*\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: 'Fichier prêt' })).toBeVisible();
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Tableau;Catégorie;Colonne;Effectif;Part (%)');
  expect(lines).toContain('Âge;26 à 40\u00a0ans;;7;58,3');
  expect(lines).toContain('Habite un quartier populaire (QPV);Non;;< 5;');

  // The bundled core writes the PDF and the GeoJSON too.
  const [pdf] = await Promise.all([page.waitForEvent('download'), studyPage.exportButton('pdf').click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const [geo] = await Promise.all([page.waitForEvent('download'), studyPage.exportButton('geojson').click()]);
  const collection = JSON.parse(readFileSync(await geo.path(), 'utf8')) as { type: string; features: { geometry: { coordinates: number[] } }[] };
  expect(collection.type).toBe('FeatureCollection');
  expect(collection.features.map((f) => f.geometry.coordinates)).toEqual([
    [2.3551, 48.8873],
    [2.3551, 48.8873],
  ]);
});

test('a period ending before it starts is refused beside the field', async ({ page, host, openApp }) => {
  await openApp();
  const studyPage = new StudyPage(page);
  await studyPage.open(host.origin, 'scope=period&from=2026-04-30&to=2026-04-01');
  await expect(page.getByText('La fin doit venir après le début.')).toBeVisible();
  await expectNoAxeViolations(page, 'study dashboard with an error');
});

test('the dashboard speaks English when English is chosen, masks included', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await seed(page, host.origin);
  await page.getByRole('button', { name: 'English' }).or(page.getByRole('radio', { name: 'English' })).click();
  const studyPage = new StudyPage(page);
  await studyPage.open(host.origin, `scope=workshop&workshop=${workshopId}`);
  await expect(studyPage.heading).toHaveText('Sociology study');
  await expect(studyPage.covers).toHaveText('These figures cover 1 workshop.');
  await expect(studyPage.count('ageBracket', /26 to 40/)).toHaveText('7');
  await expect(studyPage.count('livesInQpv', /^No/)).toContainText('fewer than 5 people, hidden');
  await expect(studyPage.count('livesInQpv', /^Yes/)).toContainText('hidden to protect a small group');
  await expect(studyPage.count('theme', /Living environment/)).toHaveText('1');
  const text = (await page.locator('main').innerText()).replaceAll('Budget participatif — Goutte-d’Or', '');
  for (const french of ['Personnes', 'masqué', 'Catégorie', 'Télécharger', 'Tous les', 'arrondissement de', 'Oui', 'Non']) {
    expect(text, `French « ${french} » left`).not.toMatch(new RegExp(`(^|[^\\p{L}])${french}([^\\p{L}]|$)`, 'u'));
  }
  await expectNoAxeViolations(page, 'study dashboard in English');
});

test('the dashboard works with the keyboard alone: scope, workshop, download', async ({ page, host, openApp }) => {
  await openApp();
  await seed(page, host.origin);
  const studyPage = new StudyPage(page);
  await studyPage.open(host.origin);
  await expect(studyPage.covers).toHaveText('Ces chiffres couvrent 1\u00a0atelier.');
  // The radio group is one Tab stop; arrows move the choice, as in any radio group.
  await page.getByRole('radio', { name: 'Tous les ateliers' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Un atelier' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Atelier/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(studyPage.headline('participants')).toHaveText('15');
  await studyPage.exportButton('xlsx').focus();
  await expect(studyPage.exportButton('xlsx')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
});
