/**
 * Time to an interactive first screen in Debian's Chromium, through the real web host on the
 * generated data: from navigation to the printed address until the workshop list's heading
 * (`main h1`) is visible and its first rows are shown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { percentile } from './stats.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** A list row, whether the list is a table, an ARIA grid or a plain list. */
export const LIST_ROW = 'main tbody tr, main [role="row"]:has([role="gridcell"], [role="cell"], td), main ul li, main ol li';

/** Where a first screen's time goes, in ms from the start of the navigation (medians). */
export interface FirstScreenPhases {
  domContentLoaded: number;
  listAnswered: number;
  headingVisible: number;
  rowsVisible: number;
}

export interface FirstScreenResult {
  samples: number[];
  phases: FirstScreenPhases | null;
  /** Resident memory of the web host process (host + core worker) after the runs, in MB. */
  hostRssMb: number | null;
  error: string | null;
}

/**
 * Starts `node host.mjs --data-dir …` and resolves once it prints an address. Each address
 * opens one browser, after which the host prints the next: `url()` is always the newest.
 */
function startHost(hostFile: string, dataDir: string, timeoutMs: number): Promise<{ child: ChildProcess; url: () => string }> {
  const child = spawn(process.execPath, [hostFile, '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, ATELIER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let latest = '';
    const timer = setTimeout(() => reject(new Error(`the web host printed no address within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const printed = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/g);
      if (printed) {
        latest = printed[printed.length - 1]!;
        clearTimeout(timer);
        resolve({ child, url: () => latest });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited (${code}) before printing its address:\n${output}`));
    });
  });
}

/** The next unused address: the host prints it just after the previous one was spent. */
async function freshUrl(host: { url: () => string }, used: Set<string>): Promise<string> {
  for (let i = 0; i < 100 && used.has(host.url()); i++) await new Promise((r) => setTimeout(r, 20));
  const url = host.url();
  if (used.has(url)) throw new Error('the web host printed no new address after the previous one was used');
  used.add(url);
  return url;
}

function rssMbOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round((Number(kb) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

function medianPhases(all: readonly FirstScreenPhases[]): FirstScreenPhases | null {
  if (all.length === 0) return null;
  const median = (k: keyof FirstScreenPhases) => percentile([...all.map((p) => p[k])].sort((a, b) => a - b), 50);
  return { domContentLoaded: median('domContentLoaded'), listAnswered: median('listAnswered'), headingVisible: median('headingVisible'), rowsVisible: median('rowsVisible') };
}

export async function measureFirstScreen(opts: { hostFile: string; dataDir: string; warmup: number; runs: number; timeoutMs: number }): Promise<FirstScreenResult> {
  let host: { child: ChildProcess; url: () => string } | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  const samples: number[] = [];
  const phases: FirstScreenPhases[] = [];
  try {
    host = await startHost(opts.hostFile, opts.dataDir, 15_000);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const used = new Set<string>();
    const b = browser;
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      // A new context each time: no cookie and no cache, as a person opening the address.
      // Only the navigation is timed, not setting up the browser context.
      const context = await b.newContext();
      const url = await freshUrl(host, used);
      try {
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        let headingAt = 0;
        try {
          await page.locator('main h1').first().waitFor({ state: 'visible', timeout: opts.timeoutMs });
          headingAt = performance.now() - t0;
          await page.locator(LIST_ROW).first().waitFor({ state: 'visible', timeout: opts.timeoutMs });
        } catch {
          const h1 = await page.locator('main h1').count();
          throw new Error(
            `timed out after ${opts.timeoutMs} ms waiting for ${h1 ? 'the first list row' : "the list heading 'main h1'"} ` +
              `(is the renderer built into out/renderer?); page title: ${JSON.stringify(await page.title())}`,
          );
        }
        const rowsAt = performance.now() - t0;
        if (i >= opts.warmup) {
          samples.push(rowsAt);
          const inPage = await page.evaluate(() => {
            // Runs in the page; typed loosely because this tsconfig has no DOM library.
            const nav = performance.getEntries().find((e) => (e.entryType as string) === 'navigation') as { domContentLoadedEventEnd?: number } | undefined;
            const list = performance.getEntriesByType('resource').find((e) => decodeURIComponent(e.name).includes('/rpc/workshops:list')) as { responseEnd?: number } | undefined;
            return { domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN, listAnswered: list?.responseEnd ?? Number.NaN };
          });
          phases.push({ ...inPage, headingVisible: headingAt, rowsVisible: rowsAt });
        }
      } finally {
        await context.close();
      }
    }
    return { samples, phases: medianPhases(phases), hostRssMb: rssMbOf(host.child.pid), error: null };
  } catch (error) {
    return { samples, phases: medianPhases(phases), hostRssMb: rssMbOf(host?.child.pid), error: (error as Error).message };
  } finally {
    await browser?.close().catch(() => {});
    if (host && host.child.exitCode === null) {
      const exited = new Promise((resolve) => host!.child.once('exit', resolve));
      host.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (host.child.exitCode === null) host.child.kill('SIGKILL');
    }
  }
}
