/**
 * The charts and the map as SVG text, for the HTML page (inline) — no script, no external
 * reference. Each chart is an image with its title (`role="img"`, `<title>`), and the table
 * that follows it in the document carries its figures for whoever cannot see it.
 */
import type { Bar } from './publication-document.js';
import type { PublicationMap } from './publication-map.js';

export function escapeHtml(text: string): string {
  // NUL never reaches the page (the HTML export marks its photos' places with it).
  // eslint-disable-next-line no-control-regex -- removing NUL is the point
  return text.replace(/\u0000/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const BAR_H = 26;
const LABEL_W = 260;
const CHART_W = 640;

/** Horizontal bars: one per category, its value written at its end (a masked one: its mark). */
export function barChartSvg(id: string, title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * (BAR_H + 8) + 8;
  const span = CHART_W - LABEL_W - 60;
  const rows = bars
    .map((b, i) => {
      const y = 8 + i * (BAR_H + 8);
      const w = b.value === null ? 0 : Math.max(2, Math.round((b.value / max) * span));
      return `<text x="${LABEL_W - 8}" y="${y + BAR_H / 2 + 5}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${LABEL_W}" y="${y}" width="${w}" height="${BAR_H}" fill="#1f4e8c"/><text x="${LABEL_W + w + 6}" y="${y + BAR_H / 2 + 5}">${escapeHtml(b.shown)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-labelledby="${id}-title" viewBox="0 0 ${CHART_W} ${height}" width="100%" class="chart"><title id="${id}-title">${escapeHtml(title)}</title>${rows}</svg>`;
}

/** Five shades from light to dark (contrast of the count's text checked against each: white on the two darkest). */
export const MAP_SHADES = ['#f2f2f2', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

export function shadeIndex(count: number, max: number): number {
  if (count <= 0) return 0;
  return Math.min(4, 1 + Math.floor(((count - 1) / Math.max(1, max)) * 4));
}

/** The arrondissements, shaded by their count of proposals, the count written on each. */
export function mapSvg(id: string, title: string, description: string, map: PublicationMap, counts: Record<number, number>): string {
  const max = Math.max(0, ...Object.values(counts));
  const areas = map.areas
    .map((a) => {
      const n = counts[a.arrondissement] ?? 0;
      const shade = shadeIndex(n, max);
      const fill = MAP_SHADES[shade];
      const ink = shade >= 3 ? '#ffffff' : '#1a1a1a';
      return `<path d="${a.d}" fill="${fill}" stroke="#555" stroke-width="1"/>` + (n > 0 ? `<text x="${a.x}" y="${a.y + 5}" text-anchor="middle" fill="${ink}" font-weight="bold">${n}</text>` : '');
    })
    .join('');
  return `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${map.width} ${map.height}" width="100%" class="map"><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${areas}</svg>`;
}
