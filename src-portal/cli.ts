/**
 * The portal operator's commands: `npm run portal -- <command>`.
 *
 *   serve [--port 8787] [--host 127.0.0.1]   (default) SQLite in ./portal-data, or DATABASE_URL
 *   enrol --name N --role field|lab [--ttl-hours 24]   prints a one-time enrolment code
 *   devices                                  lists enrolled devices
 *   revoke <deviceId>                        disconnects a device (its data stays)
 *   restored                                 after restoring a backup: new epoch, devices re-push
 *   openapi [--out docs/portal-openapi.json] writes the OpenAPI document
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { uuidSchema } from '#shared/ids.js';
import { deviceRoles, type DeviceRole } from '#shared/sync/protocol.schema.js';
import { buildPortal } from './build-portal.js';
import { migratePortalDb, openPortalDb, type PortalDb } from './database.js';
import { createEnrolmentCode, listDevices, revokeDevice } from './enrolment.js';
import { ensurePortalMeta, startNewEpoch } from './portal-meta.js';

const DATA_DIR = process.env.PORTAL_DATA_DIR ?? 'portal-data';

async function openFromEnv(): Promise<PortalDb> {
  const opened = await openPortalDb({ databaseUrl: process.env.DATABASE_URL, sqliteFile: `${DATA_DIR}/portal.sqlite` });
  await migratePortalDb(opened.db);
  await ensurePortalMeta(opened.db, new Date());
  return opened;
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' } } });
  const { db, dialect } = await openFromEnv();
  const app = await buildPortal({ db, dialect, attachmentsDir: `${DATA_DIR}/attachments`, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: Number(values.port), host: values.host });
  app.log.info({ database: dialect }, 'portal ready');
}

async function enrol(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, role: { type: 'string' }, 'ttl-hours': { type: 'string', default: '24' } } });
  const role = values.role as DeviceRole;
  const ttlHours = Number(values['ttl-hours']);
  if (!values.name || !deviceRoles.includes(role) || !(ttlHours > 0 && ttlHours <= 24 * 30)) {
    throw new UsageError('enrol --name "Portable Goutte d\'Or" --role field|lab [--ttl-hours 24]');
  }
  await withDb(async ({ db }) => {
    const { code, expiresAt } = await createEnrolmentCode(db, { name: values.name!, role, ttlHours }, new Date());
    process.stdout.write(`Enrolment code for "${values.name}" (${role}): ${code}\nValid once, until ${expiresAt}.\n`);
  });
}

async function devices(): Promise<void> {
  await withDb(async ({ db }) => {
    const rows = await listDevices(db);
    if (rows.length === 0) process.stdout.write('No device enrolled.\n');
    for (const d of rows) {
      const state = d.revokedAt ? `revoked ${d.revokedAt}` : 'active';
      process.stdout.write(`${d.id}  ${d.role.padEnd(5)}  ${d.name}  enrolled ${d.enrolledAt}  last seen ${d.lastSeenAt ?? '-'}  last seq ${d.lastSeq}  ${state}\n`);
    }
  });
}

async function revoke(args: string[]): Promise<void> {
  // Ids are stored in lower case; an operator may paste one in capitals.
  const parsed = uuidSchema.safeParse(args[0]);
  if (!parsed.success) throw new UsageError('revoke <deviceId>');
  const deviceId = parsed.data;
  await withDb(async ({ db }) => {
    if (!(await revokeDevice(db, deviceId, new Date()))) throw new Error(`no device ${deviceId}`);
    process.stdout.write(`Device ${deviceId} revoked; its data stays on the portal.\n`);
  });
}

async function restored(): Promise<void> {
  await withDb(async ({ db }) => {
    const epoch = await startNewEpoch(db, new Date());
    process.stdout.write(`New epoch ${epoch}: devices will push again what the backup lacked.\n`);
  });
}

async function openapi(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string', default: 'docs/portal-openapi.json' } } });
  const { db, dialect } = await openPortalDb({ sqliteFile: ':memory:' });
  const app = await buildPortal({ db, dialect, attachmentsDir: `${DATA_DIR}/attachments`, rateLimit: false });
  const response = await app.inject({ method: 'GET', url: '/v1/openapi.json' });
  await writeFile(values.out, `${JSON.stringify(response.json(), null, 2)}\n`);
  await app.close();
  await db.destroy();
  process.stdout.write(`Wrote ${values.out}\n`);
}

async function withDb(work: (opened: PortalDb) => Promise<void>): Promise<void> {
  const opened = await openFromEnv();
  try {
    await work(opened);
  } finally {
    await opened.db.destroy();
  }
}

class UsageError extends Error {}

const commands: Record<string, (args: string[]) => Promise<void>> = { serve, enrol, devices, revoke, restored, openapi };

async function main(argv: string[]): Promise<void> {
  const [name = 'serve', ...rest] = argv;
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"; one of: ${Object.keys(commands).join(', ')}`);
  await command(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(error instanceof UsageError ? `usage: npm run portal -- ${error.message}\n` : `portal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
