/**
 * The waiting list's promotions. A freed place (a drawn or confirmed registration cancelled
 * before the start) goes to the head of the waiting list: the lowest rank still waiting. The
 * promotion is a record (who was promoted, when, by whom), its id derived from the freed
 * registration, so one freed place is one promotion whichever laptop recorded it.
 *
 * Two laptops may free places at the same time and promote the same head. After a sync, the
 * reconciliation recomputes everything from the records alone, identically on every laptop:
 * promotions sorted by (promotedAt, id) are given, in that order, their target when it is on
 * the waiting list and not already given to an earlier promotion, else the next head nobody was
 * given; registrations of the waiting list then become `drawn` when given, `waiting` (their rows
 * back to `registered`, the draw record listing them) when a laptop had promoted them and the reconciliation gave their place to someone else. It writes
 * nothing when the records already agree, and the same values on every laptop when they do not
 * (statusChangedAt is left alone: the promotion records date the promotions), so the portal
 * sees equal values, never a conflict.
 */
import { ok, type Result } from '#shared/result.js';
import type { UnitOfWork } from '../store/synced-write.js';
import { cardPromotionCodec, cardRegistrationCodec, type DrawRecord, type PromotionRecord, type RegistrationRecord } from './citizen-card.codecs.js';
import { findDraw, promotionRecords, registrationRecords, STORED_WAITING } from './citizen-card.repository.js';
import { promotionId } from './ids.js';

/** Who, on the waiting list of `draw`, can still be given a place. */
function waitingHeads(draw: DrawRecord, regs: ReadonlyMap<string, RegistrationRecord>, targeted: ReadonlySet<string>): string[] {
  return [...draw.waiting]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.key)
    .filter((key) => {
      const r = regs.get(key);
      // A person who left the list while waiting is no head; one who was promoted, then cancelled, still
      // counts as the target of that promotion (their cancellation freed a place of its own).
      return r !== undefined && (r.status !== 'cancelled' || targeted.has(key));
    });
}

/** Pure: the target of each promotion after reconciliation (null: nobody left to promote). */
export function reconcileTargets(draw: DrawRecord, promotions: readonly PromotionRecord[], registrations: readonly RegistrationRecord[]): Map<string, string | null> {
  const regs = new Map(registrations.map((r) => [r.id, r]));
  const sorted = [...promotions].sort((a, b) => a.promotedAt.localeCompare(b.promotedAt) || a.id.localeCompare(b.id));
  const targeted = new Set(sorted.map((p) => p.promotedRegistrationId));
  const heads = waitingHeads(draw, regs, targeted);
  const onList = new Set(heads);
  const taken = new Set<string>();
  const out = new Map<string, string | null>();
  for (const p of sorted) {
    let target: string | null = onList.has(p.promotedRegistrationId) && !taken.has(p.promotedRegistrationId) ? p.promotedRegistrationId : null;
    target ??= heads.find((k) => !taken.has(k)) ?? null;
    if (target) taken.add(target);
    out.set(p.id, target);
  }
  return out;
}

/** Brings the promotions and the waiting list's statuses of an occurrence in line (see above). */
export async function reconcilePromotions(w: UnitOfWork, workshopId: string): Promise<Result<number>> {
  const draw = await findDraw(w.trx, workshopId);
  if (!draw || draw.status !== 'drawn') return ok(0);
  const promotions = await promotionRecords(w.trx, workshopId);
  if (promotions.length === 0) return ok(0);
  const registrations = await registrationRecords(w.trx, workshopId);
  const targets = reconcileTargets(draw, promotions, registrations);
  let changes = 0;
  for (const p of promotions) {
    const target = targets.get(p.id) ?? null;
    if (target === null) {
      // Nobody left on the list: the promotion gave nothing. Dated by the promotion itself, so every laptop writes the same.
      const done = await w.update(cardPromotionCodec, p.id, () => ok({ deletedAt: p.promotedAt }));
      if (!done.ok) return done;
      changes++;
    } else if (target !== p.promotedRegistrationId) {
      const done = await w.update(cardPromotionCodec, p.id, () => ok({ promotedRegistrationId: target }));
      if (!done.ok) return done;
      changes++;
    }
  }
  const given = new Set([...targets.values()].filter((t): t is string => t !== null));
  const byId = new Map(registrations.map((r) => [r.id, r]));
  for (const { key } of draw.waiting) {
    const r = byId.get(key);
    if (!r) continue;
    // Back on the list is `registered` in the row (the draw record holds the list: withDrawStatus).
    const status = r.status === 'waiting' && given.has(key) ? 'drawn' : r.status === 'drawn' && !given.has(key) ? STORED_WAITING : null;
    if (!status) continue;
    const done = await w.update(cardRegistrationCodec, key, () => ok({ status }));
    if (!done.ok) return done;
    changes++;
  }
  return ok(changes);
}

/**
 * A place of this occurrence was freed by `freedRegistrationId`: the head of the waiting list
 * is promoted (when the draw has run and someone waits). Returns the promoted registration.
 */
export async function promoteHead(w: UnitOfWork, workshopId: string, freedRegistrationId: string, by: string): Promise<Result<string | null>> {
  const draw = await findDraw(w.trx, workshopId);
  if (!draw || draw.status !== 'drawn') return ok(null);
  const id = promotionId(freedRegistrationId);
  if (await w.find(cardPromotionCodec, id)) return ok(null);
  const registrations = await registrationRecords(w.trx, workshopId);
  const promotions = await promotionRecords(w.trx, workshopId);
  const regs = new Map(registrations.map((r) => [r.id, r]));
  const given = new Set([...reconcileTargets(draw, promotions, registrations).values()]);
  const head = [...draw.waiting]
    .sort((a, b) => a.rank - b.rank)
    .find((e) => regs.get(e.key)?.status === 'waiting' && !given.has(e.key));
  if (!head) return ok(null);
  await w.insert(cardPromotionCodec, {
    id,
    fields: { workshopId, freedRegistrationId, promotedRegistrationId: head.key, promotedAt: w.at, promotedBy: by },
  });
  const promoted = await w.update(cardRegistrationCodec, head.key, () => ok({ status: 'drawn' as const }));
  return promoted.ok ? ok(head.key) : promoted;
}
