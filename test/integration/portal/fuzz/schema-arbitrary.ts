/**
 * fast-check arbitraries drawn from the protocol's own zod schemas, through the JSON Schema
 * zod makes of them: what a client written from docs/portal-openapi.json would send. `valid`
 * keeps to the schema (refinements aside, which JSON Schema cannot say); `boundary` also picks
 * values at and just past every limit (lengths, ranges, item counts).
 */
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

export type Mode = 'valid' | 'boundary';

/** Longest string or array drawn in valid mode: limits are probed in boundary mode instead. */
const DRAWN_LENGTH = 40;
const DRAWN_ITEMS = 4;

export function schemaArbitrary(schema: z.ZodType, mode: Mode): fc.Arbitrary<unknown> {
  return fromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, mode);
}

/** Text people type: French accents, Arabic script, emoji, and the odd control character. */
const humanText = (maxLength: number) =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength }), weight: 2 },
    { arbitrary: fc.constantFrom('Atelier de la Goutte-d’Or', 'حديقة الحي', 'Réunion 👩🏽‍🏫', 'a\u0000b', '\ud800', '\u202eevil', ' '), weight: 1 },
  );

function fromJsonSchema(schema: JsonSchema, mode: Mode): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => fromJsonSchema(option, mode)));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectArbitrary(schema, mode);
    case 'array': {
      const items = fromJsonSchema(schema.items ?? {}, mode);
      const minLength = schema.minItems ?? 0;
      const drawn = fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? DRAWN_ITEMS, DRAWN_ITEMS)) });
      if (mode === 'valid' || schema.maxItems === undefined || schema.maxItems > 64) return drawn;
      const max = schema.maxItems;
      return fc.oneof(drawn, fc.array(items, { minLength: max, maxLength: max + 1 }), fc.constant([]));
    }
    case 'string':
      return stringArbitrary(schema, mode);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      const drawn = type === 'integer' ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      if (mode === 'valid') return drawn;
      return fc.oneof(drawn, fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 0.5, 2 ** 53, 1e308, -1e308));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

function objectArbitrary(schema: JsonSchema, mode: Mode): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    // A record: keys within its key schema, any values.
    const key = schema.propertyNames ? stringArbitrary(schema.propertyNames, mode) : fc.string({ maxLength: 20 });
    const value = typeof schema.additionalProperties === 'object' ? fromJsonSchema(schema.additionalProperties, mode) : fc.jsonValue({ maxDepth: 2 });
    return fc.dictionary(key, value, { maxKeys: 6 });
  }
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) shape[name] = fromJsonSchema(property, mode);
  return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((name) => name in shape) as never[] });
}

function stringArbitrary(schema: JsonSchema, mode: Mode): fc.Arbitrary<string> {
  let drawn: fc.Arbitrary<string>;
  if (schema.format === 'uuid') drawn = fc.oneof(fc.uuid({ version: 4 }), fc.uuid({ version: 4 }).map((id) => id.toUpperCase()));
  else if (schema.format === 'date-time') drawn = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (schema.pattern && !/\\[pP]\{/.test(schema.pattern)) drawn = fc.stringMatching(new RegExp(schema.pattern, 'u'));
  else {
    // A pattern over Unicode classes (one line of text) filters people's text instead.
    const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
    const fits = (s: string) => s.length >= (schema.minLength ?? 0) && (pattern === null || pattern.test(s));
    drawn = humanText(Math.min(schema.maxLength ?? DRAWN_LENGTH, DRAWN_LENGTH)).filter(fits);
  }
  if (mode === 'valid' || schema.format || (schema.pattern && schema.maxLength === undefined)) return drawn;
  const max = schema.maxLength;
  const limits = [''];
  if (max !== undefined) limits.push('é'.repeat(max), 'é'.repeat(max + 1), '🙂'.repeat(max));
  if (schema.minLength) limits.push('x'.repeat(schema.minLength - 1));
  return fc.oneof(drawn, fc.constantFrom(...limits));
}
