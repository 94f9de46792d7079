/**
 * #/people/access-log — who opened or exported personal data on this computer, when, and what
 * about (a workshop's desk, a person's data), newest first. Never the data itself.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommandOutput } from '#shared/contract.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDateTime } from '../../app/format';
import { currentLanguage, translateError } from '../../app/i18n';
import { useScreenTitle } from '../../app/use-screen-title';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import './people.css';
import { BackLink } from '#renderer/components/BackLink.js';

const PAGE = 100;

type Entry = CommandOutput<'people:access-log'>['entries'][number];

export function AccessLogScreen() {
  const { t } = useTranslation();
  const log = useResult(() => invoke('people:access-log', { limit: PAGE }), 'first', ['people:changed']);
  // Older pages, asked for one at a time after the last line shown.
  const [older, setOlder] = useState<{ entries: Entry[]; hasMore: boolean } | null>(null);
  const heading = useScreenTitle(t('people.accessLog.title'));
  const language = currentLanguage();
  const entries = [...(log.data?.entries ?? []), ...(older?.entries ?? [])];
  const hasMore = older ? older.hasMore : (log.data?.hasMore ?? false);
  async function more() {
    const last = entries[entries.length - 1];
    if (!last) return;
    const page = await invoke('people:access-log', { limit: PAGE, olderThan: last.id });
    if (page.ok) setOlder({ entries: [...(older?.entries ?? []), ...page.value.entries], hasMore: page.value.hasMore });
  }
  // `domain:verb` → `commands.domain.verb` (a colon would be read as an i18next namespace).
  const what = (command: string) => t(`people.accessLog.commands.${command.replace(':', '.')}`, { defaultValue: command });
  const about = (kind: string | null, id: string | null) => (kind && id ? t(`people.accessLog.kinds.${kind}`, { id: id.slice(0, 8), defaultValue: `${kind} ${id.slice(0, 8)}` }) : '');

  return (
    <div className="screen people">
      <BackLink to="/people">{t('people.person.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('people.accessLog.title')}
        </h1>
      </div>
      <p className="people__intro">{t('people.accessLog.intro')}</p>
      {log.error ? (
        <Alert tone="error" role="alert">
          <p>
            {t('people.accessLog.loadError')} {translateError(t, log.error, 'person')}
          </p>
        </Alert>
      ) : log.data && entries.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('people.accessLog.empty')}</p>
        </div>
      ) : log.data ? (
        <>
          <table className="workshop-table" data-testid="access-log">
            <caption className="visually-hidden">{t('people.accessLog.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.accessLog.colWhen')}</th>
                <th scope="col">{t('people.accessLog.colWho')}</th>
                <th scope="col">{t('people.accessLog.colWhat')}</th>
                <th scope="col">{t('people.accessLog.colRecord')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatDateTime(e.at, language)}</th>
                  <td>{e.actor === 'unknown' ? t('people.accessLog.unknownActor') : e.actor}</td>
                  <td>{what(e.command)}</td>
                  <td>
                    {e.recordId && (e.recordKind === 'person' || e.recordKind === 'workshop') ? (
                      <Link className="workshop-table__title" to={e.recordKind === 'person' ? `/people/${e.recordId}` : `/workshops/${e.recordId}`}>
                        {about(e.recordKind, e.recordId)}
                      </Link>
                    ) : (
                      about(e.recordKind, e.recordId)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasMore ? (
            <Button variant="secondary" onPress={() => void more()}>
              {t('people.accessLog.more')}
            </Button>
          ) : null}
        </>
      ) : (
        <p className="loading" role="status">
          {t('people.retention.loading')}
        </p>
      )}
    </div>
  );
}
