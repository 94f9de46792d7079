/**
 * #/people/:id — everything held about one person, the files to hand to them (PDF in the
 * screen's language, JSON), and their erasure behind a confirmation. Opening it is written in
 * the access log (by the core), with the name given on the search screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AccessReport } from '#shared/people/people.schema.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDateTime } from '../../app/format';
import { currentLanguage, translateError } from '../../app/i18n';
import { useNotice } from '../../app/notices';
import { useScreenTitle } from '../../app/use-screen-title';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { downloadBase64 } from '../../components/download';
import { ActorField } from './ActorField';
import { EraseDialog } from './EraseDialog';
import { PersonReport } from './PersonReport';
import { useActor } from './use-actor';
import './people.css';
import { BackLink } from '#renderer/components/BackLink.js';

type ExportState = { kind: 'idle' } | { kind: 'busy'; format: 'pdf' | 'json' } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

const nameOf = (r: AccessReport | undefined) => {
  const fields = r?.identities.find((i) => i.entity === r.subject.entity)?.fields;
  return fields?.name ?? fields?.email ?? null;
};

export function PersonScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [actor, setActor] = useActor();
  const [asked, setAsked] = useState(actor.trim());
  const notice = useNotice();
  const report = useResult<AccessReport | null>(
    () => (asked ? invoke('people:access', { personId: id, actor: asked }) : Promise.resolve({ ok: true as const, value: null })),
    `${id}|${asked}`,
    ['people:changed'],
  );
  const [exporting, setExporting] = useState<ExportState>({ kind: 'idle' });
  const [erasing, setErasing] = useState(false);
  const r = report.data ?? undefined;
  const name = nameOf(r);
  const title = r ? (r.erasure ? t('people.person.titleErased') : t('people.person.title', { name: name ?? t('people.noName') })) : t('people.title');
  const heading = useScreenTitle(report.data === undefined && !report.error ? undefined : title);
  const language = currentLanguage();

  async function download(format: 'pdf' | 'json') {
    setExporting({ kind: 'busy', format });
    const file = await invoke('people:export', { personId: id, actor: asked, format, language });
    if (!file.ok) return setExporting({ kind: 'error', message: `${t('people.person.exportError')} ${translateError(t, file.error, 'person')}` });
    downloadBase64(file.value.fileName, file.value.mediaType, file.value.base64);
    setExporting({ kind: 'done', name: file.value.fileName });
  }

  async function erase(): Promise<string | null> {
    const result = await invoke('people:erase', { personId: id, actor: asked, confirm: true });
    if (!result.ok) return `${t('people.erase.error')} ${translateError(t, result.error, 'person')}`;
    notice.show({ tone: 'success', message: (tr) => tr('people.erase.done') });
    report.reload();
    return null;
  }

  return (
    <div className="screen people">
      <BackLink to="/people">{t('people.person.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
      </div>

      {!asked ? (
        <form
          noValidate
          className="people-search"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked(actor.trim());
          }}
        >
          <ActorField value={actor} onChange={setActor} missing />
          <Button type="submit" variant="primary">
            {t('people.searchSubmit')}
          </Button>
        </form>
      ) : report.error ? (
        <Alert tone="error" role="alert">
          <p>{report.error.code === 'not_found' ? t('people.person.notFound') : `${t('people.person.loadError')} ${translateError(t, report.error, 'person')}`}</p>
        </Alert>
      ) : !r ? (
        <p className="loading" role="status">
          {t('people.person.loading')}
        </p>
      ) : (
        <>
          {r.erasure ? (
            <Alert tone="info">
              <p>{t('people.person.erasedBanner', { date: formatDateTime(r.erasure.erasedAt, language), reason: t(`people.person.reasons.${r.erasure.reason}`) })}</p>
              {r.erasure.erasedBy ? <p>{t('people.person.erasedBy', { name: r.erasure.erasedBy })}</p> : null}
            </Alert>
          ) : null}
          <section aria-labelledby="person-exports" className="person-section person-exports">
            <h2 id="person-exports">{t('people.person.exportsTitle')}</h2>
            <p>{t('people.person.exportsHint')}</p>
            <div className="person-exports__buttons">
              {(['pdf', 'json'] as const).map((format) => (
                <Button key={format} variant="secondary" isDisabled={exporting.kind === 'busy'} onPress={() => void download(format)}>
                  {format === 'pdf' ? t('people.person.exportPdf') : t('people.person.exportJson')}
                </Button>
              ))}
            </div>
            <p role="status" aria-live="polite" className="person-exports__status">
              {exporting.kind === 'busy' ? t('people.person.exporting') : exporting.kind === 'done' ? t('people.person.exported', { name: exporting.name }) : ''}
            </p>
            {exporting.kind === 'error' ? (
              <Alert tone="error" role="alert">
                <p>{exporting.message}</p>
              </Alert>
            ) : null}
          </section>
          <PersonReport report={r} />
          {r.erasure ? null : (
            <section aria-labelledby="person-erase" className="person-section person-erase">
              <h2 id="person-erase">{t('people.person.eraseTitle')}</h2>
              <p>{t('people.person.eraseHint')}</p>
              <Button variant="danger" onPress={() => setErasing(true)}>
                {t('people.person.erase')}
              </Button>
              <EraseDialog isOpen={erasing} onOpenChange={setErasing} name={name ?? t('people.noName')} onConfirm={erase} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
