/**
 * The portal under fuzz: sequences of generated requests (requests.ts) sent over plain TCP to
 * a running portal, every answer checked (oracle.ts), then the portal checked as a whole: alive,
 * its database consistent, and a well-behaved device still able to push and pull.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { portalErrorBodySchema, SYNC_LIMITS, type SyncEntity } from '#shared/sync/protocol.schema.js';
import { revokeDevice } from '#portal/enrolment.js';
import { json, workshopFields, type RunningPortal } from '../portal-harness.js';
import { rawRequest, type RawAnswer, type RawRequest } from '../raw-http.js';
import { checkAnswer } from './oracle.js';
import { plannedRequestArb, uuidFrom, type FuzzState, type PlannedRequest } from './requests.js';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Requests in one generated sequence, at most. */
  requestsPerRun?: number;
}

export interface FuzzReport {
  requests: number;
  /** Answers by route and status, e.g. `push 200`. */
  answers: Record<string, number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function runPortalFuzz(portal: RunningPortal, options: FuzzOptions): Promise<FuzzReport> {
  const state = await initialState(portal, options.seed);
  const report: FuzzReport = { requests: 0, answers: {} };

  async function send(plan: PlannedRequest): Promise<void> {
    const request = plan.build(state);
    const answer = await rawRequest(portal.url, request);
    report.requests++;
    const key = `${plan.route} ${answer.kind === 'answer' ? answer.status : answer.error}`;
    report.answers[key] = (report.answers[key] ?? 0) + 1;
    const problem = checkAnswer(plan.route, request.method, answer);
    if (problem) throw new Error(`${problem}\n  plan: ${plan.label}\n  request: ${describe(request)}\n  answer: ${describeAnswer(answer)}`);
    learn(state, plan, answer);
    if (plan.route === 'push' && answer.kind === 'answer' && answer.status === 200) {
      for (const result of (JSON.parse(answer.body.toString('utf8')) as { results: { status: string }[] }).results) {
        report.answers[`change ${result.status}`] = (report.answers[`change ${result.status}`] ?? 0) + 1;
      }
    }
  }

  await fc.assert(
    fc.asyncProperty(fc.array(plannedRequestArb, { minLength: 1, maxLength: options.requestsPerRun ?? 8 }), fc.boolean(), async (plans, together) => {
      // Now and then a whole sequence at once: pushes of one device racing each other.
      if (together && plans.length > 1) await Promise.all(plans.map(send));
      else for (const plan of plans) await send(plan);
    }),
    // A failing sequence is reported as it was: shrinking against a portal whose state moved on
    // would mislead more than it helps. The seed replays the run.
    { seed: options.seed, numRuns: options.runs, endOnFailure: true },
  );

  await expectPortalSound(portal, state);
  return report;
}

async function initialState(portal: RunningPortal, seed: number): Promise<FuzzState> {
  const devices = [];
  for (const role of ['field', 'field', 'lab'] as const) {
    const device = await portal.enrol(role, `fuzz ${role}`);
    devices.push({ id: device.id, token: device.token, nextSeq: 1, cursor: null });
  }
  const revoked = await portal.enrol('field', 'fuzz revoked');
  await revokeDevice(portal.db, revoked.id, portal.now());
  const codes = [];
  for (let i = 0; i < 12; i++) codes.push(await portal.newCode(i % 2 === 0 ? 'field' : 'lab'));
  const files = [1, 30_000, 120_000].map((size) => {
    const bytes = randomBytes(size);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes, received: 0 };
  });
  return {
    devices,
    refusedTokens: [revoked.token, randomBytes(32).toString('base64url')],
    codes,
    usedCodes: [],
    files,
    recordIds: Array.from({ length: 8 }, (_, i) => uuidFrom(`record:${seed}:${i}`)),
  };
}

/** What a device would remember from an answer: its next seq, its cursor, a new enrolment. */
function learn(state: FuzzState, plan: PlannedRequest, answer: RawAnswer): void {
  if (answer.kind !== 'answer' || answer.body.length === 0) return;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return;
  }
  if (plan.route === 'enrol' && answer.status === 200 && typeof body.token === 'string' && typeof body.deviceId === 'string') {
    const known = state.devices.find((d) => d.id === body.deviceId);
    if (known) Object.assign(known, { token: body.token });
    else state.devices.push({ id: body.deviceId, token: body.token, nextSeq: 1, cursor: null });
    return;
  }
  if (plan.file !== undefined && plan.route === 'attachment-patch') {
    const file = state.files[plan.file % state.files.length]!;
    if (answer.status === 200 && typeof body.received === 'number') file.received = body.complete === true ? 0 : body.received;
    if (answer.status === 409 && typeof body.offset === 'number') file.received = body.offset;
    if (answer.status === 422) file.received = 0;
  }
  if (plan.device === undefined) return;
  const device = state.devices[plan.device % state.devices.length]!;
  if ((plan.route === 'push' || plan.route === 'resume') && answer.status === 200 && typeof body.lastSeq === 'number') device.nextSeq = body.lastSeq + 1;
  if (answer.status === 409 && typeof body.expectedSeq === 'number') device.nextSeq = body.expectedSeq;
  if (plan.route === 'pull' && answer.status === 200 && typeof body.cursor === 'string') device.cursor = body.cursor;
  if (answer.status === 409 && body.code === 'cursor_reset') device.cursor = null;
}

/** The portal after the storm: alive, its data sound, and still useful to a device that behaves. */
async function expectPortalSound(portal: RunningPortal, state: FuzzState): Promise<void> {
  const problems: string[] = [];
  const health = await fetch(`${portal.url}/health`);
  if (health.status !== 200) problems.push(`health answered ${health.status}`);

  const { db } = portal;
  if (portal.dialect === 'sqlite') {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    if (integrity.rows.map((r) => r.integrity_check).join() !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity.rows)}`);
    const keys = await sql`pragma foreign_key_check`.execute(db);
    if (keys.rows.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(keys.rows)}`);
  }
  const meta = await db.selectFrom('portal_meta').selectAll().execute();
  if (meta.length !== 1) problems.push(`${meta.length} portal_meta rows`);
  const lastSerial = Number(meta[0]?.last_serial ?? 0);
  const records = await db.selectFrom('records').selectAll().execute();
  const serials = new Set<number>();
  for (const row of records) {
    const where = `${row.entity} ${row.record_id}`;
    if (!UUID.test(row.record_id)) problems.push(`${where}: id not a lower-case UUID`);
    const serial = Number(row.serial);
    if (serials.has(serial) || serial < 1 || serial > lastSerial) problems.push(`${where}: serial ${serial} (last ${lastSerial})`);
    serials.add(serial);
    if (row.revision < 1) problems.push(`${where}: revision ${row.revision}`);
    const schemas = syncEntitySchemas[row.entity as SyncEntity];
    if (!schemas) problems.push(`${where}: unknown entity`);
    else if (!schemas.record.safeParse(JSON.parse(row.fields)).success) problems.push(`${where}: stored record fails its schema`);
    const conflicts = JSON.parse(row.conflicts) as unknown[];
    if (Number(row.flagged) !== (conflicts.length > 0 ? 1 : 0)) problems.push(`${where}: flagged ${row.flagged} with ${conflicts.length} conflicts`);
  }
  for (const device of await db.selectFrom('devices').select(['id', 'last_seq']).execute()) {
    if (!UUID.test(device.id)) problems.push(`device ${device.id}: id not a lower-case UUID`);
    if (!(Number(device.last_seq) >= 0 && Number.isSafeInteger(Number(device.last_seq)))) problems.push(`device ${device.id}: last_seq ${device.last_seq}`);
  }
  for (const attachment of await db.selectFrom('attachments').selectAll().execute()) {
    const [size, received] = [Number(attachment.size), Number(attachment.received)];
    if (received > size) problems.push(`attachment ${attachment.sha256}: ${received} of ${size}`);
    if (attachment.complete === 1) {
      const file = join(portal.attachmentsDir, attachment.sha256);
      const bytes = existsSync(file) ? readFileSync(file) : null;
      if (!bytes || bytes.length !== size || createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) problems.push(`attachment ${attachment.sha256}: complete but its file does not match`);
    }
  }
  for (const rejected of await db.selectFrom('rejected_changes').select(['seq', 'change', 'reason']).execute()) {
    if (rejected.change.length > 80_000) problems.push(`rejected change ${rejected.seq}: ${rejected.change.length} bytes kept`);
    if (!portalErrorBodySchema.safeParse(JSON.parse(rejected.reason)).success) problems.push(`rejected change ${rejected.seq}: reason ${rejected.reason}`);
  }

  // Every device of the fuzz, and a new one, can still push a good change and pull it back.
  const fresh = await portal.enrol('lab', 'after the fuzz');
  // The new device creates the record first; every other one then edits it.
  const everyone = [{ id: fresh.id, token: fresh.token }, ...state.devices];
  const recordId = uuidFrom(`after:${Date.now()}`);
  for (const [i, device] of everyone.entries()) {
    const row = await db.selectFrom('devices').select(['last_seq', 'revoked_at']).where('id', '=', device.id).executeTakeFirst();
    // Revoked by the fuzz, or its seqs used up to the protocol's ceiling (which a resume at the
    // limit reaches at once, and a real outbox never): nothing a device could do about it.
    if (!row || row.revoked_at !== null || Number(row.last_seq) >= SYNC_LIMITS.maxSeq) continue;
    const change = { seq: Number(row.last_seq) + 1, changeId: uuidFrom(`after:${recordId}:${i}`), entity: 'workshop', recordId, op: i === 0 ? 'create' : 'update', baseRevision: i, fields: i === 0 ? workshopFields() : { title: `Après le fuzz ${i}` }, capturedAt: new Date().toISOString() };
    const pushed = await fetch(`${portal.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ changes: [change] }) });
    const answer = await json(pushed);
    const status = (answer.results as { status: string }[] | undefined)?.[0]?.status;
    if (pushed.status !== 200 || (status !== 'applied' && status !== 'conflict')) problems.push(`device ${device.id} could not push: ${pushed.status} ${JSON.stringify(answer)}`);
  }
  let cursor: string | undefined;
  let found = false;
  for (let page = 0; page < 1_000; page++) {
    const pulled = await fetch(`${portal.url}/v1/pull${cursor ? `?cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${fresh.token}` } });
    const body = await json(pulled);
    if (pulled.status !== 200) {
      problems.push(`pull answered ${pulled.status} ${JSON.stringify(body)}`);
      break;
    }
    found ||= (body.records ?? []).some((r) => r.recordId === recordId);
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  if (!found) problems.push('the well-behaved change was not pulled back');
  if (problems.length > 0) throw new Error(`the portal is not sound after the fuzz:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

function describe(request: RawRequest): string {
  const body = request.body === undefined ? '' : Buffer.isBuffer(request.body) ? request.body.toString('utf8') : request.body;
  return `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers ?? {}).slice(0, 300)} body(${body.length}): ${body.slice(0, 400)}`;
}

function describeAnswer(answer: RawAnswer): string {
  if (answer.kind === 'failed') return `failed: ${answer.error}`;
  return `${answer.status} ${JSON.stringify(answer.headers)} ${answer.body.toString('utf8').slice(0, 400)}`;
}
