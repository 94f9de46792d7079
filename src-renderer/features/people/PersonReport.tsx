/**
 * Everything held about one person, as the access report gives it (the same words as the PDF
 * handed to them): identity, participations with the consents and the words asked, the
 * anonymous study answers, the proposals carried, and when the identity will be purged.
 */
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dayText, profileAnswerText } from '#shared/people/report-text.js';
import type { AccessReport } from '#shared/people/people.schema.js';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';

export function PersonReport({ report }: { report: AccessReport }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const when = (iso: string) => formatDateTime(iso, language);
  const colon = language === 'fr' ? '\u00a0:' : ':';
  return (
    <>
      <section aria-labelledby="person-identity" className="person-section">
        <h2 id="person-identity">{t('people.report.identity')}</h2>
        {report.identities.map((identity) => (
          <div key={identity.id}>
            <dl className="person-facts" data-testid="person-identity">
              {Object.entries(identity.fields).map(([field, value]) => (
                <div key={field} className="person-facts__item">
                  <dt>{t(`people.report.fields.${field}` as ParseKeys, { defaultValue: field })}</dt>
                  <dd>{value ?? t('people.report.empty')}</dd>
                </div>
              ))}
            </dl>
            <p className="person-meta">{t('people.person.recordedOn', { date: when(identity.createdAt) })}</p>
            {identity.removedAt ? <p className="person-meta">{t('people.person.removedOn', { date: when(identity.removedAt) })}</p> : null}
          </div>
        ))}
        <p className="person-meta">
          {t('people.person.reference')}
          {colon} <span className="person-id">{report.subject.id}</span>
        </p>
      </section>

      <section aria-labelledby="person-participations" className="person-section">
        <h2 id="person-participations">{t('people.report.participations')}</h2>
        {report.participations.length === 0 ? <p>{t('people.report.noParticipation')}</p> : null}
        <ul className="person-list">
          {report.participations.map((p) => (
            <li key={p.attendanceId} data-testid="person-participation">
              <h3 className="person-list__title">{p.workshop ? `${p.workshop.title} — ${when(p.workshop.startsAt)}` : t('people.report.unknownWorkshop')}</h3>
              <p>
                {t(`labels.attendanceStatuses.${p.status}`)} ({t(`labels.attendanceSources.${p.source}`)})
                {p.checkedInAt ? `, ${t('people.person.arrivedAt', { date: when(p.checkedInAt) })}` : ''}, {t('people.person.recordedBy', { name: p.recordedBy })}
              </p>
              <h4 className="person-list__subtitle">{t('people.report.consents')}</h4>
              {p.consents.length === 0 ? <p>{t('people.report.noConsent')}</p> : null}
              <ul>
                {p.consents.map((c) => (
                  <li key={`${c.purpose}-${c.recordedAt}`}>
                    {t('people.person.consentLine', {
                      purpose: t(`people.report.purposes.${c.purpose}`),
                      colon,
                      answer: c.granted ? t('people.report.granted') : t('people.report.refused'),
                      version: c.textVersion,
                      date: when(c.recordedAt),
                    })}
                    {c.question[language] ? <q className="person-question">{c.question[language]}</q> : null}
                  </li>
                ))}
              </ul>
              {p.profile ? (
                <>
                  <h4 className="person-list__subtitle">{t('people.report.profile')}</h4>
                  <dl className="person-facts person-facts--small">
                    {Object.entries(p.profile).map(([field, value]) => (
                      <div key={field} className="person-facts__item">
                        <dt>{t(`people.report.profileFields.${field}` as ParseKeys, { defaultValue: field })}</dt>
                        <dd>{profileAnswerText(t, field, value)}</dd>
                      </div>
                    ))}
                  </dl>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="person-proposals" className="person-section">
        <h2 id="person-proposals">{t('people.report.proposals')}</h2>
        {report.proposals.length === 0 ? <p>{t('people.report.noProposal')}</p> : null}
        <ul className="person-list">
          {report.proposals.map((p) => (
            <li key={p.id}>
              {p.title}
              {p.workshopTitle ? ` — ${p.workshopTitle}` : ''} ({when(p.capturedAt)})
            </li>
          ))}
        </ul>
      </section>

      {report.purgeOn ? <p className="person-purge">{t('people.person.purgeOn', { date: dayText(report.purgeOn, language), months: report.retentionMonths })}</p> : null}
    </>
  );
}
