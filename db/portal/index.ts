/**
 * The static index of portal migrations, in order. A folder scan would not survive
 * bundling, so every migration is imported here by name.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-portal.js';
import * as m0002 from './0002-erasures.js';

export const portalMigrations: Readonly<Record<string, Migration>> = {
  '0001-portal': m0001,
  '0002-erasures': m0002,
};
