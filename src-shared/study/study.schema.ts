/**
 * The sociology study: what the dashboard is asked for, and what it answers. Every count of
 * people in the answer has already gone through `maskDashboard` (./masking.ts): a cell under
 * five people carries `value: null` and why it is masked, never its number.
 */
import { z } from 'zod';
import { languages } from '../i18n/languages.js';
import { uuid } from '../workshops/workshop.schema.js';

export const studyScopes = ['workshop', 'period', 'all'] as const;
export type StudyScope = (typeof studyScopes)[number];

/**
 * One workshop, a period (Paris calendar days, inclusive) or all workshops; optionally only
 * the workshops held in one arrondissement (what a Conseil de quartier asks for).
 */
export const studyQuerySchema = z
  .object({
    scope: z.enum(studyScopes, { error: 'validation.required' }),
    workshopId: uuid.optional(),
    from: z.iso.date({ error: 'validation.date' }).optional(),
    to: z.iso.date({ error: 'validation.date' }).optional(),
    arrondissement: z
      .number({ error: 'validation.arrondissement' })
      .int({ error: 'validation.arrondissement' })
      .min(1, { error: 'validation.arrondissement' })
      .max(20, { error: 'validation.arrondissement' })
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (q.scope === 'workshop' && !q.workshopId) {
      ctx.addIssue({ code: 'custom', path: ['workshopId'], message: 'validation.required' });
    }
    if (q.scope === 'period') {
      if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'validation.required' });
      if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.required' });
      if (q.from && q.to && q.to < q.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
      }
    }
  });
export type StudyQuery = z.infer<typeof studyQuerySchema>;

/**
 * Why a figure is hidden: `small` — under five people (shown « < 5 »); `complement` — five or
 * more, hidden so that a small one beside it cannot be found by subtraction (shown « masqué »).
 * Saying which is honest (a complement is not under five) and safe (see ./masking.ts).
 */
export const maskReasons = ['small', 'complement'] as const;
export type MaskReason = (typeof maskReasons)[number];

/** One figure. Masked cells never carry their value across the wire or into a file. */
export const studyCellSchema = z.object({
  key: z.string(),
  value: z.number().int().nullable(),
  masked: z.union([z.literal(false), z.enum(maskReasons)]),
});
export type StudyCell = z.infer<typeof studyCellSchema>;

/** Counts of people (masked under five) or of proposals (ideas, not people: never masked). */
export const studyMeasures = ['people', 'proposals'] as const;
export type StudyMeasure = (typeof studyMeasures)[number];

export const attendanceTableIds = [
  'ageBracket',
  'residence',
  'livesInQpv',
  'firstParticipation',
  'gender',
  'neighbourhoodCouncilMember',
  'associationMember',
] as const;
export type AttendanceTableId = (typeof attendanceTableIds)[number];
export const proposalTableIds = ['theme', 'neighbourhoodClass'] as const;
export type ProposalTableId = (typeof proposalTableIds)[number];
export const supportTableIds = ['ageBracketByTheme', 'livesInQpvByTheme'] as const;
export type SupportTableId = (typeof supportTableIds)[number];
export type StudyTableId = AttendanceTableId | ProposalTableId;

/** A one-way table: the cells are a partition of `total` (each person in exactly one cell). */
export const studyTableSchema = z.object({
  id: z.enum([...attendanceTableIds, ...proposalTableIds]),
  measure: z.enum(studyMeasures),
  cells: z.array(studyCellSchema),
  total: studyCellSchema,
});
export type StudyTable = z.infer<typeof studyTableSchema>;

/**
 * A cross table of supporters: distinct people (anonymous profiles) per profile group × theme.
 * A person may support several themes, so rows do not add up and no margin is shown.
 */
export const studyCrossTableSchema = z.object({
  id: z.enum(supportTableIds),
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  /** cells[row][column] */
  cells: z.array(z.array(studyCellSchema)),
});
export type StudyCrossTable = z.infer<typeof studyCrossTableSchema>;

export const studyDashboardSchema = z.object({
  query: z.object({
    scope: z.enum(studyScopes),
    workshopId: z.string().nullable(),
    workshopTitle: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    arrondissement: z.number().int().nullable(),
  }),
  /** How many (not deleted) workshops the figures cover. */
  workshops: z.number().int(),
  /** The smallest number of people a figure may show. */
  threshold: z.number().int(),
  headline: z.object({
    /** People present: checked in (with or without a profile) plus the anonymous head count. */
    participants: studyCellSchema,
    /** People present who agreed to the study and gave a profile (the attendance tables' total). */
    withProfile: studyCellSchema,
    proposals: z.number().int(),
    /** Support records (a dot or a grade given to a proposal). */
    supports: z.number().int(),
    dots: z.number().int(),
  }),
  attendance: z.array(studyTableSchema),
  proposals: z.array(studyTableSchema),
  supports: z.array(studyCrossTableSchema),
});
export type StudyDashboard = z.infer<typeof studyDashboardSchema>;

export const studyExportFormats = ['csv', 'xlsx', 'geojson', 'pdf'] as const;
export type StudyExportFormat = (typeof studyExportFormats)[number];

export const studyExportInputSchema = z.object({
  query: studyQuerySchema,
  format: z.enum(studyExportFormats, { error: 'validation.required' }),
  /** The language of the headings in the file. */
  language: z.enum(languages).default('fr'),
});
export type StudyExportInput = z.infer<typeof studyExportInputSchema>;

/** A file for the renderer to offer as a download. */
export const studyExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
  bytes: z.number().int(),
});
export type StudyExportFile = z.infer<typeof studyExportFileSchema>;
