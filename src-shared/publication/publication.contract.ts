/** The lab's monthly publication and the year's report (docs/publication.md); lab desktops only. */
import { z } from 'zod';
import { command } from '../command.js';
import {
  photoThumbInputSchema,
  photoThumbSchema,
  publicationBlocksInputSchema,
  publicationCreateInputSchema,
  publicationExportInputSchema,
  publicationExportSchema,
  publicationListSchema,
  publicationPhotosInputSchema,
  publicationPreviewSchema,
  publicationPublishInputSchema,
  publicationRefSchema,
  publicationSchema,
  publicationVersionsSchema,
} from './publication.schema.js';

export const publicationCommands = {
  /** Every publication, months and years, newest period first. */
  'publication:list': command(z.object({}), publicationListSchema),
  /** A new draft for a month or a year (one per period). */
  'publication:create': command(publicationCreateInputSchema, publicationSchema),
  /** The draft's figures generated now (a year: from the months' last published versions), the photos to choose from, the map. */
  'publication:preview': command(publicationRefSchema, publicationPreviewSchema),
  /** The title and the text blocks between the figures. */
  'publication:save-blocks': command(publicationBlocksInputSchema, publicationSchema),
  /** The photos chosen, each with its alternative text. */
  'publication:choose-photos': command(publicationPhotosInputSchema, publicationSchema),
  /** A self-contained HTML page or a PDF (base64). */
  'publication:export': command(publicationExportInputSchema, publicationExportSchema),
  /** Version n+1, immutable, sent to the portal for the City's website. */
  'publication:publish': command(publicationPublishInputSchema, publicationSchema),
  /** The published versions, newest first. */
  'publication:versions': command(publicationRefSchema, publicationVersionsSchema),
  /** A small preview of a photo (a data URI), to choose it. */
  'publication:photo': command(photoThumbInputSchema, photoThumbSchema),
} as const;

export const publicationEvents = {
  /** `id` of the changed publication, or '*'. */
  'publication:changed': z.object({ id: z.string() }),
} as const;
