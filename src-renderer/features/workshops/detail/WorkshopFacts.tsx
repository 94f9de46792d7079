/** Everything about a workshop, as a description list a person reads top to bottom. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { formatArrondissement, formatNumber, formatRange } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { StatusBadge } from '../StatusBadge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function WorkshopFacts({ workshop: w }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <dl className="facts">
      <Fact label={t('detail.status')}>
        <StatusBadge status={w.status} />
      </Fact>
      <Fact label={t('detail.kind')}>{t(`kinds.${w.kind}`)}</Fact>
      <Fact label={t('detail.when')}>{formatRange(w.startsAt, w.endsAt, language)}</Fact>
      <Fact label={t('detail.place')}>
        {w.venueName}
        {w.venueAddress ? <span className="facts__sub">{w.venueAddress}</span> : null}
      </Fact>
      <Fact label={t('detail.arrondissement')}>{formatArrondissement(w.arrondissement, language)}</Fact>
      <Fact label={t('detail.qpv')}>{w.inQpv ? t('common.yes') : t('common.no')}</Fact>
      <Fact label={t('detail.capacity')}>{w.capacity === null ? t('detail.capacityNone') : formatNumber(w.capacity, language)}</Fact>
      <Fact label={t('detail.partners')}>
        {w.partners.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="facts__list">
            {w.partners.map((p, i) => (
              <li key={i}>
                {p.name} <span className="facts__sub-inline">({t(`partnerTypes.${p.type}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact label={t('detail.facilitators')}>
        {w.facilitators.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="facts__list">
            {w.facilitators.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        )}
      </Fact>
      {w.description ? (
        <Fact label={t('detail.description')}>
          <p className="facts__text">{w.description}</p>
        </Fact>
      ) : null}
      {w.status === 'closed' ? (
        <Fact label={t('detail.minutes')}>
          <p className="facts__text" data-testid="minutes">
            {w.minutes}
          </p>
        </Fact>
      ) : null}
      {w.status === 'cancelled' ? (
        <Fact label={t('detail.cancelReason')}>
          <p className="facts__text">{w.cancelReason || t('detail.noReason')}</p>
        </Fact>
      ) : null}
    </dl>
  );
}
