import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AddressIndex } from '#core/reference/address-index.js';
import { placeFreeTextAddress } from '#core/reference/pb-placement.js';
import { compareQpv, placeWinners, summarizePlacement } from '#core/reference/pb-qpv-agreement.js';
import { parsePbWinners } from '#core/reference/pb-winners.js';
import { referenceFilePath } from '#core/reference/reference-data-files.js';
import { addressIndex, dataDir, parisLocator } from './reference-fixtures.js';

describe('placing the winners offline', () => {
  let index: AddressIndex;
  beforeAll(async () => {
    index = await addressIndex();
  });

  it('a full address is placed on its BAN point', () => {
    expect(placeFreeTextAddress(index, '12 rue de la Goutte d’Or', [18])).toMatchObject({
      status: 'placed',
      precision: 'address',
      label: "12 Rue de la Goutte d'Or, 75018 Paris",
      lon: 2.353819,
      lat: 48.885054,
    });
  });

  it('an address after a building name is found ("ECOLE MATERNELLE 31 RUE DES RENAUDES")', () => {
    expect(placeFreeTextAddress(index, 'ECOLE MATERNELLE 31 RUE DES RENAUDES', [17])).toMatchObject({ precision: 'address', label: '31 Rue des Renaudes, 75017 Paris' });
  });

  it('a street alone is placed at the street, in the stated arrondissement', () => {
    const placed = placeFreeTextAddress(index, 'Boulevard de Courcelles', [8]);
    expect(placed).toMatchObject({ status: 'placed', precision: 'street', label: 'Boulevard de Courcelles, 75008 Paris', inStatedArrondissement: true });
  });

  it('a park or a school is not an address: left unplaced rather than put on a street of a similar name', () => {
    expect(placeFreeTextAddress(index, 'PARC MONCEAU', [8])).toEqual({ status: 'unplaced', reason: 'place-name' });
    expect(placeFreeTextAddress(index, 'Bois de Boulogne', [16])).toEqual({ status: 'unplaced', reason: 'place-name' });
    expect(placeFreeTextAddress(index, '5-7 place', [19])).toMatchObject({ status: 'unplaced' });
    expect(placeFreeTextAddress(index, null, [19])).toEqual({ status: 'unplaced', reason: 'no-address' });
  });

  it('every winner gets a placement or a reason, and the QPV table accounts for all of them', () => {
    const winners = parsePbWinners(readFileSync(referenceFilePath(dataDir, 'pbWinners'), 'utf8'));
    const placed = placeWinners(index, parisLocator(), winners);
    const summary = summarizePlacement(placed);
    const unplaced = Object.values(summary.unplaced).reduce((a, b) => a + b, 0);
    expect(summary.placedAtAddress + summary.placedAtStreet + unplaced).toBe(1341);
    expect(summary.unplaced['city-wide']).toBe(67);
    expect(summary.placedAtAddress + summary.placedAtStreet).toBeGreaterThan(1000);
    // A placed point lands in the project's own arrondissement, bar a handful of border streets.
    expect(summary.pointArrondissementDiffers).toBeLessThan(10);
    const table = compareQpv(placed);
    expect(Object.values(table).reduce((a, b) => a + b, 0)).toBe(1341);
    expect(table.bothYes + table.appNoFlagYes + table.unplacedFlagYes).toBe(372);
  }, 30_000);
});
