/**
 * The RPC contract between the renderer and the core: each command `domain:verb` maps to
 * the zod schema of its input and of its output. The core parses every input with these
 * schemas again (never trust the caller); the core's handler table `satisfies` this map,
 * so a missing or misspelt handler is a compile error. Each domain keeps its commands in its
 * own `<domain>.contract.ts`, spread in here.
 */
import { z } from 'zod';
import { command } from './command.js';
import { syncCommands, syncEvents } from './sync/sync.contract.js';
import { workshopCommands, workshopEvents } from './workshops/workshop.contract.js';
import { attendanceCommands, attendanceEvents } from './attendance/attendance.contract.js';
import { proposalCommands, proposalEvents } from './proposals/proposal.contract.js';
import { referenceCommands } from './reference/reference.contract.js';
import { studyCommands } from './study/study.contract.js';
import { backupCommands, vaultCommands, vaultEvents } from './vault/vault.contract.js';
import { peopleCommands, peopleEvents } from './people/people.contract.js';
import { charterCommands, charterEvents } from './charter/charter.contract.js';
import { citizenCardCommands, citizenCardEvents } from './citizen-card/citizen-card.contract.js';
import { transfoCommands, transfoEvents } from './transfo/transfo.contract.js';
import { transfoCasesCommands, transfoCasesEvents } from './transfo/case.contract.js';
import { transfoTrainingCommands, transfoTrainingEvents } from './transfo/training.contract.js';
import { publicationCommands, publicationEvents } from './publication/publication.contract.js';

export type { SyncStatus } from './sync/sync.contract.js';
export { syncStatusSchema } from './sync/sync.contract.js';

/**
 * No data path here: under the web host any page of the origin could read it, and an absolute
 * path names the person's account. The hosts print it where only the person sees it.
 */
export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
});

export const contract = {
  /** Version and schema version. */
  'app:info': command(z.object({}), appInfoSchema),
  ...syncCommands,
  ...workshopCommands,
  ...attendanceCommands,
  ...proposalCommands,
  ...referenceCommands,
  ...studyCommands,
  ...vaultCommands,
  ...backupCommands,
  ...peopleCommands,
  ...charterCommands,
  ...citizenCardCommands,
  ...transfoCommands,
  ...transfoCasesCommands,
  ...transfoTrainingCommands,
  ...publicationCommands,
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core emits after a change; the renderer refetches what it shows. */
export const events = {
  ...syncEvents,
  ...workshopEvents,
  ...attendanceEvents,
  ...proposalEvents,
  ...vaultEvents,
  ...peopleEvents,
  ...charterEvents,
  ...citizenCardEvents,
  ...transfoEvents,
  ...transfoCasesEvents,
  ...transfoTrainingEvents,
  ...publicationEvents,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

/** Longest command name accepted by the hosts before the contract lookup. */
export const MAX_COMMAND_NAME = 64;
/** Largest request body the hosts relay to the core. */
export const MAX_REQUEST_BYTES = 1_000_000;
/**
 * Only `attachments:add` may carry more: a phone photo of a post-it wall, base64-encoded
 * (ATTACHMENT_INPUT_MAX_BYTES of bytes, 4/3 as many characters, plus the JSON around them).
 */
export const MAX_ATTACHMENT_REQUEST_BYTES = 11_300_000;
/**
 * A short video of a prototype (CASE_VIDEO_MAX_BYTES, src-shared/transfo/case-values.ts): 4/3 of
 * 32 MiB as base64, plus the JSON around it. Only `transfoCases:add-video` may carry it.
 */
export const MAX_VIDEO_REQUEST_BYTES = 44_800_000;
