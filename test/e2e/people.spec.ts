/**
 * The rights of the people recorded, as the lab uses them in Chromium: find a person recorded
 * at the door, see their data, download the PDF (read back with pdftotext) and the JSON, erase
 * them after the confirmation, see the retention list and the access log — axe on every screen
 * and the dialog, in French and in English, and the whole path with the keyboard alone.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './axe.js';
import { expect, test, type Page } from './fixtures.js';
import { tabTo } from './keyboard.js';
import { PeoplePage } from './pages/PeoplePage.js';
import { ShellPage } from './pages/ShellPage.js';
import { invoke, seedWorkshop } from './seed.js';

const person = { name: 'Zénobie Marchetti-Oulhadj', email: 'zenobie.marchetti@exemple.fr', phone: '06 12 34 56 78', citizenCardNumber: 'PC7731904' };
const consents = [
  { purpose: 'contact', granted: true, textVersion: 'contact-2026-11' },
  { purpose: 'study', granted: true, textVersion: 'study-2026-11' },
];
const profile = {
  ageBracket: '26_40',
  residence: 'paris',
  residenceArrondissement: 18,
  livesInQpv: 'yes',
  occupationCategory: 'employed',
  firstParticipation: 'yes',
  neighbourhoodCouncilMember: 'no',
  associationMember: 'no',
};

/** Words only the French screens of « Données personnelles » say: none may be left in English. */
const FRENCH_ONLY = ['Données', 'Votre nom', 'Rechercher', 'Identité', 'Consentements', 'Participations', 'Présent·e', 'Effacer', 'Durée', 'mois', 'Journal des accès', 'Télécharger', 'Recherche', 'Aucun'];

async function expectNoFrench(page: Page, ownWords: readonly string[]) {
  let text = await page.locator('main').innerText();
  for (const words of ownWords) text = text.replaceAll(words, ''); // the person's and the workshop's own words stay as typed
  for (const phrase of FRENCH_ONLY) expect(text, `French « ${phrase} » left on ${page.url()}`).not.toContain(phrase);
}

async function must(page: Page, origin: string, name: string, input: unknown) {
  const answer = await invoke(page, origin, name, input);
  expect(answer.ok, `${name}: ${JSON.stringify(answer)}`).toBe(true);
  return answer.value as Record<string, unknown>;
}

/**
 * Recorded at the door of a workshop that ended last winter: the purge is within the next 90
 * days (12 months after it), so the retention list shows it.
 */
async function recordAtTheDoor(page: Page, origin: string) {
  const end = new Date(Date.now() - 300 * 86_400_000);
  const day = end.toISOString().slice(0, 10);
  const workshopId = await seedWorkshop(page, origin, {
    kind: 'pb_co_construction',
    title: 'Budget participatif — Goutte-d’Or',
    startsAt: `${day}T18:30`,
    endsAt: `${day}T20:30`,
    venueName: 'Centre Barbara',
    arrondissement: 18,
  });
  await must(page, origin, 'workshops:open', { id: workshopId, version: 1 });
  const registered = await must(page, origin, 'attendance:register', { workshopId, person, recordedBy: 'Camille Martin' });
  await must(page, origin, 'attendance:check-in', { attendanceId: registered.id, recordedBy: 'Camille Martin', consents, profile });
  return { workshopId, personId: registered.personId as string };
}

test('the lab finds a person, hands them their data, erases them after a confirmation, and sees the retention list and the log', async ({ page, host, openApp }) => {
  test.setTimeout(120_000);
  const shell = new ShellPage(page);
  const people = new PeoplePage(page);
  await openApp();
  const { personId } = await recordAtTheDoor(page, host.origin);

  await page.getByRole('link', { name: 'Données personnelles' }).click();
  await expect(shell.heading).toHaveText('Données personnelles');
  await expectNoAxeViolations(page, 'people search, empty');
  // No search before the name of who is looking: it goes in the access log.
  await people.search.fill('pc 7731904');
  await people.search.press('Enter');
  await expect(page.getByText('Indiquez d’abord votre nom').first()).toBeVisible();
  await people.actor.fill('Inès Lab');
  await people.search.press('Enter');
  await expect(people.rows).toHaveCount(1);
  await expect(people.rows).toContainText('zenobie.marchetti@exemple.fr');
  await expectNoAxeViolations(page, 'people search with a result');

  await people.rows.getByRole('link').click();
  await expect(shell.heading).toHaveText('Données de Zénobie Marchetti-Oulhadj');
  await expect(page.getByTestId('person-identity')).toContainText('PC7731904');
  await expect(page.getByTestId('person-participation')).toContainText('Présent·e');
  await expect(page.getByTestId('person-participation')).toContainText('Acceptez-vous que la Ville de Paris vous recontacte');
  await expectNoAxeViolations(page, 'a person’s data');

  const pdfDownload = page.waitForEvent('download');
  await people.button('Télécharger le PDF').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`donnees-personnelles-${personId.slice(0, 8)}.pdf`);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdf.path(), '-'], { encoding: 'utf8' });
  for (const value of ['Vos données personnelles dans Atelier', person.email, person.citizenCardNumber, 'Salarié·e', 'Budget participatif — Goutte-d’Or']) expect(text).toContain(value);
  const jsonDownload = page.waitForEvent('download');
  await people.button('Télécharger le JSON').click();
  const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as { identities: { fields: Record<string, string> }[] };
  expect(json.identities[0]!.fields).toEqual(person);

  // Erasing asks first; Escape and « Ne pas effacer » leave everything as it was.
  await people.button('Effacer cette personne…').click();
  await expect(people.dialog).toBeVisible();
  await expect(people.dialog).toContainText('Cet effacement ne peut pas être annulé.');
  await expect(people.button('Ne pas effacer')).toBeFocused();
  await expectNoAxeViolations(page, 'erase confirmation');
  await page.keyboard.press('Escape');
  await expect(people.dialog).toHaveCount(0);
  await expect(page.getByTestId('person-identity')).toContainText('PC7731904');
  await people.button('Effacer cette personne…').click();
  await people.button('Effacer définitivement').click();
  await expect(people.dialog).toHaveCount(0);
  await expect(shell.notice).toContainText('Identité effacée');
  await expect(shell.heading).toHaveText('Données d’une personne effacée');
  await expect(page.getByText(/Identité effacée le .* \(à la demande de la personne\)/)).toBeVisible();
  await expect(page.getByTestId('person-identity')).not.toContainText('PC7731904');
  await expect(people.button('Effacer cette personne…')).toHaveCount(0);
  await expectNoAxeViolations(page, 'an erased person');

  await page.getByRole('link', { name: 'Retour à la recherche' }).click();
  await people.search.fill('marchetti');
  await people.search.press('Enter');
  await expect(page.getByText('Personne ne correspond à cette recherche.')).toBeVisible();

  // The retention list: counts and days, no name. Another person, seen coming.
  await recordAtTheDoor(page, host.origin);
  await page.getByRole('link', { name: 'Durée de conservation et purges à venir' }).click();
  await expect(shell.heading).toHaveText('Durée de conservation');
  await expect(page.getByTestId('retention-upcoming').getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('retention-upcoming')).toContainText('Budget participatif — Goutte-d’Or');
  await expect(page.getByTestId('retention-upcoming')).not.toContainText('Marchetti');
  await expectNoAxeViolations(page, 'retention');
  const months = page.getByRole('textbox', { name: 'Durée de conservation, en mois' });
  await months.fill('0');
  await people.button('Enregistrer la durée').click();
  await expect(page.getByText('Indiquez un nombre entier de mois, de 1 à 120.')).toBeVisible();
  await expectNoAxeViolations(page, 'retention with an error');
  await months.fill('24');
  await people.button('Enregistrer la durée').click();
  await expect(page.getByTestId('retention-facts')).toContainText('Durée actuelle\u00a0: 24\u00a0mois.');
  await expect(page.getByText('Aucune purge prévue dans les 90\u00a0prochains jours.')).toBeVisible();

  await page.goto(`${host.origin}/#/people/access-log`);
  await expect(shell.heading).toHaveText('Journal des accès');
  const log = page.getByTestId('access-log');
  for (const what of ['Recherche d’une personne', 'Données d’une personne', 'Export des données d’une personne', 'Effacement d’une personne', 'Purges à venir']) await expect(log).toContainText(what);
  await expect(log).toContainText('Inès Lab');
  await expect(log).not.toContainText('Marchetti');
  await expectNoAxeViolations(page, 'access log');
});

test('the same in English, and with the keyboard alone', async ({ page, host, openApp }) => {
  test.setTimeout(120_000);
  const shell = new ShellPage(page);
  const people = new PeoplePage(page);
  await openApp();
  await recordAtTheDoor(page, host.origin);
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(shell.heading).toHaveText('Workshops');

  // The language switch ends the header's first row: « Personal data » is a few stops back.
  const personalData = page.getByRole('link', { name: 'Personal data' });
  for (let i = 0; i < 10 && !(await personalData.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(personalData).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Personal data');
  await expect(shell.heading).toBeFocused();
  await tabTo(page, people.actor);
  await page.keyboard.type('Inès Lab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('zenobie');
  await page.keyboard.press('Enter');
  await expect(people.rows).toHaveCount(1);
  await expect(page.getByText('1 person found')).toBeVisible();
  await tabTo(page, people.rows.getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Data of Zénobie Marchetti-Oulhadj');
  await expect(page.getByTestId('person-participation')).toContainText('Present');
  await expect(page.getByText('Do you agree that the City of Paris may contact you again')).toBeVisible();
  await expectNoAxeViolations(page, 'a person’s data, in English');
  const ownWords = [person.name, 'Budget participatif — Goutte-d’Or', 'Centre Barbara', 'Camille Martin'];
  await expectNoFrench(page, ownWords);

  await tabTo(page, people.button('Erase this person…'), 30);
  await page.keyboard.press('Enter');
  await expect(people.dialog).toContainText('This erasure cannot be undone.');
  await expect(people.button('Do not erase')).toBeFocused();
  // Enter on the dialog as it opens does not erase.
  await page.keyboard.press('Enter');
  await expect(people.dialog).toHaveCount(0);
  await expect(page.getByTestId('person-identity')).toContainText('PC7731904');
  await tabTo(page, people.button('Erase this person…'), 30);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(people.button('Erase for good')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Data of an erased person');
  await expect(page.getByText(/Identity erased on .* \(at the person’s request\)/)).toBeVisible();

  await page.goto(`${host.origin}/#/people/retention`);
  await expect(shell.heading).toHaveText('Retention period');
  await expect(page.getByTestId('retention-facts')).toContainText('Current period: 12 months.');
  await expectNoAxeViolations(page, 'retention, in English');
  await expectNoFrench(page, ['Budget participatif — Goutte-d’Or']);
  const months = page.getByRole('textbox', { name: 'Retention period, in months' });
  await months.fill('121');
  await months.press('Enter');
  await expect(page.getByText('Give a whole number of months, from 1 to 120.')).toBeVisible();
  await expect(months).toHaveValue('121');
  await page.goto(`${host.origin}/#/people/access-log`);
  await expect(page.getByTestId('access-log')).toContainText('Erasure of a person');
  await expect(page.getByText('Each line is kept for a year.')).toBeVisible();
  await expectNoAxeViolations(page, 'access log, in English');
  await expectNoFrench(page, []);
});
