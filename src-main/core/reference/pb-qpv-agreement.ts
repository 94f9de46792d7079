/**
 * Compares the app's own QPV derivation (the placed point in a 2024-list QPV polygon) with the
 * dataset's "Projet en Quartier populaire" flag. They are not expected to agree everywhere:
 * the flag was set when each project won, against the lists of the time, and a project can
 * serve a QPV from a site just outside it. The counts are reported, not hidden
 * (docs/reference-data.md).
 */
import type { ParisLocator } from '#shared/geo/paris-locator.js';
import type { AddressIndex } from './address-index.js';
import { placePbWinner, type Placement, type UnplacedReason } from './pb-placement.js';
import type { PbWinner } from './pb-winners.js';

export interface PlacedWinner {
  winner: PbWinner;
  placement: Placement;
  /** The app's QPV for the point (2024 list), null when unplaced or in no QPV. */
  qpv: { code: string; name: string } | null;
  /** The arrondissement the point falls in, null when unplaced. */
  arrondissement: number | null;
  /** Distance from the point to the nearest 2024 QPV (0 inside), null when unplaced. */
  nearestQpvMetres: number | null;
}

export interface QpvAgreement {
  bothYes: number;
  bothNo: number;
  appYesFlagNo: number;
  appNoFlagYes: number;
  unplacedFlagYes: number;
  unplacedFlagNo: number;
}

export interface PlacementSummary {
  total: number;
  placedAtAddress: number;
  placedAtStreet: number;
  unplaced: Record<UnplacedReason, number>;
  /** Placed, but only on a street of another arrondissement than the file's. */
  placedOutsideStatedArrondissement: number;
  /** Placed, and the point's arrondissement (from the boundaries) is not the file's. */
  pointArrondissementDiffers: number;
}

export function placeWinners(index: AddressIndex, locator: ParisLocator, winners: readonly PbWinner[]): PlacedWinner[] {
  return winners.map((winner) => {
    const placement = placePbWinner(index, winner);
    if (placement.status !== 'placed') return { winner, placement, qpv: null, arrondissement: null, nearestQpvMetres: null };
    const point = { lon: placement.lon, lat: placement.lat };
    const location = locator.locate(point);
    const nearest = locator.nearestQpv(point);
    return {
      winner,
      placement,
      qpv: location.qpv,
      arrondissement: location.arrondissement,
      nearestQpvMetres: nearest ? nearest.distanceMetres : null,
    };
  });
}

export function summarizePlacement(placed: readonly PlacedWinner[]): PlacementSummary {
  const summary: PlacementSummary = {
    total: placed.length,
    placedAtAddress: 0,
    placedAtStreet: 0,
    unplaced: { 'city-wide': 0, 'no-address': 0, 'place-name': 0, 'street-not-found': 0 },
    placedOutsideStatedArrondissement: 0,
    pointArrondissementDiffers: 0,
  };
  for (const { winner, placement, arrondissement } of placed) {
    if (placement.status === 'unplaced') {
      summary.unplaced[placement.reason] += 1;
      continue;
    }
    if (placement.precision === 'address') summary.placedAtAddress += 1;
    else summary.placedAtStreet += 1;
    if (!placement.inStatedArrondissement) summary.placedOutsideStatedArrondissement += 1;
    if (arrondissement === null || !winner.arrondissements.includes(arrondissement)) summary.pointArrondissementDiffers += 1;
  }
  return summary;
}

export function compareQpv(placed: readonly PlacedWinner[]): QpvAgreement {
  const table: QpvAgreement = { bothYes: 0, bothNo: 0, appYesFlagNo: 0, appNoFlagYes: 0, unplacedFlagYes: 0, unplacedFlagNo: 0 };
  for (const { winner, placement, qpv } of placed) {
    const flag = winner.inQuartierPopulaire;
    if (placement.status !== 'placed') {
      if (flag) table.unplacedFlagYes += 1;
      else table.unplacedFlagNo += 1;
    } else if (qpv !== null) {
      if (flag) table.bothYes += 1;
      else table.appYesFlagNo += 1;
    } else if (flag) table.appNoFlagYes += 1;
    else table.bothNo += 1;
  }
  return table;
}

/** Upper bounds, in metres, of the distance bands reported for points outside every QPV. */
export const DISTANCE_BANDS = [100, 250, 500, 1000, Infinity] as const;

/** How far from the nearest 2024 QPV the placed points lie, for the rows picked by `keep`. */
export function distanceBands(placed: readonly PlacedWinner[], keep: (row: PlacedWinner) => boolean): number[] {
  const counts = DISTANCE_BANDS.map(() => 0);
  for (const row of placed) {
    if (row.nearestQpvMetres === null || row.qpv !== null || !keep(row)) continue;
    const band = DISTANCE_BANDS.findIndex((limit) => row.nearestQpvMetres! <= limit);
    counts[band] = (counts[band] ?? 0) + 1;
  }
  return counts;
}
