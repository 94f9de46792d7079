/**
 * A deliberately plain HTTP/1.1 client over a TCP socket, for requests fetch will not send
 * (a wrong content-length, a body in UTF-16, odd headers) and to behave like the simplest
 * clients: it writes the whole request before it reads a byte of the answer, and a connection
 * closed while it is still writing is a failure (EPIPE), as it is for them.
 */
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Sent as is instead of a content-length matching the body (or `null` for none). */
  contentLength?: string | null;
}

export type RawAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'failed'; error: string; written: boolean };

export function rawRequest(baseUrl: string, request: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const headers: Record<string, string> = { host: url.host, ...request.headers };
  const length = request.contentLength === undefined ? String(body.length) : request.contentLength;
  if (length !== null) headers['content-length'] = length;
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    let written = false;
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ kind: 'failed', error: 'timeout', written }), timeoutMs);
    // A naive client learns of the answer only after its write returns: a reset before that is
    // a failure even if the answer had arrived (it never reads it).
    const settle = () => {
      const answer = parse(Buffer.concat(chunks), request.method);
      if (written && answer) finish(answer);
    };
    const closed = (error: string) => finish((written ? parse(Buffer.concat(chunks), request.method) : null) ?? { kind: 'failed', error, written });
    socket.on('error', (error: NodeJS.ErrnoException) => closed(error.code ?? error.message));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      settle();
    });
    socket.on('end', () => closed(written ? 'unparsable_answer' : 'closed_while_writing'));
    socket.on('connect', () => {
      socket.write(head);
      socket.write(body, (error) => {
        if (error) return;
        written = true;
        settle();
      });
    });
  });
}

function parse(raw: Buffer, method: string): RawAnswer | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  if (!Number.isInteger(status)) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  let body = raw.subarray(end + 4);
  // An answer to HEAD announces the length of the body it does not send.
  if (method === 'HEAD' || status === 204 || status === 304) return { kind: 'answer', status, headers, body: Buffer.alloc(0) };
  if (headers['transfer-encoding'] === 'chunked') {
    if (!body.includes('0\r\n\r\n')) return null;
    body = dechunk(body);
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (body.length < length) return null;
    body = body.subarray(0, length);
  }
  return { kind: 'answer', status, headers, body };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
