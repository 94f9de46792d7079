/**
 * #/citizen-card — the catalogue: the atelier types (list, create, edit) and their dated
 * sessions with their counts, each leading to its registrations and draw.
 */
import '../citizen-card.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AtelierType, Occurrence } from '#shared/citizen-card/citizen-card.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatRange } from '#renderer/app/format.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { NOUN } from '../shared/nouns';
import { AtelierTypeForm } from './AtelierTypeForm';
import { OccurrenceCreateForm } from './OccurrenceCreateForm';

type Editing = { kind: 'type'; atelierType?: AtelierType } | { kind: 'occurrence' } | null;

export function CatalogueScreen() {
  const { t } = useTranslation();
  const types = useResult(() => invoke('citizen-card:types', {}), 'types', ['citizen-card:changed']);
  const occurrences = useResult(() => invoke('citizen-card:occurrences', {}), 'occurrences', ['citizen-card:changed', 'workshops:changed']);
  const heading = useScreenTitle(t('citizenCard.catalogue.title'));
  const [editing, setEditing] = useState<Editing>(null);
  const typeList = types.data?.items ?? [];
  const typeTitle = new Map(typeList.map((x) => [x.id, x.title]));

  return (
    <div className="screen citizen-card">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('citizenCard.catalogue.title')}
        </h1>
        <Link to="/citizen-card/holders" className="button button--secondary">
          {t('citizenCard.catalogue.holdersLink')}
        </Link>
      </div>
      <p>{t('citizenCard.catalogue.intro')}</p>

      <section aria-labelledby="types-heading">
        <div className="section-head">
          <h2 id="types-heading">{t('citizenCard.catalogue.typesHeading')}</h2>
          <Button variant="secondary" onPress={() => setEditing({ kind: 'type' })}>
            <span aria-hidden="true">+ </span>
            {t('citizenCard.catalogue.newType')}
          </Button>
        </div>
        {types.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, types.error, NOUN.atelierType)}</p>
          </Alert>
        ) : !types.data ? (
          <p className="loading">{t('citizenCard.loading')}</p>
        ) : typeList.length === 0 ? (
          <p className="empty-state">{t('citizenCard.catalogue.noTypes')}</p>
        ) : (
          <TypeTable items={typeList} onEdit={(atelierType) => setEditing({ kind: 'type', atelierType })} />
        )}
        {editing?.kind === 'type' ? (
          <AtelierTypeForm key={editing.atelierType?.id ?? 'new'} atelierType={editing.atelierType} onDone={() => setEditing(null)} />
        ) : null}
      </section>

      <section aria-labelledby="occurrences-heading">
        <div className="section-head">
          <h2 id="occurrences-heading">{t('citizenCard.catalogue.occurrencesHeading')}</h2>
          {typeList.length > 0 ? (
            <Button variant="primary" onPress={() => setEditing({ kind: 'occurrence' })}>
              <span aria-hidden="true">+ </span>
              {t('citizenCard.catalogue.newOccurrence')}
            </Button>
          ) : null}
        </div>
        {types.data && typeList.length === 0 ? <p>{t('citizenCard.catalogue.needType')}</p> : null}
        {editing?.kind === 'occurrence' ? <OccurrenceCreateForm types={typeList} onDone={() => setEditing(null)} /> : null}
        {occurrences.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, occurrences.error, NOUN.occurrence)}</p>
          </Alert>
        ) : !occurrences.data ? (
          <p className="loading">{t('citizenCard.loading')}</p>
        ) : occurrences.data.items.length === 0 ? (
          <p className="empty-state">{t('citizenCard.catalogue.noOccurrences')}</p>
        ) : (
          <OccurrenceTable items={occurrences.data.items} typeTitle={typeTitle} />
        )}
      </section>
    </div>
  );
}

function TypeTable({ items, onEdit }: { items: readonly AtelierType[]; onEdit: (a: AtelierType) => void }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('citizenCard.catalogue.typesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('citizenCard.catalogue.colTitle')}</th>
          <th scope="col">{t('citizenCard.catalogue.colTheme')}</th>
          <th scope="col">{t('citizenCard.catalogue.colFormat')}</th>
          <th scope="col">{t('citizenCard.catalogue.colAudience')}</th>
          <th scope="col">{t('citizenCard.catalogue.colDuration')}</th>
          <th scope="col">{t('citizenCard.catalogue.colLanguages')}</th>
          <th scope="col">{t('citizenCard.catalogue.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id} data-testid="atelier-type-row">
            <th scope="row">{a.title}</th>
            <td>{t(`labels.atelierThemes.${a.theme}`)}</td>
            <td>{t(`labels.atelierFormats.${a.format}`)}</td>
            <td>{t(`labels.atelierAudiences.${a.audience}`)}</td>
            <td>{t('citizenCard.minutes', { count: a.durationMinutes })}</td>
            <td>{a.languages.map((l) => t(`labels.atelierLanguages.${l}`)).join(', ')}</td>
            <td>
              <Button variant="quiet" onPress={() => onEdit(a)}>
                {t('citizenCard.catalogue.editType', { title: a.title })}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OccurrenceTable({ items, typeTitle }: { items: readonly Occurrence[]; typeTitle: Map<string, string> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('citizenCard.catalogue.occurrencesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('citizenCard.catalogue.colWhen')}</th>
          <th scope="col">{t('citizenCard.catalogue.colOccurrence')}</th>
          <th scope="col">{t('citizenCard.catalogue.colPlaces')}</th>
          <th scope="col">{t('citizenCard.catalogue.colRegistered')}</th>
          <th scope="col">{t('citizenCard.catalogue.colDrawn')}</th>
          <th scope="col">{t('citizenCard.catalogue.colWaiting')}</th>
          <th scope="col">{t('citizenCard.catalogue.colFree')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ workshop: w, settings, atelierType, counts }) => (
          <tr key={w.id} data-testid="occurrence-row">
            <td>{formatRange(w.startsAt, w.endsAt, language)}</td>
            <td>
              <Link to={`/citizen-card/occurrences/${w.id}`}>{w.title}</Link>
              <span className="citizen-card__sub">{atelierType?.title ?? (settings ? typeTitle.get(settings.atelierTypeId) : t('citizenCard.catalogue.notSet'))}</span>
            </td>
            <td>{settings?.places ?? '—'}</td>
            <td>{counts.registered + counts.drawn + counts.waiting + counts.confirmed + counts.attended + counts.noShow}</td>
            <td>{counts.drawn + counts.confirmed + counts.attended + counts.noShow}</td>
            <td>{counts.waiting}</td>
            <td>{counts.free}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
