/**
 * #/people — the lab finds a person by a few letters of their name, their e-mail or their
 * Citizen Card number, to give them their data or erase it. The query lives in the address
 * (`?q=`), so a reload or the back button shows the same results; a search runs when it is
 * asked for (Enter), so the access log gets one line per search and not one per letter.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PersonSummary } from '#shared/people/people.schema.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDay } from '../../app/format';
import { currentLanguage, translateError } from '../../app/i18n';
import { useScreenTitle } from '../../app/use-screen-title';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { ActorField } from './ActorField';
import { useActor } from './use-actor';
import './people.css';

function Results({ items, truncated }: { items: PersonSummary[]; truncated: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) {
    return (
      <div className="empty-state" role="status">
        <p className="empty-state__title">{t('people.none')}</p>
        <p>{t('people.noneHint')}</p>
      </div>
    );
  }
  return (
    <>
      <p className="list-count" role="status">
        {t('people.results', { count: items.length })} {truncated ? t('people.truncated') : ''}
      </p>
      <table className="workshop-table people-table">
        <caption className="visually-hidden">{t('people.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.colName')}</th>
            <th scope="col">{t('people.colContact')}</th>
            <th scope="col">{t('people.colCard')}</th>
            <th scope="col">{t('people.colLast')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid="person-row">
              <th scope="row">
                <Link to={`/people/${p.id}`} className="workshop-table__title" aria-label={t('people.open', { name: p.name ?? p.email ?? t('people.noName') })}>
                  {p.name ?? t('people.noName')}
                </Link>
                {p.removed ? <span className="people-table__sub">{t('people.removedTag')}</span> : null}
              </th>
              <td>
                {p.email ? <span className="people-table__line">{p.email}</span> : null}
                {p.phone ? <span className="people-table__line">{p.phone}</span> : null}
              </td>
              <td>{p.citizenCardNumber ?? ''}</td>
              <td>{p.lastWorkshopAt ? formatDay(p.lastWorkshopAt, language) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function PeopleScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('q') ?? '';
  const [query, setQuery] = useState(asked);
  const [actor, setActor] = useActor();
  const [actorMissing, setActorMissing] = useState(false);
  const heading = useScreenTitle(t('people.title'));
  const results = useResult(
    () => (asked && actor.trim() ? invoke('people:search', { query: asked, actor: actor.trim() }) : Promise.resolve({ ok: true as const, value: null })),
    // The actor is read when a search is asked for, not on each letter of it.
    asked,
    ['people:changed'],
  );

  return (
    <div className="screen people">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('people.title')}
        </h1>
      </div>
      <p className="people__intro">{t('people.intro')}</p>
      <form
        role="search"
        className="people-search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!actor.trim()) {
            setActorMissing(true);
            return;
          }
          setParams(query.trim() ? { q: query.trim() } : {}, { replace: true });
          if (query.trim() === asked) results.reload();
        }}
      >
        <ActorField value={actor} onChange={(v) => { setActor(v); if (v.trim()) setActorMissing(false); }} missing={actorMissing} />
        <TextField label={t('people.search')} name="q" type="search" value={query} onChange={setQuery} description={t('people.searchHint')} />
        <Button type="submit" variant="primary" className="people-search__submit">
          {t('people.searchSubmit')}
        </Button>
      </form>

      {asked && !actor.trim() ? (
        <Alert tone="info">
          <p>{t('people.actorMissing')}</p>
        </Alert>
      ) : results.error ? (
        <Alert tone="error" role="alert">
          <p>
            {t('people.loadError')} {translateError(t, results.error, 'person')}
          </p>
        </Alert>
      ) : results.loading && asked ? (
        <p className="loading" role="status">
          {t('people.searching')}
        </p>
      ) : results.data ? (
        <Results items={results.data.items} truncated={results.data.truncated} />
      ) : null}

      <nav aria-labelledby="people-links" className="people-links">
        <h2 id="people-links">{t('people.links.heading')}</h2>
        <ul>
          <li>
            <Link to="/people/retention">{t('people.links.retention')}</Link>
          </li>
          <li>
            <Link to="/people/access-log">{t('people.links.accessLog')}</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
