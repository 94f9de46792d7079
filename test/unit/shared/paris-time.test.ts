import { afterEach, describe, expect, it } from 'vitest';
import { parisLocalToUtc, utcToParisLocal } from '#shared/time/paris-time.js';

describe('Paris wall-clock times and UTC', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would set the string "undefined".
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('in winter Paris is one hour ahead of UTC', () => {
    expect(parisLocalToUtc('2026-01-15T18:30')).toBe('2026-01-15T17:30:00.000Z');
    expect(utcToParisLocal('2026-01-15T17:30:00.000Z')).toBe('2026-01-15T18:30');
  });

  it('in summer Paris is two hours ahead of UTC', () => {
    expect(parisLocalToUtc('2026-07-14T10:00')).toBe('2026-07-14T08:00:00.000Z');
    expect(utcToParisLocal('2026-07-14T08:00:00.000Z')).toBe('2026-07-14T10:00');
  });

  it('gives the same answer whatever the time zone of the laptop', () => {
    for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
      process.env.TZ = tz;
      expect(parisLocalToUtc('2026-07-14T10:00')).toBe('2026-07-14T08:00:00.000Z');
      expect(utcToParisLocal('2026-01-15T17:30:00.000Z')).toBe('2026-01-15T18:30');
    }
  });

  it('a time skipped when clocks go forward lands one hour later, never on an earlier instant', () => {
    // 29 March 2026: 02:00 → 03:00 in Paris; 02:30 does not exist.
    const utc = parisLocalToUtc('2026-03-29T02:30')!;
    expect(utc).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToParisLocal(utc)).toBe('2026-03-29T03:30');
    expect(utc > parisLocalToUtc('2026-03-29T01:59')!).toBe(true);
  });

  it('a time that happens twice when clocks go back is one of its two instants and reads back the same', () => {
    // 25 October 2026: 03:00 → 02:00 in Paris; 02:30 happens at 00:30 and at 01:30 UTC.
    const utc = parisLocalToUtc('2026-10-25T02:30')!;
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(utc);
    expect(utcToParisLocal(utc)).toBe('2026-10-25T02:30');
    expect(utcToParisLocal('2026-10-25T00:30:00.000Z')).toBe('2026-10-25T02:30');
  });

  it('refuses days that are not in the calendar and malformed input', () => {
    expect(parisLocalToUtc('2026-02-31T10:00')).toBeNull();
    expect(parisLocalToUtc('2026-02-29T10:00')).toBeNull();
    expect(parisLocalToUtc('2026-04-31T10:00')).toBeNull();
    expect(parisLocalToUtc('2026-13-01T10:00')).toBeNull();
    expect(parisLocalToUtc('2026-05-01T24:00')).toBeNull();
    expect(parisLocalToUtc('2026-05-01 10:00')).toBeNull();
    expect(parisLocalToUtc('')).toBeNull();
    expect(parisLocalToUtc('2028-02-29T10:00')).toBe('2028-02-29T09:00:00.000Z');
  });
});
