/**
 * Kinds whose records never change once created (a published version of the lab's
 * publication): the portal accepts the record's creation once and refuses any later change
 * with `immutable` (src-portal/push.ts); the core never updates them either.
 */
import type { SyncEntity } from './protocol.schema.js';

export const immutableEntities: ReadonlySet<SyncEntity> = new Set<SyncEntity>(['lab_publication_version']);
