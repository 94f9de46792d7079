/**
 * An offline map of Paris: the arrondissement and QPV boundaries drawn as vectors (GeoJSON on
 * Leaflet's SVG renderer), no tile server, nothing fetched. Leaflet rather than MapLibre: it
 * needs no WebGL (absent from headless Chromium and some borrowed laptops), no web worker (so
 * the CSP keeps `worker-src` closed), and its keyboard handler already pans with the arrow
 * keys and zooms with + and - once the map has the focus.
 *
 * Markers are never the only way to reach a proposal: every screen that uses this map puts a
 * list beside it with the same items.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { Boundaries } from '#shared/reference/reference.schema.js';

export interface MapMarker {
  id: string;
  lon: number;
  lat: number;
  /** Shown on hover and read by the tooltip. */
  label: string;
  kind: 'proposal' | 'qpv-proposal' | 'winner' | 'point';
}

export interface ParisMapProps {
  boundaries: Boundaries;
  markers: readonly MapMarker[];
  /** Accessible name of the map (it says how to use the keyboard). */
  label: string;
  zoomInLabel: string;
  zoomOutLabel: string;
  /** Plain-text attribution of the data (licences). */
  attribution: string;
  /** Called with the clicked point; the map is then a point picker. */
  onPick?: (point: { lon: number; lat: number }) => void;
  /** Centre the map here when it changes (a chosen address). */
  focus?: { lon: number; lat: number } | null;
  /** Fit the view to these points when they change (a workshop's proposals); Paris when empty. */
  fitTo?: readonly { lon: number; lat: number }[];
  /**
   * The arrondissement to open on (the workshop's): its streets are then big enough for a
   * click to place a point where it is meant. All Paris when absent or unknown.
   */
  openOn?: number | null;
  /** Gives the caller the map's current centre (to place a point from the keyboard). */
  centreRef?: { current: (() => { lon: number; lat: number }) | null };
  className?: string;
}

const STYLES: Record<MapMarker['kind'], L.CircleMarkerOptions> = {
  proposal: { radius: 8, color: '#1d3b8b', weight: 2, fillColor: '#4a6fd1', fillOpacity: 0.9 },
  'qpv-proposal': { radius: 9, color: '#6b1d00', weight: 3, fillColor: '#e2561f', fillOpacity: 0.95 },
  winner: { radius: 6, color: '#1f5b2c', weight: 2, fillColor: '#ffffff', fillOpacity: 1 },
  point: { radius: 11, color: '#000000', weight: 3, fillColor: '#ffd400', fillOpacity: 1 },
};

export function ParisMap(props: ParisMapProps) {
  const { boundaries, markers, label, zoomInLabel, zoomOutLabel, attribution, onPick, focus, fitTo, centreRef, className, openOn } = props;
  const openOnRef = useRef(openOn);
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markerLayer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  // Create the map once per set of boundaries.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const [minLon, minLat, maxLon, maxLat] = boundaries.bbox;
    const m = L.map(el, {
      zoomControl: false,
      attributionControl: false,
      keyboard: true,
      keyboardPanDelta: 60,
      minZoom: 10,
      // Quarter steps: Paris fills the frame instead of the nearest whole zoom level.
      zoomSnap: 0.25,
      // No animations: a screen left mid-animation made Leaflet touch removed panes
      // ("_leaflet_pos" of undefined), and a map that jumps is easier on the eyes anyway.
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
      maxZoom: 18,
      maxBounds: L.latLngBounds([minLat - 0.05, minLon - 0.08], [maxLat + 0.05, maxLon + 0.08]),
    });
    L.control.zoom({ zoomInTitle: zoomInLabel, zoomOutTitle: zoomOutLabel }).addTo(m);
    L.control.attribution({ prefix: false }).addAttribution(escapeHtml(attribution)).addTo(m);
    L.geoJSON(boundaries.arrondissements, {
      style: { color: '#4b4b4b', weight: 1.5, fillColor: '#f4f1ea', fillOpacity: 1 },
      interactive: false,
    }).addTo(m);
    L.geoJSON(boundaries.qpv, {
      style: { color: '#a3300b', weight: 2, dashArray: '6 4', fillColor: '#f7b59b', fillOpacity: 0.55 },
      interactive: false,
    }).addTo(m);
    markerLayer.current = L.layerGroup().addTo(m);
    const area = boundaries.arrondissements.features.find((f) => f.properties.arrondissement === openOnRef.current);
    if (area) m.fitBounds(L.geoJSON(area).getBounds(), { animate: false });
    else m.fitBounds(L.latLngBounds([minLat, minLon], [maxLat, maxLon]));
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.({ lon: round6(e.latlng.lng), lat: round6(e.latlng.lat) }));
    // Leaflet makes the container focusable; give it a name and say it is a map.
    el.setAttribute('role', 'application');
    el.setAttribute('aria-roledescription', 'carte');
    el.setAttribute('aria-label', label);
    map.current = m;
    if (centreRef) centreRef.current = () => ({ lon: round6(m.getCenter().lng), lat: round6(m.getCenter().lat) });
    return () => {
      m.stop();
      m.remove();
      map.current = null;
      markerLayer.current = null;
      if (centreRef) centreRef.current = null;
    };
    // The labels are set once; a language switch re-mounts the screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boundaries]);

  useEffect(() => {
    const layer = markerLayer.current;
    if (!layer) return;
    layer.clearLayers();
    // Past winners first, so the proposals are drawn on top of them.
    const ordered = [...markers].sort((a, b) => Number(b.kind === 'winner') - Number(a.kind === 'winner'));
    for (const marker of ordered) {
      L.circleMarker([marker.lat, marker.lon], { ...STYLES[marker.kind], interactive: true, bubblingMouseEvents: false })
        .bindTooltip(escapeHtml(marker.label))
        .addTo(layer);
    }
  }, [markers, boundaries]);

  // Refit only when the set of points changes, not when the list is merely reloaded.
  const fitKey = fitTo?.map((p) => `${p.lon},${p.lat}`).join(';') ?? '';
  useEffect(() => {
    const m = map.current;
    if (!m || !fitTo || fitTo.length === 0) return;
    m.fitBounds(L.latLngBounds(fitTo.map((p) => [p.lat, p.lon] as [number, number])), { padding: [40, 40], maxZoom: 15, animate: false });
    // fitTo is read through fitKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey, boundaries]);

  useEffect(() => {
    if (focus && map.current) map.current.setView([focus.lat, focus.lon], Math.max(map.current.getZoom(), 15), { animate: false });
  }, [focus]);

  return <div ref={container} className={`paris-map${className ? ` ${className}` : ''}`} />;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Leaflet inserts tooltip and attribution text as HTML: escape it. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
