/**
 * The whole journey, through the screens: open a co-construction workshop, check in 12
 * people (8 giving the study profile, 1 refusing the study, 3 anonymous), record 5 proposals by
 * typing an address and by clicking the map (one with a photo), dot-vote, close the workshop
 * with its minutes; then the study dashboard shows the right counts with the masking applied.
 * axe finds nothing on every screen on the way.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test, type Page } from './fixtures.js';
import { AttendancePage } from './pages/AttendancePage.js';
import { DetailPage } from './pages/DetailPage.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { StudyPage } from './pages/StudyPage.js';
import { goutteDor, seedWorkshop } from './seed.js';

/** A 1×1 PNG: the photo of a post-it wall, as small as a PNG gets. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function walkInWithStudy(desk: AttendancePage, age: string, checkAxe = false) {
  await desk.button('Nouvelle personne (sans inscription)').click();
  await expect(desk.dialog).toBeVisible();
  await desk.consent(/anonymes pour l’étude/, 'Oui');
  await desk.answer('Tranche d’âge', age);
  await desk.answer('Lieu de vie', 'À Paris');
  await desk.input('Arrondissement').fill('18');
  await desk.answer('Habite un quartier populaire (QPV)', 'Oui');
  await desk.answer('Activité', 'Salarié·e');
  await desk.answer('Première participation au budget participatif', 'Oui');
  await desk.answer('Membre d’un conseil de quartier', 'Non');
  await desk.answer('Membre d’une association', 'Non');
  if (checkAxe) await expectNoAxeViolations(desk.page, 'walk-in dialog with the study questions');
  await desk.save('Noter l’arrivée');
  await expect(desk.dialog).toBeHidden();
}

async function newProposal(page: Page, p: ProposalsPage, title: string, theme: string, place: { address: string; pick: string } | { map: [number, number] }, photo = false) {
  await page.getByRole('link', { name: 'Nouvelle proposition' }).click();
  await expect(p.heading).toHaveText('Nouvelle proposition');
  await p.input('Titre').fill(title);
  await p.input('Description').fill(`${title}, proposé en atelier.`);
  await p.choose('Thème', theme);
  if ('address' in place) {
    await p.typeAddress(place.address, place.pick);
  } else {
    await p.clickMap(...place.map);
  }
  await expect(p.derivedPlace).toContainText('arrondissement');
  if (photo) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Ajouter des photos ou des scans…' }).click();
    await (await chooser).setFiles({ name: 'mur-post-it.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByText('1\u00a0fichier joint')).toBeVisible();
  }
  await p.submit.click();
  await expect(p.item(title)).toBeVisible();
}

test('a co-construction workshop from the door to the study dashboard', async ({ page, host, openApp }) => {
  test.setTimeout(240_000);
  await openApp();
  const workshopId = await seedWorkshop(page, host.origin, goutteDor);
  const detail = new DetailPage(page);
  await page.goto(`${host.origin}/#/workshops/${workshopId}`);
  await detail.openWorkshop();
  await expect(detail.status).toContainText('En cours');

  // ── The door: 8 with the study (5 aged 26–40, 3 aged 16–25), 1 refusing it, 3 anonymous.
  await page.getByRole('link', { name: 'Accueil / Émargement' }).click();
  const desk = new AttendancePage(page);
  await expect(desk.search).toBeFocused();
  await expectNoAxeViolations(page, 'welcome desk');
  // No facilitator was named on this workshop: the desk asks who is welcoming, once.
  await page.getByRole('textbox', { name: /Qui accueille/ }).fill('Awa Diallo');
  for (let i = 0; i < 8; i++) await walkInWithStudy(desk, i < 5 ? '26 à 40 ans' : '16 à 25 ans', i === 0);
  await desk.button('Nouvelle personne (sans inscription)').click();
  await desk.input('Nom et prénom').fill('Jean Dupont');
  await desk.consent(/anonymes pour l’étude/, 'Non');
  await desk.save('Noter l’arrivée');
  await expect(desk.dialog).toBeHidden();
  await desk.search.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await expect(desk.count('anonymous')).toHaveText('3');
  await expect(desk.count('total')).toHaveText('12');

  // ── Proposals: 3 by typing an address (one with a photo), 2 by clicking the map.
  const p = new ProposalsPage(page);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/proposals`);
  await expect(p.heading).toHaveText('Propositions — Budget participatif — Goutte-d’Or');
  await newProposal(page, p, 'Des bancs à l’ombre', 'Cadre de vie', { address: '12 rue de la goutte d or', pick: "12 Rue de la Goutte d'Or, 75018 Paris" }, true);
  await expectNoAxeViolations(page, 'proposals map and list');
  await newProposal(page, p, 'Des arbres rue Myrha', 'Environnement', { address: '10 rue myrha', pick: '10 Rue Myrha, 75018 Paris' });
  await newProposal(page, p, 'Un jardin partagé', 'Environnement', { address: '5 rue des gardes', pick: '5 Rue des Gardes, 75018 Paris' });
  await newProposal(page, p, 'Une fontaine à eau', 'Santé', { map: [0.5, 0.5] });
  await newProposal(page, p, 'Un terrain de basket', 'Sport', { map: [0.45, 0.55] });
  await expect(page.getByRole('status').filter({ hasText: '5\u00a0propositions' })).toBeVisible();

  // ── Dots: 3 for the benches, 1 for the fountain.
  await page.getByRole('link', { name: 'Soutiens (gommettes, jugement majoritaire)' }).click();
  await expect(p.heading).toHaveText('Soutiens');
  const benches = page.getByRole('button', { name: 'Ajouter une gommette à «\u00a0Des bancs à l’ombre\u00a0»' });
  for (let i = 0; i < 3; i++) await benches.click();
  await page.getByRole('button', { name: 'Ajouter une gommette à «\u00a0Une fontaine à eau\u00a0»' }).click();
  await expect(page.locator('.proposal-list__item').filter({ hasText: 'Des bancs à l’ombre' }).getByRole('status')).toHaveText('3\u00a0gommettes');
  await expectNoAxeViolations(page, 'supports');

  // ── Close with the minutes.
  await page.goto(`${host.origin}/#/workshops/${workshopId}`);
  await detail.startClosing();
  await detail.minutesField().fill('Cinq propositions, dont trois en quartier populaire. Les bancs arrivent en tête.');
  await detail.confirmClose();
  await expect(detail.status).toContainText('Clos');

  // ── The study: 12 present, 8 with a profile; the age groups masked as the rule says.
  const study = new StudyPage(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Étude' }).click();
  await study.chooseScope(/Un atelier/);
  await study.chooseWorkshop(/Goutte-d’Or/);
  await expect(study.headline('participants')).toHaveText('12');
  await expect(study.headline('withProfile')).toHaveText('8');
  await expect(study.headline('proposals')).toHaveText('5');
  await expect(study.headline('dots')).toHaveText('4');
  // 3 aged 16–25 is under 5; the 5 aged 26–40 is hidden too, or 8 − 5 would give the 3 back.
  await expect(study.count('ageBracket', /16 à 25/)).toContainText('< 5');
  await expect(study.count('ageBracket', /26 à 40/)).toContainText('masqué');
  // Everyone gave the same answer here: the others are 0, which reveals nobody.
  await expect(study.count('firstParticipation', /^Oui/)).toHaveText('8');
  await expect(study.count('firstParticipation', /^Non/)).toContainText('< 5');
  await expect(study.count('theme', /Environnement/)).toHaveText('2');
  await expectNoAxeViolations(page, 'study dashboard after the workshop');
});
