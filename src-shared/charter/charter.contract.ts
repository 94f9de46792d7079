/** The charter consultation's commands of the contract (see src-shared/contract.ts). */
import { z } from 'zod';
import { command } from '../command.js';
import {
  articleDecideInputSchema,
  articleSaveInputSchema,
  articleSchema,
  chapterSaveInputSchema,
  chapterSchema,
  charterReportInputSchema,
  charterReportSchema,
  charterStructureSchema,
  charterSynthesisSchema,
  charterVersionedRefSchema,
  consultationListSchema,
  consultationRefSchema,
  consultationSaveInputSchema,
  consultationSchema,
  contributeInputSchema,
  contributionListInputSchema,
  contributionListSchema,
  contributionSchema,
  contributionUpdateInputSchema,
  opinionGroupsSchema,
  paperSheetInputSchema,
  paperSheetListInputSchema,
  paperSheetListSchema,
  paperSheetResultSchema,
  questionSaveInputSchema,
  questionSchema,
  tagSaveInputSchema,
  tagSchema,
} from './charter.schema.js';

export const charterCommands = {
  /** The draft charter: live chapters, articles, questions and tags, in order. */
  'charter:structure': command(z.object({}), charterStructureSchema),
  /** Create (no id) or update (id and version) a chapter; lab desktops only. */
  'charter:save-chapter': command(chapterSaveInputSchema, chapterSchema),
  /** Refused while the chapter has live articles or questions. */
  'charter:remove-chapter': command(charterVersionedRefSchema, chapterSchema),
  'charter:save-article': command(articleSaveInputSchema, articleSchema),
  /** Refused while the article has live questions. */
  'charter:remove-article': command(charterVersionedRefSchema, articleSchema),
  /** What the City does with the article, and why (the restitution report says it). */
  'charter:decide': command(articleDecideInputSchema, articleSchema),
  'charter:save-question': command(questionSaveInputSchema, questionSchema),
  'charter:remove-question': command(charterVersionedRefSchema, questionSchema),
  'charter:save-tag': command(tagSaveInputSchema, tagSchema),
  'charter:remove-tag': command(charterVersionedRefSchema, tagSchema),
  'charter:consultations': command(z.object({}), consultationListSchema),
  'charter:save-consultation': command(consultationSaveInputSchema, consultationSchema),
  'charter:remove-consultation': command(charterVersionedRefSchema, consultationSchema),
  /** A consultation's contributions (all channels), newest first, filtered. */
  'charter:contributions': command(contributionListInputSchema, contributionListSchema),
  /** A contribution typed at a workshop of the charter kind, during the consultation. */
  'charter:contribute': command(contributeInputSchema, contributionSchema),
  'charter:update-contribution': command(contributionUpdateInputSchema, contributionSchema),
  'charter:remove-contribution': command(charterVersionedRefSchema, contributionSchema),
  /** A paper questionnaire typed afterwards; a sheet number already typed is refused. */
  'charter:paper-sheet': command(paperSheetInputSchema, paperSheetResultSchema),
  'charter:paper-sheets': command(paperSheetListInputSchema, paperSheetListSchema),
  'charter:synthesis': command(consultationRefSchema, charterSynthesisSchema),
  'charter:opinion-groups': command(consultationRefSchema, opinionGroupsSchema),
  /** The restitution report (PDF, base64) for the public meeting. */
  'charter:report': command(charterReportInputSchema, charterReportSchema),
} as const;

export const charterEvents = {
  /** `id` of the changed record, or '*'; listeners refetch on any event of this name. */
  'charter:changed': z.object({ id: z.string() }),
} as const;
