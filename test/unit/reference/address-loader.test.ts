import { describe, expect, it } from 'vitest';
import { createAddressBase } from '#core/reference/address-loader.js';
import { referenceFilePath } from '#core/reference/reference-data-files.js';
import { dataDir } from './reference-fixtures.js';

describe('the address base loads lazily, off the start-up path', () => {
  it('creating it reads nothing: a missing file is only noticed at the first search', async () => {
    const base = createAddressBase('/nowhere/paris-addresses.csv.gz');
    expect(base.isLoaded()).toBe(false);
    await expect(base.search('12 rue de la paix')).rejects.toThrow(/ENOENT/);
    expect(base.isLoaded()).toBe(false);
  });

  it('loads once, on first use, and shares the index between searches', async () => {
    const base = createAddressBase(referenceFilePath(dataDir, 'addresses'));
    expect(base.isLoaded()).toBe(false);
    expect(base.stats()).toBeNull();
    const [first, second] = await Promise.all([base.index(), base.index()]);
    expect(first).toBe(second);
    expect(base.isLoaded()).toBe(true);
    expect(base.stats()).toMatchObject({ addresses: 158_048 });
    expect(await base.index()).toBe(first);
    const hits = await base.search('goutte d or 12', { limit: 1 });
    expect(hits[0]?.label).toBe("12 Rue de la Goutte d'Or, 75018 Paris");
  });
});
