/**
 * #/workshops/:id/attendance — the welcome desk. The search box has the focus on arrival;
 * the anonymous count, a walk-in and the sign-in sheet are one key or one click away; the
 * counts in the room are always in view; the study is offered right after a check-in. Every
 * change can be undone from the notice. Once the workshop is closed the door is shut and the
 * screen says so up front: the sign-in sheet, the paper sheet and the list stay at hand.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isEditable } from '#shared/workshops/workshop.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { TextField } from '#renderer/components/TextField.js';
import { ArrivalDialog, type ArrivalMode } from '../shared/ArrivalDialog';
import { useStoredState } from '#renderer/app/use-stored-state.js';
import { useFacilitator } from '../shared/use-facilitator';
import { AttendanceTable } from './AttendanceTable';
import { CheckInSearch } from './CheckInSearch';
import { RoomCountsPanel } from './RoomCountsPanel';
import { useDeskActions } from './use-desk-actions';
import '../attendance.css';

export function CheckInScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const workshop = useResult(() => invoke('workshops:get', { id }), id, ['workshops:changed']);
  const list = useResult(() => invoke('attendance:list', { workshopId: id }), id, ['attendance:changed']);
  const [facilitator, setFacilitator] = useFacilitator(workshop.data?.facilitators[0] ?? '');
  const [offer, setOffer] = useStoredState('atelier.attendance.offerStudy', { on: true });
  const [dialog, setDialog] = useState<ArrivalMode | null>(null);
  const [revision, setRevision] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  /** Bumped to put the focus back in the search box once a dialog has gone. */
  const [backToSearch, setBackToSearch] = useState(0);
  const w = workshop.data;
  useScreenTitle(w ? t('attendance.title', { title: w.title }) : undefined);
  const by = facilitator.trim();
  const [facilitatorMissing, setFacilitatorMissing] = useState(false);
  const facilitatorRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // After the dialog is gone (and before react-aria would restore the focus to the button
  // that opened it), the next person is searched for: the focus goes to the search box.
  useEffect(() => {
    if (backToSearch) searchRef.current?.focus();
  }, [backToSearch]);

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
  const desk = useDeskActions({ workshopId: id, by, needFacilitator, offerStudy: offer.on, openDialog: setDialog, changed });

  if (!w) {
    return (
      <div className="screen">
        {workshop.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, workshop.error, 'workshop')}</p>
          </Alert>
        ) : (
          <p className="loading">{t('attendance.loading')}</p>
        )}
      </div>
    );
  }

  const atTheDoor = isEditable(w.status);
  const cancelled = w.status === 'cancelled';
  /** Dialogs opened for the next arrival give the focus back to the search box. */
  const forNextArrival = (mode: ArrivalMode) => mode.kind !== 'consent' || Boolean(mode.offered);

  return (
    <div className="screen check-in">
      <p className="back-link">
        <Link to={`/workshops/${w.id}`}>
          <span aria-hidden="true">← </span>
          {t('attendance.back')}
        </Link>
      </p>
      <h1>{t('attendance.title', { title: w.title })}</h1>
      {atTheDoor ? null : (
        <Alert tone="info">
          <p>{t(cancelled ? 'attendance.after.cancelled' : 'attendance.after.closed')}</p>
        </Alert>
      )}
      {list.data ? <RoomCountsPanel counts={list.data.counts} /> : null}
      {atTheDoor ? (
        <div className="check-in__desk">
          <CheckInSearch workshopId={w.id} revision={revision} inputRef={searchRef} onCheckIn={desk.checkIn} onAnonymous={(d) => void desk.anonymous(d)} />
          <div className="check-in__quick" role="group" aria-label={t('attendance.counts.anonymous')}>
            <Button variant="primary" onPress={() => void desk.anonymous(1)}>
              {t('attendance.anonymousPlus')}
            </Button>
            <Button variant="secondary" onPress={() => void desk.anonymous(-1)}>
              {t('attendance.anonymousMinus')}
            </Button>
            <Button variant="primary" onPress={() => !needFacilitator() && setDialog({ kind: 'walk-in' })}>
              {t('attendance.walkIn')}
            </Button>
          </div>
        </div>
      ) : null}
      {cancelled ? null : (
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
      )}
      {atTheDoor ? <CheckboxField label={t('attendance.offerStudy')} name="offerStudy" value={offer.on} onChange={(on) => setOffer({ on })} /> : null}
      {cancelled ? null : (
        <div className="actions">
          {atTheDoor ? (
            <Button variant="secondary" onPress={() => !needFacilitator() && setDialog({ kind: 'register' })}>
              {t('attendance.register')}
            </Button>
          ) : null}
          <Button variant="secondary" onPress={() => void desk.sheet()}>
            {t('attendance.sheet')}
          </Button>
          <Link to={`/workshops/${w.id}/attendance/paper`} className="button button--secondary">
            {t('attendance.paper')}
          </Link>
        </div>
      )}
      <h2>{t('attendance.list.heading')}</h2>
      {list.data ? (
        <AttendanceTable items={list.data.items} readOnly={cancelled} onAction={(a, action) => void desk.rowAction(a, action)} />
      ) : (
        <p className="loading">{t('attendance.loading')}</p>
      )}
      {dialog ? (
        <ArrivalDialog
          key={dialog.kind === 'consent' ? `consent-${dialog.attendance.id}` : dialog.kind}
          mode={dialog}
          workshopId={w.id}
          recordedBy={by}
          onClose={() => {
            setDialog(null);
            if (dialog.kind === 'consent' && dialog.offered) setBackToSearch((n) => n + 1);
          }}
          onDone={({ attendance }) => {
            setDialog(null);
            if (forNextArrival(dialog)) setBackToSearch((n) => n + 1);
            desk.dialogDone(dialog, attendance);
          }}
        />
      ) : null}
    </div>
  );
}
