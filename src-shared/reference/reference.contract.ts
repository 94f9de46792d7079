/** The reference-data commands of the contract (see src-shared/contract.ts). All offline. */
import { z } from 'zod';
import { command } from '../command.js';
import {
  addressSearchInputSchema,
  addressSearchResultSchema,
  boundariesSchema,
  licencesResultSchema,
  locateInputSchema,
  locationSchema,
  winnersInputSchema,
  winnersResultSchema,
} from './reference.schema.js';

export const referenceCommands = {
  /** As-you-type search over the 158,048 Paris addresses (BAN), best first. */
  'reference:searchAddresses': command(addressSearchInputSchema, addressSearchResultSchema),
  /** Where a point lies: arrondissement, quartier, QPV (null outside Paris). */
  'reference:locate': command(locateInputSchema, locationSchema),
  /** The arrondissement and QPV boundaries, as GeoJSON, for the map. */
  'reference:boundaries': command(z.object({}), boundariesSchema),
  /** Past winners of the participatory budget near a point or in an arrondissement: « déjà financé ici ». */
  'reference:winners': command(winnersInputSchema, winnersResultSchema),
  /** The licence notices of the shipped data, shown with the map and in "Sources". */
  'reference:licences': command(z.object({}), licencesResultSchema),
} as const;
