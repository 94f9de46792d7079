/**
 * The lab's month from end to end, in Chromium through the web host: La Transfo's cohort (six
 * agents), its seven modules and three sessions in November 2026 with their attendance, two
 * practical cases worked at those sessions (a journal entry at each, a decision for one) — all
 * through the commands, as the specs of each screen already walk them; then what the lab reads:
 * the matrix says who is behind, the cases' list shows both cases at a glance, and the month's
 * publication, made through its screens, counts the three sessions and tells the two cases and
 * the decision; a block edited; the HTML page and the PDF exported, the PDF's pages drawn and
 * read. axe on the screens read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { CasesPage } from './pages/CasesPage.js';
import { PublicationPage } from './pages/PublicationPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { TrainingPage } from './pages/TrainingPage.js';
import { must } from './seed.js';
import { seedCohort } from './transfo-seed.js';

const CASES = ['L’accueil des familles en mairie', 'Les bibliothèques hors les murs'] as const;

test('the lab’s month: three sessions on two cases with attendance, then the month’s publication tells them', async ({ page, host, openApp }) => {
  test.setTimeout(150_000);
  const work = mkdtempSync(join(tmpdir(), 'atelier-lab-month-'));
  const shell = new ShellPage(page);
  const origin = host.origin;
  try {
    await openApp();
    const { campaignId, agents } = await seedCohort(page, origin);
    const modules = ((await must(page, origin, 'transfoTraining:create-method-modules', { campaignId })) as { items: { id: string; method: string }[] }).items;
    const m = (method: string) => modules.find((x) => x.method === method)!.id;

    // Three sessions of November, each with its attendance: Farid misses the third.
    const sessions: { id: string; workshopId: string; days: number }[] = [];
    for (const [title, days] of [
      ['Session de novembre — immersion', [{ date: '2026-11-02', moduleIds: [m('immersion')] }, { date: '2026-11-03', moduleIds: [m('observation')] }]],
      ['Session de novembre — entretiens', [{ date: '2026-11-16', moduleIds: [m('interviews')] }]],
      ['Session de novembre — prototyper', [{ date: '2026-11-30', moduleIds: [m('prototyping')] }]],
    ] as const) {
      const s = await must(page, origin, 'transfoTraining:create-session', {
        campaignId,
        workshop: { title, startsAt: `${days[0].date}T09:00`, endsAt: `${days[days.length - 1]!.date}T17:30`, venueName: 'Le Lab, Hôtel de Ville', venueAddress: '', arrondissement: 4 },
        session: { days, facilitators: ['Inès Lab'], residentDesigners: ['Camille Designer'] },
      });
      sessions.push({ id: s.id as string, workshopId: (s.workshop as { id: string }).id, days: days.length });
    }
    for (const [k, s] of sessions.entries()) {
      for (let day = 0; day < s.days; day++) {
        for (const a of agents) {
          const status = k === 2 && a.fullName === 'Farid Haddad' ? 'absent' : 'present';
          await must(page, origin, 'transfoTraining:record-attendance', { sessionId: s.id, day, candidateId: a.id, status });
        }
      }
    }

    // Two cases worked at those sessions; the first decided on the last one.
    const cases: string[] = [];
    for (const [i, title] of CASES.entries()) {
      const created = await must(page, origin, 'transfoCases:create', {
        campaignId,
        fields: { title, direction: i === 0 ? 'DDCT' : 'DAC', service: i === 0 ? 'Mairie du 18e' : 'Bibliothèques', question: 'Comment faire mieux avec les usagers\u00a0?', usersMet: '12 usagers, 4 agents', methods: ['immersion', 'interviews'] },
      });
      let version = created.version as number;
      for (const s of sessions.slice(i)) {
        const journaled = await must(page, origin, 'transfoCases:add-journal-entry', { id: created.id, version, entry: { workshopId: s.workshopId, date: null, summary: `Travaillé à la séance (${title})` } });
        version = journaled.version as number;
      }
      if (i === 0) await must(page, origin, 'transfoCases:update', { id: created.id, version, fields: { state: 'decided', decisions: [{ date: '2026-11-30', text: 'Un guichet unique pour les familles' }] } });
      cases.push(created.id as string);
    }

    // The matrix: Farid is behind (prototyping missed).
    const training = new TrainingPage(page);
    await page.goto(`${origin}/#/transfo/${campaignId}/training/matrix`);
    await expect(shell.heading).toHaveText('Qui a suivi quel module');
    await expect(training.behindList.getByRole('listitem')).toHaveCount(1);
    await expect(training.behindList.getByRole('listitem').first()).toContainText('Farid Haddad\u00a0: 1\u00a0module(s) manqué(s)');

    // The cases at a glance: both, one decided, their sessions counted.
    const casesPage = new CasesPage(page);
    await page.goto(`${origin}/#/transfo/${campaignId}/cases`);
    await expect(casesPage.caseRows).toHaveCount(2);
    await expect(casesPage.caseRows.filter({ hasText: CASES[0] })).toContainText('Décidé');
    await expect(casesPage.caseRows.filter({ hasText: CASES[0] })).toContainText('3');
    await expect(casesPage.caseRows.filter({ hasText: CASES[1] })).toContainText('2');
    await expectNoAxeViolations(page, 'the month’s cases at a glance');

    // November's publication through its screens: three sessions held, two cases, the decision.
    const pub = new PublicationPage(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Publications' }).click();
    const monthForm = pub.form('Nouvelle publication d’un mois');
    await pub.inputIn(monthForm, 'Mois').fill('2026-11');
    await pub.inputIn(monthForm, 'Titre').fill('Le Lab en novembre');
    await monthForm.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(shell.heading).toHaveText('Le Lab en novembre');
    await expect(page.getByText('3\u00a0ateliers tenus ce mois.')).toBeVisible();
    await expect(page.getByText('2\u00a0cas pratiques ont avancé ce mois.')).toBeVisible();
    const caseTable = page.getByRole('table').filter({ hasText: CASES[1] });
    await expect(caseTable.getByRole('row', { name: new RegExp(CASES[0]) })).toContainText('Décidé');
    await expect(caseTable.getByRole('row', { name: new RegExp(CASES[0]) })).toContainText('DDCT — ');
    await expectNoAxeViolations(page, 'November’s publication');

    // A block written and saved; the HTML page and the PDF exported.
    await pub.input('Introduction').fill('Trois sessions de La Transfo et deux cas pratiques ce mois.');
    await pub.button('Enregistrer les textes').click();
    await expect(page.getByText('Textes enregistrés.')).toBeVisible();
    const htmlDownload = page.waitForEvent('download');
    await pub.button('Télécharger la page HTML').click();
    const html = readFileSync(await (await htmlDownload).path(), 'utf8');
    for (const words of [...CASES, 'Un guichet unique pour les familles', 'Trois sessions de La Transfo']) expect(html).toContain(words);
    const pdfDownload = page.waitForEvent('download');
    await pub.button('Télécharger le PDF').click();
    const pdfPath = await (await pdfDownload).path();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '40', pdfPath, join(work, 'page')]);
    const drawn = readdirSync(work).filter((f) => f.startsWith('page-') && f.endsWith('.png'));
    expect(drawn).toHaveLength(pages);
    for (const f of drawn) expect(statSync(join(work, f)).size).toBeGreaterThan(1000);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Le Lab en novembre', 'Un guichet unique pour les familles', 'Trois sessions de La Transfo']) expect(text).toContain(words);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
