/** The workshop's status as a word with a shape; colour only repeats what the word says. */
import './workshops.css';
import { useTranslation } from 'react-i18next';
import type { WorkshopStatus } from '#shared/workshops/workshop.schema.js';

const shapes: Record<WorkshopStatus, string> = { planned: '○', open: '●', closed: '■', cancelled: '✕' };

export function StatusBadge({ status }: { status: WorkshopStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      <span aria-hidden="true" className="status-badge__shape">
        {shapes[status]}
      </span>
      {t(`labels.workshopStatuses.${status}`)}
    </span>
  );
}
