/**
 * The reference data's build step, in three commands:
 *
 *   npx tsx scripts/prepare-reference-data.ts --copy ../shared/data   copy the vetted files into resources/data
 *   npx tsx scripts/prepare-reference-data.ts --check                 check the shipped files' sha256
 *   npx tsx scripts/prepare-reference-data.ts                         check, then regenerate docs/reference-data.md
 *
 * The files are shipped unchanged (no derived form): each is already small (the addresses are
 * a 1.9 MB gzip), and shipping the publisher's bytes keeps the provenance trail of their
 * SOURCES.md true. The docs are written from a real run of the placement code.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readAddressIndex } from '#core/reference/address-loader.js';
import { compareQpv, placeWinners, summarizePlacement } from '#core/reference/pb-qpv-agreement.js';
import { parsePbWinners } from '#core/reference/pb-winners.js';
import { loadParisLocator, referenceFilePath } from '#core/reference/reference-data-files.js';
import { renderReferenceReport } from '#core/reference/reference-report.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(root, 'resources', 'data');

/**
 * sha256 of each shipped file: the first four as recorded in their SOURCES.md, the
 * participatory-budget CSV as received (its SOURCES.md gives its size, 321,255 bytes).
 */
export const SHIPPED_SHA256: Readonly<Record<string, string>> = {
  'paris-arrondissements.geojson': '360be5e1c73523d12d9e74ee855c98bcbe1f2e33d900bd6c1f0a04a8e60c7b07',
  'paris-quartiers-administratifs.geojson': 'cb81818f473fece2978ba569411629786605060e7fb6a8f821fbdeda297a7d0a',
  'paris-qpv.geojson': 'd71de4b7b9963fc1c74b6b592bb402d4b1a41b2cacd4883090ec914fff3d68f5',
  'paris-addresses.csv.gz': '504e82611b892872e1fc3e5b892215b5a2809e2dac27053aecdd0d135db61ba3',
  'paris-pb-winning-projects.csv': '02858e41aa15bdd70de2d657358ad790ed72483703859ec65a06016802ed9583',
};

/** Where each file sits under the shared data folder. */
const SOURCE_SUBDIR: Readonly<Record<string, string>> = {
  'paris-arrondissements.geojson': 'geo',
  'paris-quartiers-administratifs.geojson': 'geo',
  'paris-qpv.geojson': 'geo',
  'paris-addresses.csv.gz': 'addresses',
  'paris-pb-winning-projects.csv': 'participatory-budget',
};

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function copyReferenceData(sharedDataDir: string): void {
  mkdirSync(DATA_DIR, { recursive: true });
  for (const file of Object.keys(SHIPPED_SHA256)) {
    copyFileSync(join(sharedDataDir, SOURCE_SUBDIR[file]!, file), join(DATA_DIR, file));
  }
}

/** The files whose bytes differ from the documented ones (empty when all is well). */
export function checkReferenceData(): string[] {
  return Object.entries(SHIPPED_SHA256)
    .filter(([file, expected]) => {
      try {
        return sha256(join(DATA_DIR, file)) !== expected;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

export async function writeReferenceReport(): Promise<string> {
  const { index, stats } = await readAddressIndex(referenceFilePath(DATA_DIR, 'addresses'));
  const locator = loadParisLocator(DATA_DIR);
  const winners = parsePbWinners(readFileSync(referenceFilePath(DATA_DIR, 'pbWinners'), 'utf8'));
  const placed = placeWinners(index, locator, winners);
  const markdown = renderReferenceReport({
    placed,
    summary: summarizePlacement(placed),
    agreement: compareQpv(placed),
    addressCount: stats.addresses,
    streetCount: stats.streets,
    files: Object.keys(SHIPPED_SHA256).map((name) => ({ name, bytes: statSync(join(DATA_DIR, name)).size })),
  });
  const out = join(root, 'docs', 'reference-data.md');
  writeFileSync(out, markdown);
  return out;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  if (args[0] === '--copy') {
    copyReferenceData(resolve(args[1] ?? join(root, '..', 'shared', 'data')));
  }
  const bad = checkReferenceData();
  if (bad.length > 0) {
    console.error(`reference data differs from the documented files: ${bad.join(', ')}`);
    process.exit(1);
  }
  console.log('reference data: all files match their documented sha256');
  if (args.length === 0) console.log(`wrote ${await writeReferenceReport()}`);
}
