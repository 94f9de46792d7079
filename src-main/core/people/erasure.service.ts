/**
 * Erasing a person, for real, everywhere (GDPR art. 17), and the retention purge that erases
 * through the same path. One erasure:
 *
 * 1. finds every record holding the person's personal data (the codecs that declare it);
 * 2. writes it to the erasure journal (outside the database, fsynced) before anything else, so
 *    an erasure decided is carried out even if the app stops half-way, and is re-applied after
 *    a restore from an older backup (`reapplyErasures`, at every start);
 * 3. in one unit of work of the write funnel: wipes each record's personal fields (row, outbox
 *    entries still queued, open conflicts) and writes the `erasure` record, which travels to
 *    the portal (it wipes its copy) and from there to every laptop (they wipe theirs);
 * 4. checkpoints the WAL: with `secure_delete`, the freed bytes were zeroed, and the WAL that
 *    held the old pages is truncated.
 *
 * The anonymous study profile is another kind with no personal declaration: it stays.
 */
import type { ErasureReason } from '#shared/people/rights-records.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import type { Logger } from '../logger.js';
import type { ErasureJournal, ErasureJournalEntry } from '../store/erasure-journal.js';
import {
  checkpointWal,
  heldIds,
  holdsPersonalData,
  personalTargets,
  queuedPersonalValues,
  rowsOf,
  subjectRecords,
  type PersonalTarget,
} from '../store/erasure-writes.js';
import { runWrite, type UnitOfWork, type WriteDeps } from '../store/synced-write.js';
import { syncedTables } from '../synced-tables.js';
import { erasedIds, findErasure, journalMark, PERSON, setJournalMark } from './people.repository.js';
import { erasureCodec } from './rights.codecs.js';

export interface ErasureDeps extends WriteDeps {
  journal: ErasureJournal;
  logger?: Logger;
}

interface Plan {
  subject: SyncEntity;
  id: string;
  targets: PersonalTarget[];
}

const journalEntry = (plan: Plan, reason: ErasureReason, at: string): ErasureJournalEntry => ({
  id: plan.id,
  subject: plan.subject,
  targets: plan.targets.map((t) => [t.codec.entity, t.id]),
  reason,
  at,
});

/** Wipes every target and writes the erasure record if this subject has none yet. */
async function applyPlan(w: UnitOfWork, plan: Plan, reason: ErasureReason, erasedBy: string | null): Promise<Result<number>> {
  let records = 0;
  for (const t of plan.targets) {
    const wiped = await w.wipe(t.codec, t.id);
    if (!wiped.ok) return wiped;
    records++;
  }
  if (!(await w.find(erasureCodec, plan.id))) {
    await w.insert(erasureCodec, {
      id: plan.id,
      fields: {
        subjectEntity: plan.subject,
        targets: plan.targets.map((t) => ({ entity: t.codec.entity, recordId: t.id, fields: [...(t.codec.personal?.fields ?? [])] })),
        reason,
        erasedAt: w.at,
        erasedBy,
      },
    });
  }
  return ok(records);
}

/** Erases one person at their request (or the purge's). `not_found` when no such person is held. */
export async function erasePerson(
  deps: ErasureDeps,
  personId: string,
  options: { reason: ErasureReason; actor: string | null },
): Promise<Result<{ personId: string; erasedAt: string; records: number }>> {
  const targets = await personalTargets(deps.db, syncedTables, PERSON, personId);
  if (!targets.some((t) => t.codec.entity === PERSON)) return fail('not_found', `No person ${personId}`);
  const plan: Plan = { subject: PERSON, id: personId, targets };
  const before = await findErasure(deps.db, personId);
  if (!before) deps.journal.append([journalEntry(plan, options.reason, deps.now().toISOString())]);
  const result = await runWrite(deps, (w) => applyPlan(w, plan, options.reason, options.actor));
  if (!result.ok) return result;
  await checkpointWal(deps.db);
  const erasure = await findErasure(deps.db, personId);
  return ok({ personId, erasedAt: erasure?.erased_at ?? deps.now().toISOString(), records: result.value });
}

/** People erased per unit of work by the purge: one commit (one fsync) for each hundred. */
export const PURGE_BATCH = 100;

/**
 * Erases these people for the retention purge: one journal append (one fsync) for all, then a
 * hundred per unit of work, with a pause between two so that the window's commands get their
 * turn; one checkpoint at the end. A batch that fails is rolled back and re-applied from the
 * journal at the next start.
 */
export async function eraseForRetention(deps: ErasureDeps, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const byPerson = new Map<string, PersonalTarget[]>();
  for (const { codec, id, subjectId } of await subjectRecords(deps.db, syncedTables, PERSON, personIds)) {
    byPerson.set(subjectId, [...(byPerson.get(subjectId) ?? []), { codec, id }]);
  }
  const plans: Plan[] = [...byPerson].map(([id, targets]) => ({ subject: PERSON, id, targets }));
  if (plans.length === 0) return 0;
  const at = deps.now().toISOString();
  deps.journal.append(plans.map((p) => journalEntry(p, 'retention', at)));
  let erased = 0;
  for (let i = 0; i < plans.length; i += PURGE_BATCH) {
    const batch = plans.slice(i, i + PURGE_BATCH);
    const result = await runWrite(deps, async (w) => {
      for (const plan of batch) {
        const applied = await applyPlan(w, plan, 'retention', null);
        if (!applied.ok) return applied;
      }
      return ok(batch.length);
    });
    if (result.ok) erased += result.value;
    else deps.logger?.error({ code: result.error.code }, 'a batch of retention erasures failed; it is re-applied from the journal at the next start');
    await new Promise((resolve) => setImmediate(resolve));
  }
  await checkpointWal(deps.db);
  return erased;
}

/**
 * At every start, after the database is open and migrated: every erasure of the journal is
 * applied again where the database does not show it — a database restored from a backup older
 * than the erasure, or an erasure interrupted before its commit. Read 500 entries at a time (a
 * handful of queries each); what is already wiped and recorded writes nothing.
 *
 * Only the entries after the database's mark are checked (journalMark: the journal is
 * append-only and read in order, so the first `count` entries are the ones this database
 * checked); a mark that does not match the journal (another journal, a torn file) checks all.
 * Years of retention purges make a journal of tens of thousands of lines: the start waits for
 * the new ones only.
 */
export async function reapplyErasures(deps: ErasureDeps, journal: ErasureJournal = deps.journal): Promise<number> {
  const entries = journal.read();
  const mark = await journalMark(deps.db);
  const from = mark && mark.count <= entries.length && entries[mark.count - 1]?.id === mark.lastId ? mark.count : 0;
  let reapplied = 0;
  // The mark never passes an erasure that could not be re-applied: the next start tries it again.
  let checked = entries.length;
  for (let i = from; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    const recorded = await erasedIds(deps.db, chunk.map((e) => e.id));
    const targets = await chunkTargets(deps, chunk);
    const holding = await stillHolding(deps, [...targets.values()].flat());
    const due: { index: number; plan: Plan; reason: ErasureReason }[] = [];
    chunk.forEach((entry, k) => {
      const mine = targets.get(entry.id) ?? [];
      if (recorded.has(entry.id) && !mine.some((t) => holding.has(`${t.codec.entity}:${t.id}`))) return;
      due.push({ index: i + k, plan: { subject: entry.subject, id: entry.id, targets: mine }, reason: entry.reason });
    });
    // A hundred per unit of work (one commit); a batch that fails is retried one by one.
    for (let b = 0; b < due.length; b += PURGE_BATCH) {
      const batch = due.slice(b, b + PURGE_BATCH);
      const applyAll = (items: typeof batch) =>
        runWrite(deps, async (w) => {
          for (const item of items) {
            const applied = await applyPlan(w, item.plan, item.reason, null);
            if (!applied.ok) return applied;
          }
          return ok(items.length);
        });
      const result = await applyAll(batch);
      if (result.ok) {
        reapplied += result.value;
        continue;
      }
      for (const item of batch) {
        const one = await applyAll([item]);
        if (one.ok) reapplied++;
        else {
          checked = Math.min(checked, item.index);
          deps.logger?.error({ code: one.error.code }, 'an erasure of the journal could not be re-applied; it is tried again at the next start');
        }
      }
    }
  }
  if (checked > from) await setJournalMark(deps.db, { count: checked, lastId: entries[checked - 1]!.id });
  if (reapplied > 0) {
    await checkpointWal(deps.db);
    deps.logger?.warn({ reapplied }, 'erasures re-applied from the journal (a restored or interrupted database)');
  }
  return reapplied;
}

/** For each entry: the records this database holds among its targets, and any record of the subject found now. */
async function chunkTargets(deps: ErasureDeps, chunk: readonly ErasureJournalEntry[]): Promise<Map<string, PersonalTarget[]>> {
  const out = new Map<string, PersonalTarget[]>(chunk.map((e) => [e.id, []]));
  const seen = new Set<string>();
  const add = (subjectId: string, t: PersonalTarget) => {
    const key = `${t.codec.entity}:${t.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.get(subjectId)?.push(t);
  };
  for (const entity of new Set(chunk.map((e) => e.subject))) {
    const ids = chunk.filter((e) => e.subject === entity).map((e) => e.id);
    for (const { codec, id, subjectId } of await subjectRecords(deps.db, syncedTables, entity, ids)) add(subjectId, { codec, id });
  }
  // Targets the journal names that no link finds any more (a record of another kind).
  const named = chunk.flatMap((e) => e.targets.map(([entity, id]) => ({ subjectId: e.id, entity, id })));
  for (const entity of new Set(named.map((n) => n.entity))) {
    const codec = syncedTables[entity];
    if (!codec.personal) continue;
    const wanted = named.filter((n) => n.entity === entity);
    const held = await heldIds(deps.db, codec, wanted.map((n) => n.id));
    for (const n of wanted) if (held.has(n.id)) add(n.subjectId, { codec, id: n.id });
  }
  return out;
}

/** The targets whose row, or an outbox entry still queued for it, holds a personal value. */
async function stillHolding(deps: ErasureDeps, targets: readonly PersonalTarget[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const entity of new Set(targets.map((t) => t.codec.entity))) {
    const codec = syncedTables[entity];
    const ids = targets.filter((t) => t.codec.entity === entity).map((t) => t.id);
    for (const row of await rowsOf(deps.db, codec, ids)) if (holdsPersonalData(codec, row)) out.add(`${entity}:${row.id as string}`);
    for (const id of await queuedPersonalValues(deps.db, codec, ids)) out.add(`${entity}:${id}`);
  }
  return out;
}
