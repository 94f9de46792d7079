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
 * - PCA (ml-pca, centred, from the covariance matrix) to 2 dimensions; k-means (ml-kmeans,
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
import type { OpinionGroups } from '#shared/charter/charter.schema.js';
import { latestAgreements, liveContributions, orderedQuestions, type CharterData } from './synthesis.js';

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

export function computeOpinionGroups(data: CharterData, options: { seed?: number } = {}): OpinionGroups {
  const seed = options.seed ?? DEFAULT_SEED;
  const contributions = liveContributions(data);
  const questions = orderedQuestions(data.structure);
  const latest = latestAgreements(contributions, new Set(questions.map((q) => q.id)));

  // Statements: agreement questions with enough answers, in the charter's order.
  const statements: Statement[] = questions
    .filter((q) => (latest.get(q.id)?.size ?? 0) >= OPINION_LIMITS.minAnswersPerStatement)
    .map((q) => ({ questionId: q.id, prompt: q.prompt }));

  // Respondents with enough agreements on those statements, in a stable order.
  const counts = new Map<string, number>();
  for (const s of statements) for (const key of latest.get(s.questionId)!.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const respondents = [...counts.entries()]
    .filter(([, n]) => n >= OPINION_LIMITS.minAgreementsPerRespondent)
    .map(([key]) => key)
    .sort();
  const row = new Map(respondents.map((key, i) => [key, i]));

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
  const answers = respondents.map(() => new Int8Array(statements.length));
  statements.forEach((s, column) => {
    for (const [key, c] of latest.get(s.questionId)!) {
      const r = row.get(key);
      if (r !== undefined) answers[r]![column] = c.agreement!;
    }
  });
  const matrix = answers.map((levels) => Array.from(levels, (a) => (a === 0 ? 0 : (a - 3) / 2)));

  // The covariance matrix (statements × statements) is small whatever the number of people:
  // its eigenvectors are the principal axes, several times faster than an SVD of the matrix.
  const pca = new PCA(matrix, { center: true, scale: false, method: 'covarianceMatrix' });
  const projected = pca.predict(matrix, { nComponents: 2 }).to2DArray();
  // One dimension only (every answer the same along the other): pad with zeros.
  const points = projected.map((p) => [p[0] ?? 0, p[1] ?? 0]);

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
