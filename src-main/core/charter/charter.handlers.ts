/** The charter consultation's handlers, spread into the core's handler table (handlers.ts). */
import { ok } from '#shared/result.js';
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';
import { buildCharterReport } from './charter-report-pdf.js';
import { createCharterService } from './charter.service.js';
import { createContributionsService } from './contributions.service.js';
import { computeOpinionGroups } from './opinion-groups.js';
import { computeCharterSynthesis } from './synthesis.js';

export function createCharterHandlers(deps: ServiceDeps) {
  const charter = createCharterService(deps);
  const contributions = createContributionsService(deps);
  return defineHandlers<'charter'>({
    'charter:structure': () => charter.structure(),
    'charter:save-chapter': charter.saveChapter,
    'charter:remove-chapter': charter.removeChapter,
    'charter:save-article': charter.saveArticle,
    'charter:remove-article': charter.removeArticle,
    'charter:decide': charter.decide,
    'charter:save-question': charter.saveQuestion,
    'charter:remove-question': charter.removeQuestion,
    'charter:save-tag': charter.saveTag,
    'charter:remove-tag': charter.removeTag,
    'charter:consultations': () => charter.consultations(),
    'charter:save-consultation': charter.saveConsultation,
    'charter:remove-consultation': charter.removeConsultation,
    'charter:contributions': contributions.contributions,
    'charter:contribute': contributions.contribute,
    'charter:update-contribution': contributions.updateContribution,
    'charter:remove-contribution': contributions.removeContribution,
    'charter:paper-sheet': contributions.paperSheet,
    'charter:paper-sheets': contributions.paperSheets,
    'charter:synthesis': async ({ consultationId }) => {
      const data = await contributions.analysisData(consultationId);
      return data.ok ? ok(computeCharterSynthesis(data.value)) : data;
    },
    'charter:opinion-groups': async ({ consultationId }) => {
      const data = await contributions.analysisData(consultationId);
      return data.ok ? ok(computeOpinionGroups(data.value)) : data;
    },
    'charter:report': async ({ consultationId, locale }) => {
      const data = await contributions.analysisData(consultationId);
      return data.ok ? ok(await buildCharterReport(data.value, { locale, now: deps.now() })) : data;
    },
  });
}
