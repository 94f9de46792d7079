/**
 * The fuzz of every core command over the web host: seeded inputs from contract-arbitraries.ts
 * sent over real HTTP to a running host (its real core on its real SQLite folder), and every
 * answer checked: JSON, a success or the typed error shape, never a 5xx, never a dropped
 * connection; a success must also match the command's output schema. Used by the integration
 * test (a size CI can afford) and by `npm run fuzz` (any size). Not a test file itself.
 */
import fc from 'fast-check';
import { Agent } from 'node:http';
import { z } from 'zod';
import { consentTextVersions } from '#shared/attendance/consent-texts.js';
import { contract, MAX_ATTACHMENT_REQUEST_BYTES, MAX_REQUEST_BYTES, MAX_VIDEO_REQUEST_BYTES, type CommandName } from '#shared/contract.js';
import { appErrorSchema } from '#shared/result.js';
import { rpcPath } from '#shared/rpc-path.js';
import { post, type Answer } from './built-host.js';
import { fuzzInputs, refinedFields, type FuzzInput, type Kind } from './contract-arbitraries.js';

/** Exactly one of the two shapes every boundary answers, with nothing else around it. */
export const typedAnswerSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: appErrorSchema.strict() }),
]);

export interface Violation {
  command: string;
  kind: Kind | 'raw';
  /** The start of the body sent, to reproduce it. */
  input: string;
  status: number;
  answer: string;
  why: string;
}

/** Checks one answer; returns why it is wrong, or null. */
export function judge(answer: Answer, command?: CommandName): string | null {
  if (answer.status === 0) return `connection failed: ${answer.body}`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (!answer.contentType.startsWith('application/json')) return `content type « ${answer.contentType} »`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return 'not JSON';
  }
  const shape = typedAnswerSchema.safeParse(parsed);
  if (!shape.success) return `not the typed shape: ${shape.error.issues[0]?.message}`;
  if (shape.data.ok && command) {
    const output = contract[command].output.safeParse(shape.data.value);
    if (!output.success) return `success outside the output schema at ${output.error.issues[0]?.path.join('.')}: ${output.error.issues[0]?.message}`;
  }
  return null;
}

export interface FuzzOptions {
  port: number;
  cookie: string;
  seed: number;
  runs: number;
  knownIds: readonly string[];
  commands?: readonly CommandName[];
  concurrency?: number;
  /** Called after each command with its tally. */
  onCommand?: (name: CommandName, tally: Record<Kind, number> & { ok: number; ms: number }) => void;
}

export interface FuzzReport {
  requests: number;
  /** Answers that were a success, per kind of input. */
  successes: Record<Kind, number>;
  byKind: Record<Kind, number>;
  violations: Violation[];
  /** Bodies over the limit whose 413 this client could not read (see below). */
  refusedWhileSending: number;
  ms: number;
}

/** Sends `items` with at most `concurrency` requests in flight. */
async function inParallel<T>(items: readonly T[], concurrency: number, send: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await send(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function fuzzCommands(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const commands = options.commands ?? (Object.keys(contract) as CommandName[]);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 4 });
  const report: FuzzReport = {
    requests: 0,
    successes: { valid: 0, boundary: 0, mutated: 0, garbage: 0 },
    byKind: { valid: 0, boundary: 0, mutated: 0, garbage: 0 },
    violations: [],
    refusedWhileSending: 0,
    ms: 0,
  };
  const overrides = {
    // Valid portal addresses all point at a closed loopback port: the fuzz never leaves the machine.
    portalUrl: fc.constantFrom('http://127.0.0.1:9', 'https://127.0.0.1:9/portail', 'http://127.0.0.1:9/?a=1'),
    // Mostly the consent texts that exist, so that arrivals with a profile get as far as the store.
    textVersion: fc.oneof(fc.constantFrom(...consentTextVersions), fc.string({ maxLength: 40 })),
  };
  try {
    for (const [index, name] of commands.entries()) {
      // One stream per command, from the one printed seed: any command's inputs can be replayed alone.
      const inputs: FuzzInput[] = fc.sample(fuzzInputs(name, { knownIds: options.knownIds, overrides, refined: refinedFields }), { seed: options.seed + index, numRuns: options.runs });
      const commandStarted = performance.now();
      const tally = { valid: 0, boundary: 0, mutated: 0, garbage: 0, ok: 0, ms: 0 };
      await inParallel(inputs, options.concurrency ?? 4, async (input) => {
        const answer = await post(agent, options.port, rpcPath(name), { cookie: options.cookie, 'content-type': 'application/json' }, input.body);
        report.requests++;
        report.byKind[input.kind]++;
        tally[input.kind]++;
        // A body larger than the route's limit is refused from its Content-Length, and the
        // connection closed, while this client may still be writing it: it then sees EPIPE or
        // a reset instead of the 413 (the raw cases read that 413 whole).
        const limit = name === 'attachments:add' ? MAX_ATTACHMENT_REQUEST_BYTES : name === 'transfoCases:add-video' ? MAX_VIDEO_REQUEST_BYTES : MAX_REQUEST_BYTES;
        if (answer.status === 0 && Buffer.byteLength(input.body) > limit && /^(EPIPE|ECONNRESET)$/.test(answer.body)) {
          report.refusedWhileSending++;
          return;
        }
        const why = judge(answer, name);
        if (why) {
          const text = typeof input.body === 'string' ? input.body : Buffer.from(input.body).toString('base64');
          report.violations.push({ command: name, kind: input.kind, input: text.slice(0, 500), status: answer.status, answer: answer.body.slice(0, 300), why });
        } else if (answer.body.startsWith('{"ok":true')) {
          report.successes[input.kind]++;
          tally.ok++;
        }
      });
      tally.ms = Math.round(performance.now() - commandStarted);
      options.onCommand?.(name, tally);
    }
  } finally {
    agent.destroy();
  }
  report.ms = performance.now() - started;
  return report;
}
