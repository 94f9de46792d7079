/**
 * End-to-end tests: the built renderer in Debian's Chromium, through the web host.
 * `npm run test:e2e` builds first; each test starts its own host on a fresh data directory.
 * Every spec runs on a 1366 px laptop; the co-construction journey runs again on a 1024×768
 * one (the older laptops lent to the halls), where every screen it visits must fit the width.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 7_000 },
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'America/New_York', // the laptop's zone must not change what Paris times show
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'laptop-1366' },
    { name: 'laptop-1024', testMatch: /co-construction-journey\.spec\.ts$/, use: { viewport: { width: 1024, height: 768 } } },
  ],
});
