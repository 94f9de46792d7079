import { beforeAll, describe, expect, it } from 'vitest';
import { buildAddressIndex, type AddressIndex, type AddressRow } from '#core/reference/address-index.js';
import { searchAddresses } from '#core/reference/address-search.js';
import { addressIndex } from './reference-fixtures.js';

function row(id: string, number: string, street: string, arrondissement: number): AddressRow {
  return { id, number, street, postcode: `750${String(arrondissement).padStart(2, '0')}`, arrondissement, lon: 2.35, lat: 48.85 };
}

describe('address search on a small base: the ranking rules', () => {
  const index = buildAddressIndex([
    row('a12', '12', 'Rue de la Paix', 2),
    row('a12a', '12 A', 'Rue de la Paix', 2),
    row('a12bis', '12 bis', 'Rue de la Paix', 2),
    row('a3', '3', 'Rue de la Paix', 2),
    row('b12', '12', 'Passage de la Paix', 11),
    row('c5', '5', 'Rue de la Paixhans', 16),
    row('d12', '12', 'Impasse Rue de la Paix Prolongée', 20),
  ]);
  const ids = (query: string, limit = 10): string[] => searchAddresses(index, query, { limit }).map((hit) => hit.id);

  it('the exact number first, then plain numbers before bis, bis before sub-address codes', () => {
    // Then the number on a street that has the words further in, then streets alone
    // ("Paixhans" as the last word may still be being typed); "Passage de la Paix" lacks "rue".
    expect(ids('12 rue de la paix')).toEqual(['a12', 'a12bis', 'a12a', 'd12', 'c5']);
  });

  it('a street that starts with the words ranks before one that has them in the middle', () => {
    const hits = searchAddresses(index, '12 rue de la paix');
    expect(hits.findIndex((h) => h.id === 'a12')).toBeLessThan(hits.findIndex((h) => h.id === 'd12'));
  });

  it('a typed suffix puts that sub-address first', () => {
    expect(ids('12 bis rue de la paix')[0]).toBe('a12bis');
    expect(ids('12a rue de la paix')[0]).toBe('a12a');
  });

  it('the number may come last', () => {
    expect(ids('rue de la paix 12')[0]).toBe('a12');
  });

  it('a number that is not on the street still finds the street', () => {
    const hits = searchAddresses(index, '999 rue de la paix');
    expect(hits[0]).toMatchObject({ kind: 'street', street: 'Rue de la Paix', label: 'Rue de la Paix, 75002 Paris' });
  });

  it('an empty query or a bare number finds nothing', () => {
    expect(ids('')).toEqual([]);
    expect(ids('  ,; ')).toEqual([]);
    expect(ids('12')).toEqual([]);
  });

  it('an article typed but absent from the name does not hide the street', () => {
    const small = buildAddressIndex([
      row('m24', '24', 'Rue Marguerite de Rochechouart', 9),
      row('r24', '24', 'Rue Rochechouart', 9),
    ]);
    expect(searchAddresses(small, '24 rue de rochechouart').map((h) => h.id)).toEqual(['r24', 'm24']);
  });

  it('gives at most the number of results asked for', () => {
    expect(ids('paix', 2)).toHaveLength(2);
  });
});

describe('address search over the 158,048 Paris addresses', () => {
  let index: AddressIndex;
  beforeAll(async () => {
    index = await addressIndex();
  });

  it('holds every address of the file', () => {
    expect(index.size).toBe(158_048);
  });

  it.each([
    ["1 Place de l'Hôtel de Ville", '1 Place de l\' Hotel de Ville - Esplanade de la Libération, 75004 Paris', 2.350629, 48.856291],
    ['5 Avenue Anatole France', '5 Avenue Anatole France, 75007 Paris', 2.294597, 48.858819],
    ['101 Avenue des Champs Elysées', '101 Avenue des Champs Elysées, 75008 Paris', 2.300492, 48.871682],
    ['55 Rue du Faubourg Saint-Honoré', '55 Rue du Faubourg Saint-Honoré, 75008 Paris', 2.316931, 48.87063],
  ])('the spot check "%s" is found first, at its coordinates', (query, label, lon, lat) => {
    const [first] = searchAddresses(index, query);
    expect(first).toMatchObject({ kind: 'address', label, lon, lat });
  });

  it('ignores accents, case and punctuation', () => {
    const reference = searchAddresses(index, '1 place de l hotel de ville').map((h) => h.id);
    expect(reference.length).toBeGreaterThan(0);
    for (const variant of ["1 PLACE DE L'HÔTEL-DE-VILLE", '1, Place de l’Hotel de Ville', '1 place de l.hôtel de ville!']) {
      expect(searchAddresses(index, variant).map((h) => h.id)).toEqual(reference);
    }
  });

  it('reads the usual abbreviations: st, fbg, bd, av', () => {
    expect(searchAddresses(index, '55 fbg st honore')[0]?.label).toBe('55 Rue du Faubourg Saint-Honoré, 75008 Paris');
    expect(searchAddresses(index, '101 av des champs elysees')[0]?.label).toBe('101 Avenue des Champs Elysées, 75008 Paris');
    expect(searchAddresses(index, '12 bd voltaire')[0]?.label).toBe('12 Boulevard Voltaire, 75011 Paris');
  });

  it("finds 12 Rue de la Goutte d'Or with the number typed first or last", () => {
    const expected = "12 Rue de la Goutte d'Or, 75018 Paris";
    expect(searchAddresses(index, '12 rue de la goutte')[0]).toMatchObject({ label: expected, arrondissement: 18 });
    expect(searchAddresses(index, 'goutte d or 12')[0]?.label).toBe(expected);
    expect(searchAddresses(index, "12 Goutte-d'Or")[0]?.label).toBe(expected);
  });

  it('ranks as you type: once the street is unambiguous the address stays first', () => {
    const target = "12 Rue de la Goutte d'Or, 75018 Paris";
    const typed = "12 rue de la goutte d'or";
    for (let length = '12 rue de la go'.length; length <= typed.length; length += 1) {
      expect(searchAddresses(index, typed.slice(0, length))[0]?.label, typed.slice(0, length)).toBe(target);
    }
  });

  it('a growing number typed last proposes the numbers it may become', () => {
    const labels = searchAddresses(index, 'goutte d or 1').map((h) => h.number);
    expect(labels[0]).toBe('1');
    expect(labels).toContain('12');
  });

  it('plain 34 comes before the sub-addresses 34 P and 34 P1', () => {
    const numbers = searchAddresses(index, '34 rue de la goutte d or').map((h) => h.number);
    expect(numbers.slice(0, 3)).toEqual(['34', '34 P', '34 P1']);
  });

  it('a postcode or an ordinal limits the arrondissement', () => {
    const hits = searchAddresses(index, 'rue de vaugirard 75015', { limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.arrondissement === 15)).toBe(true);
    expect(searchAddresses(index, 'voltaire 11e').every((h) => h.arrondissement === 11)).toBe(true);
  });

  it('a number that belongs to the street name is read as part of the name', () => {
    expect(searchAddresses(index, 'rue du huit mai 1945')[0]?.street).toBe('Rue du Huit Mai 1945');
  });

  it('without a number, one result per street, each a real point on it', () => {
    const hits = searchAddresses(index, 'rue de la gou');
    expect(hits[0]).toMatchObject({ kind: 'street', street: "Rue de la Goutte d'Or", arrondissement: 18 });
    expect(new Set(hits.map((h) => `${h.street}|${h.postcode}`)).size).toBe(hits.length);
  });
});
