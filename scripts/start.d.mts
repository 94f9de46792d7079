/** Types for scripts/start.mjs, so the TypeScript unit tests can import it. */
export type ElectronBinaryLookup = { found: true; path: string } | { found: false; reason: string };
export function findElectronBinary(options: { electronDir: string; env?: Record<string, string | undefined> }): ElectronBinaryLookup;
export function main(args?: string[]): void;
