/**
 * #/workshops/:id/attendance — the welcome desk. The search box has the focus on arrival;
 * the anonymous count, a walk-in and the sign-in sheet are one key or one click away; the
 * counts in the room are always in view. Every change can be undone from the notice.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttendanceView, SearchHit } from '../../../../src-shared/attendance/attendance.schema';
import type { AppError } from '../../../../src-shared/result';
import { invoke } from '../../../api/client';
import { useResult } from '../../../api/use-result';
import { currentLanguage, translateError } from '../../../app/i18n';
import { useNotice } from '../../../app/notices';
import { useScreenTitle } from '../../../app/use-screen-title';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ArrivalDialog, type ArrivalMode } from '../shared/ArrivalDialog';
import { useFacilitator } from '../shared/use-stored-state';
import { AttendanceTable, type RowAction } from './AttendanceTable';
import { CheckInSearch } from './CheckInSearch';
import { RoomCountsPanel } from './RoomCountsPanel';
import { downloadSignInSheet } from './sign-in-sheet-download';
import '../attendance.css';

export function CheckInScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice();
  const workshop = useResult(() => invoke('workshops:get', { id }), id, ['workshops:changed']);
  const list = useResult(() => invoke('attendance:list', { workshopId: id }), id, ['attendance:changed']);
  const [facilitator, setFacilitator] = useFacilitator(workshop.data?.facilitators[0] ?? '');
  const [dialog, setDialog] = useState<ArrivalMode | null>(null);
  const [revision, setRevision] = useState(0);
  const w = workshop.data;
  useScreenTitle(w ? t('attendance.title', { title: w.title }) : undefined);
  const by = facilitator.trim();
  const [facilitatorMissing, setFacilitatorMissing] = useState(false);
  const facilitatorRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  /** Every arrival and consent names who recorded it: ask once, then the laptop remembers. */
  function needFacilitator(): boolean {
    if (by) return false;
    setFacilitatorMissing(true);
    facilitatorRef.current?.focus();
    return true;
  }

  const changed = () => {
    setRevision((n) => n + 1);
    list.reload();
  };
  const showError = (error: AppError, key?: string) => notice.show({ tone: 'error', message: (tr) => (key ? tr(key) : translateError(tr, error.code)) });

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
    return true;
  }

  async function anonymous(delta: 1 | -1) {
    const r = await invoke('attendance:head-count', { workshopId: id, delta });
    if (!r.ok) return showError(r.error, r.error.code === 'invalid_transition' && delta < 0 ? 'attendance.errors.belowZero' : undefined);
    changed();
    notice.show({ tone: 'success', message: (tr) => tr(delta > 0 ? 'attendance.notices.counted' : 'attendance.notices.uncounted', { count: r.value.anonymous }) });
  }

  async function rowAction(a: AttendanceView, action: RowAction) {
    if (needFacilitator()) return;
    if (action === 'consent') return setDialog({ kind: 'consent', attendance: a });
    const command = ({ cancel: 'attendance:cancel', 'no-show': 'attendance:no-show', reinstate: 'attendance:reinstate', remove: 'attendance:remove' } as const)[action];
    const r = await invoke(command, { attendanceId: a.id, recordedBy: by });
    if (!r.ok) return showError(r.error);
    changed();
    notice.show({ tone: 'success', message: (tr) => (action === 'remove' ? tr('attendance.notices.removed') : tr('attendance.notices.statusChanged', { name: a.name ?? '' })) });
  }

  async function sheet() {
    notice.show({ tone: 'info', message: (tr) => tr('attendance.sheetWorking') });
    const r = await invoke('attendance:sign-in-sheet', { workshopId: id, locale: currentLanguage() });
    if (!r.ok) return showError(r.error);
    downloadSignInSheet(r.value.fileName, r.value.base64);
    notice.show({ tone: 'success', message: (tr) => tr('attendance.sheetReady', { file: r.value.fileName }) });
  }

  if (!w) {
    return (
      <div className="screen">
        {workshop.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, workshop.error.code)}</p>
          </Alert>
        ) : (
          <p className="loading">{t('attendance.loading')}</p>
        )}
      </div>
    );
  }

  return (
    <div className="screen check-in">
      <p className="back-link">
        <Link to={`/workshops/${w.id}`}>
          <span aria-hidden="true">← </span>
          {t('attendance.back')}
        </Link>
      </p>
      <h1>{t('attendance.title', { title: w.title })}</h1>
      {list.data ? <RoomCountsPanel counts={list.data.counts} /> : null}
      <div className="check-in__desk">
        <CheckInSearch workshopId={w.id} revision={revision} onCheckIn={checkIn} onAnonymous={(d) => void anonymous(d)} />
        <div className="check-in__quick" role="group" aria-label={t('attendance.counts.anonymous')}>
          <Button variant="primary" onPress={() => void anonymous(1)}>
            {t('attendance.anonymousPlus')}
          </Button>
          <Button variant="secondary" onPress={() => void anonymous(-1)}>
            {t('attendance.anonymousMinus')}
          </Button>
          <Button variant="primary" onPress={() => !needFacilitator() && setDialog({ kind: 'walk-in' })}>
            {t('attendance.walkIn')}
          </Button>
        </div>
      </div>
      <TextField
        label={t('attendance.facilitator')}
        name="facilitator"
        description={t('attendance.facilitatorHint')}
        value={facilitator}
        onChange={(name) => {
          setFacilitator(name);
          if (name.trim()) setFacilitatorMissing(false);
        }}
        errorMessage={facilitatorMissing && !by ? t('attendance.errors.facilitator') : undefined}
        inputRef={facilitatorRef}
        isRequired
        className="check-in__facilitator"
      />
      <div className="actions">
        <Button variant="secondary" onPress={() => !needFacilitator() && setDialog({ kind: 'register' })}>
          {t('attendance.register')}
        </Button>
        <Button variant="secondary" onPress={() => void sheet()}>
          {t('attendance.sheet')}
        </Button>
        <Link to={`/workshops/${w.id}/attendance/paper`} className="button button--secondary">
          {t('attendance.paper')}
        </Link>
      </div>
      <h2>{t('attendance.list.heading')}</h2>
      {list.data ? <AttendanceTable items={list.data.items} onAction={(a, action) => void rowAction(a, action)} /> : <p className="loading">{t('attendance.loading')}</p>}
      {dialog ? (
        <ArrivalDialog
          key={dialog.kind}
          mode={dialog}
          workshopId={w.id}
          recordedBy={by}
          onClose={() => setDialog(null)}
          onDone={({ attendance }) => {
            const kind = dialog.kind;
            setDialog(null);
            changed();
            notice.show({
              tone: 'success',
              message: (tr) =>
                kind === 'register'
                  ? tr('attendance.notices.registered', { name: attendance?.name ?? '' })
                  : kind === 'consent'
                    ? tr('attendance.notices.consentSaved')
                    : attendance
                      ? tr('attendance.notices.walkedIn')
                      : tr('attendance.notices.countedOnly'),
            });
          }}
        />
      ) : null}
    </div>
  );
}
