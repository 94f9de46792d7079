/**
 * Pushing the outbox, oldest first (docs/sync-protocol.md, "Push" and "Classifying every
 * answer"). A batch never holds more than `batchBytes` of JSON; a change the portal refuses
 * with the whole request is isolated by splitting the batch in two until it is alone, then set
 * aside with the portal's reason; a change that cannot travel at all (nested deeper than the
 * protocol allows) is set aside without being sent. Either way the queue goes on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import { jsonDepthExceeds } from '#shared/sync/json-depth.js';
import { SYNC_LIMITS, type Change, type PortalErrorBody } from '#shared/sync/protocol.schema.js';
import type { Logger } from '../logger.js';
import type { PortalHttp, PortalOutcome } from './portal-http.js';
import { acknowledgeBatch, markRejected, pendingBatch } from '../store/outbox.js';
import { queueFullSnapshots } from '../store/sync-writes.js';
import { syncedTables } from '../synced-tables.js';

export interface PushOutboxDeps {
  db: Kysely<Database>;
  newId: () => string;
  logger: Logger;
  http: PortalHttp;
  token: string;
  /** Most changes per batch (the protocol's 500). */
  batchChanges: number;
  /** Most bytes of JSON per batch. */
  batchBytes: number;
  onProgress: (done: number) => void;
}

/**
 * Changes per batch after a connection was cut while one was being sent, kept by the engine
 * from one run to the next: a middlebox (or a portal) may reset a request it finds too big
 * instead of answering 413, and the same batch sent again would meet the same reset forever.
 */
export interface CutSizing {
  limit: number;
}

export type PushOutcome =
  | { kind: 'pushed'; pushed: number; rejected: number }
  /** The portal lost acknowledged changes and the re-push did not help. */
  | { kind: 'seq_gap'; expectedSeq: number }
  | { kind: 'stopped'; outcome: Exclude<PortalOutcome<unknown>, { kind: 'ok' }> };

export async function pushOutbox(deps: PushOutboxDeps, cut: CutSizing): Promise<PushOutcome> {
  const { db, http, token, logger } = deps;
  let pushed = 0;
  let rejected = 0;
  // Changes per batch while isolating a change the portal refuses with the whole request.
  let splitLimit = deps.batchChanges;
  let rePushed = false;

  /** Sets a change aside with a reason and tells the portal to expect the next seq. */
  async function setAside(change: Change, reason: PortalErrorBody): Promise<PushOutcome | null> {
    await markRejected(db, change.seq, reason);
    rejected++;
    const resumed = await http.resume(token, change.seq + 1);
    return resumed.kind === 'ok' ? null : { kind: 'stopped', outcome: resumed };
  }

  for (;;) {
    const { changes: pending } = await pendingBatch(db, Math.min(splitLimit, cut.limit), deps.batchBytes);
    if (pending.length === 0) return { kind: 'pushed', pushed, rejected };
    deps.onProgress(pushed);
    // Depth first, as the portal does: serialising such a change would overflow the stack.
    const unfit = pending.findIndex((c) => jsonDepthExceeds(c.fields, SYNC_LIMITS.fieldsDepth));
    if (unfit === 0) {
      logger.error({ seq: pending[0]!.seq, entity: pending[0]!.entity }, 'a change nested too deep to send was set aside');
      const stopped = await setAside(pending[0]!, { code: 'too_large', message: `A change's fields may not nest more than ${SYNC_LIMITS.fieldsDepth} levels.` });
      if (stopped) return stopped;
      continue;
    }
    const changes = unfit > 0 ? pending.slice(0, unfit) : pending;
    const outcome = await http.push(token, { changes });
    switch (outcome.kind) {
      case 'ok': {
        const ack = await db.transaction().execute((trx) => acknowledgeBatch(trx, outcome.value, changes, syncedTables));
        pushed += changes.length;
        rejected += ack.rejected;
        splitLimit = Math.min(deps.batchChanges, splitLimit * 2);
        break;
      }
      case 'seq_gap': {
        // The portal lost changes it had acknowledged (restored from a backup): queue every
        // record again and ask it to resume at our oldest pending entry.
        const first = changes[0]!.seq;
        if (outcome.expectedSeq >= first || rePushed) return { kind: 'seq_gap', expectedSeq: outcome.expectedSeq };
        rePushed = true;
        const queued = await db.transaction().execute((trx) => queueFullSnapshots(trx, syncedTables, deps.newId));
        logger.warn({ expectedSeq: outcome.expectedSeq, first, queued }, 'portal lost acknowledged changes; pushing again');
        const resumed = await http.resume(token, first);
        if (resumed.kind !== 'ok') return { kind: 'stopped', outcome: resumed };
        break;
      }
      case 'refused': {
        // Refused as a whole request (413 for a batch too big, 400 for a change the protocol
        // refuses): split the batch in two until the offending change is alone, set it aside
        // with the portal's reason, and let the portal move past it.
        if (changes.length > 1) {
          splitLimit = Math.ceil(changes.length / 2);
          break;
        }
        const stopped = await setAside(changes[0]!, outcome.error);
        if (stopped) return stopped;
        break;
      }
      default:
        if (outcome.kind === 'retry' && (outcome.reason === 'network' || outcome.reason === 'timeout') && changes.length > 1) {
          cut.limit = Math.ceil(changes.length / 2);
          logger.warn({ changes: changes.length, next: cut.limit }, 'push cut while sending; the next batch is halved');
        }
        return { kind: 'stopped', outcome };
    }
  }
}
