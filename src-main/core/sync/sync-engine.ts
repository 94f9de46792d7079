/**
 * The device's sync client: push the outbox oldest first, then pull the portal's changes,
 * following docs/sync-protocol.md. Never two runs at once; runs at start-up, on a timer,
 * shortly after a local change, and on demand; retries with backoff after a network failure.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import { SYNC_LIMITS } from '#shared/sync/protocol.schema.js';
import type { Emit } from '../deps.js';
import type { Logger } from '../logger.js';
import { syncedTables } from '../synced-tables.js';
import { attachmentPath, attachmentsToUpload, markUploaded } from '../store/attachments.repository.js';
import { openEncryptedFile } from '../store/file-cipher.js';
import type { ErasureJournal } from '../store/erasure-journal.js';
import { checkpointWal } from '../store/erasure-writes.js';
import { countPendingOutbox } from '../store/outbox.js';
import { queueFullSnapshots } from '../store/sync-writes.js';
import { backoffDelay } from './backoff.js';
import type { PortalHttp } from './portal-http.js';
import { applyPulledPage } from './pull.js';
import type { SecretStore } from './secret-store.js';
import { pushOutbox, type CutSizing } from './push-outbox.js';
import { getMeta, META, setMeta } from './sync.repository.js';

export type SyncPhase = 'not_enrolled' | 'idle' | 'syncing' | 'offline' | 'revoked';

/** What a sync is doing: `attachments` counts bytes, `push` and `pull` count records. */
export interface SyncProgress {
  step: 'attachments' | 'push' | 'pull';
  done: number;
  total: number | null;
}

/** Bytes per PATCH: small enough that a weak 4G link loses little when it drops. */
export const ATTACHMENT_CHUNK = 1024 * 1024;
/**
 * Largest push body the laptop sends: an eighth of what the portal must accept
 * (SYNC_LIMITS.pushBodyBytes), and about 8 s on a 1 Mbit/s uplink, well within the timeout.
 */
export const PUSH_BATCH_BYTES = 1024 * 1024;

export type RunOutcome =
  | { kind: 'done'; pushed: number; pulled: number; rejected: number }
  | { kind: 'not_enrolled' }
  | { kind: 'offline'; reason: string; retryAfterMs?: number }
  | { kind: 'revoked'; code: string }
  | { kind: 'failed'; reason: string };

export interface SyncEngineDeps {
  db: Kysely<Database>;
  now: () => Date;
  newId: () => string;
  emit: Emit;
  logger: Logger;
  secrets: SecretStore;
  httpFor: (portalUrl: string) => PortalHttp;
  /** Where erasures are journaled (people/erasure-replay.ts); none for an in-memory core. */
  erasureJournal?: ErasureJournal | null;
  /** Where attachment files live (null for an in-memory core: none then). */
  attachmentsDir?: string | null;
  /** The key they are encrypted with. */
  attachmentKey?: Buffer | null;
  random?: () => number;
  /** Between two runs when all is well. */
  intervalMs?: number;
  /** After a local change, so a change made online leaves soon. */
  nudgeDelayMs?: number;
  pushBatch?: number;
  pushBatchBytes?: number;
  pullPage?: number;
}

export const SYNC_INTERVAL_MS = 5 * 60_000;
/**
 * Records asked per pull page. A page is parsed, validated and applied in one transaction with
 * its cursor; 250 keeps that under the 50 ms that would make the window stutter (measured in
 * bench/sync.bench.ts), where the portal's maximum of 500 took about 80 ms.
 */
export const PULL_PAGE = 250;

export function createSyncEngine(deps: SyncEngineDeps) {
  const { db, now, newId, emit, logger, secrets } = deps;
  const pushLimit = deps.pushBatch ?? SYNC_LIMITS.pushBatch;
  const pushBytes = deps.pushBatchBytes ?? PUSH_BATCH_BYTES;
  const pullLimit = deps.pullPage ?? PULL_PAGE;
  // Halved each time a push is cut while being sent; doubled back after each good run.
  const cut: CutSizing = { limit: pushLimit };
  let running: Promise<RunOutcome> | null = null;
  let phase: SyncPhase = 'idle';
  let progress: SyncProgress | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let nextRunAt: Date | null = null;
  let stopped = true;

  const changed = () => emit('sync:changed', {});

  /**
   * Attachments go first and whole, so that a record never reaches the portal before the
   * photos it refers to. Each resumes where the portal stopped (HEAD gives the offset).
   */
  async function uploadAttachments(http: PortalHttp, token: string): Promise<RunOutcome | null> {
    const dir = deps.attachmentsDir;
    const key = deps.attachmentKey;
    if (!dir || !key) return null;
    const waiting = await attachmentsToUpload(db);
    const total = waiting.reduce((sum, a) => sum + a.size, 0);
    let done = 0;
    for (const attachment of waiting) {
      const head = await http.attachmentOffset(token, attachment.sha256);
      if (head.kind !== 'ok') return classifyFailure(head);
      let offset = head.value.offset;
      // Decrypted a range at a time: the portal receives (and hashes) the plain bytes.
      const file = openEncryptedFile(attachmentPath(dir, attachment.sha256), key);
      try {
        while (offset < attachment.size) {
          progress = { step: 'attachments', done: done + offset, total };
          changed();
          const chunk = file.read(offset, Math.min(ATTACHMENT_CHUNK, attachment.size - offset));
          const answer = await http.appendAttachment(token, attachment.sha256, offset, attachment.size, chunk);
          if (answer.kind === 'offset_mismatch') offset = answer.offset;
          else if (answer.kind === 'ok') offset = answer.value.received;
          else if (answer.kind === 'refused') {
            // The portal found another hash: the local file is damaged. Say so; never push past it.
            logger.error({ sha256: attachment.sha256, reason: answer.error }, 'attachment refused by the portal');
            return { kind: 'failed', reason: `attachment_${answer.error.code}` };
          } else return classifyFailure(answer);
        }
      } finally {
        file.close();
      }
      await markUploaded(db, attachment.sha256, now().toISOString());
      done += attachment.size;
    }
    return null;
  }

  async function push(http: PortalHttp, token: string): Promise<RunOutcome | { pushed: number; rejected: number }> {
    const total = await countPendingOutbox(db);
    const outcome = await pushOutbox(
      {
        db,
        newId,
        logger,
        http,
        token,
        batchChanges: pushLimit,
        batchBytes: pushBytes,
        onProgress: (done) => {
          progress = { step: 'push', done, total };
          changed();
        },
      },
      cut,
    );
    if (outcome.kind === 'pushed') return { pushed: outcome.pushed, rejected: outcome.rejected };
    if (outcome.kind === 'seq_gap') return { kind: 'failed', reason: `seq_gap:${outcome.expectedSeq}` };
    return classifyFailure(outcome.outcome);
  }

  async function pull(http: PortalHttp, token: string): Promise<RunOutcome | { pulled: number; reset: boolean }> {
    let pulled = 0;
    let cursor = await getMeta(db, META.cursor);
    let request = http.pull(token, cursor, pullLimit);
    for (;;) {
      progress = { step: 'pull', done: pulled, total: null };
      changed();
      const outcome = await request;
      if (outcome.kind === 'cursor_reset') {
        // A portal restored from an older backup: send it everything again, then pull from scratch.
        await db.transaction().execute(async (trx) => {
          await queueFullSnapshots(trx, syncedTables, newId);
          await setMeta(trx, META.cursor, null);
        });
        logger.warn({ epoch: outcome.epoch }, 'portal cursor reset; pushing everything again');
        return { pulled, reset: true };
      }
      if (outcome.kind !== 'ok') return classifyFailure(outcome);
      const page = outcome.value;
      // Ask for the next page while this one is applied: the portal works while we write. The
      // cursor is saved only with the page it belongs to, so a crash in between repeats nothing.
      if (page.hasMore) request = http.pull(token, page.cursor, pullLimit);
      const applied = await db.transaction().execute((trx) => applyPulledPage(trx, syncedTables, page.records, page.cursor, now().toISOString()));
      if (applied.invalid > 0) logger.warn({ invalid: applied.invalid }, 'pulled records failed validation and were skipped');
      // Erasures made elsewhere: journaled here too (a restore must re-apply them), and the
      // freed pages leave the WAL.
      if (applied.erasures.length > 0) deps.erasureJournal?.append(applied.erasures);
      if (applied.erasures.length > 0 || applied.wiped > 0) await checkpointWal(db);
      // One event per kind of record and page: a pull of thousands must not flood the window.
      for (const entity of new Set(applied.changed.map((c) => c.entity))) {
        const ids = applied.changed.filter((c) => c.entity === entity);
        emit(syncedTables[entity].changedEvent, { id: ids.length === 1 ? ids[0]!.id : '*' });
      }
      pulled += applied.applied;
      cursor = page.cursor;
      if (!page.hasMore) return { pulled, reset: false };
      // Let other messages (the window's commands) in between two pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  function classifyFailure(outcome: { kind: string; reason?: string; code?: string; retryAfterMs?: number; status?: number }): RunOutcome {
    if (outcome.kind === 'retry') return { kind: 'offline', reason: outcome.reason ?? 'network', retryAfterMs: outcome.retryAfterMs };
    if (outcome.kind === 'unauthorized') return { kind: 'revoked', code: outcome.code ?? 'unauthorized' };
    return { kind: 'failed', reason: outcome.kind === 'refused' ? `refused:${outcome.status}` : outcome.kind };
  }

  async function runOnce(): Promise<RunOutcome> {
    const [token, portalUrl] = await Promise.all([secrets.read(), getMeta(db, META.portalUrl)]);
    if (!token || !portalUrl) return { kind: 'not_enrolled' };
    const http = deps.httpFor(portalUrl);
    let pushed = 0;
    let rejected = 0;
    let pulled = 0;
    // A cursor reset queues everything again: push once more, then pull from scratch.
    const uploaded = await uploadAttachments(http, token);
    if (uploaded) return uploaded;
    for (let round = 0; round < 2; round++) {
      const p = await push(http, token);
      if ('kind' in p) return p;
      pushed += p.pushed;
      rejected += p.rejected;
      const q = await pull(http, token);
      if ('kind' in q) return q;
      pulled += q.pulled;
      if (!q.reset) return { kind: 'done', pushed, pulled, rejected };
    }
    return { kind: 'failed', reason: 'cursor_reset_twice' };
  }

  async function run(): Promise<RunOutcome> {
    phase = 'syncing';
    changed();
    let outcome: RunOutcome;
    try {
      outcome = await runOnce();
    } catch (error) {
      logger.error({ err: error }, 'sync failed');
      outcome = { kind: 'failed', reason: 'internal' };
    }
    progress = null;
    const at = now().toISOString();
    if (outcome.kind === 'done') {
      failures = 0;
      cut.limit = Math.min(pushLimit, cut.limit * 2);
      phase = 'idle';
      await setMeta(db, META.lastSyncedAt, at);
      await setMeta(db, META.lastError, null);
    } else {
      phase = outcome.kind === 'not_enrolled' ? 'not_enrolled' : outcome.kind === 'revoked' ? 'revoked' : 'offline';
      if (outcome.kind !== 'not_enrolled') {
        failures++;
        const reason = outcome.kind === 'revoked' ? outcome.code : outcome.reason;
        await setMeta(db, META.lastError, JSON.stringify({ kind: outcome.kind, reason, at }));
      }
    }
    logger.info({ outcome }, 'sync run');
    schedule(outcome);
    changed();
    return outcome;
  }

  function schedule(outcome: RunOutcome) {
    if (stopped) return;
    if (outcome.kind === 'not_enrolled' || outcome.kind === 'revoked') return setTimer(null);
    if (outcome.kind === 'done') return setTimer(deps.intervalMs ?? SYNC_INTERVAL_MS);
    const retryAfter = outcome.kind === 'offline' ? outcome.retryAfterMs : undefined;
    setTimer(retryAfter ?? backoffDelay(failures - 1, deps.random));
  }

  function setTimer(delayMs: number | null) {
    if (timer) clearTimeout(timer);
    timer = null;
    nextRunAt = null;
    if (delayMs === null || stopped) return;
    nextRunAt = new Date(now().getTime() + delayMs);
    timer = setTimeout(() => void syncNow(), delayMs);
    timer.unref?.();
  }

  /** Runs now, or joins the run in progress: never two at once. */
  function syncNow(): Promise<RunOutcome> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
    }
    return running;
  }

  return {
    syncNow,
    /** At start-up: a first run shortly after, then on the timer. */
    start(firstDelayMs = 1_000) {
      stopped = false;
      setTimer(firstDelayMs);
    },
    stop() {
      stopped = true;
      setTimer(null);
    },
    /** Runs soon when the timer is on (after enrolment); does nothing when the engine is stopped. */
    kick() {
      if (!stopped) setTimer(0);
    },
    /** After a local change: run soon if nothing is scheduled sooner. */
    nudge() {
      const delay = deps.nudgeDelayMs ?? 3_000;
      if (stopped || phase === 'not_enrolled' || phase === 'revoked') return;
      if (!nextRunAt || nextRunAt.getTime() - now().getTime() > delay) setTimer(delay);
    },
    state() {
      return { phase: running ? ('syncing' as const) : phase, progress, nextRunAt: nextRunAt?.toISOString() ?? null };
    },
    /** Whether a run is in progress (tests wait on it). */
    idle: () => (running ? running.then(() => undefined) : Promise.resolve()),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
