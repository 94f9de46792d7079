/**
 * The publication as one self-contained HTML page: inline CSS, inline SVG charts and map,
 * photos as data URIs — no script, no external URL, so it opens offline and the City's website
 * can take it as it is. Accessible: `lang`, a document title, one h1 and h2 per section, each
 * chart titled and followed by its table (caption, th scope), each photo with its alternative text.
 */
import type { ChosenPhoto } from '#shared/publication/publication.schema.js';
import { barChartSvg, escapeHtml, mapSvg } from './publication-charts.js';
import type { Part, PublicationDocument } from './publication-document.js';
import type { PublicationMap } from './publication-map.js';

/** A chosen photo with its bytes as a data URI (null when the file is missing on this laptop). */
export interface EmbeddedPhoto extends ChosenPhoto {
  dataUri: string | null;
}

const CSS = `
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:1.05rem;line-height:1.55;color:#1a1a1a;background:#fff;margin:0}
main{max-width:48rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.45rem;margin:2.25rem 0 .75rem;border-bottom:2px solid #1f4e8c;padding-bottom:.25rem}
.meta{color:#4a4a4a;margin:0}
.block p{margin:.75rem 0}
.small{font-size:.95rem;color:#4a4a4a}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #8a8a8a;padding:.35rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
thead th{background:#eef2f8}
svg{display:block;max-width:100%;height:auto;margin:1rem 0;font-size:14px}
figure{margin:1.25rem 0}
img{max-width:100%;height:auto}
`;

export function publicationHtml(doc: PublicationDocument, photos: readonly EmbeddedPhoto[], map: PublicationMap): string {
  const body = doc.parts.map((p, i) => partHtml(p, i, photos, map)).join('\n');
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
${doc.subtitle.map((s) => `<p class="meta">${escapeHtml(s)}</p>`).join('\n')}
${body}
</main>
</body>
</html>
`;
}

function partHtml(part: Part, index: number, photos: readonly EmbeddedPhoto[], map: PublicationMap): string {
  switch (part.type) {
    case 'heading':
      return `<h2>${escapeHtml(part.text)}</h2>`;
    case 'paragraph':
      return `<p${part.small ? ' class="small"' : ''}>${escapeHtml(part.text)}</p>`;
    case 'block':
      return `<div class="block">${part.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`;
    case 'bars':
      return barChartSvg(`chart-${index}`, part.caption, part.bars);
    case 'map':
      return mapSvg(`map-${index}`, part.title, part.description, map, part.counts);
    case 'table':
      return `<table><caption>${escapeHtml(part.caption)}</caption><thead><tr>${part.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${part.rows
        .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td${part.numeric[i] ? ' class="n"' : ''}>${escapeHtml(c)}</td>`)).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'photos':
      return part.photos
        .map((p) => photos.find((e) => e.sha256 === p.sha256))
        .filter((e): e is EmbeddedPhoto => e !== undefined && e.dataUri !== null)
        .map((e) => `<figure><img src="${e.dataUri}" alt="${escapeHtml(e.alt)}"></figure>`)
        .join('\n');
  }
}
