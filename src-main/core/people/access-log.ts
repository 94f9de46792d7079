/**
 * Who looked: every command that opens or exports personal data (loggedCommands,
 * src-shared/people/logged-commands.ts) leaves one line in the local `access_log` table — the
 * command, the record it was about (kind and id), the actor's name and the time — never the
 * data itself: not a name, not the letters typed in a search. Lines are written after the
 * command succeeded, through the handler table (handlers.ts), so a new personal command is
 * logged once it is in the list.
 *
 * The desk's list is re-read after every arrival: the same command on the same record by the
 * same actor within ACCESS_LOG_QUIET_MS is one line, not hundreds.
 */
import { loggedCommands } from '#shared/people/logged-commands.js';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import type { Handlers } from '../define-handlers.js';
import type { Executor } from '../store/executor.js';

export const ACCESS_LOG_QUIET_MS = 15 * 60_000;
/**
 * How long a line of the access log is kept: it names who looked (a facilitator's name), so it
 * is personal data too; a year covers the questions a person or the CNIL asks (the CNIL's
 * recommendation for access logs is six months to a year). The retention purge forgets older lines.
 */
export const ACCESS_LOG_KEEP_MONTHS = 12;
/** The actor when nobody is named (a host with no unlock yet, a command without an actor). */
export const UNKNOWN_ACTOR = 'unknown';

export interface AccessEntry {
  at: string;
  actor: string;
  command: string;
  recordKind: string | null;
  recordId: string | null;
}

export async function logAccess(db: Executor, entry: AccessEntry, quietMs = ACCESS_LOG_QUIET_MS): Promise<void> {
  const since = new Date(Date.parse(entry.at) - quietMs).toISOString();
  const recent = await db
    .selectFrom('access_log')
    .select('id')
    .where('at', '>=', since)
    .where('command', '=', entry.command)
    .where('actor', '=', entry.actor)
    .where('record_kind', 'is', entry.recordKind)
    .where('record_id', 'is', entry.recordId)
    .limit(1)
    .executeTakeFirst();
  if (recent) return;
  await db
    .insertInto('access_log')
    .values({ at: entry.at, actor: entry.actor, command: entry.command, record_kind: entry.recordKind, record_id: entry.recordId })
    .execute();
}

/** Forgets the lines older than ACCESS_LOG_KEEP_MONTHS before `now`; returns how many. */
export async function pruneAccessLog(db: Executor, now: Date): Promise<number> {
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - ACCESS_LOG_KEEP_MONTHS);
  // eslint-disable-next-line no-restricted-syntax -- the local access log, not a synced table: old lines are forgotten for good
  const result = await db.deleteFrom('access_log').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listAccessLog(db: Executor, input: { limit: number; olderThan?: number | undefined }) {
  const rows = await db
    .selectFrom('access_log')
    .selectAll()
    .$if(input.olderThan !== undefined, (q) => q.where('id', '<', input.olderThan!))
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return {
    entries: rows.slice(0, input.limit).map((r) => ({ id: r.id, at: r.at, actor: r.actor, command: r.command, recordKind: r.record_kind, recordId: r.record_id })),
    hasMore: rows.length > input.limit,
  };
}

export interface AccessLogDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Who is acting for this session (the lock's unlock names them); absent: the input's `actor`, else « unknown ». */
  currentActor?: () => string | null;
}

/** The handler table, with every logged personal command writing its line after it succeeded. */
export function withAccessLog(handlers: Handlers, deps: AccessLogDeps): Handlers {
  const table = { ...handlers } as Record<string, (input: unknown) => Promise<{ ok: boolean }>>;
  for (const [name, spec] of Object.entries(loggedCommands)) {
    if (!spec) continue;
    const handler = table[name]!;
    table[name] = async (input) => {
      const result = await handler(input);
      if (!result.ok) return result;
      const given = (input as { actor?: unknown }).actor;
      const record = spec.record as { kind: string; id: (i: unknown) => string } | null;
      await logAccess(deps.db, {
        at: deps.now().toISOString(),
        actor: typeof given === 'string' && given ? given : (deps.currentActor?.() ?? UNKNOWN_ACTOR),
        command: name,
        recordKind: record?.kind ?? null,
        recordId: record ? record.id(input) : null,
      });
      return result;
    };
  }
  return table as unknown as Handlers;
}
