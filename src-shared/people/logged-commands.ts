/**
 * The commands that open or export personal data (a name, an e-mail, a phone, a Citizen Card
 * number), for the access log: after each succeeds, the core writes who ran it, when, and the
 * record it was about (kind and id) — never the data itself (src-main/core/people/access-log.ts).
 *
 * `record` names what the line says the command was about: the workshop whose desk was opened,
 * the person whose data was exported; null when it is about no one record (a search, the list of
 * rejected changes).
 *
 * This is not the lock's list: the commands a locked app refuses are every command that carries
 * identity in or out, writes included (src-shared/personal-commands.ts, with the vault), and
 * every `people:*` command.
 */
import type { CommandName, CommandParsedInput } from '../contract.js';

export interface LoggedCommand<K extends CommandName> {
  record: { kind: string; id: (input: CommandParsedInput<K>) => string } | null;
}

type LoggedCommands = { [K in CommandName]?: LoggedCommand<K> };

const workshop = { kind: 'workshop', id: (input: { workshopId: string }) => input.workshopId };
const person = { kind: 'person', id: (input: { personId: string }) => input.personId };

export const loggedCommands: LoggedCommands = {
  // The welcome desk: its list of names, the search among them, the printed sheet.
  'attendance:list': { record: workshop },
  'attendance:search': { record: workshop },
  'attendance:sign-in-sheet': { record: workshop },
  // The sync screen names the records it lists (a person by their name).
  'sync:rejected': { record: null },
  'sync:conflicts': { record: null },
  // The rights of the people recorded.
  'people:search': { record: null },
  'people:access': { record: person },
  'people:export': { record: person },
  'people:erase': { record: person },
  'people:retention': { record: null },
  // The Citizen Card papers name the holders of an occurrence.
  'citizen-card:sign-in-sheet': { record: workshop },
  'citizen-card:certificates': { record: workshop },
  'citizen-card:confirmations': { record: workshop },
  // The Citizen Card holders: the search among them, one holder's history, the duplicates listed.
  'citizen-card:search-holders': { record: null },
  'citizen-card:holder': { record: { kind: 'card_holder', id: (input: { id: string }) => input.id } },
  'citizen-card:duplicates': { record: null },
  // La Transfo: a call's list of candidates, one candidate, the history of their moves (reasons).
  'transfo:candidates': { record: { kind: 'transfo_campaign', id: (input: { campaignId: string }) => input.campaignId } },
  'transfo:candidate': { record: { kind: 'transfo_candidate', id: (input: { id: string }) => input.id } },
  'transfo:history': { record: { kind: 'transfo_candidate', id: (input: { id: string }) => input.id } },
};
