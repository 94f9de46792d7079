/** The draft charter and the consultations, reloaded whenever the core says the charter changed. */
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import type { Article, CharterChannel, CharterStructure, Consultation, Question } from '#shared/charter/charter.schema.js';

export function useStructure() {
  return useResult(() => invoke('charter:structure', {}), 'structure', ['charter:changed']);
}

export function useConsultations() {
  return useResult(() => invoke('charter:consultations', {}), 'consultations', ['charter:changed']);
}

/** The consultations open to a channel (a workshop, paper sheets). */
export function withChannel(items: readonly Consultation[] | undefined, channel: CharterChannel): Consultation[] {
  return (items ?? []).filter((c) => c.channels.includes(channel));
}

/** Questions in reading order: by chapter, then by position. */
export function orderedQuestions(s: CharterStructure): Question[] {
  const chapterPos = new Map(s.chapters.map((c) => [c.id, c.position]));
  return [...s.questions].sort((a, b) => (chapterPos.get(a.chapterId) ?? 0) - (chapterPos.get(b.chapterId) ?? 0) || a.position - b.position);
}

export function articleOf(s: CharterStructure | undefined, q: Question | undefined): Article | undefined {
  return q?.articleId ? s?.articles.find((a) => a.id === q.articleId) : undefined;
}

/** « 2.3 — Que pensez-vous de… » : the chapter's and the question's numbers, then the prompt. */
export function questionLabel(s: CharterStructure, q: Question): string {
  const chapter = s.chapters.find((c) => c.id === q.chapterId);
  return `${chapter ? `${chapter.position}.` : ''}${q.position} — ${q.prompt}`;
}
