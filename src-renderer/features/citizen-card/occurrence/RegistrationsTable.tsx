/** The session's registrations: name, masked card, channel, status, rank, and what can be done now. */
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import { cardRegistrationStatusLabel } from '#shared/i18n/label-accessors.js';
import { Button } from '#renderer/components/Button.js';

/** Statuses a desk may set from each status (the core checks the same). */
const NEXT: Partial<Record<RegistrationStatus, RegistrationStatus[]>> = {
  registered: ['cancelled'],
  waiting: ['cancelled'],
  drawn: ['confirmed', 'cancelled'],
  confirmed: ['cancelled'],
};

export function RegistrationsTable({
  items,
  onStatus,
  testId = 'registration-row',
}: {
  items: readonly RegistrationView[];
  onStatus?: (r: RegistrationView, status: RegistrationStatus) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('citizenCard.registrations.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('citizenCard.registrations.colName')}</th>
          <th scope="col">{t('citizenCard.registrations.colCard')}</th>
          <th scope="col">{t('citizenCard.registrations.colChannel')}</th>
          <th scope="col">{t('citizenCard.registrations.colStatus')}</th>
          <th scope="col">{t('citizenCard.registrations.colRank')}</th>
          {onStatus ? <th scope="col">{t('citizenCard.registrations.colActions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const name = r.holderName ?? '—';
          return (
            <tr key={r.id} data-testid={testId} data-status={r.status}>
              <th scope="row">{name}</th>
              <td>{r.maskedCardNumber ?? '—'}</td>
              <td>{t(`labels.registrationChannels.${r.channel}`)}</td>
              <td>
                <span className={`card-status card-status--${r.status}`}>{cardRegistrationStatusLabel(t, r.status)}</span>
              </td>
              <td>{r.rank ?? '—'}</td>
              {onStatus ? (
                <td className="card-row-actions">
                  {(NEXT[r.status] ?? []).map((s) => (
                    <Button key={s} variant={s === 'cancelled' ? 'quiet' : 'secondary'} onPress={() => onStatus(r, s)}>
                      {s === 'confirmed' ? t('citizenCard.registrations.confirm', { name }) : t('citizenCard.registrations.cancel', { name })}
                    </Button>
                  ))}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
