/** Everything about a workshop, as a description list a person reads top to bottom. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import { formatNumber, formatRange } from '#renderer/app/format.js';
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
      <Fact label={t('workshops.detail.status')}>
        <StatusBadge status={w.status} />
      </Fact>
      <Fact label={t('workshops.detail.kind')}>{t(`labels.workshopKinds.${w.kind}`)}</Fact>
      <Fact label={t('workshops.detail.when')}>{formatRange(w.startsAt, w.endsAt, language)}</Fact>
      <Fact label={t('workshops.detail.place')}>
        {w.venueName}
        {w.venueAddress ? <span className="facts__sub">{w.venueAddress}</span> : null}
      </Fact>
      <Fact label={t('workshops.detail.arrondissement')}>{arrondissementLabel(t, w.arrondissement)}</Fact>
      <Fact label={t('workshops.detail.qpv')}>{w.inQpv ? t('common.yes') : t('common.no')}</Fact>
      <Fact label={t('workshops.detail.capacity')}>{w.capacity === null ? t('workshops.detail.capacityNone') : formatNumber(w.capacity, language)}</Fact>
      <Fact label={t('workshops.detail.partners')}>
        {w.partners.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="facts__list">
            {w.partners.map((p, i) => (
              <li key={i}>
                {p.name} <span className="facts__sub-inline">({t(`labels.partnerTypes.${p.type}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact label={t('workshops.detail.facilitators')}>
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
        <Fact label={t('workshops.detail.description')}>
          <p className="facts__text">{w.description}</p>
        </Fact>
      ) : null}
      {w.status === 'closed' ? (
        <Fact label={t('workshops.detail.minutes')}>
          <p className="facts__text" data-testid="minutes">
            {w.minutes}
          </p>
        </Fact>
      ) : null}
      {w.status === 'cancelled' ? (
        <Fact label={t('workshops.detail.cancelReason')}>
          <p className="facts__text">{w.cancelReason || t('workshops.detail.noReason')}</p>
        </Fact>
      ) : null}
    </dl>
  );
}
