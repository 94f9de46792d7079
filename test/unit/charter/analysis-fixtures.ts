/**
 * Plain charter records for the analysis tests and the bench (synthesis, opinion groups, the
 * report): the analysis is a pure function of the records, so no database is needed to build
 * them. Ids are deterministic UUIDs. Not a test file.
 */
import { createHash } from 'node:crypto';
import type {
  Article,
  ArticleDecision,
  Chapter,
  CharterChannel,
  Consultation,
  Contribution,
  ContributionType,
  Question,
  Tag,
} from '#shared/charter/charter.schema.js';
import type { CharterData } from '#core/charter/synthesis.js';

const STAMP = '2025-03-01T10:00:00.000Z';
const base = (id: string) => ({ id, version: 1, createdAt: STAMP, updatedAt: STAMP, deletedAt: null });

/** A deterministic UUID (v4 shape) from a label and a number. */
export function fixtureId(label: string, n: number): string {
  const h = createHash('sha256').update(`${label}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function consultation(fields: Partial<Consultation> = {}): Consultation {
  return {
    ...base(fixtureId('consultation', 1)),
    title: 'Charte de la participation',
    description: 'Consultation sur le projet de charte.',
    opensOn: '2025-03-01',
    closesOn: '2025-04-30',
    channels: ['workshop', 'paper', 'online'],
    ...fields,
  };
}

export function chapter(n: number, fields: Partial<Chapter> = {}): Chapter {
  return { ...base(fixtureId('chapter', n)), position: n, title: `Chapitre ${n}`, summary: '', ...fields };
}

export function article(n: number, chapterId: string, fields: Partial<Article> = {}): Article {
  return {
    ...base(fixtureId('article', n)),
    chapterId,
    position: n,
    title: `Article ${n}`,
    body: `La Ville s'engage sur le point ${n}.`,
    decision: null as ArticleDecision | null,
    decisionReason: null,
    decidedAt: null,
    ...fields,
  };
}

export function question(n: number, chapterId: string, articleId: string | null, fields: Partial<Question> = {}): Question {
  return {
    ...base(fixtureId('question', n)),
    chapterId,
    articleId,
    position: n,
    prompt: `Question ${n}`,
    accepts: ['agreement', 'proposal', ...(articleId ? (['amendment'] as const) : [])],
    ...fields,
  };
}

export function tag(n: number, label: string): Tag {
  return { ...base(fixtureId('tag', n)), label };
}

let contributionCounter = 0;
export function contribution(
  consultationId: string,
  q: Question,
  fields: Partial<Contribution> & { type?: ContributionType; channel?: CharterChannel },
): Contribution {
  contributionCounter += 1;
  const type = fields.type ?? 'agreement';
  return {
    ...base(fixtureId('contribution', contributionCounter)),
    consultationId,
    questionId: q.id,
    channel: 'workshop',
    type,
    workshopId: null,
    contributor: 'individual',
    profileId: null,
    tableLabel: null,
    respondentKey: `anon:${contributionCounter}`,
    agreement: type === 'agreement' ? 3 : null,
    text: type === 'agreement' ? null : 'Un texte',
    baseText: null,
    tagIds: [],
    sheetNumber: null,
    recordedAt: STAMP,
    ...fields,
  };
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A charter of `chapters` chapters, each with `articlesPerChapter` articles and one agreement
 * question per article, plus tags.
 */
export function charterStructure(chapters: number, articlesPerChapter: number, tags = 8): CharterData['structure'] {
  const ch: Chapter[] = [];
  const ar: Article[] = [];
  const qu: Question[] = [];
  for (let c = 1; c <= chapters; c++) {
    const chap = chapter(c);
    ch.push(chap);
    for (let a = 1; a <= articlesPerChapter; a++) {
      const n = (c - 1) * articlesPerChapter + a;
      const art = article(n, chap.id, { position: a, title: `Article ${n}` });
      ar.push(art);
      qu.push(question(n, chap.id, art.id, { position: a, prompt: `Êtes-vous d'accord avec l'article ${n} ?` }));
    }
  }
  return { chapters: ch, articles: ar, questions: qu, tags: Array.from({ length: tags }, (_, i) => tag(i + 1, `Thème ${i + 1}`)) };
}

/**
 * `contributions` contributions spread over the structure's questions, channels and types, from
 * about contributions / 5 respondents.
 */
export function largeCharterData(contributions: number, seed = 1): CharterData {
  const structure = charterStructure(10, 10);
  const cons = consultation();
  const random = rng(seed);
  const channels: CharterChannel[] = ['workshop', 'paper', 'online'];
  const list: Contribution[] = [];
  const respondents = Math.max(1, Math.floor(contributions / 5));
  for (let i = 0; i < contributions; i++) {
    const q = structure.questions[Math.floor(random() * structure.questions.length)]!;
    const r = random();
    const type: ContributionType = r < 0.7 ? 'agreement' : r < 0.85 ? 'proposal' : 'amendment';
    list.push(
      contribution(cons.id, q, {
        type,
        channel: channels[i % 3]!,
        respondentKey: `sheet:${Math.floor(random() * respondents)}`,
        agreement: type === 'agreement' ? 1 + Math.floor(random() * 5) : null,
        tagIds: random() < 0.5 ? [structure.tags[Math.floor(random() * structure.tags.length)]!.id] : [],
      }),
    );
  }
  return { consultation: cons, structure, contributions: list };
}

/**
 * `participants` respondents answering every one of `statements` agreement questions, in
 * `camps` camps: camp c agrees with statements where (s % camps === c) and disagrees with the
 * others, with `noise` of answers drawn at random; each answers a statement with probability `answerRate`.
 */
export function campsData(participants: number, statements: number, camps = 2, noise = 0.1, seed = 7, answerRate = 1): CharterData {
  const structure = charterStructure(1, statements, 0);
  const cons = consultation();
  const random = rng(seed);
  const list: Contribution[] = [];
  for (let p = 0; p < participants; p++) {
    const camp = p % camps;
    for (let s = 0; s < statements; s++) {
      if (answerRate < 1 && random() >= answerRate) continue;
      const q = structure.questions[s]!;
      let level = s % camps === camp ? 5 : 1;
      if (random() < noise) level = 1 + Math.floor(random() * 5);
      list.push(contribution(cons.id, q, { respondentKey: `online:${p}`, channel: 'online', agreement: level }));
    }
  }
  return { consultation: cons, structure, contributions: list };
}
