import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, TEAMMATE, createFixture, createLargeAccount } from '../../../tools/sandbox/fixture';
import type { SandboxState, SandboxTimeEntry } from '../../../tools/sandbox/state';
import { parsed, startWireSandbox, type WireSandbox } from '../../support/sandbox-wire';

const NOW = Date.parse('2024-12-16T12:00:00Z');
const DAY = 24 * 3600_000;

function entriesOf(state: SandboxState, email: string): SandboxTimeEntry[] {
  const user = state.userByEmail(email);
  return [...state.timeEntries.values()].filter((entry) => entry.user_id === user?.id);
}

describe('the demo fixture’s time entries', () => {
  it('a few days of them: with a task, without a project, zero-length, none running, none ahead of now', () => {
    const state = createFixture(() => NOW);
    const entries = entriesOf(state, DEMO.email);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries.filter((entry) => entry.task_id !== null).length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((entry) => entry.project_id === null)).toHaveLength(1);
    expect(entries.filter((entry) => entry.duration === 0 && entry.start === entry.stop)).toHaveLength(1);
    expect(entries.filter((entry) => entry.stop === null)).toEqual([]);
    for (const entry of entries) {
      expect(Date.parse(entry.stop ?? '')).toBeLessThan(NOW);
      expect(Date.parse(entry.at)).toBeLessThan(NOW);
    }
    // Spread over days and over the Premium, Starter, Free and members-only workspaces.
    expect(new Set(entries.map((entry) => entry.start.slice(0, 10))).size).toBeGreaterThanOrEqual(4);
    expect(new Set(entries.map((entry) => entry.workspace_id)).size).toBe(4);
    expect(entriesOf(state, TEAMMATE.email)).toHaveLength(1);
  });

  it('the large account: a quarter of workdays, five to nine a day, the same every build', () => {
    const build = () => createLargeAccount(40, 400, () => NOW);
    const entries = [...build().timeEntries.values()];
    expect(entries.length).toBeGreaterThan(300);
    expect(entries.length).toBeLessThan(600);
    const days = new Map<string, number>();
    for (const entry of entries) days.set(entry.start.slice(0, 10), (days.get(entry.start.slice(0, 10)) ?? 0) + 1);
    for (const [day, count] of days) {
      expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(9);
    }
    const starts = entries.map((entry) => Date.parse(entry.start));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW - 91 * DAY);
    expect(Math.max(...entries.map((entry) => Date.parse(entry.stop ?? '')))).toBeLessThan(NOW);
    expect(entries.some((entry) => entry.task_id !== null)).toBe(true);
    expect(entries.some((entry) => entry.project_id === null)).toBe(true);
    const again = [...build().timeEntries.values()];
    expect(again.map((entry) => [entry.start, entry.description])).toEqual(
      entries.map((entry) => [entry.start, entry.description]),
    );
  });
});

describe('sandbox.elsewhere: what the web app or a phone does meanwhile', () => {
  let wire: WireSandbox;
  afterEach(() => wire.close());

  it('starts, stops, edits and deletes entries the app then reads, with no request and no quota spent', async () => {
    wire = await startWireSandbox(NOW);
    const { elsewhere } = wire.sandbox;
    const phone = elsewhere.startTimeEntry({
      taskId: wire.taskId('Push notifications'),
      description: 'Started on the phone',
      start: NOW - 20 * 60_000,
    });
    expect(phone).toMatchObject({ project_id: wire.projectId('Mobile app'), stop: null });
    expect(wire.sandbox.requests).toHaveLength(0);
    const current = await wire.send('GET', '/me/time_entries/current');
    expect(parsed(current)).toEqual(phone);
    expect(current.quotaRemaining).toBe(29);

    const web = elsewhere.startTimeEntry({ description: 'Then on the web' });
    expect(elsewhere.timeEntry(phone.id)).toMatchObject({ stop: '2024-12-16T12:00:00+00:00', duration: 1200 });
    expect(elsewhere.runningTimeEntry()).toEqual(web);

    wire.clock.now += 60_000;
    elsewhere.updateTimeEntry(web.id, { projectId: wire.projectId('Internal tools'), description: 'Tooling' });
    const stopped = elsewhere.stopTimeEntry(web.id);
    expect(stopped).toMatchObject({ description: 'Tooling', duration: 60, at: '2024-12-16T12:01:00Z' });
    elsewhere.deleteTimeEntry(phone.id);
    const since = parsed(await wire.send('GET', `/me/time_entries?since=${NOW / 1000}`)) as SandboxTimeEntry[];
    expect(since.map((entry) => [entry.id, entry.server_deleted_at])).toEqual([
      [web.id, null],
      [phone.id, '2024-12-16T12:01:00Z'],
    ]);
    expect(elsewhere.runningTimeEntry()).toBeNull();
  });

  it('a teammate’s timer is theirs; a mistake in a test throws', async () => {
    wire = await startWireSandbox(NOW);
    const { elsewhere } = wire.sandbox;
    const sams = elsewhere.startTimeEntry({ email: TEAMMATE.email, projectId: wire.projectId('Meetup organising') });
    expect(sams.workspace_id).toBe(wire.workspaceId('Community (members)'));
    expect(elsewhere.runningTimeEntry(TEAMMATE.email)).toEqual(sams);
    expect((await wire.send('GET', '/me/time_entries/current')).text).toBe('null');
    expect(() => elsewhere.stopTimeEntry(elsewhere.addTimeEntry({ stop: NOW }).id)).toThrow(/already stopped/);
    expect(() => elsewhere.startTimeEntry({ email: 'nobody@example.test' })).toThrow(/no user/);
    expect(() =>
      elsewhere.startTimeEntry({ workspaceId: wire.workspaceId('Dana Consulting'), email: TEAMMATE.email }),
    ).toThrow(/not a member/);
    expect(() => elsewhere.deleteTimeEntry(123_456)).toThrow(/no live time entry/);
  });
});
