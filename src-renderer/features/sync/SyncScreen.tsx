/** #/sync — where sending stands, connecting to the portal, refused changes and conflicts. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { translateError } from '../../app/i18n';
import { useScreenTitle } from '../../app/use-screen-title';
import { Alert } from '../../components/Alert';
import { ConflictList } from './ConflictList';
import { EnrolForm } from './EnrolForm';
import { RejectedList } from './RejectedList';
import { SyncState } from './SyncState';

export function SyncScreen() {
  const { t } = useTranslation();
  const heading = useScreenTitle(t('syncCenter.title'));
  const status = useResult(() => invoke('sync:status', {}), 'sync-status', ['sync:changed', 'workshops:changed']);
  const s = status.data;
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="screen sync-screen">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('syncCenter.title')}
        </h1>
      </div>
      {status.error && !s ? (
        <Alert tone="error" role="alert">
          {translateError(t, status.error, 'device')}
        </Alert>
      ) : null}
      {s ? <SyncState status={s} /> : null}
      {s && (!s.enrolled || s.phase === 'revoked') ? <EnrolForm /> : null}
      {s && s.rejected > 0 ? <RejectedList /> : null}
      <div role="status">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {s && s.conflicts > 0 ? <ConflictList onResolved={setNotice} /> : null}
      {s && s.enrolled && s.rejected === 0 && s.conflicts === 0 ? (
        <p className="sync-screen__quiet">
          {t('syncCenter.rejectedNone')} {t('syncCenter.conflictsNone')}
        </p>
      ) : null}
    </div>
  );
}
