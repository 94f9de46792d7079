/**
 * Clients that are slow on purpose, over raw sockets: a body sent a byte at a time, headers
 * that never end, a connection left idle, more connections than a browser opens. The host's
 * limits are shortened here (the real ones are in WEB_HOST_LIMITS); each case must be cut in
 * about its limit, where before it held the connection for 100 s and more.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTypedError, rawRequest, startTestWebHost, type TestWebHost } from './web-test-kit.js';

const limits = { headersTimeoutMs: 600, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 400, idleTimeoutMs: 3_000, maxConnections: 6 };
let web: TestWebHost;
let cookie: string;

beforeAll(async () => {
  web = await startTestWebHost({ limits });
  cookie = web.cookieHeader(await web.openSession());
});
afterAll(() => web.close());

interface Watched {
  socket: Socket;
  /** Everything the host wrote, and when it closed the connection (ms after opening). */
  closed: Promise<{ text: string; afterMs: number }>;
}

function open(): Promise<Watched> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(web.port, '127.0.0.1');
    let text = '';
    const closed = new Promise<{ text: string; afterMs: number }>((done) => {
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => done({ text, afterMs: Date.now() - started }));
    });
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

/** Writes `text` one byte every `everyMs` until the socket closes. */
function trickle(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

const bodyOf = (answer: string) => answer.slice(answer.indexOf('\r\n\r\n') + 4);

describe('slow clients', () => {
  it('a body sent a byte at a time is cut at the request timeout with the typed shape', async () => {
    const { socket, closed } = await open();
    const body = JSON.stringify({ title: 'x'.repeat(200) });
    socket.write(`POST /rpc/workshops:create HTTP/1.1\r\nHost: ${web.host}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    trickle(socket, body, 50);
    const { text, afterMs } = await closed;
    expect(afterMs).toBeLessThan(limits.requestTimeoutMs + 2_000);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(isTypedError(bodyOf(text), 'validation')).toBe(true);
    expect(web.calls).toEqual([]);
  });

  it('without a session, a slow body is not waited for: 401 and the connection closes at once', async () => {
    const { socket, closed } = await open();
    socket.write(`POST /rpc/workshops:create HTTP/1.1\r\nHost: ${web.host}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"ti`);
    trickle(socket, 'x'.repeat(1000), 50);
    const { text, afterMs } = await closed;
    expect(afterMs).toBeLessThan(500);
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(isTypedError(bodyOf(text), 'forbidden')).toBe(true);
  });

  it('headers that never end are cut at the headers timeout', async () => {
    const { socket, closed } = await open();
    socket.write(`GET / HTTP/1.1\r\nHost: ${web.host}\r\n`);
    trickle(socket, 'X-Slow: ' + 'y'.repeat(500), 50);
    const { text, afterMs } = await closed;
    expect(afterMs).toBeLessThan(limits.headersTimeoutMs + 2_000);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(isTypedError(bodyOf(text), 'validation')).toBe(true);
  });

  it('a connection that sends nothing is closed', async () => {
    const { closed } = await open();
    const { afterMs } = await closed;
    expect(afterMs).toBeLessThan(limits.headersTimeoutMs + 2_000);
  });

  it('a kept-alive connection left idle after its answer is closed', async () => {
    const { socket, closed } = await open();
    socket.write(`POST /rpc/workshops:list HTTP/1.1\r\nHost: ${web.host}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    const { text, afterMs } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(afterMs).toBeLessThan(limits.keepAliveTimeoutMs + 1_500);
  });

  it('the event stream outlives the idle limit: its heartbeat is traffic', async () => {
    const events = await startTestWebHost({ limits: { ...limits, idleTimeoutMs: 500 }, heartbeatMs: 150 });
    try {
      const session = events.cookieHeader(await events.openSession());
      const socket = connect(events.port, '127.0.0.1');
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.write(`GET /events HTTP/1.1\r\nHost: ${events.host}\r\nCookie: ${session}\r\n\r\n`);
      await new Promise((r) => setTimeout(r, 1_600));
      expect(socket.destroyed).toBe(false);
      expect(text).toMatch(/^HTTP\/1\.1 200 /);
      expect(text.split(': keep-alive').length).toBeGreaterThan(5);
      socket.destroy();
    } finally {
      await events.close();
    }
  });

  it('connections past the cap are closed at once, and the host answers again once they go', async () => {
    const held = await Promise.all(Array.from({ length: limits.maxConnections }, open));
    // Give the server the time to count them.
    await new Promise((r) => setTimeout(r, 100));
    const extra = await open();
    const { afterMs, text } = await extra.closed;
    expect(afterMs).toBeLessThan(300);
    expect(text).toBe('');
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    await new Promise((r) => setTimeout(r, 50));
    const res = await rawRequest(web.port, { path: '/rpc/workshops:list', headers: { host: web.host, cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
  });
});
