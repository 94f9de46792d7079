/**
 * A portal written by someone else may echo ids in capitals. A laptop must take a pulled record
 * with its id in capitals as the record it already holds, never as a second one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortal } from '../portal/portal-harness.js';
import { fieldsOf, startLaptop } from './device-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Relays to the portal, writing every UUID of a pull answer in capitals. */
async function shoutingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key)) headers[key] = value;
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
      void fetch(`${target}${req.url}`, { method: req.method, headers, body }).then(async (answer) => {
        let text = await answer.text();
        if (req.url?.startsWith('/v1/pull')) text = text.replace(UUID, (id) => id.toUpperCase());
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('ids pulled in capitals', () => {
  it("a laptop's own workshop edited elsewhere comes back in capitals and stays one workshop", async () => {
    const portal = await startPortal('sqlite');
    const proxy = await shoutingProxy(portal.url);
    const [a, b] = [await startLaptop('goutte-dor'), await startLaptop('belleville')];
    cleanups.push(() => portal.close(), () => proxy.close(), () => a.close(), () => b.close());
    await a.enrol(proxy.url, await portal.newCode('field'));
    await b.enrol(portal.url, await portal.newCode('field'));

    const mine = await a.createWorkshop({ title: 'Atelier Goutte-d’Or' });
    await a.sync();
    await b.sync();
    const seen = await b.must('workshops:get', { id: mine.id });
    await b.must('workshops:update', { id: mine.id, version: seen.version, fields: { ...fieldsOf(seen), title: 'Atelier Goutte-d’Or, salle 2' } });
    await b.sync();
    const status = await a.sync();

    expect(status).toMatchObject({ pending: 0, lastError: null });
    const list = await a.workshops();
    expect(list.map((w) => [w.id, w.title])).toEqual([[mine.id, 'Atelier Goutte-d’Or, salle 2']]);
  });
});
