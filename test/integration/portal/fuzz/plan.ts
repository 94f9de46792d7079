/**
 * What a generated request is (a plan resolved against the fuzz state when it is sent), the
 * state it is resolved against, and the pieces every route's requests share: values drawn from
 * the protocol's zod schemas, and headers that may be wrong.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { z } from 'zod';
import type { RawRequest } from '../raw-http.js';
import { garbage, mutate, mutationArb } from './mutations.js';
import { schemaArbitrary, type Mode } from './schema-arbitrary.js';

export type Route = 'enrol' | 'push' | 'resume' | 'pull' | 'attachment-head' | 'attachment-patch' | 'health' | 'metrics' | 'openapi' | 'other';

export interface FuzzDevice {
  id: string;
  token: string;
  nextSeq: number;
  cursor: string | null;
}

export interface FuzzState {
  devices: FuzzDevice[];
  /** Tokens the portal should refuse: a revoked device's, and one never issued. */
  refusedTokens: string[];
  /** Unused enrolment codes; used ones stay to be tried again. */
  codes: string[];
  usedCodes: string[];
  /** Files whose hash the portal will check, uploaded in pieces across requests; `received` as last told. */
  files: { sha256: string; bytes: Buffer; received: number }[];
  /** Record ids shared by every device, so that their changes meet in the merge. */
  recordIds: string[];
}

export interface PlannedRequest {
  route: Route;
  label: string;
  build(state: FuzzState): RawRequest;
  /** Which device's state to update from the answer. */
  device?: number;
  /** Which file's upload progress to update from the answer. */
  file?: number;
}

const arbitraries = new Map<z.ZodType, Map<Mode, fc.Arbitrary<unknown>>>();
/** schemaArbitrary, made once per schema and mode. */
export function drawn(schema: z.ZodType, mode: Mode): fc.Arbitrary<unknown> {
  const byMode = arbitraries.get(schema) ?? new Map<Mode, fc.Arbitrary<unknown>>();
  arbitraries.set(schema, byMode);
  if (!byMode.has(mode)) byMode.set(mode, schemaArbitrary(schema, mode));
  return byMode.get(mode)!;
}

/** A value from a schema: valid mostly, at the limits often, mutated or garbage sometimes. */
export function fromSchema(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: drawn(schema, 'valid'), weight: 6 },
    { arbitrary: drawn(schema, 'boundary'), weight: 2 },
    { arbitrary: fc.tuple(drawn(schema, 'valid'), mutationArb, fc.nat()).map(([value, mutation, pick]) => mutate(value, mutation, pick)), weight: 3 },
    { arbitrary: garbage, weight: 1 },
  );
}

// ---- headers -------------------------------------------------------------------------------

export type AuthPlan = { kind: 'device'; index: number } | { kind: 'refused'; index: number } | { kind: 'none' } | { kind: 'literal'; value: string };

export const authArb: fc.Arbitrary<AuthPlan> = fc.oneof(
  { arbitrary: fc.nat().map((index) => ({ kind: 'device' as const, index })), weight: 12 },
  { arbitrary: fc.nat().map((index) => ({ kind: 'refused' as const, index })), weight: 1 },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  {
    arbitrary: fc
      .oneof(fc.constantFrom('Bearer', 'Bearer ', 'bearer abcdefghijklmnopqrstuvwxyz', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(300)}`, 'Bearer a.b.c', 'Bearer ' + 'é'.repeat(30)), fc.string({ maxLength: 60 }))
      .map((value) => ({ kind: 'literal' as const, value })),
    weight: 1,
  },
);

export function authHeader(plan: AuthPlan, state: FuzzState): Record<string, string> {
  switch (plan.kind) {
    case 'device':
      return { authorization: `Bearer ${state.devices[plan.index % state.devices.length]!.token}` };
    case 'refused':
      return { authorization: `Bearer ${state.refusedTokens[plan.index % state.refusedTokens.length]!}` };
    case 'none':
      return {};
    case 'literal':
      // Header values must be latin1 on the wire; anything else is sent as its UTF-8 bytes.
      return { authorization: Buffer.from(plan.value, 'utf8').toString('latin1') };
  }
}

export const jsonTypeArb = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/offset+octet-stream',
      'application/jsonx',
      '',
      'none',
    ),
    weight: 2,
  },
);

export function contentType(type: string): Record<string, string> {
  return type === 'none' ? {} : { 'content-type': type };
}

/** The portal under fuzz takes bodies up to this (its production limit is larger; the code is the same). */
export const FUZZ_BODY_LIMIT = 1024 * 1024;

/** A UUID (version 4 layout) derived from a text, so that runs with one seed repeat. */
export function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
