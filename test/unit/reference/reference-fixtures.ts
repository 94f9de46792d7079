/** Loads the shipped reference data once per test file (the address base takes ~0.4 s). */
import type { ParisLocator } from '#shared/geo/paris-locator.js';
import type { AddressIndex } from '#core/reference/address-index.js';
import { readAddressIndex } from '#core/reference/address-loader.js';
import { findRepositoryDataDir, loadParisLocator, referenceFilePath } from '#core/reference/reference-data-files.js';

export const dataDir = findRepositoryDataDir();

let locator: ParisLocator | null = null;
export function parisLocator(): ParisLocator {
  locator ??= loadParisLocator(dataDir);
  return locator;
}

let addresses: Promise<AddressIndex> | null = null;
export function addressIndex(): Promise<AddressIndex> {
  addresses ??= readAddressIndex(referenceFilePath(dataDir, 'addresses')).then((r) => r.index);
  return addresses;
}
