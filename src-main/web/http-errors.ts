/**
 * Every answer of the web host is a success or the typed error shape
 * `{ ok:false, error:{ code, message } }`: never Fastify's or Node's own error body, and a 5xx
 * only for the host's own fault. This file turns what the framework and Node raise (a body too
 * large, bad JSON, a malformed address, a request too slow) into that shape.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply } from 'fastify';
import { fail, type ErrorCode } from '#shared/result.js';

/** An error the host raises itself, with the status and code it answers. */
export class WebHostError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebHostError';
  }
}

export interface HttpFailure {
  status: number;
  code: ErrorCode;
  message: string;
}

/** What Fastify raises, by its code; messages are ours, so nothing of the request is echoed. */
const FRAMEWORK_FAILURES: Record<string, HttpFailure> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'validation', message: 'Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'validation', message: 'Commands are sent as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'validation', message: 'The body does not match its Content-Length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'validation', message: 'Empty body: send {} for a command without input' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'validation', message: 'The body is not valid JSON' },
  FST_ERR_BAD_URL: { status: 400, code: 'validation', message: 'Malformed address' },
  // A parameter longer than the router allows is a command name longer than any command's.
  FST_ERR_MAX_PARAM_LENGTH: { status: 404, code: 'unknown_command', message: 'Unknown command' },
};

export function failureOf(error: unknown): HttpFailure {
  if (error instanceof WebHostError) return { status: error.statusCode, code: error.errorCode, message: error.message };
  const e = error as Partial<FastifyError>;
  const known = typeof e.code === 'string' ? FRAMEWORK_FAILURES[e.code] : undefined;
  if (known) return known;
  // A 4xx the framework raised for a reason not listed above: still the client's doing.
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'validation', message: STATUS_CODES[e.statusCode] ?? 'Bad request' };
  }
  return { status: 500, code: 'internal', message: 'The web host failed unexpectedly' };
}

/** Sends a failure in the typed shape. A refused request's connection is closed (see server.ts). */
export function sendFailure(reply: FastifyReply, { status, code, message }: HttpFailure): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(fail(code, message));
}

/**
 * Node's `clientError`: a request too slow (408), headers too large (431) or not HTTP at all
 * (400). There is no request object yet, so the answer is written on the socket, which is then
 * closed: a client that sends a body a byte at a time holds nothing for long.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request was not received in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request headers too large']
        : [400, 'Malformed request'];
  const body = JSON.stringify(fail('validation', message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
