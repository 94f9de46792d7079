/**
 * #/workshops/:id/proposals and #/proposals — the proposals on the map with their list beside
 * it (the list is the accessible twin of the map), and the past winners near the workshop.
 */
import '../proposals.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { kindHas } from '#shared/workshops/workshop-kinds.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { MapLegend } from '#renderer/components/map/MapLegend.js';
import type { MapMarker } from '#renderer/components/map/ParisMap.js';
import { ProposalsMap } from '../ProposalsMap';
import { useBoundaries } from '../use-reference';
import { ProposalList } from './ProposalList';
import { WinnersList } from './WinnersList';
import { BackLink } from '#renderer/components/BackLink.js';

const WINNER_RADIUS = 800;

export function ProposalsScreen() {
  const { id: workshopId } = useParams();
  const { t } = useTranslation();
  const workshop = useResult(
    () => (workshopId ? invoke('workshops:get', { id: workshopId }) : Promise.resolve({ ok: true as const, value: null })),
    `w:${workshopId ?? ''}`,
    ['workshops:changed'],
  );
  const list = useResult(() => invoke('proposals:list', workshopId ? { workshopId, includeMerged: true } : { includeMerged: true }), `p:${workshopId ?? ''}`, ['proposals:changed']);
  const w = workshop.data ?? null;
  // Where the workshop is: its venue address placed offline; else its first proposal with a point.
  const venue = useResult(
    () =>
      w?.venueAddress
        ? invoke('reference:searchAddresses', { query: w.venueAddress, limit: 1 })
        : Promise.resolve({ ok: true as const, value: { items: [] } }),
    `v:${w?.venueAddress ?? ''}`,
  );
  const venueHit = venue.data?.items[0];
  const firstPlaced = list.data?.items.find((p) => p.lon !== null && p.lat !== null);
  const anchor = venueHit ? { lon: venueHit.lon, lat: venueHit.lat } : firstPlaced ? { lon: firstPlaced.lon!, lat: firstPlaced.lat! } : null;
  const venueSettled = Boolean(venue.data || venue.error);
  const winnersKey = w && venueSettled ? `${w.arrondissement}:${anchor ? `${anchor.lon},${anchor.lat}` : ''}` : '';
  const winners = useResult(
    () =>
      w && venueSettled
        ? invoke('reference:winners', {
            arrondissement: w.arrondissement,
            ...(anchor ? { near: anchor, radiusMetres: WINNER_RADIUS } : {}),
            limit: 50,
          })
        : Promise.resolve({ ok: true as const, value: { items: [], total: 0 } }),
    winnersKey,
  );
  const boundaries = useBoundaries();
  const title = workshopId ? (w ? t('proposals.workshopTitle', { title: w.title }) : undefined) : t('proposals.allTitle');
  const heading = useScreenTitle(title);

  const markers = useMemo<MapMarker[]>(() => {
    const out: MapMarker[] = [];
    for (const p of list.data?.items ?? []) {
      // A merged original is shown through its project.
      if (p.lon === null || p.lat === null || p.status === 'merged') continue;
      const qpv = p.neighbourhoodClass === 'qpv';
      out.push({ id: p.id, lon: p.lon, lat: p.lat, label: qpv ? `${p.title} (${t('proposals.qpv')})` : p.title, kind: qpv ? 'qpv-proposal' : 'proposal' });
    }
    for (const winner of winners.data?.items ?? []) {
      if (winner.lon === null || winner.lat === null) continue;
      out.push({ id: `w${winner.id}`, lon: winner.lon, lat: winner.lat, label: `${t('proposals.winners.heading')} : ${winner.title ?? ''}`, kind: 'winner' });
    }
    return out;
  }, [list.data, winners.data, t]);

  const items = list.data?.items ?? [];
  const anchorLon = anchor?.lon ?? null;
  const anchorLat = anchor?.lat ?? null;
  // A workshop's map opens on its proposals (or its venue); the all-proposals map on Paris.
  const fitTo = useMemo(() => {
    if (!workshopId) return [];
    const points = markers.filter((m) => m.kind !== 'winner').map(({ lon, lat }) => ({ lon, lat }));
    return points.length ? points : anchorLon !== null && anchorLat !== null ? [{ lon: anchorLon, lat: anchorLat }] : [];
  }, [workshopId, markers, anchorLon, anchorLat]);
  const shownCount = items.filter((p) => p.status !== 'merged').length;
  return (
    <div className="screen">
      {workshopId ? (
        <BackLink to={`/workshops/${workshopId}`}>{t('proposals.back')}</BackLink>
      ) : null}
      <h1 ref={heading} tabIndex={-1}>
        {title ?? t('proposals.loading')}
      </h1>
      {workshopId ? (
        <div className="proposals-actions">
          <Link className="button button--primary" to={`/workshops/${workshopId}/proposals/new`}>
            <span aria-hidden="true">+ </span>
            {t('proposals.new')}
          </Link>
          {w && kindHas(w.kind, 'supports') ? (
            <Link className="button button--secondary" to={`/workshops/${workshopId}/supports`}>
              {t('proposals.supports')}
            </Link>
          ) : null}
          <Link className="button button--secondary" to={`/workshops/${workshopId}/proposals/merge`}>
            {t('proposals.merge')}
          </Link>
        </div>
      ) : null}
      <div className="proposals-layout">
        <section aria-labelledby="map-heading">
          <h2 id="map-heading">{t('proposals.mapHeading')}</h2>
          {boundaries === undefined ? (
            <p className="loading">{t('proposals.map.loading')}</p>
          ) : boundaries === null ? (
            <Alert tone="error" role="alert">
              <p>{t('proposals.map.loadError')}</p>
            </Alert>
          ) : (
            <ProposalsMap
              boundaries={boundaries}
              markers={markers}
              fitTo={fitTo}
              openOn={w?.arrondissement ?? null}
            />
          )}
          <MapLegend
            label={t('proposals.mapHeading')}
            entries={[
              { kind: 'area', label: t('proposals.map.legendArrondissement') },
              { kind: 'qpv', label: t('proposals.map.legendQpv') },
              { kind: 'proposal', label: t('proposals.map.legendProposal') },
              { kind: 'qpv-proposal', label: `${t('proposals.map.legendProposal')} (${t('proposals.qpv')})` },
              { kind: 'winner', label: t('proposals.map.legendWinner') },
            ]}
          />
          <p>
            <Link to="/sources" className="sources-link">
              {t('proposals.sources.title')}
            </Link>
          </p>
        </section>
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t('proposals.listHeading')}</h2>
          <p className="form-note">{t('proposals.listHint')}</p>
          {list.error && !list.data ? (
            <Alert tone="error" role="alert">
              <p>{translateError(t, list.error, 'workshop')}</p>
              <Button variant="secondary" onPress={list.reload}>
                {t('common.retry')}
              </Button>
            </Alert>
          ) : !list.data ? (
            <p className="loading">{t('proposals.loading')}</p>
          ) : shownCount === 0 ? (
            <p>{t('proposals.empty')}</p>
          ) : (
            <>
              <p role="status">{t('proposals.count', { count: shownCount })}</p>
              <ProposalList items={items} editBase={(p) => (p.workshopId ? `/workshops/${p.workshopId}/proposals/${p.id}/edit` : null)} />
            </>
          )}
          {workshopId ? (
            <section aria-labelledby="winners-heading">
              <h2 id="winners-heading">{t('proposals.winners.heading')}</h2>
              <p className="form-note">{t('proposals.winners.hint', { radius: WINNER_RADIUS })}</p>
              {winners.error && !winners.data ? (
                <Alert tone="error" role="alert">
                  <p>{translateError(t, winners.error, 'workshop')}</p>
                </Alert>
              ) : !winners.data ? (
                <p className="loading">{t('proposals.winners.loading')}</p>
              ) : (
                <WinnersList items={winners.data.items} />
              )}
            </section>
          ) : null}
        </section>
      </div>
    </div>
  );
}
