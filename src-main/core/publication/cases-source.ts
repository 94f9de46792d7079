/**
 * The month's practical cases, read from La Transfo's cases (transfo-cases/cases.repository.ts)
 * and shaped as the publication's section takes them (`CaseAdvanced`). The publication's
 * period is two instants (Paris midnight to Paris midnight); the cases' journal and decisions
 * are dated by Paris day: the period becomes its first and last Paris days, both included.
 */
import type { CaseAdvanced } from '#shared/publication/publication.schema.js';
import { utcToParisLocal } from '#shared/time/paris-time.js';
import type { Executor } from '../store/executor.js';
import { casesAdvancedBetween } from '../transfo-cases/cases.repository.js';

/** The Paris days of `[fromIso, toIso)`: the first, and the one before `toIso`. */
export function parisDaysOf(fromIso: string, toIso: string): { first: string; last: string } {
  return { first: utcToParisLocal(fromIso).slice(0, 10), last: utcToParisLocal(new Date(Date.parse(toIso) - 1).toISOString()).slice(0, 10) };
}

export async function transfoCasesAdvanced(db: Executor, fromIso: string, toIso: string): Promise<CaseAdvanced[]> {
  const { first, last } = parisDaysOf(fromIso, toIso);
  const cases = await casesAdvancedBetween(db, first, last);
  return cases.map((c) => ({
    id: c.id,
    title: c.title,
    direction: c.direction,
    service: c.service || null,
    state: c.state,
    journalEntries: c.journal.map((e) => ({ at: e.date })),
    decisions: c.decisions.map((d) => ({ on: d.date, text: d.text })),
    // Photos only: a video is not drawn in a page (its prototype is named in the case's row).
    prototypeAttachments: c.attachments.filter((a) => a.mediaType.startsWith('image/')).map((a) => a.sha256).slice(0, 50),
  }));
}
