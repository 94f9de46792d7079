/**
 * The Lab's publication (issue 11's figures): a month with 10 workshops and 200 photos of its
 * proposals (each a 5 MB phone-sized JPEG, stored encrypted as the app stores them), of which the
 * lab chose 12 (the most a publication takes), generated as the HTML page and the PDF (target
 * < 5 s); the year's report from twelve published months (target < 20 s); the process's memory
 * after each. The photos are embedded as stored (no re-encoding: pdf-lib copies a JPEG's bytes),
 * which is what the figures measure. Standalone: `node --import tsx bench/publication.bench.ts`
 * (add `--json` for machine-readable output).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicationService } from '#core/publication/publication.service.js';
import { storeAttachment } from '#core/store/attachments.repository.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { createWorkshopsService } from '#core/workshops/workshops.service.js';
import { emptyBlocks } from '#shared/publication/publication.schema.js';
import { addAttendance, addProposal } from '#test/unit/study/study-fixtures.js';
import { workshopFields } from '#test/unit/core/test-core.js';
import { fakeJpeg } from '#test/unit/publication/fake-photo.js';
import { markdownTable, terminalTable, type Row } from './report.js';
import { summarize } from './stats.js';

const PHOTOS = 200;
const CHOSEN = 12;
const PHOTO_BYTES = 5_000_000;
const log = (message: string) => process.stderr.write(`[publication bench] ${message}\n`);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const dir = mkdtempSync(join(tmpdir(), 'atelier-publication-bench-'));
let now = new Date('2026-12-31T09:00:00.000Z');
const key = randomBytes(32);
const prepared = await prepareDatabase({ file: join(dir, 'atelier.sqlite'), backupDir: join(dir, 'backups'), key, now: () => now });
const deps = { db: prepared.db, now: () => now, newId: randomUUID, emit: () => undefined };
const workshops = createWorkshopsService(deps);
const attachmentsDir = join(dir, 'attachments');
const attachmentKey = randomBytes(32);
const publication = createPublicationService({ ...deps, actor: () => 'Bench', attachmentsDir, attachmentKey });
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

log('twelve months of 10 workshops, the last with 200 photos of 5 MB…');
const monthIds: string[] = [];
for (let m = 1; m <= 12; m++) {
  const month = `2026-${String(m).padStart(2, '0')}`;
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const day = String(2 + i * 2).padStart(2, '0');
    const w = must(await workshops.create(workshopFields({ kind: (['pb_co_construction', 'citizen_card_atelier', 'lab_monthly', 'dataset_meetup'] as const)[i % 4], startsAt: `${month}-${day}T18:30`, endsAt: `${month}-${day}T20:30`, arrondissement: 1 + ((i * 7 + m) % 20) })));
    ids.push(w.id);
    for (let k = 0; k < 6 + i; k++) addAttendance(prepared.sqlite, w.id, null);
    for (let k = 0; k < 3; k++) addProposal(prepared.sqlite, w.id);
  }
  if (m === 12) {
    const shas: string[] = [];
    for (let p = 0; p < PHOTOS; p++) shas.push((await storeAttachment(prepared.db, attachmentsDir, attachmentKey, fakeJpeg(4000, 3000, PHOTO_BYTES, p), 'image/jpeg', now.toISOString())).sha256);
    const proposals = prepared.sqlite.prepare(`select id from proposals where workshop_id in (${ids.map(() => '?').join(',')})`).all(...ids) as { id: string }[];
    proposals.forEach((p, i) => prepared.sqlite.prepare('update proposals set photos = ? where id = ?').run(JSON.stringify(shas.filter((_, k) => k % proposals.length === i)), p.id));
  }
  const draft = must(await publication.create({ period: { kind: 'month', key: month }, title: `Le Lab en ${month}` }));
  must(await publication.saveBlocks({ id: draft.id, expectedVersion: 1, title: draft.title, blocks: { ...emptyBlocks(), intro: 'Un mois d’ateliers. '.repeat(40) } }));
  monthIds.push(draft.id);
}
const december = monthIds[11]!;
const preview = must(await publication.preview({ id: december }));
if (preview.candidatePhotos.length !== PHOTOS) throw new Error(`${preview.candidatePhotos.length} photos, not ${PHOTOS}`);
must(await publication.choosePhotos({ id: december, expectedVersion: 2, photos: preview.candidatePhotos.slice(0, CHOSEN).map((p, i) => ({ sha256: p.sha256, alt: `Photo ${i + 1} du mur de post-it` })) }));

const timed = async (label: string, runs: number, body: () => Promise<number>) => {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = await body();
    samples.push(performance.now() - t0);
  }
  const memory = process.memoryUsage();
  log(`${label}: p50 ${summarize(samples).p50.toFixed(0)} ms, ${mb(bytes)} MB, RSS ${mb(memory.rss)} MB`);
  return { summary: summarize(samples), bytes, rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed) };
};
const size = (r: { base64: string }) => Math.floor((r.base64.length * 3) / 4);
log('the month, HTML then PDF…');
const monthRun = await timed('month HTML + PDF', 5, async () => size(must(await publication.exportFile({ id: december, format: 'html' }))) + size(must(await publication.exportFile({ id: december, format: 'pdf' }))));
const htmlRun = await timed('month HTML alone', 3, async () => size(must(await publication.exportFile({ id: december, format: 'html' }))));
const pdfRun = await timed('month PDF alone', 3, async () => size(must(await publication.exportFile({ id: december, format: 'pdf' }))));
const html = htmlRun.bytes;
const pdf = must(await publication.exportFile({ id: december, format: 'pdf' }));

log('publishing the twelve months, then the year’s report…');
for (const id of monthIds) {
  const p = must(await publication.preview({ id })).publication;
  must(await publication.publish({ id, expectedVersion: p.version }));
}
now = new Date('2027-01-05T09:00:00.000Z');
const year = must(await publication.create({ period: { kind: 'year', key: '2026' }, title: 'Le Lab en 2026' }));
const yearRun = await timed('year HTML + PDF', 5, async () => size(must(await publication.exportFile({ id: year.id, format: 'html' }))) + size(must(await publication.exportFile({ id: year.id, format: 'pdf' }))));
await prepared.db.destroy();
rmSync(dir, { recursive: true, force: true });

const figures = {
  photos: PHOTOS,
  chosen: CHOSEN,
  photoBytes: PHOTO_BYTES,
  month: monthRun,
  monthHtml: htmlRun.summary,
  monthPdf: pdfRun.summary,
  monthHtmlMb: mb(html),
  monthPdfMb: mb(size(pdf)),
  monthPdfPages: pdf.pages,
  year: yearRun,
  loadAverage: loadavg()[0],
};
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const table: Row[] = [
    { measure: `Publication: a month of 10 workshops, ${PHOTOS} photos (${CHOSEN} chosen, 5 MB each), HTML + PDF`, target: '< 5000 ms', summary: monthRun.summary, judgedOn: 'p95', met: monthRun.summary.p95 < 5000, note: `HTML ${figures.monthHtmlMb} MB (p50 ${htmlRun.summary.p50.toFixed(0)} ms), PDF ${figures.monthPdfMb} MB, ${pdf.pages} pages (p50 ${pdfRun.summary.p50.toFixed(0)} ms); RSS ${monthRun.rssMb} MB` },
    { measure: 'Publication: the year’s report from twelve published months, HTML + PDF', target: '< 20000 ms', summary: yearRun.summary, judgedOn: 'p95', met: yearRun.summary.p95 < 20000, note: `RSS ${yearRun.rssMb} MB` },
  ];
  console.log(terminalTable(table));
  console.log(markdownTable(table));
  console.log(`load average ${(figures.loadAverage ?? 0).toFixed(2)}`);
}
