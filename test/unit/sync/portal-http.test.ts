import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalHttp } from '#core/sync/portal-http.js';

/**
 * A real HTTP server on loopback that answers what a neighbourhood hall's network can
 * produce: the protocol's answers, a captive Wi-Fi page, a cut body, a hang, a 502.
 */
type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let next: Answer = (_req, res) => res.end('{}');
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => next(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const change = {
  seq: 1,
  changeId: '6f1c1a52-6c1e-4a5e-9a55-0c7a1c1f0a01',
  entity: 'workshop' as const,
  recordId: '6f1c1a52-6c1e-4a5e-9a55-0c7a1c1f0a02',
  op: 'create' as const,
  baseRevision: 0,
  fields: { title: 'Atelier' },
  capturedAt: '2026-03-01T09:00:00.000Z',
};

describe('every portal answer is classified', () => {
  it('a protocol answer is accepted and the bearer token is sent', async () => {
    let auth: string | undefined;
    next = (req, res) => {
      auth = req.headers.authorization;
      json(200, { lastSeq: 1, results: [{ seq: 1, status: 'applied', revision: 1 }] })(req, res);
    };
    const outcome = await createPortalHttp({ baseUrl: base }).push('tok', { changes: [change] });
    expect(outcome).toEqual({ kind: 'ok', value: { lastSeq: 1, results: [{ seq: 1, status: 'applied', revision: 1 }] } });
    expect(auth).toBe('Bearer tok');
  });

  it('a captive Wi-Fi login page answering 200 is retried, not trusted', async () => {
    next = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Connectez-vous au Wi-Fi de la mairie</body></html>');
    };
    expect(await createPortalHttp({ baseUrl: base }).pull('tok', null, 10)).toEqual({ kind: 'retry', reason: 'unexpected_answer' });
  });

  it('a body cut in the middle is retried', async () => {
    next = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"lastSeq": 1, "resu');
      res.destroy();
    };
    expect((await createPortalHttp({ baseUrl: base }).push('tok', { changes: [change] })).kind).toBe('retry');
  });

  it('a portal that never answers times out and is retried', async () => {
    next = () => undefined;
    expect(await createPortalHttp({ baseUrl: base, timeoutMs: 150 }).pull('tok', null, 10)).toEqual({ kind: 'retry', reason: 'timeout' });
  });

  it('a 502 from a proxy is retried', async () => {
    next = (_req, res) => {
      res.writeHead(502);
      res.end('Bad Gateway');
    };
    expect(await createPortalHttp({ baseUrl: base }).pull('tok', null, 10)).toEqual({ kind: 'retry', reason: 'http_502' });
  });

  it('nobody listening is a network error, retried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await createPortalHttp({ baseUrl: `http://127.0.0.1:${port}` }).pull('tok', null, 10)).toEqual({ kind: 'retry', reason: 'network' });
  });

  it('429 is retried after the delay the portal asks for', async () => {
    next = json(429, { code: 'rate_limited', message: 'slow down' }, { 'retry-after': '7' });
    expect(await createPortalHttp({ baseUrl: base }).pull('tok', null, 10)).toEqual({ kind: 'retry', reason: 'rate_limited', retryAfterMs: 7000 });
  });

  it('401 device_revoked asks for enrolment', async () => {
    next = json(401, { code: 'device_revoked', message: 'revoked' });
    expect(await createPortalHttp({ baseUrl: base }).pull('tok', null, 10)).toEqual({ kind: 'unauthorized', code: 'device_revoked' });
  });

  it('409 seq_gap carries the seq the portal expects', async () => {
    next = json(409, { code: 'seq_gap', message: 'gap', expectedSeq: 4 });
    expect(await createPortalHttp({ baseUrl: base }).push('tok', { changes: [change] })).toEqual({ kind: 'seq_gap', expectedSeq: 4 });
  });

  it('409 cursor_reset says the portal was restored', async () => {
    next = json(409, { code: 'cursor_reset', message: 'reset', epoch: '0123456789abcdef' });
    expect(await createPortalHttp({ baseUrl: base }).pull('tok', '0123456789abcdef.9', 10)).toEqual({ kind: 'cursor_reset', epoch: '0123456789abcdef' });
  });

  it('a 400 for the whole request is a refusal with the portal reason', async () => {
    next = json(400, { code: 'invalid_request', message: 'bad', fields: { 'changes.0.fields': 'too big' } });
    expect(await createPortalHttp({ baseUrl: base }).push('tok', { changes: [change] })).toEqual({
      kind: 'refused',
      status: 400,
      error: { code: 'invalid_request', message: 'bad', fields: { 'changes.0.fields': 'too big' } },
    });
  });

  it('a redirect (to a login page) is not followed', async () => {
    next = (_req, res) => {
      res.writeHead(302, { location: 'http://example.invalid/login' });
      res.end();
    };
    expect(await createPortalHttp({ baseUrl: base }).pull('tok', null, 10)).toEqual({ kind: 'retry', reason: 'network' });
  });
});
