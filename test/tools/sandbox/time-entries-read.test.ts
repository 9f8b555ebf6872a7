import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, TEAMMATE } from '../../../tools/sandbox/fixture';
import { parsed, startWireSandbox, type WireSandbox } from '../../support/sandbox-wire';

/** A Monday noon: the demo entries lie on Friday 13, Saturday 14, Sunday 15 and Tuesday 26 November. */
const NOW = Date.parse('2024-12-16T12:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Entry {
  id: number;
  start: string;
  stop: string | null;
  duration: number;
  description: string | null;
  user_id: number;
  server_deleted_at: string | null;
}

let wire: WireSandbox;
beforeEach(async () => {
  wire = await startWireSandbox(NOW);
});
afterEach(() => wire.close());

async function list(query = ''): Promise<Entry[]> {
  const answer = await wire.send('GET', `/me/time_entries${query}`);
  expect(answer.status).toBe(200);
  return parsed(answer) as Entry[];
}

async function refusal(path: string): Promise<{ status: number; body: unknown }> {
  const answer = await wire.send('GET', path);
  return { status: answer.status, body: parsed(answer) };
}

const descriptions = (entries: Entry[]) => entries.map((entry) => entry.description);

describe('GET /me/time_entries', () => {
  it('by default: the user’s own entries, newest first, however old', async () => {
    expect(descriptions(await list())).toEqual([
      'Email and admin',
      'Standup',
      'Onboarding copy review',
      'Homepage hero variants',
      'Contrast checks',
      'Threat model workshop',
      'Plant list',
      'Draft the March issue',
      'Wireframes sign-off',
    ]);
  });

  it('by default: the latest thousand, no more', async () => {
    for (let index = 0; index < 1_000; index++) {
      wire.sandbox.elsewhere.addTimeEntry({ start: NOW - (index + 1) * HOUR, stop: NOW - index * HOUR - 60_000 });
    }
    const entries = await list();
    expect(entries).toHaveLength(1_000);
    expect(entries[0]?.start).toBe('2024-12-16T11:00:00+00:00');
    // The nine left out are the oldest of the 1,009.
    const listed = new Set(entries.map((entry) => entry.id));
    const oldestListed = Date.parse(entries.at(-1)?.start ?? '');
    const left = [...wire.sandbox.state.timeEntries.values()].filter(
      (entry) => entry.user_id === wire.userId(DEMO.email) && !listed.has(entry.id),
    );
    expect(left).toHaveLength(9);
    for (const entry of left) expect(Date.parse(entry.start)).toBeLessThan(oldestListed);
  });

  it('since: what changed since then, deleted entries included with server_deleted_at', async () => {
    const since = Math.floor(NOW / 1000);
    expect(await list(`?since=${since}`)).toEqual([]);
    const [newest, second] = await list();
    wire.clock.now += 60_000;
    wire.sandbox.elsewhere.updateTimeEntry(newest?.id ?? 0, { description: 'Email, admin and invoices' });
    wire.sandbox.elsewhere.deleteTimeEntry(second?.id ?? 0);
    const changed = await list(`?since=${since}`);
    expect(changed.map((entry) => [entry.id, entry.description, entry.server_deleted_at])).toEqual([
      [newest?.id, 'Email, admin and invoices', null],
      [second?.id, 'Standup', '2024-12-16T12:01:00Z'],
    ]);
    // Without since a deleted entry is gone.
    expect((await list()).map((entry) => entry.id)).not.toContain(second?.id);
  });

  it('since older than three months is refused, as Toggl refuses it on /me/projects', async () => {
    const since = Math.floor((NOW - 91 * DAY) / 1000);
    expect(await refusal(`/me/time_entries?since=${since}`)).toEqual({
      status: 400,
      body: 'since cannot be older than 3 months',
    });
  });

  it('before: entries started before a date or a time', async () => {
    expect(descriptions(await list('?before=2024-12-14'))).toEqual([
      'Plant list',
      'Draft the March issue',
      'Wireframes sign-off',
    ]);
    expect(descriptions(await list(`?before=${encodeURIComponent('2024-12-15T11:00:00+00:00')}`))).toEqual([
      'Onboarding copy review',
      'Homepage hero variants',
      'Contrast checks',
      'Threat model workshop',
      'Plant list',
      'Draft the March issue',
      'Wireframes sign-off',
    ]);
  });

  it('start_date and end_date: started from the first, before the second', async () => {
    expect(descriptions(await list('?start_date=2024-12-14&end_date=2024-12-15'))).toEqual([
      'Contrast checks',
      'Threat model workshop',
    ]);
    const from = encodeURIComponent('2024-12-15T10:00:00Z');
    const to = encodeURIComponent('2024-12-15T13:00:00+01:00');
    expect(descriptions(await list(`?start_date=${from}&end_date=${to}`))).toEqual([
      'Standup',
      'Onboarding copy review',
    ]);
    // The end is not included: an entry starting at 11:00 is not before 11:00.
    expect(
      descriptions(await list(`?start_date=${from}&end_date=${encodeURIComponent('2024-12-15T11:00:00Z')}`)),
    ).toEqual(['Onboarding copy review']);
  });

  it('refuses what Toggl refuses, in its words where they are known', async () => {
    expect(await refusal('/me/time_entries?since=1734300000&start_date=2024-12-14&end_date=2024-12-15')).toEqual({
      status: 400,
      body: "'since' and 'start_date' can not be present simultaneously",
    });
    expect(await refusal('/me/time_entries?before=2024-12-14&end_date=2024-12-15')).toEqual({
      status: 400,
      body: "'before' and 'end_date' can not be present simultaneously",
    });
    expect(await refusal('/me/time_entries?start_date=2024-12-14')).toEqual({
      status: 400,
      body: 'start_date and end_date must be given together',
    });
    expect(await refusal('/me/time_entries?start_date=2024-12-14&end_date=2024-12-13')).toEqual({
      status: 400,
      body: 'end_date must not be earlier than start_date',
    });
    // Three calendar months back from 16 December is 16 September, not 90 days (17 September).
    expect((await refusal('/me/time_entries?start_date=2024-09-16&end_date=2024-09-17')).status).toBe(200);
    expect(await refusal('/me/time_entries?start_date=2024-09-15&end_date=2024-09-17')).toEqual({
      status: 400,
      body: 'start_date must not be earlier than 2024-09-16',
    });
    expect((await refusal('/me/time_entries?before=yesterday')).status).toBe(400);
  });
});

describe('GET /me/time_entries/current and /me/time_entries/{id}', () => {
  it('current: the running entry, started elsewhere; null again once it stops', async () => {
    const started = wire.sandbox.elsewhere.startTimeEntry({
      projectId: wire.projectId('Mobile app'),
      description: 'On the phone',
      start: NOW - 30 * 60_000,
    });
    const current = parsed(await wire.send('GET', '/me/time_entries/current')) as Entry;
    expect(current).toMatchObject({ id: started.id, stop: null, duration: -(NOW - 30 * 60_000) / 1000 });
    wire.sandbox.elsewhere.stopTimeEntry(started.id);
    expect((await wire.send('GET', '/me/time_entries/current')).text).toBe('null');
  });

  it('{id}: one of the user’s entries; someone else’s, a deleted one or no number is refused', async () => {
    const [newest] = await list();
    const answer = await wire.send('GET', `/me/time_entries/${newest?.id ?? 0}`);
    expect(parsed(answer)).toEqual(newest);
    const samsEntry = [...wire.sandbox.state.timeEntries.values()].find(
      (entry) => entry.user_id === wire.userId(TEAMMATE.email),
    );
    expect(await refusal(`/me/time_entries/${samsEntry?.id ?? 0}`)).toEqual({
      status: 404,
      body: 'Resource can not be found',
    });
    wire.sandbox.elsewhere.deleteTimeEntry(newest?.id ?? 0);
    expect((await refusal(`/me/time_entries/${newest?.id ?? 0}`)).status).toBe(404);
    expect(await refusal('/me/time_entries/abc')).toEqual({ status: 400, body: 'Invalid or missing time_entry_id' });
  });
});

describe('GET /me?with_related_data=true', () => {
  async function related(): Promise<Entry[] | undefined> {
    const answer = await wire.send('GET', '/me?with_related_data=true');
    return (parsed(answer) as { time_entries?: Entry[] }).time_entries;
  }

  it('carries the entries started since midnight UTC ten days back, newest first, and the running one', async () => {
    const tenDaysBack = Date.parse('2024-12-06T00:00:00Z');
    const inside = wire.sandbox.elsewhere.addTimeEntry({ start: tenDaysBack, stop: tenDaysBack + HOUR });
    const outside = wire.sandbox.elsewhere.addTimeEntry({ start: tenDaysBack - 1000, stop: tenDaysBack + HOUR });
    const entries = await related();
    expect(descriptions(entries ?? []).slice(0, 8)).toEqual(descriptions(await list()).slice(0, 8));
    expect(entries?.map((entry) => entry.id)).toContain(inside.id);
    expect(entries?.map((entry) => entry.id)).not.toContain(outside.id);
    expect(descriptions(entries ?? [])).not.toContain('Wireframes sign-off');

    const running = wire.sandbox.elsewhere.startTimeEntry({ start: NOW - 12 * DAY, description: 'Forgot to stop' });
    expect((await related())?.find((entry) => entry.id === running.id)).toMatchObject({ stop: null });
  });

  it('leaves time_entries out when there are none, as it leaves out clients and tasks', async () => {
    for (const entry of wire.sandbox.state.timeEntries.values()) wire.sandbox.elsewhere.deleteTimeEntry(entry.id);
    const answer = parsed(await wire.send('GET', '/me?with_related_data=true')) as Record<string, unknown>;
    expect(answer.projects).toBeDefined();
    expect('time_entries' in answer).toBe(false);
  });
});
