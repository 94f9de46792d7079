/**
 * The generated figures as the publication shows them: each section's headline, a chart (an
 * image titled by its caption) followed by the table of its figures, and the map of Paris's
 * arrondissements with its table. The same figures as the HTML page and the PDF; masked counts
 * say « < 5 » or « masqué », never a number.
 */
import { caseDirectionText, caseStateText } from '#shared/publication/case-labels.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import type { Figures, PublicationPreview } from '#shared/publication/publication.schema.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { formatDay } from '#renderer/app/format.js';
import { cellText, periodText } from './shared';

type Bar = { label: string; value: number | null; shown: string };

function Bars({ id, caption, bars }: { id: string; caption: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const h = bars.length * 34 + 8;
  return (
    <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 640 ${h}`} className="publication__chart">
      <title id={`${id}-title`}>{caption}</title>
      {bars.map((b, i) => {
        const y = 8 + i * 34;
        const w = b.value === null ? 0 : Math.max(2, Math.round((b.value / max) * 320));
        return (
          <g key={b.label}>
            <text x={252} y={y + 18} textAnchor="end">
              {b.label}
            </text>
            <rect x={260} y={y} width={w} height={26} className="publication__bar" />
            <text x={266 + w} y={y + 18}>
              {b.shown}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, k) => (k === 0 ? <th key={k} scope="row">{c}</th> : <td key={k}>{c}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHADES = ['#f2f2f2', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

function ParisMap({ map, counts, t }: { map: PublicationPreview['map']; counts: Record<number, number>; t: TFunction }) {
  const max = Math.max(0, ...Object.values(counts));
  return (
    <svg role="img" aria-labelledby="publication-map-title publication-map-desc" viewBox={`0 0 ${map.width} ${map.height}`} className="publication__map">
      <title id="publication-map-title">{t('publication.doc.mapTitle')}</title>
      <desc id="publication-map-desc">{t('publication.doc.mapDescription')}</desc>
      {map.areas.map((a) => {
        const n = counts[a.arrondissement] ?? 0;
        const shade = n <= 0 ? 0 : Math.min(4, 1 + Math.floor(((n - 1) / Math.max(1, max)) * 4));
        return (
          <g key={a.arrondissement}>
            <path d={a.d} fill={SHADES[shade]} stroke="#555" />
            {n > 0 ? (
              <text x={a.x} y={a.y + 5} textAnchor="middle" fill={shade >= 3 ? '#fff' : '#1a1a1a'} fontWeight="bold">
                {n}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export function Preview({ figures, map }: { figures: Figures; map: PublicationPreview['map'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const kind = (k: string) => t(`labels.workshopKinds.${k}` as 'labels.workshopKinds.lab_monthly');
  const d = (key: string) => t(`publication.doc.${key}` as 'publication.doc.byKindCaption');
  if (figures.kind === 'year') {
    const y = figures.year;
    const counts = Object.fromEntries(y.proposals.byArrondissement.map((a) => [a.arrondissement, a.count]));
    const dash = t('publication.doc.notPublished');
    return (
      <div className="publication__preview">
        <h3>{t('publication.doc.sections.months')}</h3>
        <p>{y.missing.length > 0 ? t('publication.doc.missingMonths', { months: y.missing.map((m) => periodText({ kind: 'month', key: m }, language)).join(', ') }) : t('publication.doc.allMonths')}</p>
        <Table
          caption={d('monthsCaption')}
          head={[d('colMonth'), d('colVersion'), d('colWorkshops'), d('colPeople'), d('colProposals'), d('colCases')]}
          rows={y.months.map((m) => [periodText({ kind: 'month', key: m.month }, language), m.version === null ? dash : String(m.version), m.workshops === null ? dash : String(m.workshops), m.participants === null ? dash : cellText(t, m.participants), m.proposals === null ? dash : String(m.proposals), m.cases === null ? dash : String(m.cases)])}
        />
        <p>{t(y.participation.atLeast ? 'publication.doc.yearParticipationAtLeast' : 'publication.doc.yearParticipation', { value: y.participation.shown })}</p>
        <h3>{t('publication.doc.sections.proposals')}</h3>
        <ParisMap map={map} counts={counts} t={t} />
        <Table caption={d('byArrondissementCaption')} head={[d('colArrondissement'), d('colProposals')]} rows={y.proposals.byArrondissement.map((a) => [arrondissementLabel(t, a.arrondissement), String(a.count)])} />
      </div>
    );
  }
  const f = figures.month;
  const counts = Object.fromEntries(f.proposals.byArrondissement.map((a) => [a.arrondissement, a.count]));
  return (
    <div className="publication__preview">
      <h3>{t('publication.doc.sections.workshops')}</h3>
      <p>{f.workshops.total > 0 ? t('publication.doc.workshopsTotal', { count: f.workshops.total }) : t('publication.doc.noWorkshop')}</p>
      {f.workshops.total > 0 ? (
        <>
          <Bars id="chart-workshops" caption={d('byKindCaption')} bars={f.workshops.byKind.map((k) => ({ label: kind(k.kind), value: k.count, shown: String(k.count) }))} />
          <Table caption={d('byKindCaption')} head={[d('colKind'), d('colCount')]} rows={f.workshops.byKind.map((k) => [kind(k.kind), String(k.count)])} />
          <Table caption={d('listCaption')} head={[d('colDate'), d('colWorkshop'), d('colKind'), d('colArrondissement')]} rows={f.workshops.list.map((w) => [formatDay(w.startsAt, language), w.title, kind(w.kind), arrondissementLabel(t, w.arrondissement)])} />
        </>
      ) : null}
      <h3>{t('publication.doc.sections.participation')}</h3>
      <p>{t('publication.doc.participationTotal', { value: cellText(t, f.participation.total) })}</p>
      {f.participation.byKind.length > 0 ? (
        <>
          <Bars id="chart-participation" caption={d('participationCaption')} bars={f.participation.byKind.map((c) => ({ label: kind(c.key), value: c.value, shown: cellText(t, c) }))} />
          <Table caption={d('participationCaption')} head={[d('colKind'), d('colPeople')]} rows={f.participation.byKind.map((c) => [kind(c.key), cellText(t, c)])} />
        </>
      ) : null}
      <p className="publication__note">{t('publication.doc.maskedNote')}</p>
      <h3>{t('publication.doc.sections.proposals')}</h3>
      <p>{t('publication.doc.proposalsTotal', { count: f.proposals.total })}</p>
      <ParisMap map={map} counts={counts} t={t} />
      <Table caption={d('byArrondissementCaption')} head={[d('colArrondissement'), d('colProposals')]} rows={f.proposals.byArrondissement.map((a) => [arrondissementLabel(t, a.arrondissement), String(a.count)])} />
      {f.proposals.parisWide > 0 ? <p>{t('publication.doc.parisWide', { count: f.proposals.parisWide })}</p> : null}
      <h3>{t('publication.doc.sections.cases')}</h3>
      <p>{f.cases.total > 0 ? t('publication.doc.casesTotal', { count: f.cases.total }) : t('publication.doc.noCase')}</p>
      {f.cases.total > 0 ? (
        <Table caption={d('casesCaption')} head={[d('colCase'), d('colDirection'), d('colState'), d('colJournal')]} rows={f.cases.list.map((c) => [c.title, caseDirectionText(t, c.direction), caseStateText(t, c.state), String(c.journalEntries)])} />
      ) : null}
    </div>
  );
}
