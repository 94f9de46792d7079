/**
 * Test fixtures: a web host of its own per test (fresh data directory, restartable on the same
 * directory), and a page that fails the test on any console error, page error or CSP violation.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { freshDataDir, removeDataDir, startHost, type RunningHost } from './host.js';

export interface HostHandle {
  readonly url: string;
  /** `http://127.0.0.1:<port>` of the running host. */
  readonly origin: string;
  readonly dataDir: string;
  /**
   * Stops the host and starts a new one on the same data directory and port (a new token), as
   * `npm run web -- --port N` would: same origin, so the browser's storage is still there.
   */
  restart(page?: Page): Promise<void>;
  /** Stops the host, as when the app's back end is gone (the page stays open). */
  stop(): Promise<void>;
}

export interface Problems {
  consoleErrors: string[];
  cspViolations: string[];
}

/** Network failures the browser itself logs when a test stops the host on purpose. */
const NETWORK_NOISE = /Failed to load resource|ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|net::ERR_/;

export const test = base.extend<{
  host: HostHandle;
  problems: Problems;
  openApp: (path?: string) => Promise<void>;
  /** Set by tests that stop the host on purpose: the browser's own network messages are expected. */
  hostWillStop: boolean;
  /**
   * The harness opens the vault before the page does (host.ts), at every start and restart;
   * vault.spec.ts turns it off to go through the first-start and lock screens itself.
   */
  vaultUnlocked: boolean;
}>({
  hostWillStop: [false, { option: true }],
  vaultUnlocked: [true, { option: true }],

  host: async ({ vaultUnlocked }, use) => {
    const dataDir = freshDataDir();
    let running: RunningHost = await startHost(dataDir, 0, { unlock: vaultUnlocked });
    const handle: HostHandle = {
      get url() {
        return running.url;
      },
      get origin() {
        return running.origin;
      },
      dataDir,
      async restart(page?: Page) {
        // Leave the app first, so its event stream does not try the stopped host.
        if (page) await page.goto('about:blank');
        await running.stop();
        running = await startHost(dataDir, Number(new URL(running.origin).port), { unlock: vaultUnlocked });
      },
      stop: () => running.stop(),
    };
    await use(handle);
    await running.stop();
    removeDataDir(dataDir);
  },

  problems: async ({ page, hostWillStop }, use) => {
    const problems: Problems = { consoleErrors: [], cspViolations: [] };
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (hostWillStop && NETWORK_NOISE.test(msg.text())) return;
      problems.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
    await page.exposeFunction('__atelierCspViolation', (text: string) => problems.cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __atelierCspViolation: (t: string) => void }).__atelierCspViolation;
        void report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    await use(problems);
    expect(problems.cspViolations, 'CSP violations').toEqual([]);
    expect(problems.consoleErrors, 'console errors').toEqual([]);
  },

  /** Opens the printed URL (which sets the session cookie), then the given hash route. */
  openApp: async ({ page, host, problems }, use) => {
    void problems; // always watch for errors when the app is open
    await use(async (path = '/workshops') => {
      await page.goto(host.url);
      await page.waitForURL((u) => !u.search.includes('token'));
      if (path !== '/workshops') {
        // The app first lands on its list (the index redirect): going elsewhere before that
        // redirect ran would be undone by it.
        await page.waitForURL((u) => u.hash.startsWith('#/workshops'));
        await page.goto(`${host.origin}/#${path}`);
      }
      await expect(page.locator('main h1')).toBeVisible();
    });
  },
});

export { expect };
export type { Page } from '@playwright/test';
