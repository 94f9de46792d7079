/**
 * The erasure journal: one line per erasure, outside the database (`erasures.jsonl` in the data
 * folder), so that a database restored from an older backup gets every erasure made since
 * re-applied at the next start (people/erasure-replay.ts). It holds ids only — the subject's
 * kind and id, the records wiped, why and when — never a name or a contact, and never the
 * actor's name either.
 *
 * Invariants:
 * - append-only: lines are added, never rewritten; each append is fsynced before it returns
 *   (and the folder, when the file is new), so an erasure acknowledged is in the journal;
 * - a line torn by a crash mid-write is skipped when read, and the next append starts on a new
 *   line; a line that does not parse is skipped, never fatal;
 * - it is never restored from a backup: it is the record of what happened since.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { erasureReasons, type ErasureReason } from '#shared/people/rights-records.schema.js';
import { syncEntities, type SyncEntity } from '#shared/sync/protocol.schema.js';
import { uuidSchema } from '#shared/ids.js';
import { syncDirectory } from './backup.js';

export interface ErasureJournalEntry {
  /** The erasure's id: the subject's id. */
  id: string;
  subject: SyncEntity;
  /** The records wiped: [kind, id]. */
  targets: [SyncEntity, string][];
  reason: ErasureReason;
  at: string;
}

const entrySchema = z.object({
  id: uuidSchema,
  subject: z.enum(syncEntities),
  targets: z.array(z.tuple([z.enum(syncEntities), uuidSchema])).max(1000),
  reason: z.enum(erasureReasons),
  at: z.iso.datetime(),
});

export interface ErasureJournal {
  /** Where it lives; null for an in-memory core. */
  readonly path: string | null;
  append(entries: readonly ErasureJournalEntry[]): void;
  /** Every readable entry, oldest first, one per id (the first one written). */
  read(): ErasureJournalEntry[];
}

export const ERASURE_JOURNAL_FILE = 'erasures.jsonl';

export function openErasureJournal(path: string): ErasureJournal {
  return {
    path,
    append(entries) {
      if (entries.length === 0) return;
      const isNew = !existsSync(path);
      // A torn last line (a crash mid-append) must not swallow the next entry.
      const torn = !isNew && !endsWithNewline(path);
      const text = (torn ? '\n' : '') + entries.map((e) => `${JSON.stringify(e)}\n`).join('');
      const fd = openSync(path, 'a', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (isNew) syncDirectory(dirname(path));
    },
    read() {
      if (!existsSync(path)) return [];
      return parseJournal(readFileSync(path, 'utf8'));
    },
  };
}

export function parseJournal(text: string): ErasureJournalEntry[] {
  const seen = new Set<string>();
  const out: ErasureJournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    out.push(parsed.data);
  }
  return out;
}

/** For a core in memory (tests, benchmarks): the same contract, nothing on disk. */
export function memoryErasureJournal(): ErasureJournal {
  let text = '';
  return {
    path: null,
    append(entries) {
      text += entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    },
    read: () => parseJournal(text),
  };
}

function endsWithNewline(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

