/**
 * A horizontal bar chart in plain SVG: one bar per category, its length and its printed number
 * carrying the same figure (nothing by colour alone); a masked category draws no bar and
 * prints « < 5 » or « masqué ». Hidden from screen readers: the table beside it says the same.
 * Plain SVG rather than a chart library: sizes are SVG attributes, not style attributes or
 * <style> tags, so it renders under the strict CSP, and it weighs nothing.
 */
import type { StudyCell } from '../../../src-shared/study/study.schema';
import { formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { studyLabels } from '../../../src-shared/study/study-labels';

const ROW = 30;
const LABEL = 210;
const BARS = 250;
const WIDTH = LABEL + BARS + 70;

export interface Bar {
  label: string;
  cell: StudyCell;
}

export function BarChart({ bars }: { bars: readonly Bar[] }) {
  const language = currentLanguage();
  const max = Math.max(1, ...bars.map((b) => b.cell.value ?? 0));
  const height = bars.length * ROW + 8;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" focusable="false">
      {bars.map((b, i) => {
        const y = 4 + i * ROW;
        const width = b.cell.masked ? 0 : ((b.cell.value ?? 0) / max) * BARS;
        const text = b.cell.masked ? (b.cell.masked === 'small' ? studyLabels[language].masked : studyLabels[language].complement) : formatNumber(b.cell.value ?? 0, language);
        const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
        return (
          <g key={b.cell.key}>
            <text className="bar-chart__label" x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
              {label}
            </text>
            <line className="bar-chart__axis" x1={LABEL} x2={LABEL} y1={y} y2={y + ROW - 4} />
            {width > 0 ? <rect className="bar-chart__bar" x={LABEL} y={y + 4} width={width} height={ROW - 12} rx={2} /> : null}
            <text
              className={b.cell.masked ? 'bar-chart__value bar-chart__value--masked' : 'bar-chart__value'}
              x={LABEL + width + 6}
              y={y + ROW / 2}
              dominantBaseline="middle"
            >
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
