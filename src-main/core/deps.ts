/** What services are given, instead of reaching for globals: easy to fake in tests. */
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import type { EventName, EventPayload } from '#shared/contract.js';

export type Emit = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

export interface ServiceDeps {
  db: Kysely<Database>;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
  /** A new UUID, made on the device. */
  newId: () => string;
  emit: Emit;
  /** After a committed local change of a synced table: the sync should run soon. */
  nudge?: () => void;
}
