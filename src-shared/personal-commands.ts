/**
 * The commands that carry personal data, in their input or their answer: while the app is
 * locked the core refuses every one of them with the error `locked` (not only the screens).
 *
 * Two sources, joined:
 * - derived from the contract: a command whose input or output schema has an identity field
 *   (`email`, `phone`, `citizenCardNumber`, at any depth) is personal, so a new command that
 *   hands out or takes in identities is covered without anyone adding it here;
 * - listed: what a schema cannot show — a PDF of names (the sign-in sheet), a restore that puts
 *   every record back. New commands of that sort are added at the end of the list.
 */
import { z } from 'zod';
import { contract, type CommandName } from './contract.js';

/** The fields that make a schema carry a person's identity (PersonIdentity, and any copy of it). */
export const IDENTITY_FIELDS = ['email', 'phone', 'citizenCardNumber'] as const;

export const listedPersonalCommands = [
  /** A PDF listing the names of everyone registered. */
  'attendance:sign-in-sheet',
  /** Names typed at the door; the input carries them only once parsed from the rows. */
  'attendance:paper-entry',
  /** Who registered, even when the answer has no e-mail. */
  'attendance:list',
  'attendance:search',
  /** The data folder's backups hold every person; a restore puts them back. */
  'backups:list',
  'backups:now',
  'backups:restore',
  /** The rights of the people recorded: a person's whole file, its erasure, the identities due for the purge, who looked. */
  'people:access',
  'people:export',
  'people:erase',
  'people:retention',
  'people:set-retention',
  'people:access-log',
  /** Changes refused or in conflict show the values of both sides, names included. */
  'sync:rejected',
  'sync:conflicts',
  'sync:resolve',
  /** The key that opens the window's sealed drafts (names half typed at the door). */
  'vault:draft-key',
  /** The Citizen Card papers: PDFs of names (sign-in sheet, certificates, confirmations). */
  'citizen-card:sign-in-sheet',
  'citizen-card:certificates',
  'citizen-card:confirmations',
  /** The City's file: lines of names and contacts in, refused cells out. */
  'citizen-card:import-holders',
  /** La Transfo: the reasons given at each move of an application; the purge erases candidates. */
  'transfo:history',
  'transfo:purge-campaign',
] as const satisfies readonly CommandName[];

type JsonSchema = { properties?: Record<string, JsonSchema>; [key: string]: unknown };

/** True when a JSON Schema names an identity field anywhere inside it. */
function namesIdentity(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(namesIdentity);
  if (!node || typeof node !== 'object') return false;
  const schema = node as JsonSchema;
  if (schema.properties && IDENTITY_FIELDS.some((f) => Object.prototype.hasOwnProperty.call(schema.properties, f))) return true;
  return Object.values(schema).some(namesIdentity);
}

/** Whether a zod schema, read as its input and as its output, carries an identity field. */
export function carriesIdentity(schema: z.ZodType): boolean {
  return (['input', 'output'] as const).some((io) => namesIdentity(z.toJSONSchema(schema, { io, unrepresentable: 'any', cycles: 'ref' })));
}

let personal: ReadonlySet<string> | null = null;

/** Every personal command of the contract: listed ones and derived ones. Computed once. */
export function personalCommandNames(): ReadonlySet<string> {
  if (!personal) {
    const derived = (Object.keys(contract) as CommandName[]).filter((name) => carriesIdentity(contract[name].input) || carriesIdentity(contract[name].output));
    personal = new Set<string>([...listedPersonalCommands, ...derived]);
  }
  return personal;
}

export function isPersonalCommand(name: string): boolean {
  return personalCommandNames().has(name);
}
