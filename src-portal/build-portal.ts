/**
 * The portal as a Fastify app: shared zod schemas for validation and serialization, the
 * OpenAPI document generated from them, rate limits per device (per IP for enrolment), body
 * limits, and one error handler that answers `{ code, message, fields? }` and nothing else.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { PROTOCOL_VERSION, SYNC_LIMITS } from '#shared/sync/protocol.schema.js';
import { createAttachmentStore } from './attachments.js';
import { authenticate } from './auth.js';
import { migratePortalDb, type PortalDialect } from './database.js';
import { installErrorHandlers } from './errors.js';
import { clientErrorHandler, frameworkErrorHandler } from './framework-errors.js';
import { installJsonBodyParser } from './json-body.js';
import { PortalMetrics } from './metrics.js';
import { ensurePortalMeta } from './portal-meta.js';
import { attachmentRoutes } from './routes/attachment-routes.js';
import { charterRoutes } from './routes/charter-routes.js';
import { citizenCardRoutes } from './routes/citizen-card-routes.js';
import { opsRoutes } from './routes/ops-routes.js';
import { publicationRoutes } from './routes/publication-routes.js';
import { enrolRoutes, syncRoutes } from './routes/sync-routes.js';
import type { PortalServices } from './services.js';

export interface RateLimitOptions {
  /** Requests per device (authenticated routes) per window. */
  max: number;
  /** Enrolment attempts per IP address per window: low, since codes are short. */
  enrolMax: number;
  timeWindowMs: number;
}

export interface PortalOptions {
  db: Kysely<PortalDatabase>;
  dialect: PortalDialect;
  attachmentsDir: string;
  now?: () => Date;
  /** false for silence (tests); true or pino options for structured logs. */
  logger?: boolean | { level?: string };
  rateLimit?: RateLimitOptions | false;
  /** Largest JSON body; a full push batch of long minutes stays well below. */
  bodyLimit?: number;
  maxAttachmentBytes?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, enrolMax: 10, timeWindowMs: 60_000 };

export async function buildPortal(options: PortalOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  await migratePortalDb(options.db);
  await ensurePortalMeta(options.db, now());

  const app = Fastify({
    logger: loggerOptions(options.logger ?? false),
    bodyLimit: options.bodyLimit ?? SYNC_LIMITS.pushBodyBytes,
    // Ids are made here, never taken from a client header.
    requestIdHeader: false,
    // What Fastify and Node refuse before a route runs is answered in the protocol's shape too.
    frameworkErrors: (error, request, reply) => void frameworkErrorHandler(error, request, reply),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.decorateRequest('device', null);
  // JSON only (plus raw bytes on the attachment route): anything else is 415, not a parse guess.
  app.removeContentTypeParser('text/plain');
  installJsonBodyParser(app);

  const metrics = new PortalMetrics();
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Atelier portal', description: 'Sync API between Atelier devices and the portal (docs/sync-protocol.md).', version: String(PROTOCOL_VERSION) },
      components: { securitySchemes: { device: { type: 'http', scheme: 'bearer' } } },
      security: [{ device: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const limits = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  if (limits) {
    await app.register(fastifyRateLimit, {
      global: true,
      max: limits.max,
      timeWindow: limits.timeWindowMs,
      // After authentication, so that a device is limited as itself, not as its NAT's address.
      hook: 'preHandler',
      keyGenerator: (request) => (request.device ? `device:${request.device.id}` : `ip:${request.ip}`),
    });
  }

  const services: PortalServices = {
    db: options.db,
    dialect: options.dialect,
    now,
    metrics,
    attachments: createAttachmentStore(options.db, options.attachmentsDir, options.maxAttachmentBytes ?? 200 * 1024 * 1024),
    enrolRateLimit: limits ? { max: limits.enrolMax, timeWindow: limits.timeWindowMs } : false,
  };

  await app.register(opsRoutes, services);
  await app.register(enrolRoutes, services);
  // The City's website reads the Lab's published versions without a token.
  await app.register(publicationRoutes, services);
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      request.device = await authenticate(options.db, request, now());
    });
    await scope.register(syncRoutes, services);
    await scope.register(attachmentRoutes, services);
    await scope.register(charterRoutes, services);
    await scope.register(citizenCardRoutes, services);
  });
  return app;
}

function loggerOptions(logger: boolean | { level?: string }): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  return {
    level: (logger === true ? undefined : logger.level) ?? 'info',
    // No tokens, no client addresses, no query strings: nothing personal in the logs.
    redact: ['req.headers.authorization'],
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
