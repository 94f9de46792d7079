/**
 * The City's website registers holders online (src-portal/citizen-card-registrations.ts): a
 * thin handler with the shared schema as its route schema (validation and the OpenAPI document).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { onlineRegistrationSchema } from '#shared/citizen-card/citizen-card-sync.schema.js';
import { registrationStatuses } from '#shared/citizen-card/citizen-card.schema.js';
import { uuidSchema } from '#shared/ids.js';
import { portalErrorBodySchema } from '#shared/sync/protocol.schema.js';
import { registerOnline } from '../citizen-card-registrations.js';
import type { PortalServices } from '../services.js';
import { authenticatedErrors } from './error-responses.js';

export const onlineRegistrationAnswerSchema = z.object({
  registrationId: uuidSchema,
  status: z.enum(registrationStatuses),
  /** false: the holder was already registered to this atelier; nothing was written. */
  created: z.boolean(),
});

export const citizenCardRoutes: FastifyPluginAsyncZod<PortalServices> = async (app, services) => {
  app.post(
    '/v1/citizen-card/registrations',
    {
      schema: {
        summary: 'Register a Citizen Card holder to an atelier from the City’s website (idempotent)',
        body: onlineRegistrationSchema,
        response: { 200: onlineRegistrationAnswerSchema, 201: onlineRegistrationAnswerSchema, 422: portalErrorBodySchema, ...authenticatedErrors },
      },
    },
    async (request, reply) => {
      const device = request.device!;
      const answer = await registerOnline({ db: services.db, dialect: services.dialect, deviceId: device.id, now: services.now() }, request.body);
      request.log.info({ deviceId: device.id, created: answer.created }, 'online registration');
      return reply.code(answer.created ? 201 : 200).send(answer);
    },
  );
};
