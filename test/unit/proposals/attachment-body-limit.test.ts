import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName } from '#web/guards.js';
import { buildWebServer } from '#web/server.js';
import { MAX_REQUEST_BYTES } from '#shared/contract.js';
import { ok } from '#shared/result.js';

const token = 'launch-token-0123456789abcdefghijklmnopqrstuv';
let app: FastifyInstance;
let dir: string;
let port: number;
let session: string;
const calls: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atelier-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Atelier</title>');
  const core = { invoke: async (name: string) => (calls.push(name), ok(null)), onEvent: () => () => undefined };
  app = await buildWebServer({ core, token, rendererDir: dir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
  // The printed address is spent once for a session value, which the cookie then carries.
  const opened = await app.inject({ method: 'GET', url: `/?token=${token}`, headers: { host: `127.0.0.1:${port}` } });
  session = opened.cookies.find((c) => c.name === cookieName(port))!.value;
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (name: string, bytes: number) =>
  app.inject({
    method: 'POST',
    url: `/rpc/${name}`,
    headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
    cookies: { [cookieName(port)]: session },
    payload: JSON.stringify({ mediaType: 'image/png', base64: 'A'.repeat(bytes) }),
  });

describe('the web host body limit', () => {
  it('lets a 3 MB photo through attachments:add only', async () => {
    const photo = await post('attachments:add', 3_000_000);
    expect(photo.statusCode).toBe(200);
    expect(calls).toEqual(['attachments:add']);
    const other = await post('proposals:create', 3_000_000);
    expect(other.statusCode).toBe(413);
    expect(calls).toEqual(['attachments:add']);
  });

  it('keeps the 1 MB limit for every other command', async () => {
    expect((await post('workshops:list', MAX_REQUEST_BYTES - 100)).statusCode).toBe(200);
  });
});
