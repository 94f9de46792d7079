import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, workshopFields, type TestCore } from './test-core.js';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(async () => {
  await core.close();
});

describe('the order of the workshop list', () => {
  it('shows what comes next first (soonest first), the one under way among them, then the past ones, most recent first', async () => {
    core.setNow('2026-03-10T17:00:00.000Z'); // Tuesday 10 March, 18:00 in Paris
    const at = (day: string, start: string, end: string, title: string) =>
      core.must('workshops:create', workshopFields({ title, startsAt: `${day}T${start}`, endsAt: `${day}T${end}` }));
    await at('2026-03-02', '18:00', '20:00', 'passé récent');
    await at('2026-01-15', '18:00', '20:00', 'passé ancien');
    await at('2026-04-20', '18:00', '20:00', 'dans six semaines');
    await at('2026-03-12', '18:00', '20:00', 'jeudi');
    await at('2026-03-10', '17:30', '19:30', 'en cours');
    const list = await core.must('workshops:list', {});
    expect(list.items.map((w) => w.title)).toEqual(['en cours', 'jeudi', 'dans six semaines', 'passé récent', 'passé ancien']);
  });
});
