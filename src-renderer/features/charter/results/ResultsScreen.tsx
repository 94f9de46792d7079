/**
 * #/charter/results — one consultation's results: its contributions from every channel (the
 * channel on every row, a filter by channel), the synthesis, the opinion groups, the City's
 * decision on each article, and the restitution report (PDF) for the public meeting.
 */
import '../charter.css';
import { useTranslation } from 'react-i18next';
import { charterChannels, type CharterChannel, type CharterStructure, type Consultation } from '#shared/charter/charter.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { useStoredState } from '#renderer/app/use-stored-state.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { answerText, contributorText } from '../AnswerParts';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { nounOf } from '../record-nouns';
import { questionLabel, useConsultations, useStructure } from '../use-charter';
import { Decisions } from './Decisions';
import { OpinionGroupsSection } from './OpinionGroupsSection';
import { ReportDownload } from './ReportDownload';
import { SynthesisSection } from './SynthesisSection';

const SHOWN = 200;

export function ResultsScreen() {
  const { t } = useTranslation();
  const structure = useStructure();
  const consultations = useConsultations();
  const [chosen, setChosen] = useStoredState('atelier.charter.results', { consultationId: '', channel: 'all' });
  const items = consultations.data?.items ?? [];
  const consultation = items.find((c) => c.id === chosen.consultationId) ?? items[0];
  const heading = useScreenTitle(t('charter.results.title'));
  const error = structure.error ?? consultations.error;

  return (
    <div className="screen charter">
      <BackLink to="/charter">{t('charter.results.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('charter.results.title')}
      </h1>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, error, nounOf.consultation)}</p>
        </Alert>
      ) : !structure.data || !consultations.data ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : !consultation ? (
        <Alert tone="info">
          <p>{t('charter.results.noConsultation')}</p>
        </Alert>
      ) : (
        <>
          <SelectField
            label={t('charter.results.consultation')}
            name="consultation"
            placeholder={t('charter.results.consultation')}
            options={items.map((c) => ({ id: c.id, label: c.title }))}
            value={consultation.id}
            onChange={(v) => v && setChosen((prev) => ({ ...prev, consultationId: v }))}
          />
          <ContributionsSection
            consultation={consultation}
            structure={structure.data}
            channel={chosen.channel}
            onChannel={(channel) => setChosen((prev) => ({ ...prev, channel }))}
          />
          <SynthesisSection consultationId={consultation.id} />
          <OpinionGroupsSection consultationId={consultation.id} />
          <Decisions structure={structure.data} />
          <ReportDownload consultationId={consultation.id} />
        </>
      )}
    </div>
  );
}

function ContributionsSection({ consultation, structure, channel, onChannel }: { consultation: Consultation; structure: CharterStructure; channel: string; onChannel: (c: string) => void }) {
  const { t } = useTranslation();
  const filter = (charterChannels as readonly string[]).includes(channel) ? (channel as CharterChannel) : undefined;
  const list = useResult(
    () => invoke('charter:contributions', { consultationId: consultation.id, ...(filter ? { channel: filter } : {}), limit: SHOWN, offset: 0 }),
    `${consultation.id}:${filter ?? 'all'}`,
    ['charter:changed'],
  );
  const language = currentLanguage();
  const rows = list.data?.items ?? [];
  const questionOf = (id: string) => structure.questions.find((q) => q.id === id);
  return (
    <section className="charter-section" aria-labelledby="results-contributions">
      <h2 id="results-contributions">{t('charter.results.contributionsHeading')}</h2>
      <ChoiceField
        label={t('charter.results.channelFilter')}
        name="channel"
        options={[{ id: 'all', label: t('charter.results.allChannels') }, ...consultation.channels.map((id) => ({ id, label: t(`labels.charterChannels.${id}`) }))]}
        value={filter ?? 'all'}
        onChange={onChannel}
      />
      {list.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, list.error, nounOf.contribution)}</p>
        </Alert>
      ) : !list.data ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="screen__meta">{t('charter.results.noContributions')}</p>
      ) : (
        <>
          <p role="status" data-testid="results-shown">
            {t('charter.results.shown', { shown: rows.length, total: list.data.total })}
          </p>
          <div className="charter-table-wrap">
            <table className="data-table" data-testid="results-contributions">
              <caption className="visually-hidden">{t('charter.results.contributionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charter.results.question')}</th>
                  <th scope="col">{t('charter.results.type')}</th>
                  <th scope="col">{t('charter.results.answer')}</th>
                  <th scope="col">{t('charter.results.channel')}</th>
                  <th scope="col">{t('charter.results.from')}</th>
                  <th scope="col">{t('charter.results.recordedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => {
                  const q = questionOf(c.questionId);
                  return (
                    <tr key={c.id} data-channel={c.channel}>
                      <td>{q ? questionLabel(structure, q) : ''}</td>
                      <td>{t(`labels.contributionTypes.${c.type}`)}</td>
                      <td className="charter-answer">{answerText(t, c)}</td>
                      <td>{t(`labels.charterChannels.${c.channel}`)}</td>
                      <td>{contributorText(t, c)}</td>
                      <td>{formatDateTime(c.recordedAt, language)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
