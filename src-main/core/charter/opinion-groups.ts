/**
 * Opinion groups, as Pol.is finds them: who agrees with what, reduced to two dimensions, then
 * clustered; each group described by the statements that set it apart, and the statements
 * every group agrees (or disagrees) on.
 *
 * - The matrix: one row per respondent (their `respondentKey`: a profile, a paper sheet, an
 *   online ref, a table), one column per agreement question (a « statement »); a value is
 *   (agreement − 3) / 2, from −1 (strongly disagree) to +1 (strongly agree), 0 when not
 *   answered. A respondent's latest answer to a question counts.
 * - Only statements with at least 5 answers, and respondents with at least 3 agreements on those
 *   statements, take part. Fewer than 10 respondents or 3 statements: no groups (`computed` false).
 * - PCA (ml-pca's eigen-decomposition of the centred values' covariance matrix) to 2 dimensions; k-means (ml-kmeans,
 *   k-means++ with a fixed seed, a few seeded restarts, the lowest inertia kept) for k = 2…5;
 *   k chosen by the mean silhouette (the smaller k on a tie), computed over every point up to
 *   600 participants, over an evenly spaced sample of 600 above. Same input, same groups.
 * - A group of fewer than 5 people is never shown: its people are counted in `hiddenParticipants`
 *   only, and the shown groups are numbered 1, 2, … from the largest.
 * - A group's agree (disagree) share of a statement is among its members who answered it.
 *   Distinctive statements: the 5 with the largest |group agree − others' agree| (others = every
 *   other participant); consensus: every shown group agrees ≥ 60 % (or every one disagrees ≥ 60 %).
 */
import { kmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';
import type { Contribution, OpinionGroups, Question } from '#shared/charter/charter.schema.js';
import { isLater, liveContributions, orderedQuestions, type CharterData } from './synthesis.js';

export const OPINION_LIMITS = {
  minAnswersPerStatement: 5,
  minAgreementsPerRespondent: 3,
  minParticipants: 10,
  minStatements: 3,
  minGroupSize: 5,
  maxGroups: 5,
  distinctive: 5,
  consensusShare: 0.6,
  restarts: 3,
} as const;

const DEFAULT_SEED = 20_240_610;

interface Statement {
  questionId: string;
  prompt: string;
}

interface Shares {
  agree: number;
  disagree: number;
}

/** Agree and disagree shares of a statement among the given rows who answered it. */
function shares(answers: Int8Array[], rows: Iterable<number>, column: number): Shares {
  let answered = 0;
  let agree = 0;
  let disagree = 0;
  for (const r of rows) {
    const a = answers[r]![column]!;
    if (a === 0) continue;
    answered += 1;
    if (a >= 4) agree += 1;
    else if (a <= 2) disagree += 1;
  }
  return answered === 0 ? { agree: 0, disagree: 0 } : { agree: agree / answered, disagree: disagree / answered };
}

/** Points the silhouette is computed over, at most (an evenly spaced sample above). */
export const SILHOUETTE_SAMPLE = 600;

/**
 * Mean silhouette of a clustering of 2-D points (0 for a point alone in its cluster). Over more
 * than SILHOUETTE_SAMPLE points, over an evenly spaced sample of them (same input, same sample).
 */
export function silhouette(allPoints: number[][], allClusters: number[], k: number): number {
  const step = Math.max(1, allPoints.length / SILHOUETTE_SAMPLE);
  const picked = step === 1 ? allPoints.map((_, i) => i) : Array.from({ length: SILHOUETTE_SAMPLE }, (_, i) => Math.floor(i * step));
  const points = picked.map((i) => allPoints[i]!);
  const clusters = picked.map((i) => allClusters[i]!);
  const n = points.length;
  const sizes = new Array<number>(k).fill(0);
  for (const c of clusters) sizes[c]! += 1;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const [xi, yi] = points[i] as [number, number];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const p = points[j] as [number, number];
      sums[clusters[j]!]! += Math.hypot(xi - p[0], yi - p[1]);
    }
    const own = clusters[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (!Number.isFinite(b)) continue;
    const m = Math.max(a, b);
    total += m === 0 ? 0 : (b - a) / m;
  }
  return total / n;
}

function inertia(points: number[][], clusters: number[], centroids: number[][]): number {
  let sum = 0;
  points.forEach((p, i) => {
    const c = centroids[clusters[i]!]!;
    sum += (p[0]! - c[0]!) ** 2 + (p[1]! - c[1]!) ** 2;
  });
  return sum;
}

/** The best clustering for k = 2…5 by silhouette; null when the points cannot be split. */
function cluster(points: number[][], seed: number): number[] | null {
  const distinct = new Set(points.map((p) => `${p[0]!.toFixed(9)},${p[1]!.toFixed(9)}`)).size;
  let best: { clusters: number[]; score: number } | null = null;
  for (let k = 2; k <= Math.min(OPINION_LIMITS.maxGroups, distinct); k++) {
    let chosen: { clusters: number[]; inertia: number } | null = null;
    for (let r = 0; r < OPINION_LIMITS.restarts; r++) {
      const result = kmeans(points, k, { seed: seed + 7919 * r + k, initialization: 'kmeans++', maxIterations: 100 });
      const value = inertia(points, result.clusters, result.centroids);
      if (!chosen || value < chosen.inertia - 1e-12) chosen = { clusters: result.clusters, inertia: value };
    }
    const used = new Set(chosen!.clusters).size;
    if (used < 2) continue;
    const score = silhouette(points, chosen!.clusters, k);
    if (!best || score > best.score + 1e-9) best = { clusters: chosen!.clusters, score };
  }
  return best?.clusters ?? null;
}

/**
 * Each respondent's latest agreement per question, as a table: respondents are numbered in
 * the order first met (`keys`), questions by their index in `questions`. One pass over the
 * contributions, numbers rather than nested maps of strings (1,000 people × 100 statements is
 * 100,000 cells); a Map of cells when the table would be very large.
 */
function agreementTable(contributions: Contribution[], questions: Question[]) {
  const Q = questions.length;
  const questionIndex = new Map(questions.map((q, i) => [q.id, i]));
  const respondentIndex = new Map<string, number>();
  const keys: string[] = [];
  const picked: { i: number; cell: number }[] = [];
  contributions.forEach((c, i) => {
    if (c.type !== 'agreement' || c.agreement === null || c.agreement < 1 || c.agreement > 5) return;
    const q = questionIndex.get(c.questionId);
    if (q === undefined) return;
    let r = respondentIndex.get(c.respondentKey);
    if (r === undefined) {
      r = keys.length;
      respondentIndex.set(c.respondentKey, r);
      keys.push(c.respondentKey);
    }
    picked.push({ i, cell: r * Q + q });
  });
  const size = keys.length * Q;
  const dense = size <= 20_000_000 ? new Int32Array(size).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const get = (cell: number) => (dense ? dense[cell]! : (sparse!.get(cell) ?? -1));
  for (const { i, cell } of picked) {
    const previous = get(cell);
    if (previous >= 0 && !isLater(contributions[i]!, contributions[previous]!)) continue;
    if (dense) dense[cell] = i;
    else sparse!.set(cell, i);
  }
  // The levels themselves, 0 when not answered, row by row: respondent r's answer to q at r × Q + q.
  const levels = dense ? Int8Array.from(dense, (i) => (i < 0 ? 0 : contributions[i]!.agreement!)) : null;
  return {
    keys,
    levels,
    /** The level 1–5 respondent `r` gave question `q`, 0 when none. */
    level(r: number, q: number): number {
      if (levels) return levels[r * Q + q]!;
      const i = get(r * Q + q);
      return i < 0 ? 0 : contributions[i]!.agreement!;
    },
  };
}

export function computeOpinionGroups(data: CharterData, options: { seed?: number } = {}): OpinionGroups {
  const seed = options.seed ?? DEFAULT_SEED;
  const questions = orderedQuestions(data.structure);
  const table = agreementTable(liveContributions(data), questions);
  const Q = questions.length;

  // Statements: agreement questions with enough answers, in the charter's order.
  const perQuestion = new Array<number>(Q).fill(0);
  if (table.levels) table.levels.forEach((level, cell) => {
    if (level > 0) perQuestion[cell % Q]! += 1;
  });
  else for (let r = 0; r < table.keys.length; r++) for (let q = 0; q < Q; q++) if (table.level(r, q) > 0) perQuestion[q]! += 1;
  const statementColumns = questions.map((_, q) => q).filter((q) => perQuestion[q]! >= OPINION_LIMITS.minAnswersPerStatement);
  const statements: Statement[] = statementColumns.map((q) => ({ questionId: questions[q]!.id, prompt: questions[q]!.prompt }));

  // Respondents with enough agreements on those statements, in a stable order (their keys).
  const respondentRows = table.keys
    .map((key, r) => ({ key, r, n: statementColumns.reduce((n, q) => n + (table.level(r, q) > 0 ? 1 : 0), 0) }))
    .filter((x) => x.n >= OPINION_LIMITS.minAgreementsPerRespondent)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const respondents = respondentRows.map((x) => x.key);

  const empty = (participants: number, statementCount: number): OpinionGroups => ({
    consultationId: data.consultation.id,
    participants,
    statements: statementCount,
    computed: false,
    groups: [],
    hiddenParticipants: 0,
    consensus: [],
  });
  if (respondents.length < OPINION_LIMITS.minParticipants || statements.length < OPINION_LIMITS.minStatements)
    return empty(respondents.length, statements.length);

  // answers[r][s]: the level 1–5, 0 when not answered.
  const answers = respondentRows.map(({ r }) => Int8Array.from(statementColumns, (q) => table.level(r, q)));
  // PCA (ml-pca) from the covariance matrix of the values (a − 3) / 2 (0 when not answered):
  // statements × statements, small whatever the number of people, computed here in one pass
  // over typed arrays; the people are then projected on its first two eigenvectors.
  const S = statements.length;
  const n = answers.length;
  const values = answers.map((levels) => Float64Array.from(levels, (a) => (a === 0 ? 0 : (a - 3) / 2)));
  const means = new Float64Array(S);
  for (const v of values) for (let j = 0; j < S; j++) means[j]! += v[j]! / n;
  const centred = values.map((v) => v.map((x, j) => x - means[j]!));
  const covariance = Array.from({ length: S }, () => new Array<number>(S).fill(0));
  for (const v of centred)
    for (let i = 0; i < S; i++) {
      const vi = v[i]!;
      if (vi === 0) continue;
      const row = covariance[i]!;
      for (let j = i; j < S; j++) row[j]! += vi * v[j]!;
    }
  for (let i = 0; i < S; i++)
    for (let j = i; j < S; j++) {
      const c = covariance[i]![j]! / Math.max(1, n - 1);
      covariance[i]![j] = c;
      covariance[j]![i] = c;
    }
  const axes = new PCA(covariance, { isCovarianceMatrix: true }).getEigenvectors().to2DArray();
  // One dimension only (every answer the same along the other): its coordinate is 0.
  const points = centred.map((v) => {
    let x = 0;
    let y = 0;
    for (let j = 0; j < S; j++) {
      x += v[j]! * (axes[j]![0] ?? 0);
      y += v[j]! * (axes[j]![1] ?? 0);
    }
    return [x, y];
  });

  const clusters = cluster(points, seed) ?? points.map(() => 0);

  // Groups by size (largest first), then by their first member, so numbering is stable.
  const members = new Map<number, number[]>();
  clusters.forEach((c, r) => {
    const list = members.get(c);
    if (list) list.push(r);
    else members.set(c, [r]);
  });
  const all = [...members.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const shown = all.filter((g) => g.length >= OPINION_LIMITS.minGroupSize);
  const hiddenParticipants = all.filter((g) => g.length < OPINION_LIMITS.minGroupSize).reduce((s, g) => s + g.length, 0);

  const everyone = respondents.map((_, r) => r);
  const groups = shown.map((group, i) => {
    const inGroup = new Set(group);
    const others = everyone.filter((r) => !inGroup.has(r));
    const described = statements.map((s, column) => {
      const mine = shares(answers, group, column);
      const theirs = shares(answers, others, column);
      return { ...s, agree: mine.agree, disagree: mine.disagree, othersAgree: theirs.agree, othersDisagree: theirs.disagree, column };
    });
    const distinctive = described
      .filter((d) => Math.abs(d.agree - d.othersAgree) > 1e-9)
      .sort((a, b) => Math.abs(b.agree - b.othersAgree) - Math.abs(a.agree - a.othersAgree) || a.column - b.column)
      .slice(0, OPINION_LIMITS.distinctive)
      .map(({ column: _column, ...d }) => d);
    return { number: i + 1, size: group.length, distinctive };
  });

  const consensus =
    shown.length === 0
      ? []
      : statements
          .map((s, column) => ({ s, column, perGroup: shown.map((g) => shares(answers, g, column)) }))
          .filter(
            ({ perGroup }) =>
              perGroup.every((g) => g.agree >= OPINION_LIMITS.consensusShare) || perGroup.every((g) => g.disagree >= OPINION_LIMITS.consensusShare),
          )
          .map(({ s, column }) => ({ ...s, ...shares(answers, everyone, column) }))
          .sort((a, b) => Math.max(b.agree, b.disagree) - Math.max(a.agree, a.disagree));

  return {
    consultationId: data.consultation.id,
    participants: respondents.length,
    statements: statements.length,
    computed: true,
    groups,
    hiddenParticipants,
    consensus,
  };
}
