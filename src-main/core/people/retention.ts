/**
 * Retention: an identity is purged a set time after the person's last workshop (the lab's
 * setting, 12 months by default), counted in Paris calendar days (retention-dates.ts); the
 * consents stay as proof, without the contact, since they hold none. The purge erases through
 * the same path as a request (erasure.service.ts), so it reaches the portal and every laptop.
 * It runs at every start and once a day while the app runs (core.ts); the lab sees beforehand
 * what it will remove, by day and by workshop, as counts.
 */
import { LAB_SETTINGS_ID, DEFAULT_RETENTION_MONTHS } from '#shared/people/rights-records.schema.js';
import { PEOPLE_LIMITS, type RetentionOverview } from '#shared/people/people.schema.js';
import { addDays, parisDay, purgeDay } from '#shared/people/retention-dates.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { Executor } from '../store/executor.js';
import { runWrite } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { pruneAccessLog } from './access-log.js';
import { eraseForRetention, type ErasureDeps } from './erasure.service.js';
import { retentionCandidates, retentionMonths } from './people.repository.js';
import { labSettingsCodec } from './rights.codecs.js';

/**
 * When the purge last ran in this process (it runs at every start, then daily): kept in memory,
 * so that a start with nothing to purge writes nothing at all.
 */
export interface RetentionState {
  lastPurge: { at: string; erased: number } | null;
}

export const createRetentionState = (): RetentionState => ({ lastPurge: null });

/** The identities whose purge day is `today` or before, and the others with their day. */
export async function retentionSchedule(db: Executor, today: string) {
  const months = await retentionMonths(db);
  // People of one workshop share its end: each distinct moment is turned into a day once.
  const days = new Map<string, string>();
  const dayOf = (iso: string) => days.get(iso) ?? (days.set(iso, purgeDay(iso, months)), days.get(iso)!);
  const schedule = (await retentionCandidates(db)).map((c) => ({ ...c, purgeOn: dayOf(c.lastActivity) }));
  return { months, due: schedule.filter((c) => c.purgeOn <= today), later: schedule.filter((c) => c.purgeOn > today) };
}

export async function retentionOverview(db: Executor, now: Date, state: RetentionState): Promise<RetentionOverview> {
  const today = parisDay(now);
  const horizon = addDays(today, PEOPLE_LIMITS.retentionHorizonDays);
  const { months, due, later } = await retentionSchedule(db, today);
  const groups = new Map<string, RetentionOverview['upcoming'][number]>();
  for (const c of later.filter((l) => l.purgeOn <= horizon)) {
    const key = `${c.purgeOn}\u0000${c.workshop?.workshopId ?? ''}`;
    const group = groups.get(key) ?? {
      purgeOn: c.purgeOn,
      workshopId: c.workshop?.workshopId ?? null,
      workshopTitle: c.workshop?.title ?? null,
      workshopEndedAt: c.workshop?.endsAt ?? null,
      count: 0,
    };
    group.count++;
    groups.set(key, group);
  }
  const upcoming = [...groups.values()].sort((a, b) => a.purgeOn.localeCompare(b.purgeOn) || (a.workshopTitle ?? '').localeCompare(b.workshopTitle ?? '', 'fr'));
  return { months, defaultMonths: DEFAULT_RETENTION_MONTHS, dueNow: due.length, horizonDays: PEOPLE_LIMITS.retentionHorizonDays, upcoming, lastPurge: state.lastPurge };
}

/** Erases every identity whose time is up, and forgets the access log's old lines; returns how many identities. */
export async function purgeDue(deps: ErasureDeps, state: RetentionState): Promise<number> {
  const now = deps.now();
  const { due } = await retentionSchedule(deps.db, parisDay(now));
  const erased = await eraseForRetention(deps, due.map((d) => d.id));
  state.lastPurge = { at: now.toISOString(), erased };
  const forgotten = await pruneAccessLog(deps.db, now);
  if (forgotten > 0) deps.logger?.info({ forgotten }, 'access log lines older than their keeping period forgotten');
  if (erased > 0) deps.logger?.info({ erased }, 'identities purged at the end of their retention period');
  return erased;
}

/** The lab's new retention period: one record every laptop pulls. */
export async function setRetentionMonths(deps: ErasureDeps, months: number): Promise<Result<number>> {
  // The lab sets it: the portal refuses the setting from a field laptop, so it is refused here
  // first, beside the field, rather than left waiting among the rejected changes.
  if ((await getMeta(deps.db, META.role)) === 'field') {
    return fail('validation', 'Only a lab desktop sets the retention period', { months: 'validation.retentionLabOnly' });
  }
  return runWrite(deps, async (w) => {
    if (await w.find(labSettingsCodec, LAB_SETTINGS_ID)) {
      const updated = await w.update(labSettingsCodec, LAB_SETTINGS_ID, () => ok({ identityRetentionMonths: months }), { allowDeleted: true });
      return updated.ok ? ok(months) : updated;
    }
    await w.insert(labSettingsCodec, { id: LAB_SETTINGS_ID, fields: { identityRetentionMonths: months } });
    return ok(months);
  });
}
