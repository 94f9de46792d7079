/**
 * #/workshops/:id/charter — at a charter consultation workshop: choose the consultation and a
 * question, record what a person or a table says (a proposal, an agreement on the 5-point scale,
 * an amendment of the article shown as a diff as it is typed), with the lab's themes; the
 * workshop's contributions below, each removable.
 */
import '../charter.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { useStoredState } from '#renderer/app/use-stored-state.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import type { CharterStructure, Consultation } from '#shared/charter/charter.schema.js';
import { answerText, contributorText } from '../AnswerParts';
import { nounOf, refusalText } from '../record-nouns';
import { orderedQuestions, questionLabel, useConsultations, useStructure, withChannel } from '../use-charter';
import { ContributionForm } from './ContributionForm';

export function WorkshopContributionsScreen() {
  const { id: workshopId = '' } = useParams();
  const { t } = useTranslation();
  const workshop = useResult(() => invoke('workshops:get', { id: workshopId }), workshopId, ['workshops:changed']);
  const structure = useStructure();
  const consultations = useConsultations();
  const open = withChannel(consultations.data?.items, 'workshop');
  const [chosen, setChosen] = useStoredState(`atelier.charter.workshop.${workshopId}`, { consultationId: '' });
  const consultation = open.find((c) => c.id === chosen.consultationId) ?? open[0];
  const title = workshop.data ? t('charter.contribute.title', { title: workshop.data.title }) : undefined;
  const heading = useScreenTitle(title);
  const error = workshop.error ?? structure.error ?? consultations.error;

  return (
    <div className="screen screen--narrow charter">
      <BackLink to={`/workshops/${workshopId}`}>{t('charter.contribute.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {title ?? t('charter.loading')}
      </h1>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, error, nounOf.contribution)}</p>
        </Alert>
      ) : !structure.data || !consultations.data || !workshop.data ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : !consultation ? (
        <Alert tone="info">
          <p>{t('charter.contribute.noConsultation')}</p>
        </Alert>
      ) : (
        <>
          <SelectField
            label={t('charter.contribute.consultation')}
            name="consultation"
            placeholder={t('charter.contribute.consultation')}
            options={open.map((c) => ({ id: c.id, label: c.title }))}
            value={consultation.id}
            onChange={(v) => v && setChosen({ consultationId: v })}
          />
          {orderedQuestions(structure.data).length === 0 ? (
            <Alert tone="info">
              <p>{t('charter.contribute.noQuestion')}</p>
            </Alert>
          ) : (
            <ContributionForm key={consultation.id} workshopId={workshopId} consultation={consultation} structure={structure.data} />
          )}
          <WorkshopContributions workshopId={workshopId} consultation={consultation} structure={structure.data} />
        </>
      )}
    </div>
  );
}

function WorkshopContributions({ workshopId, consultation, structure }: { workshopId: string; consultation: Consultation; structure: CharterStructure }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const list = useResult(() => invoke('charter:contributions', { consultationId: consultation.id, workshopId, limit: 1000, offset: 0 }), `${consultation.id}:${workshopId}`, ['charter:changed']);
  const [busy, setBusy] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const questionOf = (id: string) => structure.questions.find((q) => q.id === id);
  const tagLabel = (id: string) => structure.tags.find((g) => g.id === id)?.label ?? '';

  async function remove(id: string, version: number) {
    setBusy(id);
    const result = await invoke('charter:remove-contribution', { id, version });
    setBusy(null);
    if (result.ok) notice.show({ tone: 'success', message: (tr) => tr('charter.contribute.removed') });
    else {
      const text = refusalText(t, result.error, 'contribution');
      notice.show({ tone: 'error', message: () => text });
    }
  }

  return (
    <section className="charter-section" aria-labelledby="workshop-contributions">
      <h2 id="workshop-contributions">{t('charter.contribute.listHeading')}</h2>
      {list.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, list.error, nounOf.contribution)}</p>
        </Alert>
      ) : items.length === 0 ? (
        <p className="screen__meta">{list.data ? t('charter.contribute.listEmpty') : t('charter.loading')}</p>
      ) : (
        <div className="charter-table-wrap">
          <table className="data-table" data-testid="workshop-contributions">
            <caption className="visually-hidden">{t('charter.contribute.listHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('charter.results.question')}</th>
                <th scope="col">{t('charter.results.type')}</th>
                <th scope="col">{t('charter.results.answer')}</th>
                <th scope="col">{t('charter.results.from')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('charter.contribute.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c, i) => {
                const q = questionOf(c.questionId);
                const n = items.length - i;
                return (
                  <tr key={c.id}>
                    <th scope="row">{n}</th>
                    <td>{q ? questionLabel(structure, q) : ''}</td>
                    <td>{t(`labels.contributionTypes.${c.type}`)}</td>
                    <td className="charter-answer">
                      {answerText(t, c)}
                      {c.tagIds.length ? <span className="screen__meta"> · {c.tagIds.map(tagLabel).join(', ')}</span> : null}
                    </td>
                    <td>{contributorText(t, c)}</td>
                    <td>
                      <Button variant="quiet" isDisabled={busy === c.id} onPress={() => void remove(c.id, c.version)} aria-label={t('charter.contribute.removeNamed', { n })}>
                        {t('charter.contribute.remove')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
