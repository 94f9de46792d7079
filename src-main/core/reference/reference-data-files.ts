/**
 * Where the shipped reference data lives and how it is read. The files sit in
 * `resources/data/` of the repository; a packaged app copies that folder next to the asar
 * (electron-builder `extraResources`), so the host passes the folder in rather than the core
 * guessing it from its own bundle path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseParisBoundaries, type ParisBoundaries } from '#shared/geo/paris-boundaries.schema.js';
import { createParisLocator, type ParisLocator } from '#shared/geo/paris-locator.js';

/** File names inside the reference-data folder; every one is listed in LICENCES.md there. */
export const REFERENCE_FILES = {
  arrondissements: 'paris-arrondissements.geojson',
  quartiers: 'paris-quartiers-administratifs.geojson',
  qpv: 'paris-qpv.geojson',
  addresses: 'paris-addresses.csv.gz',
  pbWinners: 'paris-pb-winning-projects.csv',
  licences: 'LICENCES.md',
} as const;

export type ReferenceFile = keyof typeof REFERENCE_FILES;

export function referenceFilePath(dataDir: string, file: ReferenceFile): string {
  return join(dataDir, REFERENCE_FILES[file]);
}

/**
 * The repository's `resources/data`, found by walking up from this module (or from `from`):
 * right for tests, scripts, the bench and the unpackaged app, whatever the bundle depth.
 */
export function findRepositoryDataDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'resources', 'data');
    if (existsSync(join(candidate, REFERENCE_FILES.licences))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no resources/data/${REFERENCE_FILES.licences} above ${from}`);
    dir = parent;
  }
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Reads and checks the three boundary layers (≈ 310 KB of GeoJSON). */
export function readParisBoundaries(dataDir: string): ParisBoundaries {
  return parseParisBoundaries({
    arrondissements: readJson(referenceFilePath(dataDir, 'arrondissements')),
    quartiers: readJson(referenceFilePath(dataDir, 'quartiers')),
    qpv: readJson(referenceFilePath(dataDir, 'qpv')),
  });
}

export function loadParisLocator(dataDir: string): ParisLocator {
  return createParisLocator(readParisBoundaries(dataDir));
}
