/**
 * The matrix « who has followed which module » and who is behind (issue 11), from the cohort's
 * modules, sessions and attendance: pure, so that the core computes it from one set of queries
 * and the tests reach every case.
 *
 * For an agent and a module:
 * - `followed`: present on at least one day (already past or today) that covered the module;
 * - `missed`: the module was covered on a day they were recorded absent or excused, and on no day
 *   they were present;
 * - `not_yet`: no day covered it yet, or none of the days that did has their attendance recorded
 *   (attendance not taken is not an absence).
 *
 * Behind: the agents with at least one module missed, most missed first, then the lowest
 * attendance rate (present days over recorded days). Two desktops may each record the same day of
 * one agent before they sync: the latest record wins. Attendance of someone who is no longer an
 * agent (withdrew) is not read; an erased status (null) counts as not recorded.
 */
import type { CandidateStage } from './candidate.schema.js';
import type { SessionDay, TrainingAttendanceStatus } from './training-sync.schema.js';

export interface MatrixModule {
  id: string;
}
export interface MatrixSession {
  id: string;
  days: readonly SessionDay[];
}
export interface MatrixAgent {
  candidateId: string;
  fullName: string | null;
  stage: CandidateStage;
}
export interface MatrixAttendance {
  sessionId: string;
  day: number;
  candidateId: string;
  status: TrainingAttendanceStatus | null;
  updatedAt: string;
}
export type ModuleCellState = 'followed' | 'missed' | 'not_yet';
export interface MatrixLine<A extends MatrixAgent> {
  agent: A;
  states: ModuleCellState[];
  followed: number;
  missed: number;
  rate: number | null;
}

const dayKey = (sessionId: string, day: number) => `${sessionId}#${day}`;

export function trainingMatrix<A extends MatrixAgent>(input: {
  modules: readonly MatrixModule[];
  sessions: readonly MatrixSession[];
  agents: readonly A[];
  attendance: readonly MatrixAttendance[];
  /** YYYY-MM-DD (Paris): a day after it is planned, not taught. */
  today: string;
}): { rows: MatrixLine<A>[]; behind: MatrixLine<A>[] } {
  // The days (already held) that covered each module.
  const daysOf = new Map<string, string[]>(input.modules.map((m) => [m.id, []]));
  for (const s of input.sessions) {
    s.days.forEach((d, i) => {
      if (d.date > input.today) return;
      for (const moduleId of new Set(d.moduleIds)) daysOf.get(moduleId)?.push(dayKey(s.id, i));
    });
  }
  // Each agent's status per day, the latest record winning.
  const latest = new Map<string, MatrixAttendance>();
  for (const a of input.attendance) {
    if (a.status === null) continue;
    const key = `${a.candidateId}@${dayKey(a.sessionId, a.day)}`;
    const before = latest.get(key);
    if (!before || a.updatedAt > before.updatedAt) latest.set(key, a);
  }
  // Days recorded and days present per agent (a day the session no longer has is not counted).
  const held = new Set(input.sessions.flatMap((s) => s.days.map((_, i) => dayKey(s.id, i))));
  const counts = new Map<string, { recorded: number; present: number }>();
  for (const a of latest.values()) {
    if (!held.has(dayKey(a.sessionId, a.day))) continue;
    const c = counts.get(a.candidateId) ?? { recorded: 0, present: 0 };
    c.recorded++;
    if (a.status === 'present') c.present++;
    counts.set(a.candidateId, c);
  }
  const rows = input.agents.map((agent) => {
    const statusOn = (day: string) => latest.get(`${agent.candidateId}@${day}`)?.status ?? null;
    const states = input.modules.map((m): ModuleCellState => {
      const statuses = (daysOf.get(m.id) ?? []).map(statusOn);
      if (statuses.includes('present')) return 'followed';
      return statuses.some((s) => s === 'absent' || s === 'excused') ? 'missed' : 'not_yet';
    });
    const { recorded, present } = counts.get(agent.candidateId) ?? { recorded: 0, present: 0 };
    return {
      agent,
      states,
      followed: states.filter((s) => s === 'followed').length,
      missed: states.filter((s) => s === 'missed').length,
      rate: recorded === 0 ? null : present / recorded,
    };
  });
  const behind = rows
    .filter((r) => r.missed > 0)
    .sort((a, b) => b.missed - a.missed || (a.rate ?? 1) - (b.rate ?? 1) || (a.agent.fullName ?? '').localeCompare(b.agent.fullName ?? '', 'fr'));
  return { rows, behind };
}
