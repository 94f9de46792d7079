/**
 * Enrolment, push, push/resume and pull: thin handlers over the services, with the shared
 * protocol schemas as route schemas (validation, serialization and the OpenAPI document).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  enrolRequestSchema,
  enrolResponseSchema,
  portalErrorBodySchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  pushResumeRequestSchema,
  pushResumeResponseSchema,
} from '#shared/sync/protocol.schema.js';
import { toNumber } from '../database.js';
import { enrolDevice } from '../enrolment.js';
import { PortalError } from '../errors.js';
import { pullRecords } from '../pull.js';
import { applyPush } from '../push.js';
import type { PortalServices } from '../services.js';
import { authenticatedErrors, publicErrors } from './error-responses.js';

export const enrolRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  app.post(
    '/v1/enrol',
    {
      config: { rateLimit: services.enrolRateLimit },
      schema: {
        summary: 'Exchange a one-time enrolment code for a device token',
        security: [],
        body: enrolRequestSchema,
        response: { 200: enrolResponseSchema, ...publicErrors },
      },
    },
    async (request) => {
      const answer = await enrolDevice(services.db, request.body, services.now());
      request.log.info({ deviceId: answer.deviceId, role: answer.role }, 'device enrolled');
      return answer;
    },
  );
};

export const syncRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  app.post(
    '/v1/push',
    {
      schema: {
        summary: 'Apply a batch of outbox changes in one transaction',
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, 409: portalErrorBodySchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const device = request.device!;
      const answer = await applyPush({ db: services.db, dialect: services.dialect, device, now: services.now() }, request.body.changes);
      services.metrics.inc('portal_push_batches_total');
      for (const result of answer.results) services.metrics.inc('portal_push_changes_total', { status: result.status });
      request.log.info({ deviceId: device.id, changes: answer.results.length, lastSeq: answer.lastSeq }, 'push applied');
      return answer;
    },
  );

  app.post(
    '/v1/push/resume',
    {
      schema: {
        summary: "After a portal restore, accept the device's re-pushed entries from fromSeq on",
        body: pushResumeRequestSchema,
        response: { 200: pushResumeResponseSchema, 409: portalErrorBodySchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const device = request.device!;
      const { fromSeq } = request.body;
      return services.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('devices')
          .select('last_seq')
          .where('id', '=', device.id)
          .$if(services.dialect === 'postgres', (qb) => qb.forUpdate())
          .executeTakeFirstOrThrow();
        const lastSeq = toNumber(row.last_seq);
        // Only forwards: moving back would let a replayed seq apply twice.
        if (fromSeq <= lastSeq) {
          throw new PortalError(409, 'resume_refused', `fromSeq must be above ${lastSeq}.`, { expectedSeq: lastSeq + 1 });
        }
        await trx.updateTable('devices').set({ last_seq: fromSeq - 1 }).where('id', '=', device.id).execute();
        request.log.info({ deviceId: device.id, fromSeq }, 'push sequence resumed');
        return { lastSeq: fromSeq - 1 };
      });
    },
  );

  app.get(
    '/v1/pull',
    {
      schema: {
        summary: 'Records changed after the cursor, within the device scope',
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, 409: portalErrorBodySchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const answer = await pullRecords(services.db, request.device!.role, request.query);
      services.metrics.inc('portal_pull_pages_total');
      services.metrics.inc('portal_pull_records_total', {}, answer.records.length);
      return answer;
    },
  );
};
