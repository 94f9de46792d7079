/**
 * A small HTTP proxy on loopback that sits between a device and the portal and injects the
 * faults a neighbourhood hall's Wi-Fi or a 4G hotspot produces. Faults are planned per request,
 * in order; once the plan is used up, requests pass through untouched.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  /** Connection reset before the portal sees the request. */
  | 'reset_before'
  /** The portal applies the request, then the connection is reset before the answer arrives. */
  | 'reset_after'
  /** The request never gets an answer (the device's timeout fires). */
  | 'hang'
  /** A 503 from a proxy, without the portal seeing the request. */
  | 'http_503'
  /** The portal answers; the device receives half of the body and the connection closes. */
  | 'truncate'
  /** The request reaches the portal twice; the device gets the second answer. */
  | 'duplicate'
  /** The device gets a timeout; the request reaches the portal later, after the next one (reordered). */
  | 'late'
  | 'pass';

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  /** Faults for the next requests, in order. */
  plan(faults: readonly Fault[]): void;
  /** Faults still planned. */
  pending(): number;
  /** Like a middlebox with a body limit: requests with a bigger body are reset (null: none). */
  resetBodiesOver(bytes: number | null): void;
  /** The body size of every request the proxy received (reset or not), in order. */
  receivedBytes: number[];
  /** The network comes back: planned faults are dropped and late requests delivered. */
  calm(): Promise<void>;
  /** Every request that reached the portal, for assertions. */
  forwarded: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const queue: Fault[] = [];
  const forwarded: string[] = [];
  const receivedBytes: number[] = [];
  let bodyLimit: number | null = null;
  let late: Recorded[] = [];
  const hanging = new Set<ServerResponse>();

  async function forward(request: Recorded): Promise<{ status: number; headers: Headers; body: Buffer }> {
    forwarded.push(`${request.method} ${request.path}`);
    const response = await fetch(`${target}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  async function flushLate() {
    const waiting = late;
    late = [];
    for (const request of waiting) await forward(request).catch(() => undefined);
  }

  function reply(res: ServerResponse, answer: { status: number; headers: Headers; body: Buffer }) {
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(key)) headers[key] = value;
    });
    res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key)) headers[key] = value;
    }
    const request: Recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks) };
    receivedBytes.push(request.body.length);
    if (bodyLimit !== null && request.body.length > bodyLimit) {
      req.socket.destroy();
      return;
    }
    const fault = queue.shift() ?? 'pass';
    switch (fault) {
      case 'reset_before':
        req.socket.destroy();
        return;
      case 'hang':
        hanging.add(res);
        return;
      case 'http_503':
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<h1>Service Unavailable</h1>');
        return;
      case 'late':
        late.push(request);
        hanging.add(res);
        return;
      default:
        break;
    }
    const answer = await forward(request);
    if (fault === 'duplicate') reply(res, await forward(request));
    else if (fault === 'reset_after') req.socket.destroy();
    else if (fault === 'truncate') {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': String(answer.body.length) });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      res.destroy();
    } else reply(res, answer);
    // A late request arrives after the one that followed it.
    await flushLate();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    plan(faults) {
      queue.push(...faults);
    },
    pending: () => queue.length,
    resetBodiesOver(bytes) {
      bodyLimit = bytes;
    },
    forwarded,
    receivedBytes,
    async calm() {
      queue.length = 0;
      await flushLate();
    },
    async close() {
      await flushLate();
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
