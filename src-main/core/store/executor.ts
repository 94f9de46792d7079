/** What reads take: the database or the caller's transaction, so that reads compose into one. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '#db/schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;
