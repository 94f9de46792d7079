import { describe, expect, it } from 'vitest';
import { trainingMatrix, type MatrixAgent, type MatrixAttendance } from '#shared/transfo/training-matrix.js';

const agent = (id: string, fullName: string, stage: MatrixAgent['stage'] = 'ambassador'): MatrixAgent => ({ candidateId: id, fullName, stage });
const modules = [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }];
const at = (sessionId: string, day: number, candidateId: string, status: MatrixAttendance['status'], updatedAt = '2026-03-01T10:00:00.000Z'): MatrixAttendance => ({
  sessionId,
  day,
  candidateId,
  status,
  updatedAt,
});
const sessions = [
  // m1 taught on both days of s1, m2 on its second day; m3 never yet.
  { id: 's1', days: [{ date: '2026-03-02', moduleIds: ['m1'] }, { date: '2026-03-03', moduleIds: ['m1', 'm2'] }] },
];

describe('the matrix of modules followed', () => {
  it('a module taught on two days is followed when present on one of them', () => {
    const { rows } = trainingMatrix({ modules, sessions, agents: [agent('a', 'Ada')], attendance: [at('s1', 0, 'a', 'absent'), at('s1', 1, 'a', 'present')], today: '2026-03-31' });
    expect(rows[0]!.states).toEqual(['followed', 'followed', 'not_yet']);
    expect(rows[0]!.rate).toBe(0.5);
  });

  it('excused is missed as absent is, and the agent is behind', () => {
    const { rows, behind } = trainingMatrix({
      modules,
      sessions,
      agents: [agent('a', 'Ada'), agent('b', 'Béa', 'relais')],
      attendance: [at('s1', 0, 'a', 'excused'), at('s1', 1, 'a', 'excused'), at('s1', 0, 'b', 'present'), at('s1', 1, 'b', 'absent')],
      today: '2026-03-31',
    });
    expect(rows[0]!.states).toEqual(['missed', 'missed', 'not_yet']);
    expect(rows[1]!.states).toEqual(['followed', 'missed', 'not_yet']);
    expect(behind.map((r) => [r.agent.candidateId, r.missed])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('a relais is an agent like an ambassador; a withdrawn agent (not in the cohort) is not read', () => {
    const { rows } = trainingMatrix({
      modules,
      sessions,
      agents: [agent('r', 'Rémi', 'relais')],
      attendance: [at('s1', 0, 'r', 'present'), at('s1', 0, 'w', 'absent')],
      today: '2026-03-31',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.states[0]).toBe('followed');
  });

  it('a day not held yet teaches nothing; attendance not taken is not an absence; an erased status counts as not taken', () => {
    const { rows, behind } = trainingMatrix({
      modules,
      sessions,
      agents: [agent('a', 'Ada')],
      attendance: [at('s1', 0, 'a', null)],
      today: '2026-03-02',
    });
    expect(rows[0]!.states).toEqual(['not_yet', 'not_yet', 'not_yet']);
    expect(rows[0]!.rate).toBeNull();
    expect(behind).toEqual([]);
  });

  it('of two records of one day, the latest wins', () => {
    const { rows } = trainingMatrix({
      modules,
      sessions,
      agents: [agent('a', 'Ada')],
      attendance: [at('s1', 1, 'a', 'present', '2026-03-03T10:00:00.000Z'), at('s1', 1, 'a', 'absent', '2026-03-03T11:00:00.000Z')],
      today: '2026-03-31',
    });
    expect(rows[0]!.states).toEqual(['missed', 'missed', 'not_yet']);
    expect(rows[0]!.rate).toBe(0);
  });

  it('sorts the most behind first, then the lowest attendance', () => {
    const { behind } = trainingMatrix({
      modules,
      sessions,
      agents: [agent('a', 'Ada'), agent('b', 'Béa'), agent('c', 'Cyr')],
      attendance: [
        at('s1', 0, 'a', 'present'),
        at('s1', 1, 'a', 'absent'),
        at('s1', 0, 'b', 'excused'),
        at('s1', 0, 'c', 'absent'),
        at('s1', 1, 'c', 'absent'),
      ],
      today: '2026-03-31',
    });
    expect(behind.map((r) => r.agent.candidateId)).toEqual(['c', 'b', 'a']);
  });
});
