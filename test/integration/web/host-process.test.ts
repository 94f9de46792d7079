/**
 * The web host process as a person starts it from a terminal: what it prints when its port is
 * taken, how the printed address is good for one browser only, and what a page may learn.
 */
import { createServer, type Server } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost, openSession, post, runHost, startHostProcess, type BuiltHost, type HostProcess } from './built-host.js';

let built: BuiltHost;
const dataDirs: string[] = [];

beforeAll(async () => {
  built = await buildHost();
}, 120_000);
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  built?.remove();
});

async function waitFor<T>(read: () => T | undefined, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the web host process', () => {
  it('a --port already in use is explained in both languages, without a stack trace, and ends with code 2', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const attempt = runHost(built, { args: ['--port', String(port)] });
      const failure = (await attempt.then(
        () => null,
        (e: Error & { code: number; output: string }) => e,
      ))!;
      expect(failure).not.toBeNull();
      expect(failure.code).toBe(2);
      expect(failure.output).toContain(`Le port ${port} est déjà utilisé`);
      expect(failure.output).toContain(`Port ${port} is already in use`);
      expect(failure.output).not.toMatch(/^\s+at /m);
      expect(failure.output).not.toContain('EADDRINUSE:');
    } finally {
      taken.close();
    }
  });

  it('the printed address opens one browser; the host then prints the next one', async () => {
    const web: HostProcess = await startHostProcess(built);
    dataDirs.push(web.dataDir);
    try {
      const addresses = () => web.output().match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/g) ?? [];
      const second = await waitFor(() => addresses()[1]);
      const first = addresses()[0]!;
      expect(second).not.toBe(first);
      expect(web.output()).toContain('Pour un autre navigateur');
      // The first address was spent by the session the harness opened: it opens nothing now.
      await expect(openSession(first)).rejects.toThrow('answered 401');
      const other = await openSession(second);
      expect(other).not.toBe(web.cookie);
      for (const cookie of [web.cookie, other]) {
        const answer = await post(false, web.port, '/rpc/app:info', { cookie, 'content-type': 'application/json' }, '{}');
        expect(answer.status).toBe(200);
        // What a page learns of the machine: versions, not where the data lives.
        expect(answer.body).not.toContain(web.dataDir);
        expect(Object.keys(JSON.parse(answer.body).value).sort()).toEqual(['schemaVersion', 'version']);
      }
    } finally {
      await web.stop();
    }
  });
});
