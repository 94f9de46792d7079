/**
 * Figures for the offline reference data: address search as you type, point-to-QPV lookup,
 * and what loading them costs. Standalone: `node --import tsx bench/reference.bench.ts`
 * (add `--json` for machine-readable output). Targets from issue 4: search p95 < 20 ms per
 * keystroke over the 158,048 addresses, lookup < 1 ms.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { addressId } from '#core/reference/address-index.js';
import { createAddressBase, readAddressIndex } from '#core/reference/address-loader.js';
import { searchAddresses } from '#core/reference/address-search.js';
import { summarize } from './stats.js';
import { findRepositoryDataDir, loadParisLocator, referenceFilePath } from '#core/reference/reference-data-files.js';

// A full collection before each memory reading, so the figure is what the index keeps alive.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

async function heapMb(): Promise<number> {
  // Let pending frees of external buffers (the gunzip output) run, then collect twice.
  await new Promise((resolve) => setTimeout(resolve, 50));
  collect();
  collect();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
}

const dataDir = findRepositoryDataDir();
const addressFile = referenceFilePath(dataDir, 'addresses');

// Start-up cost: creating the lazy base must read nothing.
let started = performance.now();
const base = createAddressBase(addressFile);
const createMs = performance.now() - started;

// Load time and retained memory of the address index.
const heapBefore = await heapMb();
started = performance.now();
const { index, stats } = await readAddressIndex(addressFile);
const loadMs = performance.now() - started;
const retainedMb = (await heapMb()) - heapBefore;

// Boundaries.
started = performance.now();
const locator = loadParisLocator(dataDir);
const locatorLoadMs = performance.now() - started;

// 200 real addresses spread over the file, typed in lower case, one keystroke at a time.
const step = Math.floor(index.size / 200);
const targets = Array.from({ length: 200 }, (_, i) => i * step + 7);
const typed = targets.map((i) => {
  const street = index.streets[index.street[i]!]!;
  return { text: `${index.numbers[i]!} ${street.name}`.toLowerCase(), id: addressId(index, i) };
});
// Warm-up on other addresses, as a session would have before the measured typing.
for (let i = 0; i < 200; i += 1) searchAddresses(index, `${index.numbers[i * step + 3]!} ${index.streets[index.street[i * step + 3]!]!.name.slice(0, 8)}`);

const keystrokeMs: number[] = [];
const slowest: { query: string; ms: number }[] = [];
let firstWhenComplete = 0;
let inTopFiveWhenComplete = 0;
for (const { text, id } of typed) {
  for (let length = 1; length <= text.length; length += 1) {
    const query = text.slice(0, length);
    const t0 = performance.now();
    const hits = searchAddresses(index, query, { limit: 10 });
    const ms = performance.now() - t0;
    keystrokeMs.push(ms);
    slowest.push({ query, ms });
    if (length === text.length) {
      if (hits[0]?.id === id) firstWhenComplete += 1;
      if (hits.slice(0, 5).some((h) => h.id === id)) inTopFiveWhenComplete += 1;
    }
  }
}
const search = summarize(keystrokeMs);
// The five slowest distinct queries: where the search would be worth optimising next.
const slowestQueries = slowest
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 5)
  .map((q) => `"${q.query}" ${q.ms.toFixed(1)} ms`);

// Point lookups at every address point of Paris (a realistic spread), one call timed at a time.
const lookupUs: number[] = [];
let inQpv = 0;
for (let i = 0; i < index.size; i += 1) {
  const t0 = process.hrtime.bigint();
  const place = locator.locate({ lon: index.lon[i]!, lat: index.lat[i]! });
  lookupUs.push(Number(process.hrtime.bigint() - t0) / 1000);
  if (place.qpv) inQpv += 1;
}
const lookup = summarize(lookupUs);

// The first search through the lazy base pays the load: what the first keystroke waits.
started = performance.now();
await base.search('12 rue de la goutte d or');
const firstSearchMs = performance.now() - started;

const figures = {
  addresses: stats.addresses,
  streets: stats.streets,
  startupCreateMs: createMs,
  loadMs,
  loadReadGunzipMs: stats.readMs,
  loadIndexMs: stats.indexMs,
  retainedHeapMb: retainedMb,
  firstSearchThroughLazyBaseMs: firstSearchMs,
  locatorLoadMs,
  search,
  searchQueries: keystrokeMs.length,
  completeAddressFirst: firstWhenComplete,
  completeAddressTop5: inTopFiveWhenComplete,
  slowestQueries,
  lookupUs: lookup,
  addressesInQpv: inQpv,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const f = (n: number, digits = 2): string => n.toFixed(digits);
  const rows: [string, string, string][] = [
    ['address index: creation at start-up', `${f(createMs, 3)} ms`, 'nothing read'],
    ['address index: load (read + gunzip / parse + index)', `${f(loadMs, 0)} ms`, `${f(stats.readMs, 0)} + ${f(stats.indexMs, 0)} ms; ${stats.addresses} addresses, ${stats.streets} streets`],
    ['address index: memory kept (heap + array buffers)', `${f(retainedMb, 1)} MB`, 'after a full GC'],
    ['first search through the lazy base (load included)', `${f(firstSearchMs, 0)} ms`, 'what the first keystroke waits if not warmed'],
    ['search per keystroke p50', `${f(search.p50)} ms`, `${search.n} queries: every prefix of 200 real addresses`],
    ['search per keystroke p95', `${f(search.p95)} ms`, 'target < 20 ms'],
    ['search per keystroke p99 / max', `${f(search.p99)} / ${f(search.max)} ms`, ''],
    ['complete address found first / in top 5', `${firstWhenComplete} / ${inTopFiveWhenComplete} of 200`, ''],
    ['boundaries: load + prepare', `${f(locatorLoadMs, 1)} ms`, '20 arrondissements, 80 quartiers, 21 QPV'],
    ['point lookup (arrondissement + quartier + QPV) p50', `${f(lookup.p50, 1)} µs`, `${lookup.n} address points`],
    ['point lookup p99 / max', `${f(lookup.p99, 1)} / ${f(lookup.max, 0)} µs`, 'target < 1 ms'],
    ['addresses inside a 2024 QPV', `${inQpv}`, `${f((100 * inQpv) / index.size, 1)} %`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`Reference data benchmark — Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(w0)}  ${value.padStart(w1)}  ${note}`);
  console.log(`\nslowest keystroke queries: ${slowestQueries.join(', ')}`);
}
