/**
 * The commands whose input or output carries the identity of people recorded (a name, an
 * e-mail, a phone, a Citizen Card number), next to the contract. Two uses:
 * - `logged`: the command opens or exports personal data, and the core writes who did it in
 *   the access log (command, record kind and id, actor, time; never the data itself);
 * - all of them are the commands a locked app must refuse (issue 9's lock reads this list).
 *
 * `record` names what the access log says the command was about: the workshop whose desk was
 * opened, the person whose data was exported; null when it is about no one record (a search,
 * the list of rejected changes).
 */
import type { CommandName, CommandParsedInput } from './contract.js';

export interface PersonalCommand<K extends CommandName> {
  logged: boolean;
  record: { kind: string; id: (input: CommandParsedInput<K>) => string } | null;
}

type PersonalCommands = { [K in CommandName]?: PersonalCommand<K> };

const workshop = { kind: 'workshop', id: (input: { workshopId: string }) => input.workshopId };
const person = { kind: 'person', id: (input: { personId: string }) => input.personId };
const attendance = { kind: 'attendance', id: (input: { attendanceId: string }) => input.attendanceId };

export const personalCommands: PersonalCommands = {
  // The welcome desk: its list of names, the search among them, the printed sheet.
  'attendance:list': { logged: true, record: workshop },
  'attendance:search': { logged: true, record: workshop },
  'attendance:sign-in-sheet': { logged: true, record: workshop },
  // Recording people: the data is typed in, and each row keeps who recorded it.
  'attendance:register': { logged: false, record: workshop },
  'attendance:check-in': { logged: false, record: attendance },
  'attendance:record-consent': { logged: false, record: attendance },
  'attendance:walk-in': { logged: false, record: workshop },
  'attendance:paper-entry': { logged: false, record: workshop },
  'attendance:cancel': { logged: false, record: attendance },
  'attendance:no-show': { logged: false, record: attendance },
  'attendance:reinstate': { logged: false, record: attendance },
  'attendance:remove': { logged: false, record: attendance },
  // The sync screen names the records it lists (a person by their name).
  'sync:rejected': { logged: true, record: null },
  'sync:conflicts': { logged: true, record: null },
  // The rights of the people recorded.
  'people:search': { logged: true, record: null },
  'people:access': { logged: true, record: person },
  'people:export': { logged: true, record: person },
  'people:erase': { logged: true, record: person },
  'people:retention': { logged: true, record: null },
  'people:set-retention': { logged: false, record: null },
  'people:access-log': { logged: false, record: null },
};

export function isPersonalCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(personalCommands, name);
}
