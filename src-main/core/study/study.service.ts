/**
 * The study: the masked dashboard and its exports. Read-only (nothing to sync, no outbox).
 * Every export is built from `computeDashboard`'s masked answer, except the GeoJSON, which
 * lists proposals (ideas, not people) without any proposer.
 */
import { fail, ok, type Result } from '#shared/result.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import type { TFunction } from 'i18next';
import { translatorFor } from '#shared/i18n/translator.js';
import type { StudyDashboard, StudyExportFile, StudyExportInput, StudyQuery } from '#shared/study/study.schema.js';
import { parisDateTimeText } from '#shared/time/paris-date-text.js';
import { utcToParisLocal } from '#shared/time/paris-time.js';
import type { ServiceDeps } from '../deps.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { listProposalFeatures, readScopeSummary } from './study.repository.js';
import { studyCsv } from './csv-export.js';
import { exportRows, scopeLine } from './export-rows.js';
import { proposalsGeoJson } from './geojson-export.js';
import { computeDashboard, scopeFilter } from './study-dashboard.js';

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  pdf: 'application/pdf',
} as const;

/** `etude-atelier-1a2b3c4d-2026-03-14` (the id keeps two workshops of one day apart), `etude-2026-01-01-2026-03-31`, `etude-tous-ateliers-arr18-2026-03-14`. */
function fileStem(q: StudyQuery, day: string, t: TFunction): string {
  const base = t('study.files.stem');
  const arr = q.arrondissement !== undefined ? `-arr${q.arrondissement}` : '';
  if (q.scope === 'period') return `${base}-${q.from}-${q.to}${arr}`;
  if (q.scope === 'workshop') return `${base}-${t('study.files.stemWorkshop')}-${q.workshopId!.slice(0, 8)}-${day}`;
  return `${base}-${t('study.files.stemAll')}${arr}-${day}`;
}

export function createStudyService(deps: Pick<ServiceDeps, 'db' | 'now'>) {
  const { db, now } = deps;

  async function dashboard(query: StudyQuery): Promise<Result<StudyDashboard>> {
    if (query.scope === 'workshop') {
      const summary = await readScopeSummary(db, scopeFilter(query));
      if (summary.workshops === 0) return fail('not_found', `No workshop ${query.workshopId}`);
      const workshop = await findWorkshopRow(db, query.workshopId!);
      const offered = kindAllows(workshop!.kind, 'study', 'workshopId');
      if (!offered.ok) return offered;
    }
    return ok(await computeDashboard(db, query));
  }

  async function exportFile(input: StudyExportInput): Promise<Result<StudyExportFile>> {
    const loaded = await dashboard(input.query);
    if (!loaded.ok) return loaded;
    const d = loaded.value;
    const t = translatorFor(input.language);
    const at = now();
    const local = utcToParisLocal(at.toISOString());
    const stem = fileStem(input.query, local.slice(0, 10), t);
    const columns = ['table', 'category', 'column', 'count', 'share'] as const;
    const header = columns.map((c) => t(`study.files.columns.${c}`));
    const scope = scopeLine(d, t);
    // « Produit le mardi 1 décembre 2026, 1 h 46 »: a date people read, not 2026-12-01 01:46.
    const generated = t('study.files.generatedAt', { date: parisDateTimeText(at.toISOString(), input.language) });

    let bytes: Uint8Array;
    switch (input.format) {
      case 'csv':
        bytes = new TextEncoder().encode(studyCsv(header, exportRows(d, t), t));
        break;
      case 'xlsx': {
        // exceljs and pdf-lib load on the first export, not with the core: start-up stays fast.
        const { studyXlsx } = await import('./xlsx-export.js');
        bytes = await studyXlsx(
          exportRows(d, t),
          {
            readmeSheet: t('study.files.readmeSheet'),
            dataSheet: t('study.files.dataSheet'),
            title: t('study.files.pdfTitle'),
            scope,
            generated,
            maskingNote: t('study.files.maskingNote'),
            header,
            t,
          },
          at,
        );
        break;
      }
      case 'geojson': {
        const features = await listProposalFeatures(db, scopeFilter(input.query));
        bytes = new TextEncoder().encode(JSON.stringify(proposalsGeoJson(features), null, 1));
        break;
      }
      case 'pdf': {
        const { studyPdf } = await import('./pdf-export.js');
        bytes = await studyPdf(d, input.language, scope, generated);
        break;
      }
    }
    return ok({
      fileName: `${stem}.${input.format}`,
      mediaType: mediaTypes[input.format],
      base64: Buffer.from(bytes).toString('base64'),
      bytes: bytes.byteLength,
    });
  }

  return { dashboard, export: exportFile };
}
