/**
 * Same-field conflicts flagged by the portal: every value, who typed it when, and a person
 * chooses. The choice becomes an ordinary change that settles the conflict on every laptop.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDateTime } from '../../app/format';
import { currentLanguage, translateError } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { fieldLabel, valueText } from './sync-values';

export function ConflictList({ onResolved }: { onResolved: (text: string) => void }) {
  const { t } = useTranslation();
  const conflicts = useResult(() => invoke('sync:conflicts', {}), 'sync-conflicts', ['sync:changed', 'workshops:changed']);
  const [error, setError] = useState<string | null>(null);

  async function choose(entity: SyncEntity, recordId: string, field: string, choice: number) {
    const result = await invoke('sync:resolve', { entity, recordId, field, choice });
    // The list may disappear with its last conflict: the screen says the choice was taken.
    if (result.ok) onResolved(t('syncCenter.resolved'));
    else setError(translateError(t, result.error, 'conflict'));
    conflicts.reload();
  }

  return (
    <section aria-labelledby="sync-conflicts" className="panel">
      <h2 id="sync-conflicts">{t('syncCenter.conflictsHeading')}</h2>
      <p>{t('syncCenter.conflictsIntro')}</p>
      {error ? (
        <Alert tone="error" role="alert">
          {error}
        </Alert>
      ) : null}
      <ul className="sync-list" data-testid="conflict-list">
        {(conflicts.data ?? []).map((conflict) => {
          const id = `conflict-${conflict.recordId}-${conflict.field}`;
          return (
            <li key={id} className="sync-list__item">
              <h3 id={id} className="sync-list__title">
                {t('syncCenter.conflictOf', { field: fieldLabel(t, conflict.field), label: t(conflict.label.key, conflict.label.values) })}
              </h3>
              <ul className="sync-choices">
                {conflict.candidates.map((candidate, index) => (
                  <li key={index} className="sync-choices__item">
                    <span id={`${id}-${index}`}>
                      {t('syncCenter.candidate', {
                        value: valueText(t, conflict.field, candidate.value),
                        time: formatDateTime(candidate.capturedAt, currentLanguage()),
                      })}{' '}
                      {index === conflict.winner ? t('syncCenter.kept') : null}
                    </span>
                    <Button aria-describedby={`${id} ${id}-${index}`} onPress={() => void choose(conflict.entity, conflict.recordId, conflict.field, index)}>
                      {t('syncCenter.choose')}
                    </Button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
