/** The attendance commands of the contract (see src-shared/contract.ts). */
import { z } from 'zod';
import { command } from '../command.js';
import {
  arrivalResultSchema,
  attendanceListSchema,
  attendanceRefSchema,
  attendanceSearchInputSchema,
  attendanceViewSchema,
  checkInInputSchema,
  headCountInputSchema,
  paperEntryInputSchema,
  paperEntryResultSchema,
  registerInputSchema,
  roomCountsSchema,
  searchResultSchema,
  signInSheetInputSchema,
  signInSheetSchema,
  walkInInputSchema,
  workshopAttendanceRefSchema,
} from './attendance.schema.js';

export const attendanceCommands = {
  /** Everyone registered or recorded for a workshop, with the counts in the room. */
  'attendance:list': command(workshopAttendanceRefSchema, attendanceListSchema),
  /** Present, anonymous, total… for the counters on the check-in screen. */
  'attendance:counts': command(workshopAttendanceRefSchema, roomCountsSchema),
  /** Search-as-you-type among a workshop's registered people, by name or email, accents ignored. */
  'attendance:search': command(attendanceSearchInputSchema, searchResultSchema),
  /** Pre-registers a person for a workshop. */
  'attendance:register': command(registerInputSchema, attendanceViewSchema),
  /** A registered person arrives; optional consents and (only with study consent) the profile. */
  'attendance:check-in': command(checkInInputSchema, arrivalResultSchema),
  /** Consents, and the profile with study consent, for someone present (asked after a quick check-in). */
  'attendance:record-consent': command(checkInInputSchema, arrivalResultSchema),
  /** Someone who did not register; without identity nor study consent only the count grows. */
  'attendance:walk-in': command(walkInInputSchema, arrivalResultSchema),
  /** +1 / −1 on the anonymous count (append-only entries, so two laptops never conflict). */
  'attendance:head-count': command(headCountInputSchema, roomCountsSchema),
  'attendance:cancel': command(attendanceRefSchema, attendanceViewSchema),
  'attendance:no-show': command(attendanceRefSchema, attendanceViewSchema),
  /** Undo: back to registered (a check-in, cancel or no-show made by mistake). */
  'attendance:reinstate': command(attendanceRefSchema, attendanceViewSchema),
  /** Tombstones an attendance typed by mistake, with its consents, profile and (if alone) identity. */
  'attendance:remove': command(attendanceRefSchema, attendanceViewSchema),
  /** The rows of a paper sign-in sheet, typed after the workshop. */
  'attendance:paper-entry': command(paperEntryInputSchema, paperEntryResultSchema),
  /** The printable sign-in sheet as a PDF (base64). */
  'attendance:sign-in-sheet': command(signInSheetInputSchema, signInSheetSchema),
} as const;

export const attendanceEvents = {
  /**
   * `id` of the workshop whose attendance changed; a page pulled from the portal sends the
   * pulled record's id or '*', so listeners refetch on any event of this name.
   */
  'attendance:changed': z.object({ id: z.string() }),
} as const;
