/**
 * A charter on a real core: a chapter with an article, its questions (an agreement, a proposal,
 * an amendment), two themes, a consultation open on the test clock's day, a workshop of the
 * charter kind. Not a test file itself.
 */
import type { ConsultationFields } from '#shared/charter/charter.schema.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { workshopFields, type TestCore } from '../core/test-core.js';

export const ARTICLE_BODY = 'La Ville associe les habitantes et les habitants à chaque projet de quartier.';

export function consultationFields(overrides: Partial<ConsultationFields> = {}): ConsultationFields {
  return {
    title: 'Consultation sur la charte de la participation',
    description: 'Du 1er février au 30 avril.',
    opensOn: '2026-02-01',
    closesOn: '2026-04-30',
    channels: ['workshop', 'paper', 'online'],
    ...overrides,
  };
}

export async function charterWorkshop(core: TestCore): Promise<Workshop> {
  return core.must('workshops:create', workshopFields({ kind: 'charter_consultation', title: 'Atelier charte — Goutte-d’Or' }));
}

export async function seedCharter(core: TestCore, consultation: Partial<ConsultationFields> = {}) {
  const chapter = await core.must('charter:save-chapter', { fields: { position: 1, title: 'Associer les habitants', summary: '' } });
  const article = await core.must('charter:save-article', {
    fields: { chapterId: chapter.id, position: 1, title: 'Article 1 — Associer', body: ARTICLE_BODY },
  });
  const agree = await core.must('charter:save-question', {
    fields: { chapterId: chapter.id, articleId: article.id, position: 1, prompt: 'Êtes-vous d’accord avec l’article 1\u00a0?', accepts: ['agreement'] },
  });
  const propose = await core.must('charter:save-question', {
    fields: { chapterId: chapter.id, articleId: null, position: 2, prompt: 'Que proposez-vous\u00a0?', accepts: ['proposal'] },
  });
  const amend = await core.must('charter:save-question', {
    fields: { chapterId: chapter.id, articleId: article.id, position: 3, prompt: 'Comment réécririez-vous l’article 1\u00a0?', accepts: ['amendment', 'proposal'] },
  });
  const housing = await core.must('charter:save-tag', { fields: { label: 'Logement' } });
  const youth = await core.must('charter:save-tag', { fields: { label: 'Jeunesse' } });
  const consult = await core.must('charter:save-consultation', { fields: consultationFields(consultation) });
  return { chapter, article, agree, propose, amend, housing, youth, consultation: consult };
}
