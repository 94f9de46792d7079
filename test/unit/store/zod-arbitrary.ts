/**
 * fast-check values from a shared zod schema, through zod 4's own JSON Schema of it (no
 * maintained package generates fast-check arbitraries from zod 4 yet: zod-fast-check stops at
 * zod 3 and fast-check 3). Covers what the record schemas use: objects, strings with lengths,
 * enums, UUIDs, ISO date-times and patterns, bounded numbers, booleans, arrays, nulls.
 * Refinements across fields are not followed: these values test storage, not business rules.
 */
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function arbitraryOf(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map(arbitraryOf));
  // A discriminated union (a publication's period) and its literal tags.
  if (s.oneOf) return fc.oneof(...s.oneOf.map(arbitraryOf));
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9 });
    case 'number':
      // -0 is 0 once stored: the same value for a person and for the portal.
      return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date-time') return isoDate;
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      // Any text a person may type, Arabic script and emoji included.
      return fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
    case 'array':
      return fc.array(arbitraryOf(s.items ?? {}), { maxLength: Math.min(s.maxItems ?? 5, 5) });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, arbitraryOf(v)])));
    default:
      throw new Error(`zod-arbitrary: no values for ${JSON.stringify(s).slice(0, 200)}`);
  }
}

/** Values of the schema's output type (what the core holds after parsing). */
export function arbitraryFromZod(schema: z.ZodType): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryOf(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema) as fc.Arbitrary<Record<string, unknown>>;
}

/** The field names of an object schema, as its JSON Schema lists them. */
export function fieldsOfZod(schema: z.ZodType): string[] {
  return Object.keys((z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema).properties ?? {});
}
