/**
 * La Transfo's training from end to end, in Chromium through the web host: a cohort of six
 * agents (four ambassadors, two relais) and one candidate not chosen (seeded through the
 * commands); from the call, the link « Formation »; the seven modules in one press; a first
 * session through its form (a day outside the workshop refused beside its field, a reload
 * mid-form keeping what was typed, sealed), two more through the commands: three sessions of one
 * month; the attendance of each recorded by the keyboard alone; the matrix read in words and who
 * is behind. axe finds nothing on every new screen; the English once.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { choose, errorOf } from './pages/controls.js';
import { ShellPage } from './pages/ShellPage.js';
import { TrainingPage } from './pages/TrainingPage.js';
import { must } from './seed.js';
import { seedCohort } from './transfo-seed.js';

test('La Transfo training: seven modules, three sessions of one month with attendance by the keyboard, the matrix and who is behind', async ({ page, host, openApp }) => {
  test.setTimeout(150_000);
  const shell = new ShellPage(page);
  const training = new TrainingPage(page);
  const origin = host.origin;
  await openApp();
  const { campaignId } = await seedCohort(page, origin);

  // From the call, the link « Formation ».
  await page.goto(`${origin}/#/transfo/${campaignId}`);
  await expect(shell.heading).toHaveText('La Transfo 2026');
  await training.link('Formation').click();
  await expect(shell.heading).toHaveText('Formation — La Transfo 2026');
  await expectNoAxeViolations(page, 'the training, empty');

  // The seven modules in one press.
  await training.button('Créer les sept modules').click();
  await expect(training.moduleRows).toHaveCount(7);
  await expect(training.moduleRows.first()).toContainText('S’immerger dans le quotidien des usagers');
  await expect(training.moduleRows.nth(1)).toContainText('Observer sans interpréter');

  // A first session through its form: the workshop, two days and their modules, who runs it.
  await training.button('Nouvelle session').click();
  await training.input('Titre').fill('Session de novembre — immersion et observation');
  // A reload mid-form keeps what was typed (sealed: the names never in clear in storage).
  await training.input('Animateur·rices du Lab').fill('Inès Lab\nPaul Lab');
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  await expect.poll(async () => (await stored()).includes('sealed')).toBe(true);
  expect(await stored()).not.toContain('Paul Lab');
  await page.reload();
  await training.button('Nouvelle session').click();
  await expect(training.input('Titre')).toHaveValue('Session de novembre — immersion et observation');
  await expect(training.input('Animateur·rices du Lab')).toHaveValue('Inès Lab\nPaul Lab');
  await training.typeDate('Début', '2026-11-02T09:00');
  await training.typeDate('Fin', '2026-11-03T17:30');
  await training.input('Lieu').fill('Le Lab, Hôtel de Ville');
  await choose(page, 'Arrondissement', '4e arrondissement');
  await training.typeDate('Date du jour 1', '2026-11-02');
  await training.tick(1, 'S’immerger dans le quotidien des usagers');
  await training.typeDate('Date du jour 2', '2026-11-04');
  await training.tick(2, 'Observer sans interpréter');
  await training.input('Designers en résidence').fill('Camille Designer');
  await expectNoAxeViolations(page, 'the new session form');
  await training.button('Créer la session').click();
  // The core refuses a day outside the workshop, beside its field.
  await expect(errorOf(page, 'Date du jour 2')).toHaveText('Ce jour est en dehors des dates de l’atelier.');
  await training.typeDate('Date du jour 2', '2026-11-03');
  await training.button('Créer la session').click();
  await expect(training.sessionRows).toHaveCount(1);

  // Two more sessions of the month through the commands.
  const modules = ((await must(page, origin, 'transfoTraining:modules', { campaignId })) as { items: { id: string; method: string }[] }).items;
  const m = (method: string) => modules.find((x) => x.method === method)!.id;
  const session = (title: string, from: string, to: string, days: { date: string; moduleIds: string[] }[]) =>
    must(page, origin, 'transfoTraining:create-session', {
      campaignId,
      workshop: { title, startsAt: `${from}T09:00`, endsAt: `${to}T17:30`, venueName: 'Le Lab, Hôtel de Ville', venueAddress: '', arrondissement: 4 },
      session: { days, facilitators: ['Inès Lab'], residentDesigners: ['Camille Designer'] },
    });
  await session('Session de novembre — entretiens', '2026-11-16', '2026-11-17', [
    { date: '2026-11-16', moduleIds: [m('interviews')] },
    { date: '2026-11-17', moduleIds: [m('interviews'), m('usage_scenarios')] },
  ]);
  await session('Session de novembre — prototyper', '2026-11-30', '2026-11-30', [{ date: '2026-11-30', moduleIds: [m('prototyping')] }]);
  await expect(training.sessionRows).toHaveCount(3);
  await expectNoAxeViolations(page, 'the training, three sessions');

  // The attendance of each session, by the keyboard alone: row by row, a letter per day, Tab.
  const attend = async (title: string, letters: string[], summary: string) => {
    await page.goto(`${origin}/#/transfo/${campaignId}/training`);
    await training.link(`Présences de la session «\u00a0${title}\u00a0»`).click();
    await expect(shell.heading).toHaveText(`Présences — ${title}`);
    await training.recordByKeyboard(training.cell('Aïcha Benali', 1), letters);
    await expect(training.attendanceSummary).toContainText(summary);
  };
  // Session 1 (2 days): Chloé absent on day 1 (immersion missed), Dmitri excused both days, Farid absent on day 2.
  await attend('Session de novembre — immersion et observation', ['p', 'p', 'p', 'p', 'a', 'p', 'e', 'e', 'p', 'p', 'p', 'a'], 'Jour 1\u00a0: 4\u00a0présent·es, 1\u00a0absent·es, 1\u00a0excusé·es, 0\u00a0non noté·es');
  await expect(training.attendanceSaved).toContainText('Farid Haddad, jour 2');
  await expect(training.cell('Dmitri Ivanov', 2)).toHaveValue('excused');
  await expectNoAxeViolations(page, 'a session’s attendance');
  // Session 2 (2 days): everyone present but Dmitri absent on day 2.
  await attend('Session de novembre — entretiens', ['p', 'p', 'p', 'p', 'p', 'p', 'p', 'a', 'p', 'p', 'p', 'p'], 'Jour 2\u00a0: 5\u00a0présent·es, 1\u00a0absent·es');
  // Session 3 (1 day): Farid absent.
  await attend('Session de novembre — prototyper', ['p', 'p', 'p', 'p', 'p', 'a'], 'Jour 1\u00a0: 5\u00a0présent·es, 1\u00a0absent·es');

  // The matrix, in words, and who is behind.
  await page.goto(`${origin}/#/transfo/${campaignId}/training`);
  await training.link('Qui a suivi quel module').click();
  await expect(shell.heading).toHaveText('Qui a suivi quel module');
  await expect(training.matrixRows).toHaveCount(6);
  const row = (name: string) => training.matrixRows.filter({ hasText: name });
  await expect(row('Chloé Dufresne').getByRole('cell').nth(0)).toHaveText('manqué');
  await expect(row('Chloé Dufresne').getByRole('cell').nth(1)).toHaveText('suivi');
  await expect(row('Aïcha Benali').getByRole('cell').nth(5)).toHaveText('pas encore');
  await expect(row('Dmitri Ivanov').getByRole('cell').nth(0)).toHaveText('manqué');
  await expect(training.behindList.getByRole('listitem')).toHaveCount(3);
  await expect(training.behindList.getByRole('listitem').first()).toHaveText('Dmitri Ivanov\u00a0: 3\u00a0module(s) manqué(s), assiduité 40\u00a0%');
  await expect(training.behindList.getByRole('listitem').nth(1)).toContainText('Farid Haddad\u00a0: 2\u00a0module(s) manqué(s)');
  await expect(training.behindList.getByRole('listitem').nth(2)).toContainText('Chloé Dufresne\u00a0: 1\u00a0module(s) manqué(s), assiduité 80\u00a0%');
  await expectNoAxeViolations(page, 'the matrix');

  // In English, once.
  await shell.switchLanguage('en');
  await expect(shell.heading).toHaveText('Who has followed which module');
  await expect(row('Chloé Dufresne').getByRole('cell').nth(0)).toHaveText('missed');
  await expect(training.behindList.getByRole('listitem').first()).toContainText('Dmitri Ivanov: 3 module(s) missed');
  await expectNoAxeViolations(page, 'the matrix, in English');
});
