/**
 * Every error answer is `{ code, message, fields? }` with a stable code (docs/sync-protocol.md);
 * nothing else leaves the portal — no stack trace, no driver message, no SQL.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { PortalErrorBody } from '#shared/sync/protocol.schema.js';

export type PortalErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'enrolment_code_invalid'
  | 'unauthorized'
  | 'device_revoked'
  | 'forbidden'
  | 'not_found'
  | 'seq_gap'
  | 'resume_refused'
  | 'cursor_reset'
  | 'offset_mismatch'
  | 'hash_mismatch'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  // Online registrations to Citizen Card ateliers (422)
  | 'unknown_card'
  | 'unknown_atelier'
  | 'registrations_closed';

/** A refusal the portal means to send: thrown by services, answered by the error handler. */
export class PortalError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: PortalErrorCode,
    message: string,
    readonly extra: Omit<PortalErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'PortalError';
  }

  toBody(): PortalErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** Fastify's own error codes mapped to ours, for the framework's refusals. */
const fastifyCodes: Record<string, [number, PortalErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The request body is empty.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'This content type is not accepted here.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request', 'The content length does not match the body.'],
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, body } = toErrorAnswer(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
    await drainUnreadBody(request.raw);
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler(async (request, reply) => {
    await drainUnreadBody(request.raw);
    return reply.code(404).send({ code: 'not_found', message: 'No such route.' } satisfies PortalErrorBody);
  });
}

/** What is read and dropped of a refused request's body before the answer, at most. */
export const DRAIN_MAX_BYTES = 32 * 1024 * 1024;
export const DRAIN_TIMEOUT_MS = 60_000;

/**
 * Reads and drops what is left of a refused request's body, so that the answer goes out once
 * the client has finished sending. Answering first and closing (what Fastify does after a body
 * too large) resets a client still writing: it sees EPIPE instead of the 413 it should act on,
 * and a device would retry the same batch forever instead of splitting it. Past the bounds the
 * answer goes out anyway and the connection closes.
 */
export function drainUnreadBody(raw: IncomingMessage, maxBytes = DRAIN_MAX_BYTES, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let drained = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', done);
      raw.off('close', done);
      raw.off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > maxBytes) done();
    };
    const timer = setTimeout(done, timeoutMs);
    raw.on('data', onData);
    raw.on('end', done);
    raw.on('close', done);
    raw.on('error', done);
    raw.resume();
  });
}

export function toErrorAnswer(error: FastifyError): { status: number; body: PortalErrorBody } {
  if (error instanceof PortalError) return { status: error.statusCode, body: error.toBody() };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const path = issue.instancePath.replace(/^\//, '').split('/').join('.') || '_';
      fields[path] ??= issue.message ?? 'validation.invalid';
    }
    return { status: 400, body: { code: 'invalid_request', message: 'The request does not match the protocol.', fields } };
  }
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return { status: known[0], body: { code: known[1], message: known[2] } };
  if (error.statusCode === 429) return { status: 429, body: { code: 'rate_limited', message: 'Too many requests; retry later.' } };
  if (error.statusCode === 413) return { status: 413, body: { code: 'payload_too_large', message: 'The request body is too large.' } };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: 'invalid_request', message: 'The request was refused.' } };
  }
  return { status: 500, body: { code: 'internal', message: 'The portal failed to handle this request.' } };
}
