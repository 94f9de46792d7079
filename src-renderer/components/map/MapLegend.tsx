/** The map's legend, in words as well as colours (colour never carries the meaning alone). */
export interface LegendEntry {
  kind: 'area' | 'qpv' | 'proposal' | 'qpv-proposal' | 'winner' | 'point';
  label: string;
}

export function MapLegend({ entries, label }: { entries: readonly LegendEntry[]; label: string }) {
  return (
    <ul className="map-legend" aria-label={label}>
      {entries.map((e) => (
        <li key={e.kind} className="map-legend__item">
          <span aria-hidden="true" className={`map-legend__swatch map-legend__swatch--${e.kind}`} />
          {e.label}
        </li>
      ))}
    </ul>
  );
}
