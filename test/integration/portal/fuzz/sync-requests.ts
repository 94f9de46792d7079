/**
 * Requests of the sync routes: push (well-formed batches that reach the merge, full and
 * overfull batches, mutated and garbage ones), push/resume, enrolment and pull.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { enrolRequestSchema, pullQuerySchema, pushResumeRequestSchema, syncEntities, type SyncEntity } from '#shared/sync/protocol.schema.js';
import { bodyBytes, bodyDamageArb, garbage, mutate, mutationArb } from './mutations.js';
import { authArb, authHeader, contentType, drawn, fromSchema, jsonTypeArb, uuidFrom, type FuzzState, type PlannedRequest } from './plan.js';

// ---- push ----------------------------------------------------------------------------------

type SeqPlan = 'next' | 'replay' | 'gap' | 'zero' | 'huge';
const seqPlanArb: fc.Arbitrary<SeqPlan> = fc.oneof(
  { arbitrary: fc.constant('next' as const), weight: 10 },
  { arbitrary: fc.constantFrom<SeqPlan>('replay', 'gap', 'zero', 'huge'), weight: 2 },
);

function firstSeq(plan: SeqPlan, next: number): number {
  switch (plan) {
    case 'next':
      return next;
    case 'replay':
      return Math.max(1, next - 2);
    case 'gap':
      return next + 3;
    case 'zero':
      return 0;
    case 'huge':
      return 2 ** 53;
  }
}

interface ChangePlan {
  entity: SyncEntity;
  op: 'create' | 'update' | 'delete';
  record: number;
  fresh: boolean;
  baseRevision: number;
  capturedAt: string;
  fields: unknown;
  resolves: string[] | undefined;
  upperIds: boolean;
}

const changePlanArb: fc.Arbitrary<ChangePlan> = fc.constantFrom(...syncEntities).chain((entity) => {
  const schemas = syncEntitySchemas[entity];
  const names = Object.keys((schemas.change as unknown as { shape: Record<string, unknown> }).shape);
  return fc.record({
    entity: fc.constant(entity),
    op: fc.constantFrom('create' as const, 'update' as const, 'delete' as const),
    record: fc.nat({ max: 40 }),
    fresh: fc.boolean(),
    baseRevision: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.nat({ max: 1000 })),
    capturedAt: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    fields: fc.oneof({ arbitrary: fromSchema(schemas.record as z.ZodType), weight: 2 }, { arbitrary: fromSchema(schemas.change as z.ZodType), weight: 3 }),
    resolves: fc.option(fc.subarray(names, { maxLength: Math.min(3, names.length) }), { nil: undefined, freq: 6 }),
    upperIds: fc.boolean(),
  });
});

type PushShape = { kind: 'batch'; changes: ChangePlan[] } | { kind: 'full'; size: number } | { kind: 'schema'; body: unknown };

const pushShapeArb: fc.Arbitrary<PushShape> = fc.oneof(
  { arbitrary: fc.array(changePlanArb, { minLength: 1, maxLength: 4 }).map((changes) => ({ kind: 'batch' as const, changes })), weight: 10 },
  { arbitrary: fc.constantFrom(0, 499, 500, 501).map((size) => ({ kind: 'full' as const, size })), weight: 1 },
  { arbitrary: garbage.map((body) => ({ kind: 'schema' as const, body })), weight: 1 },
);

function recordId(state: FuzzState, plan: ChangePlan, serial: number): string {
  const id = plan.fresh ? uuidFrom(`${serial}:${plan.record}:${plan.capturedAt}`) : state.recordIds[plan.record % state.recordIds.length]!;
  return plan.upperIds ? id.toUpperCase() : id;
}

let made = 0;
function changeOf(state: FuzzState, plan: ChangePlan, seq: number) {
  made++;
  return {
    seq,
    changeId: uuidFrom(`change:${made}`),
    entity: plan.entity,
    recordId: recordId(state, plan, made),
    op: plan.op,
    baseRevision: plan.baseRevision,
    fields: plan.fields,
    capturedAt: plan.capturedAt,
    ...(plan.resolves ? { resolves: plan.resolves } : {}),
  };
}

export const pushArb: fc.Arbitrary<PlannedRequest> = fc
  .record({ auth: authArb, type: jsonTypeArb, seq: seqPlanArb, shape: pushShapeArb, damage: bodyDamageArb, mutation: fc.option(mutationArb, { freq: 5 }), pick: fc.nat() })
  .map(({ auth, type, seq, shape, damage, mutation, pick }) => ({
    route: 'push',
    label: `push ${shape.kind}${shape.kind === 'batch' ? `×${shape.changes.length}` : shape.kind === 'full' ? `×${shape.size}` : ''} seq:${seq} damage:${damage}${mutation ? ` mutation:${mutation.kind}` : ''}`,
    device: auth.kind === 'device' ? auth.index : undefined,
    build(state) {
      const device = auth.kind === 'device' ? state.devices[auth.index % state.devices.length]! : undefined;
      const first = firstSeq(seq, device?.nextSeq ?? 1);
      let body: unknown;
      if (shape.kind === 'schema') body = shape.body;
      else if (shape.kind === 'full') body = { changes: Array.from({ length: shape.size }, (_, i) => ({ ...changeOf(state, tinyChange, first + i), fields: { capacity: i + 1 } })) };
      else body = { changes: shape.changes.map((plan, i) => changeOf(state, plan, first + i)) };
      if (mutation) body = mutate(body, mutation, pick);
      return { method: 'POST', path: '/v1/push', headers: { ...authHeader(auth, state), ...contentType(type) }, body: bodyBytes(body, damage, pick) };
    },
  }));

const tinyChange: ChangePlan = { entity: 'workshop', op: 'update', record: 0, fresh: false, baseRevision: 1, capturedAt: '2026-05-01T10:00:00.000Z', fields: {}, resolves: undefined, upperIds: false };

// ---- the other routes ----------------------------------------------------------------------

export const resumeArb: fc.Arbitrary<PlannedRequest> = fc
  .record({ auth: authArb, type: jsonTypeArb, body: fc.oneof(fc.constant('next' as const), fromSchema(pushResumeRequestSchema)), damage: bodyDamageArb, pick: fc.nat() })
  .map(({ auth, type, body, damage, pick }) => ({
    route: 'resume',
    label: `push/resume ${body === 'next' ? 'next' : 'drawn'} damage:${damage}`,
    device: auth.kind === 'device' ? auth.index : undefined,
    build(state) {
      const device = auth.kind === 'device' ? state.devices[auth.index % state.devices.length]! : undefined;
      const value = body === 'next' ? { fromSeq: (device?.nextSeq ?? 1) + 1 } : body;
      return { method: 'POST', path: '/v1/push/resume', headers: { ...authHeader(auth, state), ...contentType(type) }, body: bodyBytes(value, damage, pick) };
    },
  }));

export const enrolArb: fc.Arbitrary<PlannedRequest> = fc
  .record({ type: jsonTypeArb, code: fc.constantFrom('fresh', 'used', 'drawn'), body: fromSchema(enrolRequestSchema), damage: bodyDamageArb, pick: fc.nat() })
  .map(({ type, code, body, damage, pick }) => ({
    route: 'enrol',
    label: `enrol code:${code} damage:${damage}`,
    build(state) {
      let value = body;
      if (code !== 'drawn' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const pool = code === 'fresh' ? state.codes : state.usedCodes;
        const chosen = code === 'fresh' ? pool.shift() : pool[pick % Math.max(1, pool.length)];
        if (chosen) {
          if (code === 'fresh') state.usedCodes.push(chosen);
          value = { ...value, code: chosen };
        }
      }
      return { method: 'POST', path: '/v1/enrol', headers: contentType(type), body: bodyBytes(value, damage, pick) };
    },
  }));

const queryValueArb = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('0', '-1', '501', '1e3', '1.5', 'NaN', '', '%00', '0123456789abcdef.1', 'ffffffffffffffff.999999999999999'));

export const pullArb: fc.Arbitrary<PlannedRequest> = fc
  .record({
    auth: authArb,
    cursor: fc.oneof({ arbitrary: fc.constant('mine' as const), weight: 4 }, { arbitrary: fc.constant('none' as const), weight: 2 }, { arbitrary: queryValueArb, weight: 1 }),
    limit: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: drawn(pullQuerySchema, 'boundary').map((q) => String((q as { limit?: number | string }).limit ?? '')), weight: 1 }, { arbitrary: queryValueArb, weight: 1 }),
    extra: fc.option(fc.constantFrom('cursor=a&cursor=b', 'limit=1&limit=2', '__proto__=1', 'x=%ZZ', '&&&'), { freq: 6 }),
    method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD'),
  })
  .map(({ auth, cursor, limit, extra, method }) => ({
    route: 'pull',
    label: `${method} pull cursor:${typeof cursor === 'string' && cursor.length < 20 ? cursor : 'drawn'} limit:${limit ?? '-'}${extra ? ` extra:${extra}` : ''}`,
    device: auth.kind === 'device' ? auth.index : undefined,
    build(state) {
      const device = auth.kind === 'device' ? state.devices[auth.index % state.devices.length]! : undefined;
      const parts: string[] = [];
      const value = cursor === 'mine' ? device?.cursor : cursor === 'none' ? null : cursor;
      if (value) parts.push(`cursor=${encodeURIComponent(value)}`);
      if (limit !== undefined) parts.push(`limit=${encodeURIComponent(limit)}`);
      if (extra) parts.push(extra);
      return { method, path: `/v1/pull${parts.length ? `?${parts.join('&')}` : ''}`, headers: authHeader(auth, state) };
    },
  }));
