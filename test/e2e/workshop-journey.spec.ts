/**
 * The path a facilitator takes: create a workshop (after one mistake), find it again with every
 * filter, open it, close it with minutes, and find it unchanged after the host restarts.
 */
import { expect, test } from './fixtures.js';
import { DetailPage } from './pages/DetailPage.js';
import { FormPage } from './pages/FormPage.js';
import { ListPage } from './pages/ListPage.js';
import { ShellPage } from './pages/ShellPage.js';
import { seedWorkshop } from './seed.js';

test('a workshop is created, found with every filter, closed with minutes, and survives a restart', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  const list = new ListPage(page);
  const form = new FormPage(page);
  const detail = new DetailPage(page);

  await openApp();
  await expect(shell.heading).toHaveText('Ateliers');
  await expect(page.getByText('Aucun atelier pour l’instant.')).toBeVisible();
  await expect(shell.syncIndicator).toContainText('Rien à envoyer — cet ordinateur n’est pas relié au portail');

  // Create, with the end before the start first.
  await shell.newWorkshop();
  await expect(shell.heading).toHaveText('Nouvel atelier');
  await form.fill({
    kind: 'Co-construction du budget participatif',
    title: 'Jardins partagés de la Goutte-d’Or',
    description: 'Imaginer ensemble les jardins du quartier.',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T17:00',
    venueName: 'Centre Barbara',
    venueAddress: '1 rue Fleury, 75018 Paris',
    arrondissement: '18e arrondissement',
    inQpv: true,
    capacity: '40',
    partners: [{ name: 'Association Goutte Verte', type: 'Association' }],
    facilitators: ['Awa Diallo'],
  });
  await form.submit.click();
  await expect(form.error('Fin')).toHaveText('La fin doit venir après le début.');
  await expect(form.summary).toContainText('1\u00a0champ à corriger');
  // Nothing typed is lost.
  await expect(form.input('Titre')).toHaveValue('Jardins partagés de la Goutte-d’Or');
  await expect(form.date('Début')).toHaveValue('2026-03-14T18:30:00');
  await expect(form.input('Nom de l’organisation 1')).toHaveValue('Association Goutte Verte');

  await form.typeDate('Fin', '2026-03-14T20:30');
  await expect(form.error('Fin')).toHaveCount(0);
  await form.submit.click();

  await expect(shell.heading).toHaveText('Jardins partagés de la Goutte-d’Or');
  await expect(shell.notice).toContainText('Atelier «\u00a0Jardins partagés de la Goutte-d’Or\u00a0» créé.');
  await expect(detail.status).toHaveText(/Prévu/);
  await expect(detail.fact('Date')).toHaveText('samedi 14 mars 2026, 18\u00a0h\u00a030 – 20\u00a0h\u00a030');
  await expect(detail.fact('Arrondissement')).toHaveText('18e arrondissement');
  await expect(detail.fact('Nombre de places')).toHaveText('40');
  await expect(detail.fact('Organisations partenaires')).toContainText('Association Goutte Verte (Association)');
  await expect(shell.syncIndicator).toContainText('Rien n’a encore été envoyé\u00a0: 1\u00a0modification attend');
  const id = new URL(page.url()).hash.split('/')[2]!;

  // Two more, so that each filter has something to leave out.
  await seedWorkshop(page, host.origin, {
    kind: 'lab_monthly',
    title: 'Atelier mensuel du Lab — avril',
    startsAt: '2026-04-02T09:30',
    endsAt: '2026-04-02T12:00',
    venueName: 'Hôtel de Ville',
    arrondissement: 4,
  });
  await seedWorkshop(page, host.origin, {
    kind: 'pb_co_construction',
    title: 'Budget participatif : rue de Charonne',
    startsAt: '2026-05-20T18:00',
    endsAt: '2026-05-20T20:00',
    venueName: 'Maison des associations',
    arrondissement: 11,
  });

  await page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await expect(list.count).toHaveText('3\u00a0ateliers');
  // The order is the core's (see the report: it sorts latest first, the contract says soonest).
  expect((await list.titles()).sort()).toEqual(['Jardins partagés de la Goutte-d’Or', 'Atelier mensuel du Lab — avril', 'Budget participatif : rue de Charonne'].sort());

  await list.filterKind('Co-construction du budget participatif');
  await expect(list.count).toHaveText('2\u00a0ateliers');
  await list.filterArrondissement('11e arrondissement');
  await expect(list.count).toHaveText('1\u00a0atelier');
  await expect(list.row('Budget participatif : rue de Charonne')).toBeVisible();
  await list.clearFilters();
  await expect(list.count).toHaveText('3\u00a0ateliers');

  await list.filterDates('2026-04-01', '2026-04-30');
  await expect(list.count).toHaveText('1\u00a0atelier');
  await expect(list.row('Atelier mensuel du Lab — avril')).toBeVisible();
  await list.clearFilters();

  // Search as you type, accents and case ignored.
  await list.search.pressSequentially('goutte d or');
  await expect(list.count).toHaveText('1\u00a0atelier');
  await expect(list.row('Jardins partagés de la Goutte-d’Or')).toBeVisible();
  await list.search.fill('introuvable');
  await expect(page.getByText('Aucun atelier ne correspond à ces filtres.')).toBeVisible();
  await list.clearFilters();

  // Open it, then close it with minutes (required).
  await list.open('Jardins partagés de la Goutte-d’Or');
  await detail.openWorkshop();
  await expect(detail.status).toHaveText(/En cours/);
  await list.page.goto(`${host.origin}/#/workshops`);
  await list.filterStatus('En cours');
  await expect(list.count).toHaveText('1\u00a0atelier');
  await list.open('Jardins partagés de la Goutte-d’Or');

  await detail.startClosing();
  await detail.confirmClose();
  await expect(detail.dialog.locator('.field__error')).toHaveText('À remplir.');
  await detail.minutesField().fill('32 personnes. Trois projets retenus : potager, compost, bancs.');
  await detail.confirmClose();
  await expect(detail.dialog).toHaveCount(0);
  await expect(detail.status).toHaveText(/Clos/);
  await expect(detail.minutes).toHaveText('32 personnes. Trois projets retenus : potager, compost, bancs.');
  await expect(detail.action('Modifier')).toHaveCount(0);

  // Restart the host on the same data directory: everything is still there.
  await host.restart(page);
  await openApp(`/workshops/${id}`);
  await expect(shell.heading).toHaveText('Jardins partagés de la Goutte-d’Or');
  await expect(detail.status).toHaveText(/Clos/);
  await expect(detail.minutes).toHaveText('32 personnes. Trois projets retenus : potager, compost, bancs.');
  await expect(detail.fact('Animation')).toHaveText('Awa Diallo');
  await expect(detail.fact('Quartier prioritaire (QPV)')).toHaveText('Oui');
  await page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await expect(list.count).toHaveText('3\u00a0ateliers');
});
