/**
 * #/transfo/:id/cases/:caseId — one practical case, part by part: its fields and state, the
 * sessions it was worked on at, its journal, insights, prototypes (photos and videos),
 * decisions and next steps. Each part saves on its own (one synced field), naming the version it
 * was read at.
 */
import './cases.css';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { caseSessionKinds } from '#shared/transfo/case-values.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { CaseOverview, CaseStateForm } from './CaseOverview';
import { JournalPart } from './JournalPart';
import { DecisionsPart, InsightsPart } from './ListParts';
import { NextStepsPart } from './NextStepsPart';
import { PrototypesPart } from './PrototypesPart';
import { SessionsPart, type SessionOption } from './SessionsPart';
import { casesPath, NOUN } from './shared';
import { useCase } from './use-case';

/** The training sessions and monthly lab workshops, soonest first. */
async function loadSessions() {
  const lists = await Promise.all(caseSessionKinds.map((kind) => invoke('workshops:list', { kind, limit: 500 })));
  const items: SessionOption[] = [];
  for (const r of lists) {
    if (!r.ok) return r;
    items.push(...r.value.items.map((w) => ({ id: w.id, title: w.title, startsAt: w.startsAt })));
  }
  return { ok: true as const, value: items.sort((a, b) => a.startsAt.localeCompare(b.startsAt)) };
}

export function CaseScreen() {
  const { id = '', caseId = '' } = useParams();
  const { t } = useTranslation();
  const found = useCase(caseId);
  const sessions = useResult(loadSessions, 'transfo-case-sessions', ['workshops:changed']);
  const c = found.data;
  const heading = useScreenTitle(c?.title);
  const back = <BackLink to={casesPath(id)}>{t('transfoCases.ui.case.back')}</BackLink>;

  if (found.error && !c) {
    return (
      <div className="screen transfo-cases">
        {back}
        <Alert tone="error" role="alert">
          <p>{found.error.code === 'not_found' ? t('transfoCases.ui.case.notFound') : translateError(t, found.error, NOUN)}</p>
        </Alert>
      </div>
    );
  }
  if (!c) {
    return (
      <div className="screen transfo-cases">
        {back}
        <p className="loading">{t('transfoCases.ui.loading')}</p>
      </div>
    );
  }
  const options = sessions.data ?? [];
  return (
    <div className="screen transfo-cases">
      {back}
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {c.title}
        </h1>
        <span className={`status-badge case-state case-state--${c.state}`} data-testid="case-state">
          {t('transfoCases.ui.case.state')}&nbsp;: {t(`transfoCases.states.${c.state}`)}
        </span>
      </div>
      {/* Each part is keyed by the version: a saved change (here or pulled) gives it the case as it now is. */}
      <CaseStateForm key={`state-${c.version}`} c={c} />
      <CaseOverview key={`overview-${c.version}`} c={c} />
      <SessionsPart c={c} sessions={options} />
      <JournalPart c={c} sessions={options} />
      <InsightsPart c={c} />
      <PrototypesPart c={c} />
      <DecisionsPart c={c} />
      <NextStepsPart c={c} />
    </div>
  );
}
