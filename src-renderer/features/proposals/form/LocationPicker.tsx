/**
 * The point on the map: a click places it, the button places it at the map's centre (the
 * arrow keys having moved the map there), and the place derived from it (arrondissement, QPV)
 * is said in words. The core derives the same again when the proposal is saved.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '#shared/reference/reference.schema.js';
import { invoke } from '#renderer/api/client.js';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import { Button } from '#renderer/components/Button.js';
import { MapLegend } from '#renderer/components/map/MapLegend.js';
import type { MapMarker } from '#renderer/components/map/ParisMap.js';
import { ProposalsMap } from '../ProposalsMap';
import { useBoundaries } from '../use-reference';

type Point = { lon: number; lat: number };

export interface LocationPickerProps {
  point: Point | null;
  onPoint: (point: Point | null) => void;
  /** Centre the map here (a picked address). */
  focus: Point | null;
  errorMessage?: string;
  /** The arrondissement the map opens on (the workshop's, or the proposal's). */
  openOn?: number | null;
}

export function LocationPicker({ point, onPoint, focus, errorMessage, openOn }: LocationPickerProps) {
  const { t } = useTranslation();
  const boundaries = useBoundaries();
  const centre = useRef<(() => Point) | null>(null);
  const [located, setPlace] = useState<{ point: Point; place: Location } | null>(null);
  const place = point && located && located.point.lon === point.lon && located.point.lat === point.lat ? located.place : null;

  useEffect(() => {
    let live = true;
    if (!point) return;
    void invoke('reference:locate', point).then((r) => live && r.ok && setPlace({ point, place: r.value }));
    return () => {
      live = false;
    };
  }, [point]);

  const markers = useMemo<MapMarker[]>(() => (point ? [{ id: 'point', ...point, label: t('proposals.map.legendPoint'), kind: 'point' }] : []), [point, t]);

  let derived = t('proposals.form.noPoint');
  if (point && place) {
    const parts = [place.arrondissement ? arrondissementLabel(t, place.arrondissement) : '—'];
    parts.push(place.qpv ? t('proposals.qpvLong', { name: place.qpv.name }) : t('proposals.form.derivedNotQpv'));
    derived = t('proposals.form.derived', { place: parts.join(' · ') });
  }

  return (
    <div className="field">
      <p className="field__hint" id="map-hint">
        {t('proposals.form.mapHint')}
      </p>
      {boundaries ? (
        <ProposalsMap
          boundaries={boundaries}
          markers={markers}
          onPick={onPoint}
          focus={focus}
          centreRef={centre}
          openOn={openOn ?? null}
          className="paris-map--picker"
        />
      ) : (
        <p className="loading">{boundaries === null ? t('proposals.map.loadError') : t('proposals.map.loading')}</p>
      )}
      <MapLegend
        label={t('proposals.mapHeading')}
        entries={[
          { kind: 'area', label: t('proposals.map.legendArrondissement') },
          { kind: 'qpv', label: t('proposals.map.legendQpv') },
          { kind: 'point', label: t('proposals.map.legendPoint') },
        ]}
      />
      <p className="point-status" role="status" data-testid="derived-place">
        {derived}
      </p>
      {errorMessage ? <p className="field__error">{errorMessage}</p> : null}
      <div className="point-actions">
        <Button variant="secondary" onPress={() => centre.current && onPoint(centre.current())}>
          {t('proposals.form.pointAtCentre')}
        </Button>
        {point ? (
          <Button variant="quiet" onPress={() => onPoint(null)}>
            {t('proposals.form.clearPoint')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
