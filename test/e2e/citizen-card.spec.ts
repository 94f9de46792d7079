/**
 * A Citizen Card atelier from end to end, in Chromium through the web host: the lab creates an
 * atelier type and a session of 10 places, imports the City's file (one bad line reported with
 * its line and reason, as a downloadable CSV too), registers 25 holders (two at the desk with
 * the keyboard, the rest through the commands), announces the draw (the seed shown) and runs
 * it, frees a drawn place (the head of the waiting list is promoted, and the promotion listed),
 * checks 8 people in at the door by card number, by name and by the QR code of their
 * confirmation filmed by a camera (a Chromium of its own with a fake camera showing the code),
 * marks the no-shows, and downloads the sign-in sheet and the certificates (read back with
 * pdftotext). axe finds nothing on every new screen, in French and in English.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { CitizenCardPage } from './pages/CitizenCardPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { browserWithCamera, qrCameraFiles } from './qr-camera.js';
import { must } from './seed.js';

interface View {
  id: string;
  version: number;
  holderId: string;
  holderName: string | null;
  status: string;
  rank: number | null;
}

const FIRST = ['Aïcha', 'Bruno', 'Chloé', 'Dmitri', 'Élodie', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Karima', 'Léon', 'Maëlys', 'Nadir', 'Océane', 'Pierre', 'Quitterie', 'Rachid', 'Sévérine', 'Thibault', 'Ulysse', 'Victoire', 'Wassim', 'Xavière', 'Yannick', 'Zoé', 'Amadou', 'Bérénice', 'Cyril', 'Dounia'];
const LAST = ['Benali', 'Carpentier', 'Dufresne', 'Ivanov', 'Marchand', 'Haddad', 'Le Goff', 'Moreau', 'Haddou', 'Vasseur', 'Ziani', 'Roussel', 'Perrin', 'Bouzid', 'Lefèvre', 'Garnier', 'de Villiers', 'Amrani', 'Fabre', 'Lambert', 'Nguyen', 'Rolland', 'Saïdi', 'Texier', 'Guérin', 'Martin', 'Diallo', 'Chevalier', 'Morel', 'Kaci'];
const cardOf = (i: number) => `CC${String(700101 + i)}`;
/** The City's file: 30 holders on lines 2 to 32, on line 12 a card number that cannot be one, and a twin on line 33. */
function cityFile(): string {
  const lines = ['Numéro de carte;Prénom;Nom;Année de naissance;Arrondissement;Courriel;Consentement'];
  for (let i = 0; i < 30; i++) {
    lines.push(`${cardOf(i)};${FIRST[i]};${LAST[i]};${1950 + i};${(i % 20) + 1};${FIRST[i]!.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}${i}@exemple.fr;oui`);
    if (i === 9) lines.push('??;Henri;Sans-Carte;1970;11;;non');
  }
  // Line 33: Karima Ziani again, on a new card (the City's file has such twins): a likely duplicate.
  lines.push('CC700199;Karima;Ziani;1960;11;;non');
  return `${lines.join('\r\n')}\r\n`;
}

/** Tomorrow in Paris, as `YYYY-MM-DD`. */
function tomorrowInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 24 * 3600_000));
}

/** What a confirmation's QR code says (src-shared/citizen-card/card-number.ts, written again: the specs import no app code). */
const confirmationQrPayload = (registrationId: string) => `ATELIER-CC:${registrationId}`;
const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

test('a Citizen Card atelier: catalogue, the City’s file, 25 registrations, the draw, a promotion, the door by card, name and QR, no-shows, papers', async ({ page, host, openApp }) => {
  test.setTimeout(420_000);
  const work = mkdtempSync(join(tmpdir(), 'atelier-card-e2e-'));
  const shell = new ShellPage(page);
  const card = new CitizenCardPage(page);
  try {
    // The catalogue, from the shell's link.
    await openApp();
    await page.getByRole('link', { name: 'Carte citoyenne' }).click();
    await expect(shell.heading).toHaveText('Ateliers Carte citoyenne');
    await expectNoAxeViolations(page, 'the Citizen Card catalogue, empty');

    // An atelier type: a forgotten choice is said beside its field, nothing typed is lost.
    await card.button('Nouveau type d’atelier').click();
    await card.input('Titre').fill('Découvrir le Conseil de Paris');
    await card.button('Enregistrer le type').click();
    await expect(card.error('Thème')).toHaveText('À remplir.');
    await expect(card.input('Titre')).toHaveValue('Découvrir le Conseil de Paris');
    await card.choose('Thème', 'Séance du Conseil de Paris');
    await card.choose('Public', 'Adultes');
    await card.choose('Format', 'Visite');
    await card.tick('Accessible en fauteuil roulant');
    await expectNoAxeViolations(page, 'the atelier type form');
    await card.button('Enregistrer le type').click();
    await expect(shell.notice).toContainText('Type d’atelier « Découvrir le Conseil de Paris » enregistré.');
    await expect(card.typeRows).toHaveCount(1);
    await expect(card.typeRows).toContainText('Visite');

    // A session of 10 places, tomorrow.
    const day = tomorrowInParis();
    await card.button('Nouvelle séance').click();
    await card.choose('Type d’atelier', 'Découvrir le Conseil de Paris');
    await card.typeDate('Début', `${day}T14:00`);
    await card.typeDate('Fin', `${day}T16:00`);
    await card.input('Lieu').fill('Hôtel de Ville');
    await card.choose('Arrondissement', '4e arrondissement');
    await card.input('Nombre de places').fill('10');
    await card.tick(/Accepter les personnes venues sans inscription/);
    await expectNoAxeViolations(page, 'the new session form');
    await card.button('Créer la séance').click();
    await expect(shell.heading).toHaveText('Séance — Découvrir le Conseil de Paris');
    const workshopId = /occurrences\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await expect(card.count('places')).toHaveText('10');
    await expect(card.count('free')).toHaveText('10');

    // The workshop's own page leads to the session (its kind has the lottery).
    await page.getByRole('link', { name: 'Fiche de l’atelier' }).click();
    await page.getByRole('link', { name: 'Séance Carte citoyenne (inscriptions, tirage)' }).click();
    await expect(shell.heading).toHaveText('Séance — Découvrir le Conseil de Paris');

    // The City's file: 30 holders and one bad line, reported with its line and reason.
    await page.goto(`${host.origin}/#/citizen-card/holders`);
    await expect(shell.heading).toHaveText('Titulaires de la Carte citoyenne');
    // A file without the card numbers' column: nothing imported, the column named as a person reads it.
    const noCards = join(work, 'sans-cartes.csv');
    writeFileSync(noCards, 'Nom;Prénom;Courriel\nDiallo;Awa;awa@example.org\n');
    await page.getByLabel('Fichier CSV').setInputFiles(noCards);
    await card.button('Importer').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Il manque des colonnes' })).toHaveText(
      'Il manque des colonnes dans l’en-tête\u00a0: le numéro de carte («\u00a0Numéro de carte\u00a0»). Rien n’a été importé.',
    );
    const file = join(work, 'titulaires.csv');
    writeFileSync(file, cityFile());
    await page.getByLabel('Fichier CSV').setInputFiles(file);
    await card.button('Importer').click();
    await expect(page.getByTestId('import-result')).toContainText('31\u00a0nouveaux, 0\u00a0mis à jour, 0\u00a0inchangés, 1\u00a0lignes refusées.');
    await expect(page.getByTestId('import-progress')).toHaveText('32 lignes sur 32');
    const refused = page.getByTestId('refused-lines').locator('tbody tr');
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('12');
    await expect(refused).toContainText('Numéro de carte absent ou mal formé');
    const reportDownload = page.waitForEvent('download');
    await card.button('Télécharger le rapport des lignes refusées (CSV)').click();
    const report = readFileSync(await (await reportDownload).path(), 'utf8');
    expect(report).toContain('ligne;raison;valeur');
    expect(report).toMatch(/\r\n12;"Numéro de carte absent ou mal formé";"\?\?"/);
    // The twin is a likely duplicate: merged after a confirmation, the first record kept.
    const twin = page.getByTestId('duplicate-row').filter({ hasText: 'Karima Ziani' });
    await expect(twin).toContainText('Même nom et même année de naissance');
    await twin.getByRole('button', { name: 'Fusionner Karima Ziani et Karima Ziani' }).click();
    await expect(card.dialog).toContainText('Cela ne se défait pas.');
    await expectNoAxeViolations(page, 'the merge dialog');
    await card.dialog.locator('.card-radio', { hasText: '•••• 0111' }).click();
    await card.dialog.getByRole('button', { name: 'Fusionner' }).click();
    await expect(shell.notice).toContainText('Fiches fusionnées.');
    await expect(page.getByTestId('duplicate-row').filter({ hasText: 'Karima Ziani' })).toHaveCount(0);
    // Found as you type, by name or the start of the card number; the number shown masked.
    await page.getByRole('searchbox', { name: 'Chercher un titulaire' }).fill('Ziani');
    await expect(page.getByTestId('holder-row')).toHaveCount(1);
    await expect(page.getByTestId('holder-row')).toContainText('•••• 0111');
    await expect(page.getByTestId('holder-row')).not.toContainText(cardOf(10));
    await page.getByRole('searchbox', { name: 'Chercher un titulaire' }).fill('CC70012');
    await expect(page.getByTestId('holder-row')).toHaveCount(10);
    await expectNoAxeViolations(page, 'the holders, after an import');
    // A holder's history (the lab's desktop).
    await page.getByRole('searchbox', { name: 'Chercher un titulaire' }).fill('Ziani');
    await card.button('Historique de Karima Ziani').click();
    await expect(page.getByTestId('holder-history')).toContainText('Aucune inscription.');

    // 25 registrations: two at the desk with the keyboard (one by phone), 23 through the commands.
    await page.goto(`${host.origin}/#/citizen-card/occurrences/${workshopId}`);
    await expect(shell.heading).toHaveText('Séance — Découvrir le Conseil de Paris');
    await card.pickHolder('Benali');
    await expect(page.getByTestId('holder-chosen')).toHaveText('Choisi·e\u00a0: Aïcha Benali (•••• 0101)');
    await card.button('Inscrire').click();
    await expect(shell.notice).toContainText('Aïcha Benali est inscrit·e.');
    await card.pickHolder('CC700102');
    await page.locator('.card-radio', { hasText: 'Par téléphone' }).click();
    await expect(page.getByRole('radio', { name: 'Par téléphone' })).toBeChecked();
    await card.button('Inscrire').click();
    await expect(shell.notice).toContainText('Bruno Carpentier est inscrit·e.');
    // Once only.
    await card.pickHolder('Benali');
    await card.button('Inscrire').click();
    await expect(page.getByRole('alert')).toContainText('déjà inscrite');
    await expectNoAxeViolations(page, 'a session with its registrations');
    const holderIds = new Map<string, string>();
    for (let i = 0; i < 30; i++) {
      const found = (await must(page, host.origin, 'citizen-card:search-holders', { query: cardOf(i), limit: 1 })) as { items: { id: string }[] };
      holderIds.set(cardOf(i), found.items[0]!.id);
    }
    for (let i = 2; i < 25; i++) {
      await must(page, host.origin, 'citizen-card:register', { workshopId, holderId: holderIds.get(cardOf(i)), channel: i % 3 === 0 ? 'phone' : 'desk', groups: [] });
    }
    await page.reload();
    await expect(card.count('registered')).toHaveText('25');
    await expect(card.registrationRows).toHaveCount(25);

    // The draw: announced (the list closed, the seed published), then run.
    await card.button('Annoncer le tirage (clore la liste)').click();
    await expect(shell.notice).toContainText('Tirage annoncé');
    await expect(page.getByTestId('draw-seed')).toHaveText(/^[0-9a-f]{16,}$/);
    await expect(page.getByText('25\u00a0inscriptions dans la liste publiée.')).toBeVisible();
    await card.button('Lancer le tirage').click();
    await expect(shell.notice).toContainText('Tirage fait\u00a0: 10\u00a0personnes tirées au sort, 15\u00a0en liste d’attente.');
    await expect(page.getByTestId('drawn-list').locator('tbody tr')).toHaveCount(10);
    await expect(page.getByTestId('waiting-list').locator('tbody tr')).toHaveCount(15);
    await expect(card.count('drawn')).toHaveText('10');
    await expect(card.count('waiting')).toHaveText('15');
    await expectNoAxeViolations(page, 'a session after its draw');

    // A drawn person cancels: the head of the waiting list is promoted, and it is recorded.
    let list = ((await must(page, host.origin, 'citizen-card:registrations', { workshopId })) as { items: View[] }).items;
    const firstDrawn = list.filter((r) => r.status === 'drawn').sort((a, b) => a.rank! - b.rank!)[0]!;
    const head = list.filter((r) => r.status === 'waiting').sort((a, b) => a.rank! - b.rank!)[0]!;
    await card.button(`Annuler l’inscription de ${firstDrawn.holderName}`).click();
    await expect(shell.notice).toContainText(`${head.holderName} passe de la liste d’attente aux tiré·es au sort.`);
    await expect(page.getByTestId('promotion-row')).toHaveCount(1);
    await expect(page.getByTestId('promotion-row')).toContainText(firstDrawn.holderName!);
    await expect(page.getByTestId('promotion-row')).toContainText(head.holderName!);
    await expect(card.count('waiting')).toHaveText('14');

    // The papers: the confirmations (with their QR codes) to send.
    const confirmations = page.waitForEvent('download');
    await card.button('Confirmations avec QR code (PDF)').click();
    const confirmationsPdf = await (await confirmations).path();
    expect(readFileSync(confirmationsPdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(confirmationsPdf)).toContain(head.holderName!);

    // The door: by card number (6), by name (1)…
    list = ((await must(page, host.origin, 'citizen-card:registrations', { workshopId })) as { items: View[] }).items;
    const holding = list.filter((r) => r.status === 'drawn' || r.status === 'confirmed');
    expect(holding).toHaveLength(10);
    const cardOfHolder = (holderId: string) => {
      for (let i = 0; i < 30; i++) if (holderIds.get(cardOf(i)) === holderId) return cardOf(i);
      return null;
    };
    const byCard = holding.filter((r) => cardOfHolder(r.holderId)).slice(0, 6);
    expect(byCard).toHaveLength(6);
    await card.link('Accueil le jour de la séance').click();
    await expect(shell.heading).toHaveText('Accueil — Découvrir le Conseil de Paris');
    await expectNoAxeViolations(page, 'the door, camera off');
    const cardBox = card.input('Numéro de carte');
    // A number nobody has: said beside the field, what was typed kept.
    await cardBox.fill('ZZ 9999');
    await cardBox.press('Enter');
    await expect(card.error('Numéro de carte')).not.toBeEmpty();
    await expect(cardBox).toHaveValue('ZZ 9999');
    for (const [n, r] of byCard.entries()) {
      const number = cardOfHolder(r.holderId)!;
      // Spaces and dashes, as people read it out: « cc 700-117 ».
      await cardBox.fill(n % 2 ? `${number.slice(0, 2).toLowerCase()} ${number.slice(2, 5)}-${number.slice(5)}` : number);
      await cardBox.press('Enter');
      await expect(shell.notice).toContainText(`${r.holderName} est noté·e présent·e.`);
      await expect(cardBox).toHaveValue('');
    }
    const rest = holding.filter((r) => !byCard.includes(r));
    const byName = rest[0]!;
    await card.input('Chercher parmi les personnes attendues').fill(byName.holderName!.split(' ')[1]!);
    await card.button(`Noter l’arrivée de ${byName.holderName}`).click();
    await expect(shell.notice).toContainText(`${byName.holderName} est noté·e présent·e.`);
    await expect(card.count('attended')).toHaveText('7');

    // …and by the QR code of the confirmation, filmed by a camera: a Chromium of its own.
    const byQr = rest[1]!;
    const { y4m, png } = await qrCameraFiles(confirmationQrPayload(byQr.id), join(work, 'confirmation'));
    await test.info().attach('confirmation-qr.png', { path: png, contentType: 'image/png' });
    const camera = await browserWithCamera(y4m, host.origin);
    const cameraErrors: string[] = [];
    try {
      const door = await camera.context.newPage();
      door.on('console', (m) => m.type() === 'error' && cameraErrors.push(m.text()));
      door.on('pageerror', (e) => cameraErrors.push(e.message));
      await door.goto(host.url);
      await door.waitForURL((u) => u.hash.startsWith('#/workshops'));
      await door.goto(`${host.origin}/#/citizen-card/occurrences/${workshopId}/check-in`);
      await expect(door.locator('main h1')).toHaveText('Accueil — Découvrir le Conseil de Paris');
      // Nothing films until asked.
      expect(await door.evaluate(() => [...document.querySelectorAll('video')].some((v) => v.srcObject !== null))).toBe(false);
      await door.getByRole('button', { name: 'Allumer la caméra' }).click();
      await expect(door.getByTestId('camera-state')).toHaveText('Caméra allumée\u00a0: présentez le QR code devant l’objectif.');
      await expect(door.getByTestId('notice')).toContainText(`${byQr.holderName} est noté·e présent·e.`, { timeout: 20_000 });
      await expectNoAxeViolations(door, 'the door, camera on');
      await door.getByRole('button', { name: 'Éteindre la caméra' }).click();
      await expect(door.getByRole('button', { name: 'Allumer la caméra' })).toBeVisible();
      expect(await door.evaluate(() => [...document.querySelectorAll('video')].every((v) => v.srcObject === null))).toBe(true);
    } finally {
      await camera.browser.close();
    }
    expect(cameraErrors, 'console errors in the camera browser').toEqual([]);
    await page.reload();
    await expect(card.count('attended')).toHaveText('8');
    // The printed code typed by hand works the same (already arrived: said so).
    await card.input('Code imprimé sous le QR code').fill(confirmationQrPayload(byQr.id));
    await card.input('Code imprimé sous le QR code').press('Enter');
    await expect(card.error('Code imprimé sous le QR code')).not.toBeEmpty();

    // The no-shows, after a confirmation.
    await card.button('Marquer les absent·es').click();
    await expect(card.dialog).toContainText('seront notées absentes');
    await expectNoAxeViolations(page, 'the no-shows dialog');
    await card.dialog.getByRole('button', { name: 'Marquer les absent·es' }).click();
    await expect(shell.notice).toContainText('2\u00a0personnes notées absentes.');
    await expect(card.count('no-show')).toHaveText('2');
    await expect(card.doorRows.filter({ hasText: 'Présent·e' })).toHaveCount(8);

    // The papers: the sign-in sheet and the certificates (French), read back.
    await page.getByRole('link', { name: 'Retour à la séance' }).click();
    const sheet = page.waitForEvent('download');
    await card.button('Feuille d’émargement (PDF)').click();
    const sheetPath = await (await sheet).path();
    expect(readFileSync(sheetPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sheetText = pdfText(sheetPath);
    expect(sheetText).toContain('Découvrir le Conseil de Paris');
    expect(sheetText).toContain(byName.holderName!);
    const certificates = page.waitForEvent('download');
    await card.button('Attestations de présence (PDF)').click();
    const certificatesPath = await (await certificates).path();
    expect(readFileSync(certificatesPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const certificatesText = pdfText(certificatesPath);
    expect(certificatesText).toContain('Découvrir le Conseil de Paris');
    expect(certificatesText).toContain(byQr.holderName!);
    expect(certificatesText).not.toContain(firstDrawn.holderName!);

    // In English: the same screens, axe again.
    await shell.switchLanguage('en');
    await expect(shell.heading).toHaveText('Session — Découvrir le Conseil de Paris');
    await expect(page.getByRole('heading', { name: 'Freed places and promotions' })).toBeVisible();
    await expectNoAxeViolations(page, 'a session, in English');
    await page.getByRole('link', { name: 'Check-in on the day' }).click();
    await expect(shell.heading).toHaveText('Check-in — Découvrir le Conseil de Paris');
    await expect(page.getByRole('button', { name: 'Turn the camera on' })).toBeVisible();
    await expectNoAxeViolations(page, 'the door, in English');
    await page.goto(`${host.origin}/#/citizen-card/holders`);
    await expect(shell.heading).toHaveText('Citizen Card holders');
    await expectNoAxeViolations(page, 'the holders, in English');
    await page.goto(`${host.origin}/#/citizen-card`);
    await expect(shell.heading).toHaveText('Citizen Card ateliers');
    await expect(card.occurrenceRows).toHaveCount(1);
    await expectNoAxeViolations(page, 'the catalogue, in English');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
