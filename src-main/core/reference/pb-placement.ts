/**
 * Places the participatory-budget winners on the map offline, from their free-text address,
 * with the address index. The file has no coordinates, so this is a geocoding of text typed
 * by City staff: a full address, a street alone, or a place ("PARC MONCEAU", "COLLEGE …").
 */
import { addressRecord, type AddressIndex } from './address-index.js';
import { addressTokens } from './address-text.js';
import { LINK_WORDS, rankAddressCandidates, type Candidate } from './address-search.js';
import type { PbWinner } from './pb-winners.js';

export type PlacementPrecision = 'address' | 'street';

/**
 * Why a project has no point: a city-wide project (registered at the Hôtel de Ville by
 * convention, it is not there); no address in the file; a place name (a park, a garden, a
 * school, a gymnasium, a town hall: the BAN holds street addresses, not facilities); a street
 * word but no street of that name in the base (a typo, a renamed or unnumbered way).
 */
export type UnplacedReason = 'city-wide' | 'no-address' | 'place-name' | 'street-not-found';

export type Placement =
  | {
      status: 'placed';
      precision: PlacementPrecision;
      lon: number;
      lat: number;
      /** The BAN address that gives the point (for a street: its middle address). */
      addressId: string;
      label: string;
      /** false when the street was only found outside the project's own arrondissement(s). */
      inStatedArrondissement: boolean;
    }
  | { status: 'unplaced'; reason: UnplacedReason };

/** Words that name a kind of public way; a text without any of them is a place, not an address. */
const WAY_WORDS = new Set([
  'rue', 'rues', 'avenue', 'boulevard', 'boulevards', 'bd', 'av', 'place', 'quai', 'allee', 'impasse', 'passage',
  'villa', 'cite', 'cour', 'chemin', 'sentier', 'route', 'port', 'esplanade', 'rond', 'parvis', 'galerie', 'hameau',
  'voie', 'carrefour', 'faubourg', 'cours', 'berge', 'terrasse', 'r', 'pl',
]);

/**
 * First words that name a facility or a green space. Paris "squares" and "jardins" are gardens,
 * which the BAN does not list as streets with numbers; schools, gyms and town halls are
 * buildings. A gazetteer of City facilities would place them; the BAN cannot.
 */
const PLACE_WORDS = new Set([
  'parc', 'square', 'squares', 'jardin', 'jardinet', 'promenade', 'coulee', 'bois', 'pelouse', 'stade', 'gymnase',
  'piscine', 'centre', 'ecole', 'college', 'lycee', 'mairie', 'bibliotheque', 'mediatheque', 'conservatoire',
  'temple', 'eglise', 'tour', 'pont', 'belvedere', 'marche', 'maison', 'espace', 'quartier', 'theatre', 'musee', 'lac',
]);

/**
 * The texts to try, best first: the whole text; then an address embedded after a building's
 * name ("ECOLE MATERNELLE 31 RUE DES RENAUDES", "Bibliothèque Faidherbe, 18 rue Faidherbe");
 * then each part of a compound text ("Rue Savorgnan de Brazza- Champ de Mars",
 * "Rues Simon le Franc et Geoffroy l'Angevin").
 */
function addressAttempts(text: string): string[] {
  const attempts = [text];
  const words = addressTokens(text);
  for (let k = 1; k < words.length - 1; k += 1) {
    const next = words[k + 1]!;
    if (/^\d+$/.test(words[k]!) && (WAY_WORDS.has(next) || WAY_WORDS.has(words[k + 2] ?? ''))) {
      attempts.push(words.slice(k).join(' '));
      break;
    }
  }
  const parts = text.split(/[,;()/]|\s-\s?|-\s|\set\s/i).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length > 1) attempts.push(...parts);
  // "Rues X et Y", "Boulevards X et Y": the singular names the street.
  return attempts.map((attempt) => attempt.replace(/^(rue|boulevard|avenue)s\b/i, '$1'));
}

/**
 * The best match of one attempt, or none when the match is too loose to trust for a text
 * that was typed once and never checked: a text made only of a number and way words ("5-7
 * place") names no street; a text that starts with a place word ("Bois de Boulogne", "parc
 * Montsouris") must match a name from its start, not "Rue du Bois de Boulogne" nearby.
 */
function bestCandidate(index: AddressIndex, attempt: string, arrondissements: readonly number[] | undefined): Candidate | undefined {
  const words = addressTokens(attempt).filter((word) => !/^\d/.test(word));
  // What names the street once its kind ("rue", "place") and the articles are set aside.
  const nameWords = words.filter((word, i) => !(i === 0 && WAY_WORDS.has(word)) && !LINK_WORDS.has(word));
  if (nameWords.length === 0) return undefined;
  const best = rankAddressCandidates(index, attempt, { partial: false, arrondissements })[0];
  if (best && PLACE_WORDS.has(words[0]!) && best.tier !== 0) return undefined;
  return best;
}

/** Geocodes one free-text address, preferring the given arrondissements (none: all Paris). */
export function placeFreeTextAddress(index: AddressIndex, text: string | null, arrondissements: readonly number[]): Placement {
  if (text === null || addressTokens(text).length === 0) return { status: 'unplaced', reason: 'no-address' };
  const limited = arrondissements.length > 0;
  const attempts = addressAttempts(text);
  let best: Candidate | undefined;
  let inStated = true;
  for (const only of limited ? [arrondissements, undefined] : [undefined]) {
    // Second round, all Paris: a border street may carry the neighbouring arrondissement's postcode.
    inStated = only !== undefined || !limited;
    for (const attempt of attempts) {
      best = bestCandidate(index, attempt, only);
      if (best) break;
    }
    if (best) break;
  }
  if (!best) {
    const words = addressTokens(text);
    const isPlace = PLACE_WORDS.has(words[0]!) || !words.some((word) => WAY_WORDS.has(word));
    return { status: 'unplaced', reason: isPlace ? 'place-name' : 'street-not-found' };
  }
  const record = addressRecord(index, best.address);
  return {
    status: 'placed',
    precision: best.numberClass === 0 ? 'address' : 'street',
    lon: record.lon,
    lat: record.lat,
    addressId: record.id,
    label: best.numberClass === 0 ? record.label : `${record.street}, ${record.postcode} Paris`,
    inStatedArrondissement: inStated,
  };
}

/** City-wide projects are not placed: their Hôtel de Ville address is where they are filed, not where they happen. */
export function placePbWinner(index: AddressIndex, winner: PbWinner): Placement {
  if (winner.scale === 'paris') return { status: 'unplaced', reason: 'city-wide' };
  return placeFreeTextAddress(index, winner.address, winner.arrondissements);
}
