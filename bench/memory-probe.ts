/**
 * Run in a process of its own (bundled, `node --expose-gc`): starts the core on a data folder,
 * lists every workshop page by page, and prints the process's memory as JSON.
 */
import { startCore } from '#core/core.js';
import { createSilentLogger } from '#core/logger.js';
import { testVault } from '#test/support/vault.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: memory-probe <dataDir>');
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const before = process.memoryUsage();
const core = await startCore({ dataDir, logger: createSilentLogger(), appVersion: 'bench', onEvent: () => {}, ...testVault() });
const pages: unknown[] = [];
let listed = 0;
for (let offset = 0; ; offset += 500) {
  const result = await core.dispatch('workshops:list', { limit: 500, offset });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const { items, total } = result.value as { items: unknown[]; total: number };
  pages.push(items);
  listed += items.length;
  if (offset + 500 >= total) break;
}
const gc = (globalThis as { gc?: () => void }).gc;
// Right after the list, with every workshop still held (as while answering it)…
gc?.();
const held = process.memoryUsage();
// …and once the answer is gone: what the core keeps while the app stays open.
pages.length = 0;
gc?.();
const settled = process.memoryUsage();
console.log(
  JSON.stringify({
    listed,
    heldRssMb: mb(held.rss),
    heldHeapUsedMb: mb(held.heapUsed),
    rssMb: mb(settled.rss),
    heapUsedMb: mb(settled.heapUsed),
    heapTotalMb: mb(settled.heapTotal),
    externalMb: mb(settled.external),
    rssBeforeCoreMb: mb(before.rss),
  }),
);
await core.close();
