import { describe, expect, it } from 'vitest';
import {
  elapsedSeconds,
  hoursMinutes,
  hoursMinutesSeconds,
  secondsWithin,
  startOfDay,
  startOfWeek,
  trackedTotals,
} from '../../src/shared/time-totals';

const at = (iso: string) => Date.parse(iso);

describe('days and weeks in the user’s Toggl time zone', () => {
  it('starts the day at local midnight', () => {
    expect(new Date(startOfDay(at('2026-12-02T10:00:00Z'), 'Europe/Tallinn')).toISOString()).toBe(
      '2026-12-01T22:00:00.000Z',
    );
    // 01:30 UTC is still the evening before in New York.
    expect(new Date(startOfDay(at('2026-12-02T01:30:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-12-01T05:00:00.000Z',
    );
    expect(new Date(startOfDay(at('2026-12-02T23:59:59Z'), 'UTC')).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('gets DST days right: the day after the spring shift began an hour earlier in UTC', () => {
    // Europe/Berlin moves to summer time on 2026-03-29 at 02:00 local.
    expect(new Date(startOfDay(at('2026-03-29T12:00:00Z'), 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(startOfDay(at('2026-03-30T12:00:00Z'), 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('starts the week on the user’s day (Toggl: 0 Sunday, 1 Monday)', () => {
    // Wednesday 2 December 2026.
    const wednesday = at('2026-12-02T10:00:00Z');
    expect(new Date(startOfWeek(wednesday, 'UTC', 1)).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(startOfWeek(wednesday, 'UTC', 0)).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(new Date(startOfWeek(wednesday, 'UTC', 3)).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('reads an unknown zone as UTC rather than failing', () => {
    expect(new Date(startOfDay(at('2026-12-02T10:00:00Z'), 'Mars/Olympus_Mons')).toISOString()).toBe(
      '2026-12-02T00:00:00.000Z',
    );
  });
});

describe('time tracked', () => {
  const now = at('2026-12-02T12:00:00Z');
  const entries = [
    // Yesterday evening into today: only today's part counts for today.
    { pid: 1, tid: 10, start: '2026-12-01T23:30:00Z', stop: '2026-12-02T00:30:00Z' },
    { pid: 1, tid: null, start: '2026-12-02T08:00:00Z', stop: '2026-12-02T09:00:00Z' },
    // No project, and zero length: read, counted in the totals (the first as 0).
    { pid: null, tid: null, start: '2026-12-02T09:00:00Z', stop: '2026-12-02T09:00:00Z' },
    { pid: null, tid: null, start: '2026-12-02T09:10:00Z', stop: '2026-12-02T09:20:00Z' },
    // Monday of this week.
    { pid: 2, tid: null, start: '2026-11-30T10:00:00Z', stop: '2026-11-30T12:00:00Z' },
    // Running since 11:30: 30 minutes up to now.
    { pid: 2, tid: 20, start: '2026-12-02T11:30:00Z', stop: null },
    // Last week.
    { pid: 3, tid: null, start: '2026-11-27T10:00:00Z', stop: '2026-11-27T18:00:00Z' },
  ];

  it('adds today and this week per project and task, the running entry up to now', () => {
    const totals = trackedTotals(entries, now, 'UTC', 1);
    expect(totals.today).toBe(30 * 60 + 3600 + 600 + 30 * 60);
    expect(totals.week).toBe(totals.today + 30 * 60 + 2 * 3600);
    expect(Object.fromEntries(totals.todayByProject)).toEqual({ 1: 30 * 60 + 3600, 2: 30 * 60 });
    expect(Object.fromEntries(totals.todayByTask)).toEqual({ 10: 30 * 60, 20: 30 * 60 });
  });

  it('counts a running entry from its start, clamped at zero when the clock is behind Toggl’s', () => {
    expect(elapsedSeconds('2026-12-02T11:30:00Z', now)).toBe(1800);
    expect(elapsedSeconds('2026-12-02T12:00:05Z', now)).toBe(0);
    expect(secondsWithin({ start: '2026-12-02T12:00:05Z', stop: null }, 0, now, now)).toBe(0);
    expect(elapsedSeconds('not a time', now)).toBe(0);
  });

  it('writes durations as the tray and the header show them', () => {
    expect(hoursMinutes(42 * 60 + 59)).toBe('0:42');
    expect(hoursMinutes(10 * 3600 + 5 * 60)).toBe('10:05');
    expect(hoursMinutesSeconds(3600 + 2 * 60 + 7)).toBe('1:02:07');
  });
});
