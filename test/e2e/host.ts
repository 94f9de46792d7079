/**
 * Starts `node out/web/host.mjs` on a data directory and reads the URL it prints.
 * It builds nothing: `npm run test:e2e` runs the build first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
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

/** The passphrase the harness chooses for every e2e data folder (vault.spec.ts types its own). */
export const E2E_PASSPHRASE = 'quatre chaises bleues au marché';
export const E2E_ACTOR = 'Camille Martin';

/** One HTTP exchange with the host, as a browser of its origin would send it. */
function exchange(url: string, method: 'GET' | 'POST', cookie?: string, body?: unknown): Promise<{ status: number; cookie?: string; body: string }> {
  const { port, pathname, search } = new URL(url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
    if (cookie) headers.cookie = cookie;
    if (payload) headers['content-type'] = 'application/json';
    const req = request({ host: '127.0.0.1', port, path: pathname + search, method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: (res.headers['set-cookie'] ?? [])[0]?.split(';')[0], body: text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Opens the vault through the host, as the first-start or lock screen would (vault:setup with
 * E2E_PASSPHRASE on a new folder, vault:unlock after a restart), with a session of its own:
 * the specs then start on an unlocked app, at the app's real Argon2id cost. The vault's own
 * screens are tested by vault.spec.ts, which starts its host with `unlock: false`.
 */
async function unlockThroughHost(printed: string): Promise<void> {
  const opened = await exchange(printed, 'GET');
  if (opened.status !== 303 || !opened.cookie) throw new Error(`opening ${printed} answered ${opened.status}`);
  const origin = new URL(printed).origin;
  const status = JSON.parse((await exchange(`${origin}/rpc/vault:status`, 'POST', opened.cookie, {})).body) as { ok: boolean; value: { state: string } };
  const setup = status.value.state === 'setup';
  const answer = setup
    ? await exchange(`${origin}/rpc/vault:setup`, 'POST', opened.cookie, { passphrase: E2E_PASSPHRASE, confirmation: E2E_PASSPHRASE, actor: E2E_ACTOR })
    : await exchange(`${origin}/rpc/vault:unlock`, 'POST', opened.cookie, { method: 'passphrase', passphrase: E2E_PASSPHRASE, actor: E2E_ACTOR });
  if (!(JSON.parse(answer.body) as { ok: boolean }).ok) throw new Error(`the vault did not open: ${answer.body}`);
}

/** `port` 0 picks a free one; a restart passes the previous port so the origin (and its localStorage) stays. */
export async function startHost(dataDir: string, port = 0, { unlock = true }: { unlock?: boolean } = {}): Promise<RunningHost> {
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
  if (unlock) {
    const first = latest;
    await unlockThroughHost(first);
    // The spent address is replaced by a new one for the browser.
    const deadline = Date.now() + 10_000;
    while (latest === first) {
      if (Date.now() > deadline) throw new Error(`the web host printed no new address after the first was used:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
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

/**
 * Reads the encrypted data folder as the harness left it (E2E_PASSPHRASE), through
 * test/support/data-folder-cli.ts in a child process: the specs cannot load the core's code.
 */
export function readDataFolder(dataDir: string, what: 'query' | 'attachment', arg: string): unknown {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test', 'support', 'data-folder-cli.ts'), what, dataDir, E2E_PASSPHRASE, arg], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`reading ${dataDir} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}
