/**
 * The refusals that happen before a route is found: a URL that does not decode or whose
 * parameter is too long (Fastify's "framework errors"), and a request that is not valid HTTP at
 * all (Node's parser: a bad header, headers too large, a broken chunk). Fastify and Node answer
 * these with bodies of their own; the protocol says every answer is `{ code, message }`.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalErrorBody } from '#shared/sync/protocol.schema.js';
import { drainUnreadBody } from './errors.js';

export async function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const body: PortalErrorBody =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { code: 'invalid_request', message: 'A part of the URL is too long.' }
      : { code: 'invalid_request', message: 'The URL is not valid.' };
  await drainUnreadBody(request.raw);
  await reply.code(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400).type('application/json; charset=utf-8').send(body);
}

const clientErrors: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request headers are too large.'],
};

/** Answers a request Node could not parse, in the protocol's shape, and closes the connection. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A connection the client reset has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] = clientErrors[error.code ?? ''] ?? [400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ code: 'invalid_request', message } satisfies PortalErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
