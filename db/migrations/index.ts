/**
 * The static index of local migrations, in order. A folder scan would not survive
 * bundling, so every migration is imported here by name.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-workshops.js';
import * as m0002 from './0002-sync.js';
import * as m0003 from './0003-attachments.js';
import * as m0004 from './0004-attendance.js';
import * as m0005 from './0005-proposals.js';
import * as m0007 from './0007-rights.js';
import * as m0008 from './0008-charter.js';
import * as m0009 from './0009-citizen-card.js';
import * as m0010 from './0010-holder-search.js';
import * as m0011 from './0011-transfo.js';
import * as m0012 from './0012-transfo-training.js';
import * as m0013 from './0013-transfo-cases.js';
import * as m0014 from './0014-publications.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-workshops': m0001,
  '0002-sync': m0002,
  '0003-attachments': m0003,
  '0004-attendance': m0004,
  '0005-proposals': m0005,
  '0007-rights': m0007,
  '0008-charter': m0008,
  '0009-citizen-card': m0009,
  '0010-holder-search': m0010,
  '0011-transfo': m0011,
  '0012-transfo-training': m0012,
  '0013-transfo-cases': m0013,
  '0014-publications': m0014,
};

/** The schema version this build writes: the number of migrations it knows. */
export const LATEST_SCHEMA_VERSION = Object.keys(migrations).length;
