/**
 * Every screen a facilitator or the lab visits, with data in it, at the two laptop sizes the
 * City lends (1366×768 and 1024×768), in French and in English: no visible text under 16 px,
 * no control under 44×44 px (see arms-length.ts for what is measured), no sideways scroll.
 */
import { armsLengthProblems, sidewaysOverflow } from './arms-length.js';
import { expect, test, type Page } from './fixtures.js';
import { goutteDor, must, proposalFields, seedWorkshop } from './seed.js';

const study = { purpose: 'study', granted: true, textVersion: 'study-2026-11' };
const profile = {
  ageBracket: '26_40',
  residence: 'paris',
  residenceArrondissement: 18,
  residenceCommune: null,
  livesInQpv: 'yes',
  gender: null,
  occupationCategory: 'employed',
  firstParticipation: 'yes',
  neighbourhoodCouncilMember: 'no',
  associationMember: 'no',
  associationName: null,
};

/** A co-construction workshop in the 18e in the middle of its evening: people, proposals, dots. */
async function seed(page: Page, origin: string) {
  const workshopId = await seedWorkshop(page, origin, goutteDor);
  await must(page, origin, 'workshops:open', { id: workshopId, version: 1 });
  const personIds: string[] = [];
  for (const name of ['Awa Diallo', 'محمد بن علي', 'Jean Dupont']) {
    personIds.push((await must(page, origin, 'attendance:register', { workshopId, person: { name }, recordedBy: 'Bureau' })).personId as string);
  }
  // The personal-data screens ask who is looking; the desk remembers it on this computer.
  await page.evaluate(() => localStorage.setItem('atelier.attendance.facilitator', JSON.stringify({ name: 'Camille Martin' })));
  for (let i = 0; i < 6; i++) {
    await must(page, origin, 'attendance:walk-in', { workshopId, person: null, recordedBy: 'Camille Martin', consents: [study], profile });
  }
  await must(page, origin, 'attendance:head-count', { workshopId, delta: 2 });
  const fields = proposalFields({ estimatedCostEuros: 12500 });
  const p1 = await must(page, origin, 'proposals:create', { workshopId, fields: { ...fields, title: 'Des bancs au square Léon', themeCode: 'cadre-de-vie' } });
  await must(page, origin, 'proposals:create', { workshopId, fields: { ...fields, title: 'Un terrain de basket', themeCode: 'sport' } });
  for (let i = 0; i < 3; i++) await must(page, origin, 'supports:addDot', { proposalId: p1.id, workshopId });
  return { workshopId, proposalId: p1.id as string, personId: personIds[1]! };
}

function screens(w: { workshopId: string; proposalId: string; personId: string }): string[] {
  const id = w.workshopId;
  return [
    '/workshops',
    '/workshops/new',
    `/workshops/${id}`,
    `/workshops/${id}/edit`,
    `/workshops/${id}/attendance`,
    `/workshops/${id}/attendance/paper`,
    `/workshops/${id}/proposals`,
    `/workshops/${id}/proposals/new`,
    `/workshops/${id}/proposals/${w.proposalId}/edit`,
    `/workshops/${id}/proposals/merge`,
    `/workshops/${id}/supports`,
    '/proposals',
    '/sources',
    '/sync',
    '/security',
    `/study?scope=workshop&workshop=${id}`,
    '/people?q=a',
    `/people/${w.personId}`,
    '/people/retention',
    '/people/access-log',
  ];
}

/** Waits until the screen has drawn what it loads (its heading, then no "loading" left). */
async function settle(page: Page) {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('[aria-busy="true"], .loading')).toHaveCount(0);
  await page.waitForTimeout(300); // the map and charts draw after their data arrive
}

for (const width of [1366, 1024]) {
  test(`every screen reads at arm's length at ${width}×768, in French and in English`, async ({ page, host, openApp }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 768 });
    await openApp();
    const w = await seed(page, host.origin);
    const found: string[] = [];
    // One line per kind of problem (the same hint class on ten screens is one fix), with where first seen.
    const seen = new Set<string>();
    const note = (key: string, line: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      found.push(line);
    };
    for (const language of ['fr', 'en'] as const) {
      if (language === 'en') {
        await page.goto(`${host.origin}/#/workshops`);
        await page.getByRole('radio', { name: 'English' }).click();
        await expect(page.locator('main h1')).toHaveText('Workshops');
      }
      for (const path of screens(w)) {
        await page.goto(`${host.origin}/#${path}`);
        await settle(page);
        const overflow = await sidewaysOverflow(page);
        if (overflow.scrollWidth > overflow.clientWidth) note(`${language} ${path}`, `${language} ${path}: ${overflow.scrollWidth} px wide in ${overflow.clientWidth} px\n      ${overflow.widest.join('\n      ')}`);
        for (const p of await armsLengthProblems(page)) note(`${p.kind} ${p.measure} ${p.what.replace(/ « .*$/, '')}`, `${p.kind} ${p.measure} ${p.what} — first on ${language} ${path}`);
      }
    }
    expect(found, 'what cannot be read or hit at arm\'s length').toEqual([]);
  });
}
