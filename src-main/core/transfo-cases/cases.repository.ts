/**
 * The reads of La Transfo's practical cases, plain functions taking `db` or a transaction first.
 * `casesAdvancedBetween` is what the monthly publication reads (docs/transfo-cases.md): keep its
 * signature.
 */
import type { CaseDecision, CaseJournalEntry } from '#shared/transfo/case-sync.schema.js';
import type { CaseMediaType, CaseState } from '#shared/transfo/case-values.js';
import type { DirectionCode } from '#shared/transfo/directions.js';
import type { TransfoCase } from '#shared/transfo/case.schema.js';
import type { Executor } from '../store/executor.js';
import { transfoCaseCodec } from './case.codec.js';

export async function findCase(db: Executor, id: string): Promise<TransfoCase | null> {
  const row = await db.selectFrom('transfo_cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? transfoCaseCodec.toRecord(row) : null;
}

export interface CaseFilter {
  campaignId: string;
  states?: readonly CaseState[];
  direction?: DirectionCode;
}

/** A campaign's live cases, filtered by state and direction, by title. */
export async function listCases(db: Executor, f: CaseFilter): Promise<TransfoCase[]> {
  let q = db.selectFrom('transfo_cases').selectAll().where('campaign_id', '=', f.campaignId).where('deleted_at', 'is', null);
  if (f.states && f.states.length > 0) q = q.where('state', 'in', [...f.states]);
  if (f.direction) q = q.where('direction', '=', f.direction);
  const rows = await q.orderBy('title').orderBy('id').execute();
  return rows.map((r) => transfoCaseCodec.toRecord(r));
}

/** One case as the monthly publication reads it. */
export interface CaseAdvance {
  id: string;
  title: string;
  direction: DirectionCode;
  service: string;
  state: CaseState;
  /** Its journal entries dated in the period, oldest first. */
  journal: CaseJournalEntry[];
  /** Its decisions dated in the period, oldest first. */
  decisions: CaseDecision[];
  /** Every photo and video of its prototypes, each once, in the prototypes' order. */
  attachments: { sha256: string; mediaType: CaseMediaType; prototype: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The live cases of every campaign touched between two Paris days, both included
 * (`YYYY-MM-DD`): those with a journal entry or a decision dated in the period, by title. A day
 * that is not `YYYY-MM-DD`, or a period that ends before it starts, throws: it is the caller's
 * mistake, not the data's.
 */
export async function casesAdvancedBetween(db: Executor, fromIso: string, toIso: string): Promise<CaseAdvance[]> {
  if (!DAY.test(fromIso) || !DAY.test(toIso)) throw new RangeError(`casesAdvancedBetween takes two days (YYYY-MM-DD), not ${fromIso} and ${toIso}`);
  if (toIso < fromIso) throw new RangeError(`The period ends (${toIso}) before it starts (${fromIso})`);
  const within = (day: string) => day >= fromIso && day <= toIso;
  const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const rows = await db.selectFrom('transfo_cases').selectAll().where('deleted_at', 'is', null).orderBy('title').orderBy('id').execute();
  const advanced: CaseAdvance[] = [];
  for (const row of rows) {
    const c = transfoCaseCodec.toRecord(row);
    const journal = c.journal.filter((e) => within(e.date)).sort(byDate);
    const decisions = c.decisions.filter((d) => within(d.date)).sort(byDate);
    if (journal.length === 0 && decisions.length === 0) continue;
    const seen = new Set<string>();
    const attachments = c.prototypes.flatMap((p) =>
      p.attachments.flatMap((a) => (seen.has(a.sha256) ? [] : (seen.add(a.sha256), [{ sha256: a.sha256, mediaType: a.mediaType, prototype: p.title }]))),
    );
    advanced.push({ id: c.id, title: c.title, direction: c.direction, service: c.service, state: c.state, journal, decisions, attachments });
  }
  return advanced;
}
