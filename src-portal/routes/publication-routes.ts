/**
 * The public read of the Lab's publication (docs/publication.md): what the City's website shows,
 * without a device token — the list of published versions and one version's snapshot (figures,
 * the Lab's texts, the photos' references). Drafts are never served.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '#shared/ids.js';
import { periodSchema, publicationSnapshotSchema } from '#shared/publication/publication.schema.js';
import { findPublished, listPublished } from '../publications.js';
import type { PortalServices } from '../services.js';
import { publicErrors } from './error-responses.js';
import { portalErrorBodySchema } from '#shared/sync/protocol.schema.js';

const entrySchema = z.object({ publicationId: z.string(), n: z.number().int(), publishedAt: z.string(), period: periodSchema, title: z.string() });
const versionSchema = z.object({ publicationId: z.string(), n: z.number().int(), publishedAt: z.string(), snapshot: publicationSnapshotSchema });

export const publicationRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  app.get(
    '/api/public/publications',
    { schema: { summary: 'The Lab’s published versions (public, no token)', security: [], response: { 200: z.object({ publications: z.array(entrySchema) }), ...publicErrors } } },
    async () => ({ publications: await listPublished(services.db) }),
  );
  app.get(
    '/api/public/publications/:id/versions/:n',
    {
      schema: {
        summary: 'One published version: its figures, the Lab’s texts and its photos’ references (public, no token)',
        security: [],
        params: z.object({ id: uuidSchema, n: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: versionSchema, 404: portalErrorBodySchema, ...publicErrors },
      },
    },
    async (request) => findPublished(services.db, request.params.id, request.params.n),
  );
};
