/**
 * La Transfo's practical cases from end to end, in Chromium through the web host: from a call's
 * screen, « Cas pratiques »; a case created through its form (a refusal beside its field, the
 * sealed draft back after a reload and never in clear in the browser's storage); on the case's
 * screen, sessions picked among the training sessions, journal entries at two sessions, an
 * insight, a prototype with a real-sized phone photo (4 MB) and a short video (MP4), a decision,
 * the state « décidé », next steps with their owners (one typed with the keyboard only, one
 * overdue); a second case worked across sessions through the commands; the list's state at a
 * glance, filtered. axe finds nothing on each screen; the English words once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { phoneJpeg } from './phone-photo.js';
import { errorOf } from './pages/controls.js';
import { CasesPage } from './pages/CasesPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { must, seedWorkshop } from './seed.js';

/** An MP4's first box (`ftyp`), as the core checks it, then the clip's bytes. */
const phoneMp4 = (size: number) => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), randomBytes(size - 12)]);

/** The lab's balance rules by default (src-shared/transfo/balance.ts), as the campaign form sends them. */
const defaultBalanceRules = { target: 20, maxPerDirection: 3, everyCategoryRepresented: true, genderShare: { min: 0.4, minKnown: 5 }, everySeniorityBand: true, seniorityEdges: [5, 15] };

const session = (title: string, startsAt: string, kind = 'la_transfo_training') => ({
  kind,
  title,
  startsAt,
  endsAt: `${startsAt.slice(0, 10)}T17:00`,
  venueName: 'Lab d’innovation, Hôtel de Ville',
  arrondissement: 4,
});

test('La Transfo: two practical cases worked across sessions, a prototype with a photo and a video, the list at a glance', async ({ page, host, openApp }) => {
  // A 4 MB photo and a 3 MB video cross the web host as base64: the slowest steps on two shared cores.
  test.setTimeout(240_000);
  const shell = new ShellPage(page);
  const cases = new CasesPage(page);
  const origin = host.origin;
  await openApp();
  const campaign = await must(page, origin, 'transfo:create-campaign', {
    fields: { title: 'La Transfo 2026', opensOn: '2026-01-05', closesOn: '2026-01-30', profileSought: '', balanceRules: defaultBalanceRules },
  });
  const campaignId = campaign.id as string;
  await seedWorkshop(page, origin, session('Formation — séance 3 : immersion', '2026-10-06T09:30'));
  const s2 = await seedWorkshop(page, origin, session('Formation — séance 4 : prototypage', '2026-11-03T09:30'));
  const monthly = await seedWorkshop(page, origin, session('Atelier mensuel du Lab — novembre', '2026-11-17T09:30', 'lab_monthly'));

  // From the call's screen, its practical cases.
  await page.goto(`${origin}/#/transfo/${campaignId}`);
  await cases.link('Cas pratiques').click();
  await expect(shell.heading).toHaveText('Cas pratiques — La Transfo 2026');
  await expect(page.getByText('Aucun cas pratique pour l’instant.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'the practical cases, empty');

  // A new case: a missing title is said beside its field; the draft is sealed and back after a reload.
  await cases.button('Nouveau cas').click();
  await cases.button('Créer le cas').click();
  await expect(cases.error('Titre du cas')).toHaveText('À remplir.');
  await cases.input('Titre du cas').fill('L’accueil des familles à la mairie du 18e');
  await cases.input('Les usagers rencontrés').fill('12 familles à l’accueil du samedi, 4 agents d’accueil');
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  await expect.poll(async () => (await stored()).includes('sealed')).toBe(true);
  expect(await stored()).not.toContain('familles');
  await page.reload();
  await cases.button('Nouveau cas').click();
  await expect(cases.input('Titre du cas')).toHaveValue('L’accueil des familles à la mairie du 18e');
  await expect(cases.input('Les usagers rencontrés')).toHaveValue('12 familles à l’accueil du samedi, 4 agents d’accueil');
  await cases.choose('Direction de la Ville', 'DDCT — Direction de la Démocratie, des Citoyen·nes et des Territoires');
  await cases.input('Service qui apporte le cas').fill('Mairie du 18e — accueil');
  await cases.input('La question posée').fill('Comment mieux accueillir les familles qui viennent pour la première fois\u00a0?');
  await cases.tick('Immersion');
  await cases.tick('Entretiens');
  await expectNoAxeViolations(page, 'the new case form');
  await cases.button('Créer le cas').click();
  await expect(shell.heading).toHaveText('L’accueil des familles à la mairie du 18e');
  const caseId = /cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await expect(cases.caseState).toContainText('Cadrage');
  await expectNoAxeViolations(page, 'a new case');

  // Its sessions, picked among the training sessions and the lab's monthly workshops.
  const sessions = cases.part('Séances');
  await cases.chooseIn(sessions, 'Séance à ajouter', 'Formation — séance 3 : immersion — mardi 6 octobre 2026, 9 h 30');
  await cases.button('Ajouter la séance').click();
  await expect(page.getByTestId('case-sessions')).toContainText('Formation — séance 3 : immersion');

  // The journal: an entry at each of two sessions, dated by the session.
  const journal = cases.part('Journal');
  for (const [label, summary] of [
    ['Formation — séance 3 : immersion — mardi 6 octobre 2026, 9 h 30', 'Immersion à l’accueil un samedi matin'],
    ['Formation — séance 4 : prototypage — mardi 3 novembre 2026, 9 h 30', 'Un guichet d’orientation en carton, testé avec des familles'],
  ] as const) {
    await cases.chooseIn(journal, 'Séance', label);
    await cases.inputIn(journal, 'Ce qui a avancé').fill(summary);
    await cases.button('Ajouter au journal').click();
    await expect(page.getByTestId('case-journal')).toContainText(summary);
  }
  await expect(page.getByTestId('case-journal')).toContainText('mardi 3 novembre 2026');
  await expect(page.getByTestId('case-sessions').getByRole('listitem')).toHaveCount(2);

  // An insight.
  await cases.inputIn(cases.part('Enseignements'), 'Enseignement').fill('Les familles ne savent pas à quel guichet aller');
  await cases.part('Enseignements').getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByTestId('case-insights')).toContainText('Les familles ne savent pas à quel guichet aller');

  // A prototype with a 4 MB phone photo and a short video.
  const photo = await phoneJpeg(page, 4 * 1024 * 1024);
  const video = phoneMp4(3 * 1024 * 1024);
  const prototypes = cases.part('Prototypes');
  await cases.inputIn(prototypes, 'Titre du prototype').fill('Le guichet d’orientation en carton');
  await cases.inputIn(prototypes, 'Description').fill('Une table et un panneau à l’entrée\u00a0; des familles le testent un samedi.');
  const uploads = page.waitForResponse((r) => r.url().includes('/rpc/transfoCases%3Aadd-video'));
  const chooser = page.waitForEvent('filechooser');
  await cases.button('Choisir des photos ou vidéos').click();
  await (await chooser).setFiles([
    { name: 'guichet.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'test-familles.mp4', mimeType: 'video/mp4', buffer: video },
  ]);
  expect((await uploads).status()).toBe(200);
  await expect(prototypes.getByText('2\u00a0fichiers prêts')).toBeVisible({ timeout: 20_000 });
  await cases.button('Ajouter le prototype').click();
  const thumbnail = page.getByRole('img', { name: 'Le guichet d’orientation en carton' });
  await expect(thumbnail).toBeVisible({ timeout: 15_000 });
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(1000);
  await cases.button('Lire la vidéo 2 de «\u00a0Le guichet d’orientation en carton\u00a0»').click();
  await expect(page.getByTestId('case-video')).toBeVisible();
  await expect(page.getByText('Description de la vidéo\u00a0: Une table et un panneau', { exact: false })).toBeVisible();
  const stored2 = (await must(page, origin, 'transfoCases:get', { id: caseId })) as { prototypes: { attachments: { sha256: string; mediaType: string }[] }[] };
  expect(stored2.prototypes[0]!.attachments).toEqual([
    { sha256: createHash('sha256').update(photo).digest('hex'), mediaType: 'image/jpeg' },
    { sha256: createHash('sha256').update(video).digest('hex'), mediaType: 'video/mp4' },
  ]);

  // « Décidé » needs a decision: refused beside the state, then a decision, then the state.
  const state = cases.part('Où en est le cas');
  await cases.chooseIn(state, 'État', 'Décidé');
  await cases.button('Changer l’état').click();
  await expect(errorOf(state, 'État')).toContainText('au moins une décision');
  const decisions = cases.part('Décisions');
  await cases.typeDateIn(decisions, 'Date de la décision', '2026-11-10');
  await cases.inputIn(decisions, 'Décision').fill('Un guichet d’orientation à l’entrée, le samedi, dès janvier');
  await decisions.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByTestId('case-decisions')).toContainText('mardi 10 novembre 2026');
  await cases.chooseIn(state, 'État', 'Décidé');
  await cases.button('Changer l’état').click();
  await expect(cases.caseState).toContainText('Décidé');

  // Next steps with their owners: one typed with the keyboard only, one overdue.
  const steps = cases.part('Prochaines étapes');
  await cases.inputIn(steps, 'Étape').focus();
  await page.keyboard.type('Présenter le guichet au cabinet du maire');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Paul Martin (DDCT)');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-next-steps')).toContainText('Paul Martin (DDCT)');
  await expect(page.getByTestId('case-next-steps')).toContainText('Sans date');
  await cases.inputIn(steps, 'Étape').fill('Restituer aux agents d’accueil');
  await cases.inputIn(steps, 'Qui la porte').fill('Inès Lab');
  await cases.typeDateIn(steps, 'Pour le', '2026-11-20');
  await steps.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByTestId('case-next-steps').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('case-next-steps')).toContainText('En retard');
  await expectNoAxeViolations(page, 'a case with its journal, prototype, decision and next steps');

  // A second case, worked at the second session and the monthly workshop (through the commands).
  const other = await must(page, origin, 'transfoCases:create', {
    campaignId,
    fields: { title: 'Les bibliothèques hors les murs', direction: 'DAC', service: 'Bibliothèques', question: 'Comment aller vers les lecteurs éloignés\u00a0?', usersMet: '', methods: ['observation'] },
  });
  let version = other.version as number;
  for (const [workshopId, summary] of [
    [s2, 'Cadrage avec les bibliothécaires'],
    [monthly, 'Restitution au Lab'],
  ] as const) {
    version = (await must(page, origin, 'transfoCases:add-journal-entry', { id: other.id, version, entry: { workshopId, date: null, summary } })).version as number;
  }
  await must(page, origin, 'transfoCases:update', { id: other.id, version, fields: { state: 'immersion' } });

  // The list: each case's state at a glance.
  await cases.link('Tous les cas pratiques').click();
  await expect(shell.heading).toHaveText('Cas pratiques — La Transfo 2026');
  await expect(cases.caseRows).toHaveCount(2);
  const accueil = cases.caseRows.filter({ hasText: 'L’accueil des familles' });
  await expect(accueil).toContainText('Décidé');
  await expect(accueil).toContainText('Immersion, Entretiens');
  await expect(accueil.getByRole('cell').nth(3)).toHaveText('2');
  await expect(accueil).toContainText('mardi 3 novembre 2026');
  await expect(accueil).toContainText('2\u00a0ouvertes, dont 1\u00a0en retard');
  const libraries = cases.caseRows.filter({ hasText: 'Les bibliothèques hors les murs' });
  await expect(libraries).toContainText('Immersion');
  await expect(libraries).toContainText('mardi 17 novembre 2026');
  await expect(libraries).toContainText('Aucune ouverte');
  await expectNoAxeViolations(page, 'the practical cases at a glance');
  await cases.choose('État', 'Décidé');
  await expect(cases.caseRows).toHaveCount(1);
  await expect(cases.caseRows).toContainText('L’accueil des familles');
  await cases.choose('État', 'Tous');
  await cases.choose('Direction', 'DAC — Direction des Affaires culturelles');
  await expect(cases.caseRows).toHaveCount(1);
  await expect(cases.caseRows).toContainText('Les bibliothèques hors les murs');

  // In English, once.
  await cases.choose('Direction', 'Tous');
  await shell.switchLanguage('en');
  await expect(shell.heading).toHaveText('Practical cases — La Transfo 2026');
  await expect(accueil).toContainText('Decided');
  await expect(accueil).toContainText('2 open, of which 1 overdue');
  await expectNoAxeViolations(page, 'the practical cases, in English');
  await accueil.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Next steps', exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'a case, in English');
});
