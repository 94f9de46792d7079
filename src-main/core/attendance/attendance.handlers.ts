/** The attendance commands' handlers, spread into the core's handler table (handlers.ts). */
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';
import { createAttendanceService } from './attendance.service.js';

export function createAttendanceHandlers(deps: ServiceDeps) {
  const attendance = createAttendanceService(deps);
  return defineHandlers<'attendance'>({
    'attendance:list': attendance.list,
    'attendance:counts': attendance.counts,
    'attendance:search': attendance.search,
    'attendance:register': attendance.register,
    'attendance:check-in': attendance.checkIn,
    'attendance:record-consent': attendance.recordConsent,
    'attendance:walk-in': attendance.walkIn,
    'attendance:head-count': attendance.headCount,
    'attendance:cancel': attendance.cancel,
    'attendance:no-show': attendance.noShow,
    'attendance:reinstate': attendance.reinstate,
    'attendance:remove': attendance.remove,
    'attendance:paper-entry': attendance.paperEntry,
    'attendance:sign-in-sheet': attendance.signInSheet,
  });
}
