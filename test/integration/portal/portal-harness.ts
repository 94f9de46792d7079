/**
 * Starts the real portal on 127.0.0.1 (port 0) on a throw-away database — an SQLite file, or
 * a fresh PostgreSQL schema when DATABASE_URL is set — and talks to it with fetch, as a
 * device would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import type { Change, DeviceRole, PullResponse, PushResponse } from '#shared/sync/protocol.schema.js';
import { buildPortal, type PortalOptions } from '#portal/build-portal.js';
import { dropPgSchema, openPortalDb, type PortalDialect } from '#portal/database.js';
import { createEnrolmentCode } from '#portal/enrolment.js';

export type BackendName = 'sqlite' | 'postgres';

let skipNoticeShown = false;

/** SQLite always; PostgreSQL too when DATABASE_URL is set (scripts/postgres-test.sh sets it). */
export function testBackends(): BackendName[] {
  if (process.env.DATABASE_URL) return ['sqlite', 'postgres'];
  if (!skipNoticeShown) {
    skipNoticeShown = true;
    console.log('PostgreSQL tests skipped: DATABASE_URL not set');
  }
  return ['sqlite'];
}

export interface RunningPortal {
  url: string;
  app: FastifyInstance;
  /** Where the portal keeps attachment files. */
  attachmentsDir: string;
  db: Kysely<PortalDatabase>;
  dialect: PortalDialect;
  /** Moves the portal's clock (code expiry) without sleeping. */
  shiftClock(ms: number): void;
  now(): Date;
  enrol(role: DeviceRole, name?: string): Promise<TestDevice>;
  newCode(role: DeviceRole, ttlHours?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startPortal(
  backend: BackendName,
  options: Partial<Pick<PortalOptions, 'rateLimit' | 'bodyLimit'>> = {},
): Promise<RunningPortal> {
  const dir = await mkdtemp(join(tmpdir(), 'atelier-portal-'));
  const pgSchema = `portal_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = process.env.DATABASE_URL;
  const { db, dialect } =
    backend === 'postgres'
      ? await openPortalDb({ databaseUrl, pgSchema })
      : await openPortalDb({ sqliteFile: join(dir, 'portal.sqlite') });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const attachmentsDir = join(dir, 'attachments');
  const app = await buildPortal({ db, dialect, now, attachmentsDir, logger: false, rateLimit: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('portal did not listen on a port');
  const url = `http://127.0.0.1:${address.port}`;

  const portal: RunningPortal = {
    url,
    app,
    attachmentsDir,
    db,
    dialect,
    now,
    shiftClock: (ms) => {
      offset += ms;
    },
    newCode: async (role, ttlHours = 24) => (await createEnrolmentCode(db, { name: `test ${role}`, role, ttlHours }, now())).code,
    enrol: async (role, name = 'Portable test') => {
      const code = await portal.newCode(role);
      const deviceId = randomUUID();
      const response = await postJson(`${url}/v1/enrol`, { code, deviceId, deviceName: name, appVersion: '0.1.0' });
      if (response.status !== 200) throw new Error(`enrol failed: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { token: string };
      return new TestDevice(url, deviceId, body.token);
    },
    close: async () => {
      await app.close();
      await db.destroy();
      if (backend === 'postgres' && databaseUrl) await dropPgSchema(databaseUrl, pgSchema);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return portal;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A device as the portal sees it: its id, its token and its next outbox seq. */
export class TestDevice {
  private nextSeq = 1;

  constructor(
    readonly url: string,
    readonly id: string,
    readonly token: string,
  ) {}

  get auth(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  /** Builds the next outbox entry (seq taken in order). */
  change(input: Omit<Partial<Change>, 'seq'> & Pick<Change, 'recordId' | 'fields'>): Change {
    return {
      seq: this.nextSeq++,
      changeId: randomUUID(),
      entity: 'workshop',
      op: 'update',
      baseRevision: 0,
      capturedAt: new Date().toISOString(),
      ...input,
    };
  }

  async pushRaw(changes: readonly Change[]): Promise<Response> {
    return postJson(`${this.url}/v1/push`, { changes }, this.auth);
  }

  async push(changes: readonly Change[]): Promise<PushResponse> {
    const response = await this.pushRaw(changes);
    if (response.status !== 200) throw new Error(`push failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as PushResponse;
  }

  async pullRaw(cursor?: string, limit?: number): Promise<Response> {
    const query = new URLSearchParams();
    if (cursor) query.set('cursor', cursor);
    if (limit) query.set('limit', String(limit));
    return fetch(`${this.url}/v1/pull?${query.toString()}`, { headers: this.auth });
  }

  /** Pulls every page from the cursor on. */
  async pullAll(cursor?: string): Promise<{ records: PullResponse['records']; cursor: string }> {
    const records: PullResponse['records'] = [];
    let position = cursor;
    for (;;) {
      const response = await this.pullRaw(position);
      if (response.status !== 200) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as PullResponse;
      records.push(...page.records);
      position = page.cursor;
      if (!page.hasMore) return { records, cursor: position };
    }
  }
}

/** A whole, valid workshop as it travels (UTC times). */
export function workshopFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'pb_co_construction',
    title: 'Budget participatif : atelier de co-construction',
    description: '',
    startsAt: '2026-03-14T09:00:00.000Z',
    endsAt: '2026-03-14T11:00:00.000Z',
    venueName: 'Centre Paris Anim’ Goutte d’Or',
    venueAddress: '',
    arrondissement: 18,
    inQpv: true,
    capacity: 40,
    partners: [],
    facilitators: [],
    status: 'planned',
    minutes: null,
    cancelReason: null,
    closedAt: null,
    cancelledAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** What the tests read from any answer: loose on purpose, the assertions say what is expected. */
export interface Answer {
  [key: string]: unknown;
  code?: string;
  fields?: Record<string, string>;
  token?: string;
  epoch?: string;
  cursor?: string;
  hasMore?: boolean;
  complete?: boolean;
  records?: PullResponse['records'];
}

export async function json(response: Response): Promise<Answer> {
  return (await response.json()) as Answer;
}
