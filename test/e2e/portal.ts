/**
 * The reference portal as its operator runs it (`npm run portal -- serve`), on a temporary
 * folder, with one-time enrolment codes printed by `npm run portal -- enrol`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPortal {
  url: string;
  enrolmentCode(name: string): string;
  stop(): Promise<void>;
}

const CLI = ['--import', 'tsx', join(process.cwd(), 'src-portal', 'cli.ts')];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startPortal(): Promise<RunningPortal> {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-e2e-portal-'));
  const env = { ...process.env, PORTAL_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...CLI, 'serve', '--port', String(port)], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 100) throw new Error('the portal did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    enrolmentCode(name) {
      const run = spawnSync(process.execPath, [...CLI, 'enrol', '--name', name, '--role', 'field'], { env, encoding: 'utf8' });
      const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(run.stdout)?.[1];
      if (!code) throw new Error(`no enrolment code: ${run.stdout} ${run.stderr}`);
      return code;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
