/**
 * Loads the address base once, on first use, never at start-up: reading and indexing
 * 158,048 addresses takes a few hundred milliseconds, more than the core's whole 150 ms
 * start-up budget. The host may call `warm()` once the window is shown so that the first
 * keystroke does not wait.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { buildAddressIndexFromCsv, type AddressIndex } from './address-index.js';
import { searchAddresses, type AddressHit, type AddressSearchOptions } from './address-search.js';

const gunzipAsync = promisify(gunzip);

export interface AddressLoadStats {
  /** Reading and decompressing the file (off the thread, in libuv's pool). */
  readMs: number;
  /** Parsing and indexing (on the core's thread). */
  indexMs: number;
  addresses: number;
  streets: number;
}

export interface AddressBase {
  /** Loads on the first call; later calls share the same index. A failed load is retried next time. */
  index(): Promise<AddressIndex>;
  search(query: string, options?: AddressSearchOptions): Promise<AddressHit[]>;
  /** Starts loading in the background; errors are left for the next `index()` to report. */
  warm(): void;
  isLoaded(): boolean;
  /** Figures of the load, once it is done (for logs and the bench). */
  stats(): AddressLoadStats | null;
}

export async function readAddressIndex(file: string): Promise<{ index: AddressIndex; stats: AddressLoadStats }> {
  const started = performance.now();
  const text = (await gunzipAsync(await readFile(file))).toString('utf8');
  const read = performance.now();
  const index = buildAddressIndexFromCsv(text);
  const indexMs = performance.now() - read;
  return { index, stats: { readMs: read - started, indexMs, addresses: index.size, streets: index.streets.length } };
}

/** Nothing is read here: creating the base is free, so the core can do it at start-up. */
export function createAddressBase(file: string): AddressBase {
  let loading: Promise<AddressIndex> | null = null;
  let loaded: AddressIndex | null = null;
  let loadStats: AddressLoadStats | null = null;
  const index = (): Promise<AddressIndex> => {
    if (loaded) return Promise.resolve(loaded);
    loading ??= readAddressIndex(file).then(
      (result) => {
        loaded = result.index;
        loadStats = result.stats;
        return result.index;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return {
    index,
    async search(query, options) {
      return searchAddresses(await index(), query, options);
    },
    warm() {
      index().catch(() => undefined);
    },
    isLoaded: () => loaded !== null,
    stats: () => loadStats,
  };
}
