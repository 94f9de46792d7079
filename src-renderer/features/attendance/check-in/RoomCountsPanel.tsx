/** Who is in the room, big enough to read from across the table, announced politely when it changes. */
import { useTranslation } from 'react-i18next';
import type { RoomCounts } from '#shared/attendance/attendance.schema.js';
import { formatNumber } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';

export function RoomCountsPanel({ counts }: { counts: RoomCounts }) {
  const { t } = useTranslation();
  const items = [
    ['present', counts.present],
    ['anonymous', counts.anonymous],
    ['total', counts.total],
    ['expected', counts.registered],
  ] as const;
  return (
    <section aria-labelledby="room-counts-title" className="room-counts">
      <h2 id="room-counts-title" className="visually-hidden">
        {t('attendance.counts.label')}
      </h2>
      <div role="status" aria-live="polite">
        <dl className="room-counts__list" data-testid="room-counts">
          {items.map(([key, n]) => (
            <div key={key} className={`room-counts__item room-counts__item--${key}`} data-testid={`count-${key}`}>
              <dt>{t(`attendance.counts.${key}`)}</dt>
              <dd>{formatNumber(n, currentLanguage())}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
