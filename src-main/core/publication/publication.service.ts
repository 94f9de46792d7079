/**
 * The Lab's publication (issue 11, docs/publication.md): a draft per month or year, its figures
 * generated from the records (month-snapshot.ts), the lab's words and chosen photos, exported
 * as one HTML page or a PDF, and published: version n+1, written once and never changed (the
 * write funnel refuses a change of an immutable kind, the portal too). Lab desktops only.
 */
import { existsSync } from 'node:fs';
import type { CommandParsedInput } from '#shared/contract.js';
import type { Language } from '#shared/i18n/languages.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { monthBounds, monthSnapshot, yearSnapshot } from '#shared/publication/month-snapshot.js';
import { emptyBlocks, type CaseAdvanced, type Figures, type Publication, type PublicationSnapshot } from '#shared/publication/publication.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import { SYNC_LIMITS } from '#shared/sync/protocol.schema.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { attachmentPath } from '../store/attachments.repository.js';
import { readEncryptedFile } from '../store/file-cipher.js';
import { runWrite } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { labPublicationCodec, labPublicationVersionCodec, type PublicationRecord, type PublicationVersionRecord } from './publication.codecs.js';
import { publicationDocument } from './publication-document.js';
import { publicationHtml, type EmbeddedPhoto } from './publication-html.js';
import { publicationMap } from './publication-map.js';
import { transfoCasesAdvanced } from './cases-source.js';
import { publicationPdf, type PdfPhoto } from './publication-pdf.js';
import { attachmentMediaType, findPublication, findPublicationForPeriod, lastPublishedMonths, listPublications, listVersions, monthPhotos, readMonthSources } from './publication.repository.js';

/**
 * La Transfo's practical cases that moved in a period: read from the cases themselves
 * (cases-source.ts) unless a test gives its own.
 */
export type CasesAdvancedReader = (db: Executor, fromIso: string, toIso: string) => Promise<CaseAdvanced[]>;
export const noCases: CasesAdvancedReader = () => Promise.resolve([]);

export interface PublicationDeps extends ServiceDeps {
  /** Who is acting (the name given at unlock): recorded on each published version. */
  actor: () => string;
  casesAdvancedBetween?: CasesAdvancedReader;
  attachmentsDir: string | null;
  attachmentKey: Buffer | null;
  /** The language of the documents (French by default: the City publishes in French). */
  language?: Language;
}

/** Room kept under the sync's limit for one change, for the record's other fields. */
const SNAPSHOT_MAX_BYTES = SYNC_LIMITS.fieldsJsonBytes - 4_000;

/** Where a photo's base64 goes in the page being written (a character no escaped text holds). */
const PHOTO_MARK = '\u0000';

type ExportFile = { fileName: string; mediaType: string; base64: string; pages: number | null };

const labOnlyRefusal = (field: string) => fail('validation', 'The publication is prepared on lab desktops', { [field]: 'validation.publicationLabOnly' });
const safeName = (title: string) => title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);

export function toPublication(p: PublicationRecord): Publication {
  return {
    id: p.id,
    version: p.version,
    period: p.periodKind === 'month' ? { kind: 'month', key: p.periodKey } : { kind: 'year', key: p.periodKey },
    title: p.title,
    blocks: p.blocks,
    chosenPhotos: p.chosenPhotos,
    status: p.status,
    lastPublishedVersion: p.lastPublishedVersion,
    updatedAt: p.updatedAt,
  };
}

const versionView = (v: PublicationVersionRecord) => ({ id: v.id, publicationId: v.publicationId, n: v.n, publishedAt: v.publishedAt, publishedBy: v.publishedBy, snapshot: v.snapshot });

export function createPublicationService(deps: PublicationDeps) {
  const { db } = deps;
  const cases = deps.casesAdvancedBetween ?? transfoCasesAdvanced;
  const language = deps.language ?? 'fr';

  async function labDesk(field: string): Promise<Result<null>> {
    return (await getMeta(db, META.role)) === 'field' ? labOnlyRefusal(field) : ok(null);
  }

  async function monthData(month: string) {
    const { fromIso, toIso } = monthBounds(month);
    const sources = await readMonthSources(db, fromIso, toIso);
    const advanced = await cases(db, fromIso, toIso);
    const figures = monthSnapshot({ ...sources, cases: advanced }, month);
    // The photos to choose from: the proposals' of the month's workshops, and the prototypes' of the cases that advanced.
    const photos = await monthPhotos(db, figures.workshops.list.map((w) => w.id), advanced.flatMap((c) => c.prototypeAttachments));
    return { figures, photos };
  }

  /** The period's figures now: a month from its records, a year from its months' last published versions. */
  async function figuresOf(p: PublicationRecord): Promise<{ figures: Figures; photos: { sha256: string; mediaType: string }[] }> {
    if (p.periodKind === 'month') {
      const m = await monthData(p.periodKey);
      return { figures: { kind: 'month', month: m.figures }, photos: m.photos };
    }
    const published = await lastPublishedMonths(db, p.periodKey);
    const byMonth = new Map([...published].map(([month, v]) => [month, { version: v.n, snapshot: v.snapshot }]));
    // The year's photos: those the months published.
    const photos = [...new Map([...published.values()].flatMap((v) => v.snapshot.photos).map((ph) => [ph.sha256, ph])).keys()];
    const withTypes = [];
    for (const sha256 of photos) withTypes.push({ sha256, mediaType: (await attachmentMediaType(db, sha256)) ?? 'application/octet-stream' });
    return { figures: { kind: 'year', year: yearSnapshot(p.periodKey, byMonth) }, photos: withTypes };
  }

  async function snapshotOf(p: PublicationRecord): Promise<PublicationSnapshot> {
    const { figures } = await figuresOf(p);
    return { period: toPublication(p).period, title: p.title, figures, blocks: p.blocks, photos: p.chosenPhotos };
  }

  function photoBytes(sha256: string): Uint8Array | null {
    if (!deps.attachmentsDir || !deps.attachmentKey) return null;
    const path = attachmentPath(deps.attachmentsDir, sha256);
    return existsSync(path) ? readEncryptedFile(path, deps.attachmentKey) : null;
  }

  async function withPublication<T>(id: string, field: string, body: (p: PublicationRecord) => Promise<Result<T>>): Promise<Result<T>> {
    const desk = await labDesk(field);
    if (!desk.ok) return desk;
    const p = await findPublication(db, id);
    if (!p) return fail('not_found', `No publication ${id}`);
    return body(p);
  }

  const write = <T>(id: string, body: Parameters<typeof runWrite<T>>[1]) => runWrite(deps, body, { eventIds: { 'publication:changed': id } });

  return {
    async list() {
      const desk = await labDesk('_');
      if (!desk.ok) return desk;
      return ok({ publications: (await listPublications(db)).map(toPublication) });
    },

    async create({ period, title }: CommandParsedInput<'publication:create'>) {
      const desk = await labDesk('period.key');
      if (!desk.ok) return desk;
      if (await findPublicationForPeriod(db, period.kind, period.key)) return fail('validation', 'A publication exists for this period', { 'period.key': 'validation.publicationExists' });
      const created = await runWrite(deps, (w) =>
        w.insert(labPublicationCodec, {
          fields: { periodKind: period.kind, periodKey: period.key, title, blocks: emptyBlocks(), chosenPhotos: [], status: 'draft', lastPublishedVersion: 0 },
        }).then(ok),
      );
      return created.ok ? ok(toPublication(created.value)) : created;
    },

    preview({ id }: CommandParsedInput<'publication:preview'>) {
      return withPublication(id, 'id', async (p) => {
        const { figures, photos } = await figuresOf(p);
        const versions = (await listVersions(db, id)).map(({ snapshot: _snapshot, ...v }) => ({ id: v.id, publicationId: v.publicationId, n: v.n, publishedAt: v.publishedAt, publishedBy: v.publishedBy }));
        return ok({ publication: toPublication(p), figures, candidatePhotos: photos, map: publicationMap(), versions });
      });
    },

    saveBlocks({ id, expectedVersion, title, blocks }: CommandParsedInput<'publication:save-blocks'>) {
      return withPublication(id, 'title', async () => {
        const saved = await write(id, (w) => w.update(labPublicationCodec, id, () => ok({ title, blocks }), { expectedVersion }));
        return saved.ok ? ok(toPublication(saved.value)) : saved;
      });
    },

    choosePhotos({ id, expectedVersion, photos }: CommandParsedInput<'publication:choose-photos'>) {
      return withPublication(id, 'photos', async (p) => {
        const { photos: candidates } = await figuresOf(p);
        const allowed = new Set(candidates.map((c) => c.sha256));
        const wrong = photos.findIndex((ph) => !allowed.has(ph.sha256));
        if (wrong !== -1) return fail('validation', 'Not a photo of the period', { [`photos.${wrong}.sha256`]: 'validation.photoNotOfPeriod' });
        const unique = [...new Map(photos.map((ph) => [ph.sha256, ph])).values()];
        const saved = await write(id, (w) => w.update(labPublicationCodec, id, () => ok({ chosenPhotos: unique }), { expectedVersion }));
        return saved.ok ? ok(toPublication(saved.value)) : saved;
      });
    },

    exportFile({ id, format, version }: CommandParsedInput<'publication:export'>) {
      return withPublication<ExportFile>(id, 'format', async (p) => {
        let snapshot: PublicationSnapshot;
        let published: { n: number; at: string } | null = null;
        if (version !== undefined) {
          const v = (await listVersions(db, id)).find((x) => x.n === version);
          if (!v) return fail('not_found', `No version ${version} of publication ${id}`);
          snapshot = v.snapshot;
          published = { n: v.n, at: v.publishedAt };
        } else snapshot = await snapshotOf(p);
        const document = publicationDocument(snapshot, translatorFor(language), { language, published, generatedAt: published?.at ?? deps.now().toISOString() });
        const stem = safeName(`${snapshot.title} ${p.periodKey}${published ? ` v${published.n}` : ''}`);
        if (format === 'html') {
          // The page is written with a mark where each photo's base64 goes, then assembled as bytes:
          // 60 MB of photos never become one JavaScript string (that cost seconds).
          const photos: EmbeddedPhoto[] = [];
          const bytesOf = new Map<string, Buffer>();
          for (const ph of snapshot.photos) {
            const bytes = photoBytes(ph.sha256);
            const type = await attachmentMediaType(db, ph.sha256);
            if (bytes && type) bytesOf.set(ph.sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
            photos.push({ ...ph, dataUri: bytes && type ? `data:${type};base64,${PHOTO_MARK}${ph.sha256}${PHOTO_MARK}` : null });
          }
          const parts = publicationHtml(document, photos, publicationMap()).split(PHOTO_MARK);
          const page = Buffer.concat(parts.map((part, i) => (i % 2 === 1 ? Buffer.from(bytesOf.get(part)!.toString('base64'), 'latin1') : Buffer.from(part, 'utf8'))));
          return ok({ fileName: `${stem}.html`, mediaType: 'text/html', base64: page.toString('base64'), pages: null });
        }
        const photos: PdfPhoto[] = [];
        for (const ph of snapshot.photos) photos.push({ ...ph, mediaType: (await attachmentMediaType(db, ph.sha256)) ?? '', bytes: photoBytes(ph.sha256) });
        const pdf = await publicationPdf(document, photos, publicationMap());
        return ok({ fileName: `${stem}.pdf`, mediaType: 'application/pdf', base64: pdf.bytes.toString('base64'), pages: pdf.pages });
      });
    },

    publish({ id, expectedVersion }: CommandParsedInput<'publication:publish'>) {
      return withPublication(id, 'id', async (p) => {
        const snapshot = await snapshotOf(p);
        if (Buffer.byteLength(JSON.stringify(snapshot), 'utf8') > SNAPSHOT_MAX_BYTES) return fail('validation', 'The publication is too large to travel', { id: 'validation.publicationTooLarge' });
        const n = p.lastPublishedVersion + 1;
        const done = await write(id, async (w) => {
          const updated = await w.update(labPublicationCodec, id, () => ok({ status: 'published' as const, lastPublishedVersion: n }), { expectedVersion });
          if (!updated.ok) return updated;
          await w.insert(labPublicationVersionCodec, { fields: { publicationId: id, n, publishedAt: w.at, publishedBy: deps.actor(), snapshot } });
          return updated;
        });
        return done.ok ? ok(toPublication(done.value)) : done;
      });
    },

    versions({ id }: CommandParsedInput<'publication:versions'>) {
      return withPublication(id, 'id', async () => ok({ versions: (await listVersions(db, id)).map(versionView) }));
    },

    async photo({ sha256 }: CommandParsedInput<'publication:photo'>) {
      const desk = await labDesk('sha256');
      if (!desk.ok) return desk;
      const type = await attachmentMediaType(db, sha256);
      const bytes = type ? photoBytes(sha256) : null;
      if (!type || !bytes) return fail('not_found', `No photo ${sha256}`);
      return ok({ dataUri: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` });
    },
  };
}
