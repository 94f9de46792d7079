/**
 * The Lab's monthly publication from end to end, in Chromium through the web host: a month's
 * records seeded through the commands (workshops of four kinds, people present counted by the
 * study, proposals in three arrondissements and for all Paris, their photos); the lab creates
 * March's draft through its form, reads the preview (a table beside each chart, the map), writes
 * a block that a reload keeps, chooses a photo with its alternative text, exports the HTML page
 * (opened in the browser: axe finds nothing, no external URL) and the PDF (pages drawn with
 * pdftoppm and checked not blank, words found with pdftotext), publishes (a confirmation) and
 * sees version 1 read only. axe on every new screen; the English words once.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { PublicationPage } from './pages/PublicationPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { must, proposalFields, seedWorkshop } from './seed.js';
import { fakeJpeg } from '../unit/publication/fake-photo.js';

/** How many distinct grey levels a PNG drawn by pdftoppm (8-bit RGB, no interlace) holds: a blank page has one. */
function distinctShades(png: Buffer): number {
  let offset = 8;
  let width = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const len = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + len);
    if (type === 'IHDR') width = data.readUInt32BE(0);
    if (type === 'IDAT') idat.push(data);
    offset += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const shades = new Set<number>();
  const stride = width * 3 + 1;
  for (let row = 0; row * stride < raw.length; row += 7) for (let x = 1; x < stride; x += 3 * 5) shades.add(raw[row * stride + x]!);
  return shades.size;
}

test('the Lab’s publication: March generated, a block kept across a reload, a photo chosen, HTML and PDF exported and checked, version 1 published read only', async ({ page, host, openApp }) => {
  test.setTimeout(150_000);
  const work = mkdtempSync(join(tmpdir(), 'atelier-publication-e2e-'));
  const origin = host.origin;
  const shell = new ShellPage(page);
  const pub = new PublicationPage(page);
  try {
    await openApp();
    // March 2026: four kinds of workshop, people present, proposals and their photos.
    const kinds = [
      ['pb_co_construction', 'Budget participatif — Goutte-d’Or', '2026-03-14T18:30', 18, 14],
      ['citizen_card_atelier', 'Visite de l’Hôtel de Ville', '2026-03-20T18:30', 4, 9],
      ['lab_monthly', 'Atelier mensuel du Lab', '2026-03-25T18:30', 4, 3],
      ['dataset_meetup', 'Rencontre données ouvertes', '2026-03-26T18:30', 11, 6],
    ] as const;
    const ids: string[] = [];
    for (const [kind, title, startsAt, arrondissement, people] of kinds) {
      const id = await seedWorkshop(page, origin, { kind, title, startsAt, endsAt: startsAt.replace('18:30', '20:30'), venueName: 'Salle', arrondissement });
      await must(page, origin, 'attendance:head-count', { workshopId: id, delta: people });
      ids.push(id);
    }
    const photo = await must(page, origin, 'attachments:add', { mediaType: 'image/jpeg', base64: fakeJpeg(480, 320, 300_000).toString('base64') });
    await must(page, origin, 'proposals:create', { workshopId: ids[0], fields: proposalFields({ title: 'Des bancs au square Léon', photos: [photo.sha256 as string] }) });
    await must(page, origin, 'proposals:create', { workshopId: ids[0], fields: proposalFields({ title: 'Un jardin partagé' }) });
    await must(page, origin, 'proposals:create', { workshopId: ids[0], fields: proposalFields({ title: 'Une fontaine', arrondissement: 20, point: { lon: 2.3933, lat: 48.8642 } }) });

    // The list, from the shell's link; March's draft through its form (a bad month first).
    await page.getByRole('navigation').getByRole('link', { name: 'Publications' }).click();
    await expect(shell.heading).toHaveText('Publications du Lab');
    await expect(page.getByText('Aucune publication pour l’instant.')).toBeVisible();
    await expectNoAxeViolations(page, 'the publications, empty');
    const monthForm = pub.form('Nouvelle publication d’un mois');
    await pub.inputIn(monthForm, 'Mois').fill('2026-3');
    await pub.inputIn(monthForm, 'Titre').fill('Le Lab en mars');
    await monthForm.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(monthForm.locator('.field__error').first()).toHaveText('Indiquez un mois (AAAA-MM).');
    await pub.inputIn(monthForm, 'Mois').fill('2026-03');
    await monthForm.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(shell.heading).toHaveText('Le Lab en mars');

    // The preview: the sections, the masked counts, a table beside each chart, the map.
    await expect(page.getByText('4\u00a0ateliers tenus ce mois.')).toBeVisible();
    await expect(page.getByText('Personnes présentes aux ateliers du mois\u00a0: 32.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Personnes présentes par type d’atelier' }).getByRole('row', { name: /Atelier mensuel du Lab/ })).toContainText('< 5');
    await expect(page.getByRole('img', { name: 'Carte des propositions par arrondissement' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Propositions par arrondissement' }).getByRole('row', { name: /18e arrondissement/ })).toContainText('2');
    await expectNoAxeViolations(page, 'a month’s publication');

    // A block typed, kept across a reload before it is saved; then saved.
    await pub.input('Introduction').fill('Un mois riche en ateliers dans le nord-est parisien.');
    await page.reload();
    await expect(pub.input('Introduction')).toHaveValue('Un mois riche en ateliers dans le nord-est parisien.');
    await pub.button('Enregistrer les textes').click();
    await expect(page.getByText('Textes enregistrés.')).toBeVisible();

    // A photo chosen: its alt text is asked for first.
    await expect(pub.candidatePhotos).toHaveCount(1);
    await pub.tick(/Choisir cette photo/);
    await pub.button('Enregistrer le choix des photos').click();
    await expect(pub.error('Texte alternatif (Photo 1)')).toHaveText(/Décrivez la photo/);
    await pub.input('Texte alternatif (Photo 1)').fill('Le mur de post-it de la Goutte-d’Or');
    await pub.button('Enregistrer le choix des photos').click();
    await expect(page.getByText('Choix des photos enregistré.')).toBeVisible();

    // The HTML page: downloaded, opened in the browser, self-contained and accessible.
    const htmlDownload = page.waitForEvent('download');
    await pub.button('Télécharger la page HTML').click();
    const htmlPath = await (await htmlDownload).path();
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('alt="Le mur de post-it de la Goutte-d’Or"');
    // Opened as the file a person saves (the download's own name has no extension).
    const saved = join(work, 'publication.html');
    copyFileSync(htmlPath, saved);
    const viewer = await page.context().newPage();
    await viewer.goto(`file://${saved}`);
    await expect(viewer.locator('h1')).toHaveText('Le Lab en mars');
    await expect(viewer).toHaveTitle('Le Lab en mars');
    await expect(viewer.getByRole('img', { name: 'Le mur de post-it de la Goutte-d’Or' })).toBeVisible();
    expect(await viewer.getByRole('img', { name: 'Le mur de post-it de la Goutte-d’Or' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    await expect(viewer.getByText('Un mois riche en ateliers dans le nord-est parisien.')).toBeVisible();
    await expectNoAxeViolations(viewer, 'the exported HTML page');
    await viewer.close();

    // The PDF: pages drawn, none blank, the words found.
    const pdfDownload = page.waitForEvent('download');
    await pub.button('Télécharger le PDF').click();
    const pdfPath = await (await pdfDownload).path();
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Le Lab en mars/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '40', pdfPath, join(work, 'page')]);
    const drawn = readdirSync(work).filter((f) => f.startsWith('page-') && f.endsWith('.png'));
    expect(drawn).toHaveLength(pages);
    for (const f of drawn) expect(distinctShades(readFileSync(join(work, f)))).toBeGreaterThan(2);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    for (const words of ['Le Lab en mars', 'Les ateliers du mois', 'Carte des propositions par arrondissement', 'Un mois riche en ateliers', 'Le mur de post-it de la Goutte-d’Or']) expect(text).toContain(words);

    // Published after a confirmation: version 1, read only.
    await pub.button('Publier la version 1').click();
    await expect(page.getByRole('dialog')).toContainText('Elle sera lue par le site de la Ville');
    await expectNoAxeViolations(page, 'the publish confirmation');
    await page.getByRole('dialog').getByRole('button', { name: 'Publier' }).click();
    await expect(pub.status).toHaveText('Version 1 publiée.');
    await expect(pub.versionRows).toHaveCount(1);
    await expect(pub.versionRows.first()).toContainText('1 — Publiée — en lecture seule');
    await expect(pub.button('Publier la version 2')).toBeVisible();

    // The list says it; in English, once.
    await page.getByRole('link', { name: 'Toutes les publications' }).click();
    await expect(pub.rows.first()).toContainText('Publiée');
    await shell.switchLanguage('en');
    await expect(shell.heading).toHaveText('Lab publications');
    await expect(pub.rows.first()).toContainText('Published');
    await expectNoAxeViolations(page, 'the publications, in English');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
