/**
 * The charter consultation's online contributions: the City's website posts each answer here
 * (docs/portal.md, « Charter contributions »); the lab's desktops pull them as study records.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { onlineContributionAnswerSchema, onlineContributionSchema } from '#shared/charter/charter-sync.schema.js';
import { receiveOnlineContribution } from '../charter-contributions.js';
import type { PortalServices } from '../services.js';
import { authenticatedErrors } from './error-responses.js';

export const charterRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  app.post(
    '/v1/charter/contributions',
    {
      schema: {
        summary: 'Record one online contribution to a charter consultation (idempotent on externalId)',
        body: onlineContributionSchema,
        response: { 200: onlineContributionAnswerSchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const device = request.device!;
      const answer = await receiveOnlineContribution({ db: services.db, dialect: services.dialect, deviceId: device.id, now: services.now() }, request.body);
      services.metrics.inc('portal_charter_contributions_total', { created: String(answer.created) });
      request.log.info({ deviceId: device.id, created: answer.created }, 'online contribution received');
      return answer;
    },
  );
};
