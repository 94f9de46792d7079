/**
 * A City's file of Citizen Card holders as big as Paris's (the test of 200,000 lines and the
 * bench): French header, `;`, accents, quoted cells, and one line in a hundred wrong in one of
 * the ways a real file is wrong, each with the reason the import must give. Deterministic.
 * Not a test file itself.
 */

export const CITY_HEADER = ['Numéro de carte', 'Nom', 'Prénom', 'Date de naissance', 'Code postal', 'Courriel', 'Téléphone', 'Accepte d’être contacté'];

const FIRST = ['Awa', 'Hélène', 'Inès', 'Jean', 'Léa', 'Mamadou', 'Chloé', 'Youssef', 'Zoé', 'Éric', 'Fatou', 'Noé', 'Aïcha', 'Karim', 'Lucie', 'Marie', 'Paul', 'Sarah'];
const LAST = ['Diallo', 'Côté', 'Haddad', 'Dupont', 'Martin', 'Traoré', 'Lefèvre', 'Benali', 'Nguyen', 'Moreau', 'Bernard', 'Petit', 'Durand', 'Garcia', 'Roux', 'Fournier'];

/** The ways a line is wrong, in turn, and the reason each gets. */
const FAULTS = ['cardNumber', 'name', 'birthYear', 'arrondissement', 'email', 'phone', 'contactConsent', 'columns', 'duplicateInFile'] as const;
export type Fault = (typeof FAULTS)[number];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export const cardOf = (i: number) => `PC${String(10_000_000 + i)}`;

export interface CityFile {
  header: string[];
  /** The data lines; the file's line n is `lines[n - 2]` (line 1 is the header). */
  lines: string[];
  /** The wrong lines, by the file's line number, with the reason expected. */
  bad: Map<number, Fault>;
  good: number;
}

export function cityFile(size: number, seed = 10): CityFile {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lines: string[] = [];
  const bad = new Map<number, Fault>();
  let faults = 0;
  for (let i = 0; i < size; i++) {
    const line = i + 2;
    const first = pick(FIRST);
    const last = pick(LAST);
    const day = 1 + Math.floor(random() * 28);
    const year = 1930 + Math.floor(random() * 80);
    const cells = [
      cardOf(i),
      i % 13 === 0 ? `"${last}, dit ""${first}"""` : last,
      first,
      `${String(day).padStart(2, '0')}/0${1 + (i % 9)}/${year}`,
      i % 50 === 0 ? '93200' : `750${String(1 + (i % 20)).padStart(2, '0')}`,
      i % 3 === 0 ? '' : `${first.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '')}.${i}@exemple.fr`,
      i % 4 === 0 ? '' : `06 ${String(10_000_000 + i).slice(-8).replace(/(\d\d)(?=\d)/g, '$1 ')}`,
      i % 2 === 0 ? 'oui' : 'non',
    ];
    if (i % 100 === 37) {
      const fault = FAULTS[faults++ % FAULTS.length]!;
      bad.set(line, fault);
      if (fault === 'cardNumber') cells[0] = 'N°-1';
      if (fault === 'name') [cells[1], cells[2]] = ['', ''];
      if (fault === 'birthYear') cells[3] = '31/12/1850';
      if (fault === 'arrondissement') cells[4] = '7501';
      if (fault === 'email') cells[5] = 'sans-arobase.exemple.fr';
      if (fault === 'phone') cells[6] = 'le soir';
      if (fault === 'contactConsent') cells[7] = 'peut-être';
      if (fault === 'columns') cells.push('en trop');
      // The card of the line before it, written otherwise.
      if (fault === 'duplicateInFile') cells[0] = cardOf(i - 1).toLowerCase().replace(/^pc/, 'pc-');
    }
    lines.push(cells.join(';'));
  }
  return { header: CITY_HEADER, lines, bad, good: size - bad.size };
}
