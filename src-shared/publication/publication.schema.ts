/**
 * The Innovation Lab's monthly publication and the year's report (issue 11, docs/publication.md):
 * the period, the lab's text blocks between the generated figures, the chosen photos, the
 * generated figures (`snapshot`) and the commands' inputs. The figures hold counts by code only
 * (workshop kind, arrondissement, proposal status): no free text ever becomes a category.
 */
import { z } from 'zod';
import { sha256Schema as sha256, uuidSchema } from '../ids.js';
import { studyCellSchema } from '../study/study.schema.js';
import { workshopKinds } from '../workshops/workshop.schema.js';
import { proposalStatuses } from '../proposals/proposal.schema.js';

export const PUBLICATION_LIMITS = {
  title: 160,
  block: 6_000,
  photos: 12,
  alt: 300,
  cases: 60,
  caseTitle: 200,
  decision: 1_000,
} as const;
const L = PUBLICATION_LIMITS;
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });

export const monthKeyPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
export const yearKeyPattern = /^\d{4}$/;

export const periodKinds = ['month', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** A month (`YYYY-MM`) or a year (`YYYY`), in Paris time. */
export const periodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), key: z.string().regex(monthKeyPattern, { error: 'validation.month' }) }).strict(),
  z.object({ kind: z.literal('year'), key: z.string().regex(yearKeyPattern, { error: 'validation.year' }) }).strict(),
]);
export type Period = z.infer<typeof periodSchema>;

/**
 * Where the lab's words go: before the figures, after each section, at the end. Plain
 * paragraphs (blank lines between them), no markdown.
 */
export const blockSlots = ['intro', 'afterWorkshops', 'afterParticipation', 'afterProposals', 'afterCases', 'conclusion'] as const;
export type BlockSlot = (typeof blockSlots)[number];
export const blocksSchema = z.object(Object.fromEntries(blockSlots.map((s) => [s, text(L.block)])) as Record<BlockSlot, ReturnType<typeof text>>).strict();
export type Blocks = Record<BlockSlot, string>;
export const emptyBlocks = (): Blocks => Object.fromEntries(blockSlots.map((s) => [s, ''])) as Blocks;

/** A photo chosen for the publication: its content address and its alternative text (required). */
export const chosenPhotoSchema = z
  .object({ sha256, alt: text(L.alt).trim().min(1, { error: 'validation.altRequired' }) })
  .strict();
export type ChosenPhoto = z.infer<typeof chosenPhotoSchema>;

export const publicationStatuses = ['draft', 'published'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

/**
 * A practical case of La Transfo that moved in the period, as another helper's
 * `casesAdvancedBetween(db, fromIso, toIso)` gives it (docs/publication.md, « Cases »).
 */
export const caseAdvancedSchema = z.object({
  id: uuidSchema,
  title: text(L.caseTitle),
  /** A City direction code (src-shared/transfo/directions.ts). */
  direction: z.string().max(32),
  service: text(200).nullable(),
  /** The case's state code. */
  state: z.string().max(32),
  journalEntries: z.array(z.object({ at: z.string().max(40) })).max(500),
  decisions: z.array(z.object({ on: z.string().max(40), text: text(L.decision) })).max(100),
  prototypeAttachments: z.array(z.string().max(64)).max(50),
});
export type CaseAdvanced = z.infer<typeof caseAdvancedSchema>;

const count = z.number().int().min(0);

/** The figures of one month, generated from its records (monthSnapshot). */
export const monthFiguresSchema = z.object({
  month: z.string().regex(monthKeyPattern),
  workshops: z.object({
    total: count,
    byKind: z.array(z.object({ kind: z.enum(workshopKinds), count })),
    /** Each workshop held: its kind, day and arrondissement (its title is the lab's, not a category). */
    list: z.array(z.object({ id: uuidSchema, kind: z.enum(workshopKinds), title: z.string(), startsAt: z.string(), arrondissement: z.number().int() })),
  }),
  /** From the study, masked under five (src-shared/study/masking.ts). */
  participation: z.object({ total: studyCellSchema, byKind: z.array(studyCellSchema) }),
  proposals: z.object({
    total: count,
    /** Arrondissement 1–20; proposals for all Paris are `parisWide`. */
    byArrondissement: z.array(z.object({ arrondissement: z.number().int().min(1).max(20), count })),
    parisWide: count,
    byStatus: z.array(z.object({ status: z.enum(proposalStatuses), count })),
  }),
  cases: z.object({
    total: count,
    byState: z.array(z.object({ state: z.string(), count })),
    list: z.array(z.object({ id: uuidSchema, title: z.string(), direction: z.string(), state: z.string(), journalEntries: count, decisions: z.array(z.object({ on: z.string(), text: z.string() })) })),
  }),
});
export type MonthFigures = z.infer<typeof monthFiguresSchema>;

/** One month in the year's report: its last published version's headline, or null when missing. */
export const yearMonthSchema = z.object({
  month: z.string(),
  version: z.number().int().nullable(),
  workshops: count.nullable(),
  participants: studyCellSchema.nullable(),
  proposals: count.nullable(),
  cases: count.nullable(),
});
export type YearMonth = z.infer<typeof yearMonthSchema>;

/**
 * The year's report: each month from its last published version, or said missing. Headlines
 * per month (not the months' whole figures) so that the published report stays well under the
 * sync's 64 KB per change.
 */
export const yearFiguresSchema = z.object({
  year: z.string().regex(yearKeyPattern),
  months: z.array(yearMonthSchema),
  missing: z.array(z.string()),
  workshops: z.object({ total: count, byKind: z.array(z.object({ kind: z.enum(workshopKinds), count })) }),
  /** The sum of the months' shown figures; `atLeast` when a month's figure is masked (its value is never added back). */
  participation: z.object({ shown: count, atLeast: z.boolean() }),
  proposals: z.object({ total: count, byArrondissement: z.array(z.object({ arrondissement: z.number().int(), count })), parisWide: count }),
  cases: z.object({ total: count }),
});
export type YearFigures = z.infer<typeof yearFiguresSchema>;

export const figuresSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), month: monthFiguresSchema }),
  z.object({ kind: z.literal('year'), year: yearFiguresSchema }),
]);
export type Figures = z.infer<typeof figuresSchema>;

/** What a published version keeps: the figures, the blocks and the photos' references. */
export const publicationSnapshotSchema = z.object({
  period: periodSchema,
  title: z.string(),
  figures: figuresSchema,
  blocks: blocksSchema,
  photos: z.array(chosenPhotoSchema).max(L.photos),
});
export type PublicationSnapshot = z.infer<typeof publicationSnapshotSchema>;

// ─── Commands ────────────────────────────────────────────────────────────────

export const publicationSchema = z.object({
  id: uuidSchema,
  version: z.number().int(),
  period: periodSchema,
  title: z.string(),
  blocks: blocksSchema,
  chosenPhotos: z.array(chosenPhotoSchema),
  status: z.enum(publicationStatuses),
  lastPublishedVersion: z.number().int().min(0),
  updatedAt: z.string(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicationVersionSchema = z.object({
  id: uuidSchema,
  publicationId: uuidSchema,
  n: z.number().int().min(1),
  publishedAt: z.string(),
  publishedBy: z.string(),
  snapshot: publicationSnapshotSchema,
});
export type PublicationVersion = z.infer<typeof publicationVersionSchema>;

export const publicationListSchema = z.object({ publications: z.array(publicationSchema) });

export const publicationCreateInputSchema = z.object({
  period: periodSchema,
  title: text(L.title).trim().min(1, { error: 'validation.required' }),
});
export const publicationRefSchema = z.object({ id: uuidSchema });
export const publicationBlocksInputSchema = z.object({
  id: uuidSchema,
  expectedVersion: z.number().int().min(1),
  title: text(L.title).trim().min(1, { error: 'validation.required' }),
  blocks: blocksSchema,
});
export const publicationPhotosInputSchema = z.object({
  id: uuidSchema,
  expectedVersion: z.number().int().min(1),
  photos: z.array(chosenPhotoSchema).max(L.photos, { error: `validation.tooMany:${L.photos}` }),
});
export const publicationPublishInputSchema = z.object({ id: uuidSchema, expectedVersion: z.number().int().min(1) });
export const publicationExportInputSchema = z.object({
  id: uuidSchema,
  format: z.enum(['html', 'pdf']),
  /** A published version's own snapshot; the draft's current figures when absent. */
  version: z.number().int().min(1).optional(),
});

/** One point of the map: an arrondissement's outline in the map's own coordinates. */
export const mapAreaSchema = z.object({ arrondissement: z.number().int(), d: z.string(), x: z.number(), y: z.number() });
export type MapArea = z.infer<typeof mapAreaSchema>;

/** The draft's current figures (or the year's), the photos that may be chosen, the map's outlines. */
export const publicationPreviewSchema = z.object({
  publication: publicationSchema,
  figures: figuresSchema,
  candidatePhotos: z.array(z.object({ sha256: z.string(), mediaType: z.string() })),
  map: z.object({ width: z.number(), height: z.number(), areas: z.array(mapAreaSchema) }),
  versions: z.array(publicationVersionSchema.omit({ snapshot: true })),
});
export type PublicationPreview = z.infer<typeof publicationPreviewSchema>;

export const publicationExportSchema = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string(), pages: z.number().int().nullable() });
export const publicationVersionsSchema = z.object({ versions: z.array(publicationVersionSchema) });
export const photoThumbInputSchema = z.object({ sha256 });
export const photoThumbSchema = z.object({ dataUri: z.string() });
