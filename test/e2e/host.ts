/**
 * Starts `node out/web/host.mjs` on a data directory and reads the URL it prints.
 * It builds nothing: `npm run test:e2e` runs the build first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  /** The newest address the host printed (the one not yet used by a browser). */
  readonly url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

const HOST_SCRIPT = join(process.cwd(), 'out', 'web', 'host.mjs');

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'atelier-e2e-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `port` 0 picks a free one; a restart passes the previous port so the origin (and its localStorage) stays. */
export async function startHost(dataDir: string, port = 0): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ATELIER_LOG_LEVEL: 'warn' },
  });
  let output = '';
  // Each printed address opens one browser; once used, the host prints the next one.
  let latest = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const printed = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/g);
      if (printed) {
        latest = printed[printed.length - 1]!;
        clearTimeout(timer);
        resolve(latest);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  return {
    get url() {
      return latest;
    },
    origin: new URL(url).origin,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
