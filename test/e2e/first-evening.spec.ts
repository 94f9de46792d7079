/**
 * What the first real evening found (issue 7), replayed as a facilitator does it: typing then
 * reloading with the field still focused (the address box: address-box.spec.ts), the desk of a
 * closed workshop, consents edited twice, the study at check-in with the keyboard alone.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test, type Page } from './fixtures.js';
import { readDataFolder } from './host.js';
import { AttendancePage } from './pages/AttendancePage.js';
import { DetailPage } from './pages/DetailPage.js';
import { dateValue, field } from './pages/controls.js';
import { FormPage } from './pages/FormPage.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { goutteDor, invoke, seedWorkshop } from './seed.js';

interface Listed {
  items: { name: string | null; hasProfile: boolean; consents: Record<'contact' | 'study', { granted: boolean; recordedAt: string; recordedBy: string } | null> }[];
}

/** A workshop with a facilitator named, and people registered beforehand at the lab's desk. */
async function workshopWithRegistrations(page: Page, origin: string, people: { name: string; contact?: boolean }[]): Promise<string> {
  const created = await invoke(page, origin, 'workshops:create', {
    ...goutteDor,
    description: '',
    venueAddress: '',
    inQpv: true,
    capacity: null,
    partners: [],
    facilitators: ['Camille Martin'],
  });
  const workshopId = (created.value as { id: string }).id;
  for (const p of people) {
    const consents = p.contact === undefined ? [] : [{ purpose: 'contact', granted: p.contact, textVersion: 'contact-2026-11' }];
    expect((await invoke(page, origin, 'attendance:register', { workshopId, person: { name: p.name }, recordedBy: 'Bureau', consents })).ok).toBe(true);
  }
  return workshopId;
}

/** The study profiles as stored (no name in them), read-only beside the running host. */
function storedProfiles(dataDir: string) {
  return readDataFolder(dataDir, 'query', 'select age_bracket, residence, residence_arrondissement, lives_in_qpv, occupation_category from participant_profiles where deleted_at is null');
}

async function listed(page: Page, origin: string, workshopId: string, name: string) {
  return ((await invoke(page, origin, 'attendance:list', { workshopId })).value as Listed).items.find((i) => i.name === name)!;
}

test('numbers typed are kept in the draft at once: a reload with the field still focused loses neither the places nor the cost', async ({ page, host, openApp }) => {
  await openApp('/workshops/new');
  const form = new FormPage(page);
  await form.input('Titre').fill('Atelier du jeudi');
  await form.input('Nombre de places').click();
  await page.keyboard.type('40');
  await expect(form.input('Nombre de places')).toBeFocused();
  await page.reload();
  await expect(page.getByText('Brouillon retrouvé')).toBeVisible();
  await expect(form.input('Titre')).toHaveValue('Atelier du jeudi');
  await expect(form.input('Nombre de places')).toHaveValue('40');

  const workshopId = await seedWorkshop(page, host.origin, goutteDor);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/new`);
  const p = new ProposalsPage(page);
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await p.input('Titre').fill('Des bancs à l’ombre');
  await p.input('Coût estimé (en euros)').click();
  await page.keyboard.type('45 000');
  await expect(p.input('Coût estimé (en euros)')).toBeFocused();
  await page.reload();
  await expect(p.input('Titre')).toHaveValue('Des bancs à l’ombre');
  // Formatted on its way back, as when the field is left: the amount is kept, not the keystrokes.
  await expect(p.input('Coût estimé (en euros)')).toHaveValue(/^45\s000\s€$/);
  await expectNoAxeViolations(page, 'proposal form with a restored draft');
});

test('the study is offered where a registered person is checked in, and answered with the keyboard alone in a few keystrokes', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await workshopWithRegistrations(page, host.origin, [{ name: 'Hélène Côté' }, { name: 'Bruno Petit' }]);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  const desk = new AttendancePage(page);
  await expect(desk.search).toBeFocused();

  const keys: string[] = [];
  const press = async (...sequence: string[]) => {
    for (const key of sequence) {
      keys.push(key);
      if (key.length === 1) await page.keyboard.type(key);
      else await page.keyboard.press(key);
    }
  };
  await press('h', 'é', 'l', 'Enter');
  // The study question has the focus (a person looks up at the dialog before answering).
  await expect(desk.radio(/anonymes pour l’étude/, 'Oui')).toBeFocused();
  await press('Space'); // yes to the study
  // Every answer starts at « ne souhaite pas dire »: only what the person says takes a key.
  await expect(desk.radio('Tranche d’âge', 'Ne souhaite pas dire')).toBeChecked();
  await expect(desk.radio('Activité', 'Ne souhaite pas dire')).toBeChecked();
  await expectNoAxeViolations(page, 'study offered at check-in');
  await press('Tab', 'ArrowRight', 'ArrowRight', 'ArrowRight'); // age: 26 to 40
  await press('Tab', 'ArrowRight'); // lives in Paris
  await press('Tab', '1', '8'); // the 18th arrondissement
  await press('Enter');
  await expect(desk.dialog).toBeHidden();
  expect(keys.length).toBeLessThanOrEqual(16);
  await expect(new ShellPage(page).notice).toContainText('Consentements enregistrés.');
  // The next person is searched for at once.
  await expect(desk.search).toBeFocused();
  await expect(desk.rows.filter({ hasText: 'Hélène Côté' })).toContainText('étude\u00a0: oui');
  expect(await listed(page, host.origin, workshopId, 'Hélène Côté')).toMatchObject({ hasProfile: true, consents: { study: { granted: true, recordedBy: 'Camille Martin' } } });
  // What the study will count: read from the laptop's database itself.
  expect(storedProfiles(host.dataDir)).toEqual([
    { age_bracket: '26_40', residence: 'paris', residence_arrondissement: 18, lives_in_qpv: 'unknown', occupation_category: 'not_said' },
  ]);

  // Escape passes the study: the check-in stays, the focus is back in the search box.
  await page.keyboard.type('bru');
  await page.keyboard.press('Enter');
  await expect(desk.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(desk.search).toBeFocused();
  expect(await listed(page, host.origin, workshopId, 'Bruno Petit')).toMatchObject({ hasProfile: false, consents: { study: null } });
});

test('after registering someone the focus is back in the search box', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await workshopWithRegistrations(page, host.origin, []);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  const desk = new AttendancePage(page);
  await desk.button('Inscrire à l’avance').click();
  await desk.input('Nom et prénom').fill('Inès Haddad');
  await page.keyboard.press('Enter');
  await expect(desk.dialog).toBeHidden();
  await expect(new ShellPage(page).notice).toContainText('Inès Haddad est inscrit·e.');
  await expect(desk.search).toBeFocused();
  await page.keyboard.type('inè');
  await expect(desk.results.getByRole('option')).toHaveText(['Inès Haddad']);
});

test('consents edited twice: the contact consent already given stays ticked and is never silently changed', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await workshopWithRegistrations(page, host.origin, [{ name: 'Hélène Côté', contact: true }]);
  const given = (await listed(page, host.origin, workshopId, 'Hélène Côté')).consents.contact!;
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  const desk = new AttendancePage(page);
  const contact = /recontacte/;
  const study = /anonymes pour l’étude/;
  await expect(desk.search).toBeFocused();

  // First edit, at check-in: the contact consent shows as given; the study is refused.
  await page.keyboard.type('hél');
  await page.keyboard.press('Enter');
  await expect(desk.radio(contact, 'Oui')).toBeChecked();
  await expect(desk.radio(study, 'Oui')).not.toBeChecked();
  await desk.consent(study, 'Non');
  await desk.save('Enregistrer');
  await expect(desk.dialog).toBeHidden();
  const row = desk.rows.filter({ hasText: 'Hélène Côté' });
  await expect(row).toContainText('recontact\u00a0: oui, étude\u00a0: non');

  // Second edit, from the list: both answers show as given; the study changes to yes.
  await row.getByRole('button', { name: /Consentements et étude/ }).click();
  await expect(desk.radio(contact, 'Oui')).toBeChecked();
  await expect(desk.radio(study, 'Non')).toBeChecked();
  await desk.consent(study, 'Oui');
  await desk.answer('Tranche d’âge', '61 à 75 ans');
  await expectNoAxeViolations(page, 'consents edited with the study questions');
  await desk.save('Enregistrer');
  await expect(desk.dialog).toBeHidden();
  await expect(row).toContainText('recontact\u00a0: oui, étude\u00a0: oui');

  // Opened once more: still ticked; the answers already recorded are not asked again unasked.
  await row.getByRole('button', { name: /Consentements et étude/ }).click();
  await expect(desk.radio(contact, 'Oui')).toBeChecked();
  await expect(desk.radio(study, 'Oui')).toBeChecked();
  await expect(desk.dialog).toContainText('Les réponses de l’étude de cette personne sont déjà enregistrées.');
  await desk.save('Enregistrer');
  await expect(desk.dialog).toBeHidden();

  // The contact consent is still the one given at registration: same time, same recorder.
  const now = await listed(page, host.origin, workshopId, 'Hélène Côté');
  expect(now.consents.contact).toEqual(given);
  expect(now).toMatchObject({ hasProfile: true, consents: { study: { granted: true } } });
});

test('a closed workshop keeps its sign-in sheet and the paper sheet, and its desk says the door is shut before any click', async ({ page, host, openApp }) => {
  await openApp();
  const workshopId = await workshopWithRegistrations(page, host.origin, [{ name: 'Henri Lambert' }]);
  const detail = new DetailPage(page);
  const shell = new ShellPage(page);
  await page.goto(`${host.origin}/#/workshops/${workshopId}`);
  await detail.openWorkshop();
  await expect(detail.status).toContainText('En cours');
  await detail.startClosing();
  await detail.minutesField().fill('Atelier tenu, feuille papier à saisir.');
  await detail.confirmClose();
  await expect(detail.status).toContainText('Clos');

  // The desk is still one click away, and says at once that the door is shut.
  await page.getByRole('link', { name: 'Accueil / Émargement' }).click();
  await expect(shell.heading).toHaveText('Accueil — Budget participatif — Goutte-d’Or');
  await expect(page.getByText('Cet atelier est clos')).toBeVisible();
  const desk = new AttendancePage(page);
  await expect(desk.search).toHaveCount(0);
  await expect(desk.button('Nouvelle personne (sans inscription)')).toHaveCount(0);
  await expect(desk.button('+1 personne anonyme')).toHaveCount(0);
  await expect(desk.button('Inscrire à l’avance')).toHaveCount(0);
  await expectNoAxeViolations(page, 'desk of a closed workshop');

  const download = page.waitForEvent('download');
  await desk.button('Feuille d’émargement (PDF)').click();
  expect((await download).suggestedFilename()).toBe('emargement-budget-participatif-goutte-d-or.pdf');

  await page.getByRole('link', { name: 'Saisir une feuille papier' }).click();
  await expect(shell.heading).toHaveText('Feuille papier — Budget participatif — Goutte-d’Or');
  await page.locator('.checkbox', { hasText: 'Henri Lambert' }).click();
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel('Ligne 1 — Nom et prénom').fill('Zoé Martin');
  await page.getByRole('button', { name: 'Enregistrer la feuille' }).click();
  await expect(shell.notice).toContainText('2 lignes enregistrées.');
  await expect(desk.count('present')).toHaveText('2');

  // Opened by its address, same: nothing on the screen invites an arrival that would be refused.
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  await expect(page.getByText('Cet atelier est clos')).toBeVisible();
  await expect(desk.search).toHaveCount(0);
});

test.describe('on a laptop whose system speaks English', () => {
  test.use({ locale: 'en-US' });

  test('dates, times and files speak the app’s French; a date, even half typed, survives a reload; errors stay beside the field', async ({ page, host, openApp }) => {
    await openApp('/workshops/new');
    const form = new FormPage(page);
    const starts = field(page, 'Début');
    const ends = field(page, 'Fin');
    // The segments as a person reads them (without the bidi marks around the time).
    const shown = (f: typeof starts) => expect.poll(async () => (await f.getByRole('group').innerText()).replace(/[\u2066-\u2069\s]/g, ''));
    await shown(starts).toBe('jj/mm/aaaa––:––');
    await expect(page.locator('main')).not.toContainText(/mm\/dd\/yyyy|--:--|\bPM\b|\bAM\b/);
    await expectNoAxeViolations(page, 'new workshop form with its date fields');

    await form.typeDate('Début', '2026-03-14T18:30');
    await shown(starts).toBe('14/03/202618:30');
    // The end is half typed (the day only) when the laptop is shut.
    await ends.getByRole('spinbutton').first().click();
    await page.keyboard.type('14');
    await page.reload();
    await expect(page.getByText('Brouillon retrouvé')).toBeVisible();
    await expect(dateValue(page, 'Début')).toHaveValue('2026-03-14T18:30:00');
    await shown(ends).toBe('14/mm/aaaa––:––');

    // Finished after the reload, but before the start: the error is beside « Fin », the input kept.
    await ends.getByRole('spinbutton').nth(1).click();
    await page.keyboard.type('03202617' + '00');
    await expect(dateValue(page, 'Fin')).toHaveValue('2026-03-14T17:00:00');
    await form.submit.click();
    await expect(form.error('Fin')).toHaveText('La fin doit venir après le début.');
    await shown(ends).toBe('14/03/202617:00');

    // Files: a button in French, no « Choose Files ».
    const workshopId = await seedWorkshop(page, host.origin, goutteDor);
    await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals/new`);
    await expect(page.getByRole('button', { name: 'Ajouter des photos ou des scans…' })).toBeVisible();
    await expect(page.locator('input[type="file"]:visible')).toHaveCount(0);
  });
});
