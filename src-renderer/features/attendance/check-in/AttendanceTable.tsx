/**
 * Everyone registered or recorded for the workshop, with what each person agreed to, and the
 * actions their status allows: cancel or absent for those expected, consents for those present,
 * and an undo back to the registration.
 */
import { useTranslation } from 'react-i18next';
import type { AttendanceView } from '#shared/attendance/attendance.schema.js';
import { Button } from '#renderer/components/Button.js';

export type RowAction = 'cancel' | 'no-show' | 'reinstate' | 'consent' | 'remove';

function ConsentSummary({ a }: { a: AttendanceView }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (a.consents.contact) parts.push(t(a.consents.contact.granted ? 'attendance.consentSummary.contactYes' : 'attendance.consentSummary.contactNo'));
  if (a.consents.study) parts.push(t(a.consents.study.granted ? 'attendance.consentSummary.studyYes' : 'attendance.consentSummary.studyNo'));
  return <>{parts.length ? parts.join(', ') : t('attendance.consentSummary.none')}</>;
}

/** `readOnly`: a cancelled workshop's list, which takes no change. */
export function AttendanceTable({ items, onAction, readOnly = false }: { items: readonly AttendanceView[]; onAction: (a: AttendanceView, action: RowAction) => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="empty-state">{t('attendance.list.empty')}</p>;
  return (
    <table className="data-table attendance-table">
      <thead>
        <tr>
          <th scope="col">{t('attendance.list.name')}</th>
          <th scope="col">{t('attendance.list.status')}</th>
          <th scope="col">{t('attendance.list.consents')}</th>
          {readOnly ? null : <th scope="col">{t('attendance.list.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((a) => {
          const label = a.name ?? a.email ?? t('attendance.list.unnamed');
          const expected = a.status === 'registered';
          return (
            <tr key={a.id} data-testid="attendance-row">
              <th scope="row" className="attendance-table__name">
                {label}
                <span className="attendance-table__source"> — {t(`labels.attendanceSources.${a.source}`)}</span>
              </th>
              <td>
                <span className={`status-badge attendance-status--${a.status}`}>{t(`labels.attendanceStatuses.${a.status}`)}</span>
              </td>
              <td>
                <ConsentSummary a={a} />
              </td>
              {readOnly ? null : (
                <td className="attendance-table__actions">
                  {expected ? (
                    <>
                      <Button variant="quiet" onPress={() => onAction(a, 'cancel')} aria-label={`${t('attendance.list.cancel')} — ${label}`}>
                        {t('attendance.list.cancel')}
                      </Button>
                      <Button variant="quiet" onPress={() => onAction(a, 'no-show')} aria-label={`${t('attendance.list.noShow')} — ${label}`}>
                        {t('attendance.list.noShow')}
                      </Button>
                    </>
                  ) : null}
                  {a.status === 'present' ? (
                    <Button variant="quiet" onPress={() => onAction(a, 'consent')} aria-label={`${t('attendance.list.askConsent')} — ${label}`}>
                      {t('attendance.list.askConsent')}
                    </Button>
                  ) : null}
                  {!expected && a.source === 'pre_registered' ? (
                    <Button variant="quiet" onPress={() => onAction(a, 'reinstate')} aria-label={`${t('attendance.list.undo')} — ${label}`}>
                      {t('attendance.list.undo')}
                    </Button>
                  ) : null}
                  {a.source !== 'pre_registered' ? (
                    <Button variant="quiet" onPress={() => onAction(a, 'remove')} aria-label={`${t('attendance.list.remove')} — ${label}`}>
                      {t('attendance.list.remove')}
                    </Button>
                  ) : null}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
