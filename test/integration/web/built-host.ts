/**
 * The web host as people run it: `host.mjs` and the core's `worker.mjs` bundled by the real
 * build (into a folder of their own, so `npm run build` is not needed first), started as a
 * process on a fresh data folder, with the address it prints spent for a session cookie.
 * Not a test file itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCoreWorker, buildWebHost } from '#scripts/build-main.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BuiltHost {
  dir: string;
  hostFile: string;
  remove(): void;
}

/** Bundles the host and its worker side by side (`<dir>/web/host.mjs`, `<dir>/core/worker.mjs`). */
export async function buildHost(): Promise<BuiltHost> {
  // Inside the repository so that the bundles resolve better-sqlite3 from node_modules.
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'atelier-test-host-'));
  const [hostFile] = await Promise.all([buildWebHost(join(dir, 'web')), buildCoreWorker(join(dir, 'core'))]);
  return { dir, hostFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface HostProcess {
  child: ChildProcess;
  dataDir: string;
  port: number;
  /** `127.0.0.1:<port>`, for the Host header. */
  host: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** `name=value` of a session opened with the printed address. */
  cookie: string;
  alive(): boolean;
  /** SIGTERM, as Ctrl+C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface RunOptions {
  dataDir?: string;
  args?: string[];
}

/** Starts the host and waits for its address; rejects with its output if it exits first. */
export function runHost(built: BuiltHost, { dataDir = mkdtempSync(join(tmpdir(), 'atelier-web-')), args = ['--port', '0'] }: RunOptions = {}): Promise<{ child: ChildProcess; dataDir: string; url: string; output: () => string }> {
  const child = spawn(process.execPath, [built.hostFile, '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ATELIER_LOG_LEVEL: 'warn' } });
  let output = '';
  return new Promise((resolvePrinted, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePrinted({ child, dataDir, url: match[0], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`web host exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

/** GETs the printed address as a browser would, and returns the session cookie it sets. */
export function openSession(url: string): Promise<string> {
  const { port, pathname, search } = new URL(url);
  return new Promise((resolveCookie, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname + search, headers: { host: `127.0.0.1:${port}` }, agent: false }, (res) => {
      res.resume();
      const cookie = (res.headers['set-cookie'] ?? [])[0]?.split(';')[0];
      if (res.statusCode === 303 && cookie) resolveCookie(cookie);
      else reject(new Error(`opening ${url} answered ${res.statusCode}`));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function startHostProcess(built: BuiltHost, options: RunOptions = {}): Promise<HostProcess> {
  const { child, dataDir, url, output } = await runHost(built, options);
  const port = Number(new URL(url).port);
  const cookie = await openSession(url);
  return {
    child,
    dataDir,
    port,
    host: `127.0.0.1:${port}`,
    output,
    cookie,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One POST; network errors become status 0 with the error's code as body. A kept-alive
 * connection the host closed for idling just as this request was sent on it (ECONNRESET on a
 * reused socket) is retried once on a new one, as browsers do and as Node's documentation of
 * `request.reusedSocket` advises: that is the client's race, not an answer of the host.
 */
export function post(agent: Agent | false, port: number, path: string, headers: Record<string, string>, body: string | Uint8Array, retried = false): Promise<Answer> {
  return new Promise((resolveAnswer) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: { host: `127.0.0.1:${port}`, ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e: NodeJS.ErrnoException) => resolveAnswer({ status: 0, contentType: '', body: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET' && req.reusedSocket && !retried) resolveAnswer(post(agent, port, path, headers, body, true));
      else resolveAnswer({ status: 0, contentType: '', body: e.code ?? e.message });
    });
    req.end(body);
  });
}
