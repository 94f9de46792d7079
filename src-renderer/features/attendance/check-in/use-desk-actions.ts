/**
 * What the welcome desk does, each answered by a notice that can be undone where it makes
 * sense: check-in (then the study offered at once), the anonymous count, the row actions and
 * the sign-in sheet. The screen decides what is shown; this decides what happens.
 */
import type { ParseKeys } from 'i18next';
import type { AttendanceView, SearchHit } from '#shared/attendance/attendance.schema.js';
import type { AppError } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import type { ArrivalMode } from '../shared/ArrivalDialog';
import type { RowAction } from './AttendanceTable';
import { downloadSignInSheet } from './sign-in-sheet-download';

export interface DeskDeps {
  workshopId: string;
  /** Who records, already trimmed; '' until someone says who is welcoming. */
  by: string;
  /** Asks who is welcoming when nobody said so yet; true when the action must wait. */
  needFacilitator: () => boolean;
  /** Offer the study questions right after a check-in (when the person was not asked yet). */
  offerStudy: boolean;
  openDialog: (mode: ArrivalMode) => void;
  changed: () => void;
}

export function useDeskActions({ workshopId, by, needFacilitator, offerStudy, openDialog, changed }: DeskDeps) {
  const notice = useNotice();
  const showError = (error: AppError, key?: ParseKeys) => notice.show({ tone: 'error', message: (tr) => (key ? tr(key) : translateError(tr, error, 'registration')) });

  async function checkIn(hit: SearchHit): Promise<boolean> {
    if (hit.status === 'present') {
      notice.show({ tone: 'info', message: (tr) => tr('attendance.errors.alreadyPresent') });
      return false;
    }
    if (needFacilitator()) return false;
    const r = await invoke('attendance:check-in', { attendanceId: hit.attendanceId, recordedBy: by });
    if (!r.ok) {
      showError(r.error);
      return false;
    }
    changed();
    notice.show({
      tone: 'success',
      message: (tr) => tr('attendance.notices.checkedIn', { name: hit.name ?? hit.email ?? '' }),
      action: { label: (tr) => tr('attendance.notices.undo'), run: () => void rowAction({ id: hit.attendanceId, name: hit.name } as AttendanceView, 'reinstate') },
    });
    // The study is asked where the person is checked in, unless they already answered it.
    const attendance = r.value.attendance;
    if (offerStudy && attendance && attendance.consents.study === null) openDialog({ kind: 'consent', attendance, offered: true });
    return true;
  }

  async function anonymous(delta: 1 | -1) {
    const r = await invoke('attendance:head-count', { workshopId, delta });
    if (!r.ok) return showError(r.error, r.error.code === 'invalid_transition' && delta < 0 ? 'attendance.errors.belowZero' : undefined);
    changed();
    notice.show({ tone: 'success', message: (tr) => tr(delta > 0 ? 'attendance.notices.counted' : 'attendance.notices.uncounted', { count: r.value.anonymous }) });
  }

  async function rowAction(a: AttendanceView, action: RowAction) {
    if (needFacilitator()) return;
    if (action === 'consent') return openDialog({ kind: 'consent', attendance: a });
    const command = ({ cancel: 'attendance:cancel', 'no-show': 'attendance:no-show', reinstate: 'attendance:reinstate', remove: 'attendance:remove' } as const)[action];
    const r = await invoke(command, { attendanceId: a.id, recordedBy: by });
    if (!r.ok) return showError(r.error);
    changed();
    notice.show({ tone: 'success', message: (tr) => (action === 'remove' ? tr('attendance.notices.removed') : tr('attendance.notices.statusChanged', { name: a.name ?? '' })) });
  }

  async function sheet() {
    notice.show({ tone: 'info', message: (tr) => tr('attendance.sheetWorking') });
    const r = await invoke('attendance:sign-in-sheet', { workshopId, locale: currentLanguage() });
    if (!r.ok) return showError(r.error);
    downloadSignInSheet(r.value.fileName, r.value.base64);
    notice.show({ tone: 'success', message: (tr) => tr('attendance.sheetReady', { file: r.value.fileName }) });
  }

  /** The notice once a dialog has saved. */
  function dialogDone(mode: ArrivalMode, attendance: AttendanceView | null) {
    changed();
    notice.show({
      tone: 'success',
      message: (tr) =>
        mode.kind === 'register'
          ? tr('attendance.notices.registered', { name: attendance?.name ?? '' })
          : mode.kind === 'consent'
            ? tr('attendance.notices.consentSaved')
            : attendance
              ? tr('attendance.notices.walkedIn')
              : tr('attendance.notices.countedOnly'),
    });
  }

  return { checkIn, anonymous, rowAction, sheet, dialogDone };
}
