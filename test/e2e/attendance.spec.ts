/**
 * The welcome desk in the room: people registered beforehand are checked in by a few letters and
 * Enter; walk-ins give the study profile only with their consent; anonymous people are counted
 * with one key; the counts in the room add up; axe finds nothing on each new screen.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { AttendancePage } from './pages/AttendancePage.js';
import { ShellPage } from './pages/ShellPage.js';
import { invoke } from './seed.js';

interface Listed {
  items: { name: string | null; status: string; hasProfile: boolean; consents: { study: { granted: boolean } | null } }[];
}

test('a facilitator checks people in by search and Enter, records walk-ins with and without the study, and counts anonymous people', async ({ page, host, openApp }) => {
  await openApp();
  const created = await invoke(page, host.origin, 'workshops:create', {
    kind: 'pb_co_construction',
    title: 'Budget participatif — Goutte-d’Or',
    description: '',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T20:30',
    venueName: 'Centre Barbara',
    venueAddress: '1 rue Fleury, 75018 Paris',
    arrondissement: 18,
    inQpv: true,
    capacity: 40,
    partners: [],
    facilitators: ['Camille Martin'],
  });
  const workshopId = (created.value as { id: string }).id;
  for (const [name, email] of [
    ['Hélène Côté', 'helene@example.org'],
    ['Henri Lambert', null],
    ['Bruno Petit', null],
  ] as const) {
    expect((await invoke(page, host.origin, 'attendance:register', { workshopId, person: { name, email }, recordedBy: 'Bureau' })).ok).toBe(true);
  }

  const shell = new ShellPage(page);
  const desk = new AttendancePage(page);
  await page.goto(`${host.origin}/#/workshops/${workshopId}`);
  await page.getByRole('link', { name: 'Accueil / Émargement' }).click();
  await expect(shell.heading).toHaveText('Accueil — Budget participatif — Goutte-d’Or');
  await expect(desk.count('expected')).toHaveText('3');

  // Two keystrokes: a few letters, Enter. The box has the focus on arrival.
  await expect(desk.search).toBeFocused();
  await page.keyboard.type('hél');
  await expect(desk.results.getByRole('option')).toHaveText(['Hélène Côtéhelene@example.org']);
  await expectNoAxeViolations(page, 'check-in with results');
  await page.keyboard.press('Enter');
  await expect(shell.notice).toContainText('Hélène Côté est noté·e présent·e.');
  // The study is offered right there; Escape passes, and the search box has the focus again.
  await expect(desk.dialog).toContainText('Hélène Côté est noté·e présent·e — l’étude');
  await page.keyboard.press('Escape');
  await expect(desk.dialog).toBeHidden();
  await expect(desk.search).toHaveValue('');
  await expect(desk.search).toBeFocused();
  await expect(desk.count('present')).toHaveText('1');

  // People still expected come first; those already present say so.
  await page.keyboard.type('he');
  await expect(desk.results.getByRole('option')).toHaveText(['Henri Lambert', 'Hélène Côtéhelene@example.orgdéjà présent·e']);
  // Enter right after one more letter acts on « hél », never on the answer to « he » (Henri).
  await page.keyboard.type('l');
  await page.keyboard.press('Enter');
  await expect(shell.notice).toContainText('Cette personne est déjà notée présente.');
  await expect(desk.count('expected')).toHaveText('2');
  await page.keyboard.press('Escape');
  await page.keyboard.type('b');
  await expect(desk.results.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(desk.count('present')).toHaveText('2');
  await expect(desk.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(desk.search).toBeFocused();

  // Three anonymous people: twice the + key in the empty box, once the button.
  await page.keyboard.press('+');
  await expect(desk.count('anonymous')).toHaveText('1');
  await page.keyboard.press('+');
  await expect(desk.count('anonymous')).toHaveText('2');
  await desk.button('+1 personne anonyme').click();
  await expect(desk.count('anonymous')).toHaveText('3');

  // A walk-in who agrees to the study, after one bad email.
  await desk.button('Nouvelle personne (sans inscription)').click();
  await expect(desk.dialog).toBeVisible();
  await expect(desk.input('Nom et prénom')).toBeFocused();
  await desk.input('Nom et prénom').fill('Inès Haddad');
  await desk.input('E-mail').fill('ines-at-example');
  // Nothing is chosen in advance.
  await expect(desk.dialog.getByRole('radio', { checked: true })).toHaveCount(0);
  await desk.consent(/anonymes pour l’étude/, 'Oui');
  await desk.answer('Tranche d’âge', '16 à 25 ans');
  await desk.answer('Lieu de vie', 'À Paris');
  await desk.input('Arrondissement').fill('19');
  await desk.answer('Habite un quartier populaire (QPV)', 'Oui');
  await desk.answer('Activité', 'Élève ou étudiant·e');
  await desk.answer('Première participation au budget participatif', 'Oui');
  await desk.answer('Membre d’un conseil de quartier', 'Non');
  await desk.answer('Membre d’une association', 'Non');
  await expectNoAxeViolations(page, 'walk-in dialog with the study questions');
  await desk.save('Noter l’arrivée');
  await expect(desk.error('E-mail')).toHaveText('Cet e-mail n’a pas la bonne forme (exemple\u00a0: nom@exemple.fr).');
  await expect(desk.input('E-mail')).toHaveValue('ines-at-example');
  await expect(desk.input('Nom et prénom')).toHaveValue('Inès Haddad');
  await desk.input('E-mail').fill('ines@example.org');
  await desk.consent(/recontacte/, 'Oui');
  await desk.save('Noter l’arrivée');
  await expect(desk.dialog).toBeHidden();
  await expect(shell.notice).toContainText('Arrivée notée.');

  // A walk-in who gives a name but refuses the study: no study questions, no profile.
  await desk.button('Nouvelle personne (sans inscription)').click();
  await desk.input('Nom et prénom').fill('Jean Dupont');
  await desk.consent(/anonymes pour l’étude/, 'Non');
  await expect(desk.dialog.getByText('Questions de l’étude (anonymes)')).toHaveCount(0);
  await desk.save('Noter l’arrivée');
  await expect(desk.dialog).toBeHidden();

  await expect(desk.count('present')).toHaveText('4');
  await expect(desk.count('anonymous')).toHaveText('3');
  await expect(desk.count('total')).toHaveText('7');
  await expect(desk.count('expected')).toHaveText('1');
  await expect(desk.rows.filter({ hasText: 'Jean Dupont' })).toContainText('étude\u00a0: non');

  const listed = (await invoke(page, host.origin, 'attendance:list', { workshopId })).value as Listed;
  const byName = (n: string) => listed.items.find((i) => i.name === n)!;
  expect(byName('Inès Haddad')).toMatchObject({ status: 'present', hasProfile: true, consents: { study: { granted: true } } });
  expect(byName('Jean Dupont')).toMatchObject({ status: 'present', hasProfile: false, consents: { study: { granted: false } } });
  expect(byName('Henri Lambert')).toMatchObject({ status: 'registered' });
  await expectNoAxeViolations(page, 'check-in screen with the list');

  // The sign-in sheet comes as a PDF download, named after the workshop.
  const download = page.waitForEvent('download');
  await desk.button('Feuille d’émargement (PDF)').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('emargement-budget-participatif-goutte-d-or.pdf');
  await expect(shell.notice).toContainText('Feuille d’émargement prête');

  // The paper sheet screen.
  await page.getByRole('link', { name: 'Saisir une feuille papier' }).click();
  await expect(shell.heading).toHaveText('Feuille papier — Budget participatif — Goutte-d’Or');
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel('Ligne 1 — Nom et prénom').fill('Zoé Martin');
  await page.getByRole('radiogroup', { name: 'Accepte l’étude' }).locator('label').filter({ hasText: /^\s*Non$/ }).click();
  await page.locator('.checkbox', { hasText: 'Henri Lambert' }).click();
  await expectNoAxeViolations(page, 'paper sheet entry with a row');
  await page.getByRole('button', { name: 'Enregistrer la feuille' }).click();
  await expect(shell.notice).toContainText('2 lignes enregistrées.');
  await expect(shell.heading).toHaveText('Accueil — Budget participatif — Goutte-d’Or');
  await expect(desk.count('present')).toHaveText('6');
  await expect(desk.count('expected')).toHaveText('0');
  await expect(desk.rows.filter({ hasText: 'Zoé Martin' })).toContainText('feuille papier');
});

test('the welcome desk speaks English completely, and asks who is welcoming before the first arrival', async ({ page, host, openApp }) => {
  await openApp();
  const created = await invoke(page, host.origin, 'workshops:create', {
    kind: 'pb_co_construction',
    title: 'Belleville workshop',
    description: '',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T20:30',
    venueName: 'Centre social Belleville',
    venueAddress: '',
    arrondissement: 20,
    inQpv: true,
    capacity: null,
    partners: [],
    facilitators: [],
  });
  const workshopId = (created.value as { id: string }).id;
  await invoke(page, host.origin, 'attendance:register', { workshopId, person: { name: 'Awa Diallo' }, recordedBy: 'Desk' });
  const shell = new ShellPage(page);
  await shell.switchLanguage('en');
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  await expect(shell.heading).toHaveText('Welcome — Belleville workshop');
  const search = page.getByRole('combobox', { name: 'Search a registered person' });
  await expect(search).toBeFocused();
  await page.keyboard.type('awa');
  await expect(page.getByRole('option')).toHaveText(['Awa Diallo']);
  await page.keyboard.press('Enter');
  // No facilitator named on this workshop: the desk asks once, beside the field, and keeps the search.
  await expect(page.locator('.field', { hasText: 'Who is welcoming' }).locator('.field__error')).toHaveText('First say who is welcoming: your name is kept with each arrival.');
  await page.getByLabel('Who is welcoming').fill('Sam Lee');
  await search.focus();
  await expect(search).toHaveValue('awa');
  await page.keyboard.press('Enter');
  await expect(shell.notice).toContainText('Awa Diallo is recorded as present.');
  await expect(page.getByRole('dialog')).toContainText('Awa Diallo is recorded as present — the study');
  await expectNoAxeViolations(page, 'study offered after a check-in, in English');
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByTestId('count-present').locator('dd')).toHaveText('1');
  await page.getByRole('button', { name: 'New person (not registered)' }).click();
  await expect(page.getByRole('dialog')).toContainText('Do you agree that the City of Paris may contact you again');
  await expectNoAxeViolations(page, 'walk-in dialog in English');
});
