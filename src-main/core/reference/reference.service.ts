/**
 * The shipped reference data, as commands: address search, point location, boundaries for
 * the map, past winners near a place, licence notices. Everything is read lazily, on first
 * use, so the core's start-up does not pay for it. The address base (≈ 0.4 s to index, on the
 * core's thread) is warmed as soon as a proposal screen asks for anything (the boundaries, the
 * list), so it is ready before the first address is typed; a host may also ask for a warm-up a
 * fixed time after start-up (`warmAfterMs`). Not by default: a timer would land in the middle
 * of whatever the core is doing then (the bench's writes, a big sync) for no one's benefit.
 */
import { readFileSync } from 'node:fs';
import type { CommandParsedInput } from '#shared/contract.js';
import type { ParisBoundaries } from '#shared/geo/paris-boundaries.schema.js';
import { createParisLocator, type ParisLocator } from '#shared/geo/paris-locator.js';
import type { Boundaries, LicenceNotice, Winner } from '#shared/reference/reference.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import { createAddressBase, type AddressBase } from './address-loader.js';
import { placePbWinner } from './pb-placement.js';
import { parsePbWinners } from './pb-winners.js';
import { readParisBoundaries, referenceFilePath } from './reference-data-files.js';
import type { Logger } from '../logger.js';

/** The licences of resources/data (LICENCES.md says the same, at length). */
export const LICENCE_NOTICES: readonly LicenceNotice[] = [
  { dataset: 'Arrondissements, quartiers administratifs', producer: 'Ville de Paris', licence: 'ODbL 1.0', licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  { dataset: 'Quartiers prioritaires de la politique de la ville (QPV), liste 2024', producer: 'ANCT', licence: 'Licence Ouverte 2.0', licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  { dataset: 'Base Adresse Nationale (Paris)', producer: 'adresse.data.gouv.fr', licence: 'Licence Ouverte 2.0', licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  { dataset: 'Budget participatif – projets lauréats 2014–2024', producer: 'Ville de Paris', licence: 'ODbL 1.0', licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/' },
];

/** Metres between two points; an equirectangular approximation is exact enough within Paris. */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** The address base, created on first use so that finding its file waits until then. */
function createLazyAddressBase(file: () => string): Pick<AddressBase, 'index' | 'search' | 'warm'> {
  let base: AddressBase | null = null;
  const get = () => (base ??= createAddressBase(file()));
  return {
    index: () => get().index(),
    search: (query, options) => get().search(query, options),
    warm: () => {
      try {
        get().warm();
      } catch {
        // no data folder: the search itself will say so
      }
    },
  };
}

export interface ReferenceDeps {
  /** resources/data, or the packaged copy of it; asked for on first use. */
  referenceDataDir: () => string;
  logger: Logger;
  /** Also load the address base this long after start-up (absent or null: only on first use of a proposal screen). */
  warmAfterMs?: number | null;
}

export function createReferenceService(deps: ReferenceDeps) {
  const addresses = createLazyAddressBase(() => referenceFilePath(deps.referenceDataDir(), 'addresses'));
  let boundaries: ParisBoundaries | null = null;
  let locator: ParisLocator | null = null;
  let winners: Promise<Winner[]> | null = null;

  if (typeof deps.warmAfterMs === 'number') {
    // unref: a warm-up never keeps a closing core (or a test run) alive.
    setTimeout(() => addresses.warm(), deps.warmAfterMs).unref();
  }

  function paris(): { boundaries: ParisBoundaries; locator: ParisLocator } {
    boundaries ??= readParisBoundaries(deps.referenceDataDir());
    locator ??= createParisLocator(boundaries);
    return { boundaries, locator };
  }

  /** Every winner with its offline placement, computed once (≈ 1,341 geocodings). */
  function placedWinners(): Promise<Winner[]> {
    winners ??= addresses.index().then((index) => {
      const started = performance.now();
      const { locator: l } = paris();
      const parsed = parsePbWinners(readFileSync(referenceFilePath(deps.referenceDataDir(), 'pbWinners'), 'utf8'));
      const out = parsed.map((w): Winner => {
        const placement = placePbWinner(index, w);
        const placed = placement.status === 'placed' ? placement : null;
        return {
          id: w.id,
          edition: w.edition,
          title: w.title,
          themeCode: w.theme,
          budgetEuros: w.budgetEuros,
          address: w.address,
          arrondissements: w.arrondissements,
          progress: w.progress,
          lon: placed?.lon ?? null,
          lat: placed?.lat ?? null,
          distanceMetres: null,
          inQpv: placed ? l.locate(placed).qpv !== null : false,
        };
      });
      deps.logger.info({ winners: out.length, ms: Math.round(performance.now() - started) }, 'past winners placed');
      return out;
    });
    winners.catch(() => {
      winners = null;
    });
    return winners;
  }

  return {
    /** Starts loading the address base in the background, once (a proposal screen is open). */
    warm: () => addresses.warm(),

    /** Exposed so the proposals service derives arrondissement and QPV with the same boundaries. */
    locator: () => paris().locator,

    async searchAddresses({ query, limit }: CommandParsedInput<'reference:searchAddresses'>) {
      if (query.trim() === '') return ok({ items: [] });
      try {
        const hits = await addresses.search(query, { limit });
        return ok({ items: hits.map((h) => ({ id: h.id, label: h.label, arrondissement: h.arrondissement, lon: h.lon, lat: h.lat, kind: h.kind })) });
      } catch (error) {
        deps.logger.error({ err: String(error) }, 'address base unavailable');
        return fail('unavailable', 'The address base could not be read');
      }
    },

    async locate(point: CommandParsedInput<'reference:locate'>) {
      return ok(paris().locator.locate(point));
    },

    async boundaries(): Promise<Result<Boundaries>> {
      addresses.warm();
      const { boundaries: b, locator: l } = paris();
      return ok({ arrondissements: b.arrondissements, qpv: b.qpv, bbox: [l.bbox.minLon, l.bbox.minLat, l.bbox.maxLon, l.bbox.maxLat] });
    },

    async winners(input: CommandParsedInput<'reference:winners'>) {
      let all: Winner[];
      try {
        all = await placedWinners();
      } catch (error) {
        deps.logger.error({ err: String(error) }, 'past winners unavailable');
        return fail('unavailable', 'The past winners could not be read');
      }
      const { near, radiusMetres, arrondissement } = input;
      const matches = all
        .map((w) => ({ ...w, distanceMetres: near && w.lon !== null && w.lat !== null ? distanceMetres(near, { lon: w.lon, lat: w.lat }) : null }))
        .filter((w) => {
          const inArr = arrondissement !== undefined && w.arrondissements.includes(arrondissement);
          const isNear = w.distanceMetres !== null && w.distanceMetres <= radiusMetres;
          if (near && arrondissement !== undefined) return inArr || isNear;
          if (near) return isNear;
          if (arrondissement !== undefined) return inArr;
          return true;
        })
        // Nearest first, then the most recent editions.
        .sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity) || b.edition - a.edition || a.id - b.id);
      return ok({ items: matches.slice(0, input.limit), total: matches.length });
    },

    async licences() {
      return ok({ items: [...LICENCE_NOTICES] });
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
