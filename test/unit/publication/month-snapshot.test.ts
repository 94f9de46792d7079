/**
 * The generator, pure: which workshops a month holds (Paris time, not UTC), the study's counts of
 * people masked under five by src-shared/study/masking.ts, proposals by arrondissement code, the
 * practical cases from their input shape, and the year's report from the months published.
 */
import { describe, expect, it } from 'vitest';
import { monthBounds, monthSnapshot, yearSnapshot, type MonthSources, type SourceWorkshop } from '#shared/publication/month-snapshot.js';
import { emptyBlocks, type CaseAdvanced, type PublicationSnapshot } from '#shared/publication/publication.schema.js';

const w = (id: string, startsAt: string, kind: SourceWorkshop['kind'] = 'pb_co_construction', extra: Partial<SourceWorkshop> = {}): SourceWorkshop => ({
  id,
  kind,
  title: `Atelier ${id}`,
  startsAt,
  arrondissement: 18,
  status: 'closed',
  ...extra,
});

export const caseFixture: CaseAdvanced = {
  id: 'case-1',
  title: 'Accueil des usagers à la mairie du 19e',
  direction: 'DDCT',
  service: 'Mairie du 19e',
  state: 'prototyping',
  journalEntries: [{ at: '2026-03-04T10:00:00Z' }, { at: '2026-03-18T10:00:00Z' }],
  decisions: [{ on: '2026-03-18', text: 'Tester la borne d’accueil pendant un mois.' }],
  prototypeAttachments: [],
};

const sources = (over: Partial<MonthSources> = {}): MonthSources => ({ workshops: [], participants: [], proposals: [], cases: [], ...over });

describe('the month in Paris time', () => {
  it('starts at Paris midnight: 23:30 UTC on the last day of February is already March, 22:30 UTC on 31 March is already April', () => {
    expect(monthBounds('2026-03')).toEqual({ fromIso: '2026-02-28T23:00:00.000Z', toIso: '2026-03-31T22:00:00.000Z' });
    const f = monthSnapshot(
      sources({
        workshops: [
          w('a', '2026-02-28T23:30:00.000Z'),
          w('b', '2026-03-31T21:30:00.000Z'),
          w('c', '2026-03-31T22:30:00.000Z'),
          w('d', '2026-02-28T22:30:00.000Z'),
          w('e', '2026-03-10T18:00:00.000Z', 'lab_monthly', { status: 'cancelled' }),
        ],
      }),
      '2026-03',
    );
    expect(f.workshops.list.map((x) => x.id)).toEqual(['a', 'b']);
    expect(f.workshops.total).toBe(2);
  });
});

describe('the figures', () => {
  const month = monthSnapshot(
    sources({
      workshops: [w('pb', '2026-03-14T17:30:00.000Z'), w('card', '2026-03-20T17:30:00.000Z', 'citizen_card_atelier'), w('lab', '2026-03-25T17:30:00.000Z', 'lab_monthly'), w('data', '2026-03-26T17:30:00.000Z', 'dataset_meetup')],
      participants: [
        { workshopId: 'pb', count: 12 },
        { workshopId: 'card', count: 9 },
        { workshopId: 'lab', count: 3 },
        { workshopId: 'data', count: 6 },
      ],
      proposals: [
        { id: 'p1', workshopId: 'pb', arrondissement: 18, status: 'submitted' },
        { id: 'p2', workshopId: 'pb', arrondissement: 18, status: 'draft' },
        { id: 'p3', workshopId: 'pb', arrondissement: 20, status: 'draft' },
        { id: 'p4', workshopId: 'pb', arrondissement: null, status: 'draft' },
        { id: 'elsewhere', workshopId: 'another-month', arrondissement: 1, status: 'draft' },
      ],
      cases: [caseFixture],
    }),
    '2026-03',
  );

  it('counts the workshops by kind, in the order of the kinds', () => {
    expect(month.workshops.byKind).toEqual([
      { kind: 'pb_co_construction', count: 1 },
      { kind: 'citizen_card_atelier', count: 1 },
      { kind: 'dataset_meetup', count: 1 },
      { kind: 'lab_monthly', count: 1 },
    ]);
  });

  it('masks a count of people under five, and the smallest shown count that would reveal it by subtraction', () => {
    expect(month.participation.total).toEqual({ key: 'total', value: 30, masked: false });
    const byKind = Object.fromEntries(month.participation.byKind.map((c) => [c.key, c.masked || c.value]));
    expect(byKind).toEqual({ pb_co_construction: 12, citizen_card_atelier: 9, dataset_meetup: 'complement', lab_monthly: 'small' });
    // A masked cell never carries its number.
    expect(month.participation.byKind.filter((c) => c.masked).every((c) => c.value === null)).toBe(true);
  });

  it('masks the month’s total when under five people came', () => {
    const small = monthSnapshot(sources({ workshops: [w('x', '2026-03-02T10:00:00Z')], participants: [{ workshopId: 'x', count: 4 }] }), '2026-03');
    expect(small.participation.total).toEqual({ key: 'total', value: null, masked: 'small' });
  });

  it('places the month’s proposals by arrondissement code, those for all Paris apart, and counts them by status', () => {
    expect(month.proposals).toEqual({
      total: 4,
      byArrondissement: [
        { arrondissement: 18, count: 2 },
        { arrondissement: 20, count: 1 },
      ],
      parisWide: 1,
      byStatus: [
        { status: 'draft', count: 3 },
        { status: 'submitted', count: 1 },
      ],
    });
  });

  it('takes the practical cases from their input shape: count by state code, decisions as written', () => {
    expect(month.cases).toEqual({
      total: 1,
      byState: [{ state: 'prototyping', count: 1 }],
      list: [{ id: 'case-1', title: caseFixture.title, direction: 'DDCT', state: 'prototyping', journalEntries: 2, decisions: caseFixture.decisions }],
    });
  });
});

describe('the year’s report', () => {
  const snap = (month: string, people: number, workshops: number): PublicationSnapshot => ({
    period: { kind: 'month', key: month },
    title: month,
    blocks: emptyBlocks(),
    photos: [],
    figures: {
      kind: 'month',
      month: monthSnapshot(
        sources({
          workshops: Array.from({ length: workshops }, (_, i) => w(`${month}-${i}`, `${month}-10T10:00:00.000Z`)),
          participants: [{ workshopId: `${month}-0`, count: people }],
          proposals: [{ id: 'p', workshopId: `${month}-0`, arrondissement: 11, status: 'draft' }],
        }),
        month,
      ),
    },
  });

  it('says the months missing plainly and never adds a masked month’s figure back', () => {
    const year = yearSnapshot(
      '2026',
      new Map([
        ['2026-01', { version: 2, snapshot: snap('2026-01', 20, 3) }],
        ['2026-03', { version: 1, snapshot: snap('2026-03', 3, 1) }],
      ]),
    );
    expect(year.missing).toEqual(['2026-02', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(year.months[0]).toMatchObject({ month: '2026-01', version: 2, workshops: 3, proposals: 1 });
    expect(year.months[2]!.participants).toEqual({ key: 'total', value: null, masked: 'small' });
    expect(year.participation).toEqual({ shown: 20, atLeast: true });
    expect(year.workshops.total).toBe(4);
    expect(year.proposals.byArrondissement).toEqual([{ arrondissement: 11, count: 2 }]);
  });
});
