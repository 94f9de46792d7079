/**
 * The error answers each route may give, for the OpenAPI document and for serialization:
 * every one is the protocol's `{ code, message, fields? }` body.
 */
import { portalErrorBodySchema } from '#shared/sync/protocol.schema.js';

const e = portalErrorBodySchema;

/** Statuses every authenticated `/v1/` route can answer besides its own. */
export const authenticatedErrors = { 400: e, 401: e, 413: e, 415: e, 429: e, 500: e } as const;
export const publicErrors = { 400: e, 413: e, 415: e, 429: e, 500: e } as const;
