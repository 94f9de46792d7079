import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '#shared/contract.js';
import { sha256Schema, uuidSchema } from '#shared/ids.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { enrolRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '#shared/sync/protocol.schema.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';

/** Keys that name something other than one of our UUIDs (a BAN address id, a table of a study). */
const NOT_UUIDS = new Set(['addressId', 'tableId']);

interface Found {
  uuids: string[];
  /** Id-like keys whose schema holds no shared uuid. */
  strays: string[];
}

/** Walks a zod schema: where does it take UUIDs, and is each one the shared, normalising schema? */
function walk(schema: z.ZodType, path: string, found: Found, seen = new Map<unknown, boolean>()): boolean {
  if (schema === uuidSchema) {
    found.uuids.push(path);
    return true;
  }
  // A schema used in several places is walked once (and a cycle stops at its first visit).
  const known = seen.get(schema);
  if (known !== undefined) return known;
  seen.set(schema, false);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  if (def.type === 'string' && def.format === 'uuid') throw new Error(`${path} takes a UUID without the shared uuidSchema (src-shared/ids.ts)`);
  const children: [string, z.ZodType][] = [];
  if (def.type === 'object') for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) children.push([`${path}.${key}`, child]);
  for (const key of ['innerType', 'in', 'out', 'element', 'valueType', 'left', 'right']) if (def[key]) children.push([path, def[key] as z.ZodType]);
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) children.push([path, option]);
  let holds = false;
  for (const [childPath, child] of children) {
    const childHolds = walk(child, childPath, found, seen);
    holds ||= childHolds;
    const key = childPath.split('.').pop()!;
    if (childPath !== path && /(^id|Id|Ids)$/.test(key) && !NOT_UUIDS.has(key) && !childHolds) found.strays.push(childPath);
  }
  seen.set(schema, holds);
  return holds;
}

describe('ids are normalised at every boundary', () => {
  it('every id-like field of every command input, protocol message and synced record is the shared lower-casing uuid', () => {
    const found: Found = { uuids: [], strays: [] };
    for (const [name, { input }] of Object.entries(contract)) walk(input as z.ZodType, name, found);
    const protocol = { enrolRequestSchema, pushRequestSchema, pushResponseSchema, pullResponseSchema };
    for (const [name, schema] of Object.entries(protocol)) walk(schema, name, found);
    for (const [entity, { record, change }] of Object.entries(syncEntitySchemas)) {
      walk(record as z.ZodType, `${entity}.record`, found);
      walk(change as z.ZodType, `${entity}.change`, found);
    }
    expect(found.strays).toEqual([]);
    // The walk did find them: commands, messages and records.
    expect(found.uuids).toEqual(expect.arrayContaining(['workshops:get.id', 'pushRequestSchema.changes.recordId', 'support.record.proposalId']));
  });

  it('an upper-case UUID or SHA-256 parses to lower case', () => {
    expect(uuidSchema.parse('6F1C1A52-6C1E-4A5E-9A55-0C7A1C1F0A01')).toBe('6f1c1a52-6c1e-4a5e-9a55-0c7a1c1f0a01');
    expect(sha256Schema.parse('AB'.repeat(32))).toBe('ab'.repeat(32));
    expect(sha256Schema.safeParse('G'.repeat(64)).success).toBe(false);
  });
});

describe('a command given an id in upper case', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore();
  });
  afterEach(async () => core.close());

  it('finds and changes the same workshop, never a second one', async () => {
    const w = await core.must('workshops:create', workshopFields());
    const upper = w.id.toUpperCase();
    expect(await core.must('workshops:get', { id: upper })).toEqual(w);
    const opened = await core.must('workshops:open', { id: upper, version: 1 });
    expect(opened).toMatchObject({ id: w.id, status: 'open', version: 2 });
    const list = await core.must('workshops:list', {});
    expect(list.items.map((item) => item.id)).toEqual([w.id]);
  });
});
