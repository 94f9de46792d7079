/**
 * `HEAD` and `PATCH /v1/attachments/<sha256>`: resumable, content-addressed uploads with the
 * `upload-offset` / `upload-length` headers (the tus convention, without its extensions).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sha256Schema } from '#shared/ids.js';
import { portalErrorBodySchema } from '#shared/sync/protocol.schema.js';
import { ATTACHMENT_CHUNK_MAX } from '../attachments.js';
import { PortalError } from '../errors.js';
import type { PortalServices } from '../services.js';
import { authenticatedErrors } from './error-responses.js';

// Either case is accepted and the upload is kept under the lower-case hash.
const params = z.object({ sha256: sha256Schema });
const uploadHeaders = z.object({
  'upload-offset': z.coerce.number().int().min(0),
  'upload-length': z.coerce.number().int().min(1),
});
const attachmentStatusSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  complete: z.boolean(),
});

export const attachmentRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  // Chunks arrive as raw bytes; one chunk is at most 4 MiB (plus nothing: the limit is exact).
  app.addContentTypeParser(
    ['application/octet-stream', 'application/offset+octet-stream'],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_CHUNK_MAX },
    (_request, body, done) => done(null, body),
  );

  app.head(
    '/v1/attachments/:sha256',
    {
      config: { swagger: { exposeHeadRoute: true } },
      schema: { summary: 'How many bytes of this attachment the portal holds (upload-offset header); 404 if none', params },
    },
    async (request, reply) => {
      const status = await services.attachments.status(request.params.sha256);
      // The protocol's error answer (its body dropped, as for any HEAD): typed like every other.
      if (!status) throw new PortalError(404, 'not_found', 'The portal holds no byte of this attachment.');
      return reply
        .header('upload-offset', String(status.complete ? status.size : status.received))
        .header('upload-length', String(status.size))
        .header('cache-control', 'no-store')
        .code(200)
        .send();
    },
  );

  app.patch(
    '/v1/attachments/:sha256',
    {
      bodyLimit: ATTACHMENT_CHUNK_MAX,
      schema: {
        summary: 'Append a chunk at upload-offset; the last chunk is checked against the SHA-256',
        params,
        headers: uploadHeaders,
        response: { 200: attachmentStatusSchema, 409: portalErrorBodySchema, 422: portalErrorBodySchema, ...authenticatedErrors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new PortalError(415, 'unsupported_media_type', 'Send the chunk as application/offset+octet-stream.');
      }
      const status = await services.attachments.append({
        sha256: request.params.sha256,
        offset: request.headers['upload-offset'],
        length: request.headers['upload-length'],
        chunk: request.body,
        deviceId: request.device!.id,
        now: services.now(),
      });
      services.metrics.inc('portal_attachment_bytes_total', {}, request.body.length);
      reply.header('upload-offset', String(status.received));
      return status;
    },
  );
};
