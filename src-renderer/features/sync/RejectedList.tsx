/** Changes the portal refused, with its reason: visible, never blocking the rest of the queue. */
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDateTime } from '../../app/format';
import { currentLanguage, isKey } from '../../app/i18n';
import { fieldLabel } from './sync-values';

export function RejectedList() {
  const { t } = useTranslation();
  const rejected = useResult(() => invoke('sync:rejected', {}), 'sync-rejected', ['sync:changed']);
  const reason = (code: string) => {
    const key = `syncCenter.reasons.${code}`;
    return isKey(key) ? t(key) : t('syncCenter.reasons.other', { code });
  };
  return (
    <section aria-labelledby="sync-rejected" className="panel">
      <h2 id="sync-rejected">{t('syncCenter.rejectedHeading')}</h2>
      <p>{t('syncCenter.rejectedIntro')}</p>
      <ul className="sync-list" data-testid="rejected-list">
        {(rejected.data ?? []).map((change) => (
          <li key={change.seq} className="sync-list__item">
            <p className="sync-list__title">
              «&nbsp;{t(change.label.key, change.label.values)}&nbsp;» — {formatDateTime(change.capturedAt, currentLanguage())}
            </p>
            <p>{t('syncCenter.rejectedReason', { reason: reason(change.reason.code) })}</p>
            {change.reason.fields ? (
              <p>{t('syncCenter.rejectedFields', { fields: Object.keys(change.reason.fields).map((f) => fieldLabel(t, f)).join(', ') })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
