/**
 * A web host listening on a real loopback port, with a small core that records what it is
 * asked, and a raw HTTP client that shows exactly what went over the wire.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { cookieName } from '#web/guards.js';
import { buildWebServer, type WebServerOptions } from '#web/server.js';
import { ok, type Result } from '#shared/result.js';

export interface TestWebHost {
  app: FastifyInstance;
  port: number;
  host: string;
  rendererDir: string;
  /** Every command the core was asked, with its input. */
  calls: { name: string; input: unknown }[];
  listeners: Set<(name: string, payload: unknown) => void>;
  /** The launch token not yet spent (the host would print it). */
  launchToken(): string;
  /** Spends the current launch token, as a browser opening the printed address, and returns the session cookie value. */
  openSession(): Promise<string>;
  cookieHeader(session: string): string;
  close(): Promise<void>;
}

export async function startTestWebHost(options: Partial<WebServerOptions> = {}): Promise<TestWebHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'atelier-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Atelier</title><main><h1>Ateliers</h1></main>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map\n');
  writeFileSync(join(rendererDir, 'app.js.map'), '{"version":3,"sources":["../src-renderer/secret-source.ts"]}');
  const calls: TestWebHost['calls'] = [];
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const core = {
    async invoke(name: string, input: unknown): Promise<Result<unknown>> {
      calls.push({ name, input });
      return ok({ items: [], total: 0 });
    },
    onEvent(listener: (name: string, payload: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  let token = 'launch-token-0123456789abcdefghijklmnopqrstuv';
  const app = await buildWebServer({
    core,
    token,
    rendererDir,
    ...options,
    onLaunchTokenSpent: (next) => {
      token = next;
      options.onLaunchTokenSpent?.(next);
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const host = `127.0.0.1:${port}`;
  return {
    app,
    port,
    host,
    rendererDir,
    calls,
    listeners,
    launchToken: () => token,
    async openSession() {
      const res = await app.inject({ method: 'GET', url: `/?token=${token}`, headers: { host } });
      const cookie = res.cookies.find((c) => c.name === cookieName(port));
      if (!cookie) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
      return cookie.value;
    },
    cookieHeader: (session) => `${cookieName(port)}=${session}`,
    async close() {
      await app.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with node:http (not inject): real sockets, real limits. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** True when `body` is the typed error shape with that code, and nothing else. */
export function isTypedError(body: string, code?: string): boolean {
  try {
    const parsed = JSON.parse(body) as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
    const keys = Object.keys(parsed).sort().join();
    return keys === 'error,ok' && parsed.ok === false && typeof parsed.error?.message === 'string' && (code === undefined || parsed.error?.code === code);
  } catch {
    return false;
  }
}
