/**
 * The handler table: each domain's slice (`<domain>/<domain>.handlers.ts`, typed by
 * `defineHandlers` against the contract), merged. `satisfies Handlers` makes a missing domain
 * or command a compile error; a command registered twice stops the core at start-up.
 * This is also where the services that several domains use are made, once, and passed on.
 */
import type { createAppHandlers } from './app/app.handlers.js';
import { createAttachmentHandlers } from './attachments/attachments.handlers.js';
import type { createBackupHandlers } from './backups/backups.handlers.js';
import { createAttendanceHandlers } from './attendance/attendance.handlers.js';
import { createCharterHandlers } from './charter/charter.handlers.js';
import { createCitizenCardHandlers } from './citizen-card/citizen-card.handlers.js';
import { mergeHandlers, type Handlers } from './define-handlers.js';
import type { ServiceDeps } from './deps.js';
import type { Logger } from './logger.js';
import { createSilentLogger } from './logger.js';
import { UNKNOWN_ACTOR, withAccessLog } from './people/access-log.js';
import { createPeopleHandlers } from './people/people.handlers.js';
import { createRetentionState, type RetentionState } from './people/retention.js';
import { createProposalHandlers } from './proposals/proposals.handlers.js';
import { findRepositoryDataDir } from './reference/reference-data-files.js';
import { createReferenceHandlers } from './reference/reference.handlers.js';
import { createReferenceService } from './reference/reference.service.js';
import { createStudyHandlers } from './study/study.handlers.js';
import { createTransfoHandlers } from './transfo/transfo.handlers.js';
import { createTransfoCasesHandlers } from './transfo-cases/cases.handlers.js';
import { createTransfoTrainingHandlers } from './transfo-training/training.handlers.js';
import { createPublicationHandlers } from './publication/publication.handlers.js';
import { eraseForRetention } from './people/erasure.service.js';
import { createPortalHttp, type PortalHttp } from './sync/portal-http.js';
import { createMemorySecretStore, type SecretStore } from './sync/secret-store.js';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine.js';
import { memoryErasureJournal, type ErasureJournal } from './store/erasure-journal.js';
import { createSyncHandlers } from './sync/sync.handlers.js';
import type { ActorSession } from './session/actor.js';
import type { createVaultHandlers } from './vault/vault.handlers.js';
import { createWorkshopHandlers } from './workshops/workshops.handlers.js';

export type { Handlers } from './define-handlers.js';

/**
 * The slices the core makes once and answers in every state of the vault (before the data is
 * open too): app, vault, backups. Passed in, so that the table below is still checked whole.
 */
export type CoreSlices = ReturnType<typeof createAppHandlers> & ReturnType<typeof createVaultHandlers> & ReturnType<typeof createBackupHandlers>;

export interface HandlerContext extends ServiceDeps {
  appVersion: string;
  schemaVersion: number;
  /** app:*, vault:*, backups:* (see CoreSlices). */
  coreSlices: CoreSlices;
  /** Who unlocked the app, for this session (the vault sets it). */
  actor?: ActorSession;
  /** The sync client; created here (not started) when the caller does not pass one. */
  engine?: SyncEngine;
  logger?: Logger;
  /** Where the portal token lives; in memory and empty (not enrolled) by default. */
  secrets?: SecretStore;
  httpFor?: (portalUrl: string) => PortalHttp;
  /** Where photos go; null for an in-memory core. */
  attachmentsDir?: string | null;
  /** The key photos are encrypted with; null for an in-memory core. */
  attachmentKey?: Buffer | null;
  /** resources/data (or its packaged copy); found from the repository when absent. */
  referenceDataDir?: string;
  /** Also warm the address base this long after start-up; by default only when a proposal screen opens. */
  warmAddressesAfterMs?: number | null;
  /** Where erasures are journaled (outside the database); in memory when absent. */
  erasureJournal?: ErasureJournal;
  /** Who is acting for this session, for the access log (the lock's unlock names them). */
  currentActor?: () => string | null;
  /** When the retention purge last ran (core.ts runs it); a fresh state when absent. */
  retentionState?: RetentionState;
}

export function createHandlers(context: HandlerContext) {
  const ctx = {
    ...context,
    logger: context.logger ?? createSilentLogger(),
    secrets: context.secrets ?? createMemorySecretStore(null),
    httpFor: context.httpFor ?? ((baseUrl: string) => createPortalHttp({ baseUrl })),
  };
  const engine = ctx.engine ?? createSyncEngine(ctx);
  /**
   * Every committed local write queues outbox entries: it nudges the sync so that a change made
   * with a network leaves soon, and says `sync:changed` so that the header's count of changes
   * waiting is never behind the sync screen, whatever the kind of record (the header listened to
   * workshops only and fell behind on arrivals and dots). A regroupement writes several records:
   * one `sync:changed` per tick.
   */
  let syncChangedQueued = false;
  const afterLocalWrite = () => {
    if (!syncChangedQueued) {
      syncChangedQueued = true;
      queueMicrotask(() => {
        syncChangedQueued = false;
        ctx.emit('sync:changed', {});
      });
    }
    engine.nudge();
  };
  const writing = { ...ctx, nudge: afterLocalWrite };
  // Found on first use, not at start-up: a missing folder must not stop the core from starting;
  // the reference commands then answer `unavailable` (or `internal`) and the rest works.
  let dataDir = ctx.referenceDataDir;
  const reference = createReferenceService({
    referenceDataDir: () => (dataDir ??= findRepositoryDataDir()),
    logger: ctx.logger,
    warmAfterMs: ctx.warmAddressesAfterMs,
  });
  const journal = ctx.erasureJournal ?? memoryErasureJournal();
  // Who registered, drew, promoted, moved a candidate: the name given at unlock (« unknown » before one).
  const actor = () => ctx.currentActor?.() ?? ctx.actor?.current() ?? UNKNOWN_ACTOR;
  const handlers = mergeHandlers(
    ctx.coreSlices,
    createSyncHandlers({ ...ctx, engine }),
    createWorkshopHandlers(writing),
    createAttendanceHandlers(writing),
    createProposalHandlers({ ...writing, locator: reference.locator, warmAddresses: reference.warm }),
    createAttachmentHandlers({ db: ctx.db, now: ctx.now, attachmentsDir: ctx.attachmentsDir ?? null, attachmentKey: ctx.attachmentKey ?? null }),
    createReferenceHandlers(reference),
    createStudyHandlers(ctx),
    createPeopleHandlers({ ...writing, journal, retention: ctx.retentionState ?? createRetentionState() }),
    createCharterHandlers(writing),
    createCitizenCardHandlers({ ...writing, actor }),
    // The campaign's purge erases through the rights' path, as the retention purge does.
    createTransfoHandlers({ ...writing, actor, eraseIdentities: (personIds) => eraseForRetention({ ...writing, journal, logger: ctx.logger }, personIds) }),
    createTransfoCasesHandlers({ ...writing, attachmentsDir: ctx.attachmentsDir ?? null, attachmentKey: ctx.attachmentKey ?? null }),
    createTransfoTrainingHandlers(writing),
    createPublicationHandlers({ ...writing, actor, attachmentsDir: ctx.attachmentsDir ?? null, attachmentKey: ctx.attachmentKey ?? null }),
  ) satisfies Handlers;
  // Who opened or exported personal data: one line per logged command (people/access-log.ts).
  const session = ctx.actor;
  return withAccessLog(handlers, { db: ctx.db, now: ctx.now, currentActor: ctx.currentActor ?? (session ? () => session.current() : undefined) });
}
