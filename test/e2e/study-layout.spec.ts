/**
 * The study dashboard on the laptops the City lends: at 1024 and 1366 px wide nothing scrolls
 * sideways, no label or table is cut, and the downloads are near the top, not under every table.
 */
import { sidewaysOverflow } from './arms-length.js';
import { expect, test, type Page } from './fixtures.js';
import { StudyPage } from './pages/StudyPage.js';
import { goutteDor, invoke, seedWorkshop } from './seed.js';

const study = { purpose: 'study', granted: true, textVersion: 'study-2026-11' };
const profile = (ageBracket: string) => ({
  ageBracket,
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
});

async function seed(page: Page, origin: string): Promise<string> {
  const workshopId = await seedWorkshop(page, origin, goutteDor);
  for (let i = 0; i < 12; i++) {
    const r = await invoke(page, origin, 'attendance:walk-in', { workshopId, person: null, recordedBy: 'Camille', consents: [study], profile: profile(i < 6 ? '26_40' : '41_60') });
    expect(r.ok).toBe(true);
  }
  return workshopId;
}

/** Cells, headings and tables whose content is wider than their box (cut, or scrolled inside). */
function cutContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    const cut: string[] = [];
    for (const el of Array.from(document.querySelectorAll('main table, main th, main td, main h2, main h3, main .study-table__scroll'))) {
      const box = el.getBoundingClientRect();
      const text = (el.textContent ?? '').trim().slice(0, 30);
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`${el.tagName.toLowerCase()} « ${text} » holds ${el.scrollWidth} px in ${el.clientWidth} px`);
      if (box.right > main.right + 1 || box.left < main.left - 1) cut.push(`${el.tagName.toLowerCase()} « ${text} » sticks out of the screen`);
    }
    return cut;
  });
}

for (const width of [1366, 1024]) {
  test(`the study dashboard fits ${width}×768: no sideways scroll, nothing cut, downloads near the top`, async ({ page, host, openApp }) => {
    await page.setViewportSize({ width, height: 768 });
    await openApp();
    const workshopId = await seed(page, host.origin);
    const s = new StudyPage(page);
    await s.open(host.origin, `scope=workshop&workshop=${workshopId}`);
    await expect(s.headline('participants')).toHaveText('12');
    for (const language of ['fr', 'en'] as const) {
      if (language === 'en') {
        await page.getByRole('radio', { name: 'English' }).click();
        await expect(s.heading).toHaveText('Sociology study');
      }
      const overflow = await sidewaysOverflow(page);
      expect(overflow.scrollWidth, `${language}: ${overflow.widest.join(', ')}`).toBeLessThanOrEqual(overflow.clientWidth);
      expect(await cutContent(page), language).toEqual([]);
      // The downloads come before the tables, within reach of the key figures.
      const downloads = await s.exportButton('pdf').boundingBox();
      const firstTable = await page.getByTestId('study-table-ageBracket').boundingBox();
      expect(downloads!.y).toBeLessThan(firstTable!.y);
      expect(downloads!.y + downloads!.height).toBeLessThan(2 * 768);
    }
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    test.info().annotations.push({ type: 'page height', description: `${height} px at ${width} px wide` });
    console.log(`study dashboard: ${height} px high at ${width} px wide`);
  });
}
