/**
 * Operations: `GET /health` for load balancers and the operator, `GET /metrics` (Prometheus
 * text, loopback only: counts by route are not for the internet) and the OpenAPI document.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PortalError } from '../errors.js';
import { readPortalMeta } from '../portal-meta.js';
import type { PortalServices } from '../services.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  epoch: z.string().nullable(),
  database: z.enum(['sqlite', 'postgres']),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const opsRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  app.get(
    '/health',
    { config: { rateLimit: false }, schema: { summary: 'Liveness and database reachability', security: [], response: { 200: healthSchema, 503: healthSchema } } },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(services.db);
        const meta = await readPortalMeta(services.db);
        return { status: 'ok' as const, epoch: meta?.epoch ?? null, database: services.dialect };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        return reply.code(503).send({ status: 'unavailable', epoch: null, database: services.dialect });
      }
    },
  );

  app.get(
    '/metrics',
    { config: { rateLimit: false }, schema: { hide: true } },
    async (request, reply) => {
      if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) {
        throw new PortalError(403, 'forbidden', 'Metrics are served on the loopback interface only.');
      }
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(services.metrics.render());
    },
  );

  app.get('/v1/openapi.json', { config: { rateLimit: false }, schema: { hide: true } }, async () => app.swagger());
};
