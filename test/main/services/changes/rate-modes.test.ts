import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newMemberRate } from '../../../../src/main/services/changes/member-rate';
import { newProjectUpdate, type ProjectUpdate } from '../../../../src/main/services/changes/project-update';
import { kindOf } from '../../../../src/main/services/changes/registry';
import { readRecurrence, toProject } from '../../../../src/main/services/toggl/mapping';
import type { DataView } from '../../../../src/shared/entities';
import { TEAMMATE } from '../../../../tools/sandbox/fixture';
import { startSandboxWithClient } from '../../../../tools/sandbox/testing';
import { projectOf, workspaceIdOf } from '../../../support/named';
import { createChangeWorld } from '../../../support/change-world';
import type { LaunchedApp, SyncWorld } from '../../../support/sync-world';

// Issue 22's last fields: a project's rate_change_mode and recurring_parameters, a member's
// rate_change_mode and labor_cost_change_mode. Read tolerantly, checked by the commands, merged,
// replayed once (offline too) against the sandbox, which keeps them.

describe('recurring parameters read from Toggl’s answers', () => {
  const monthly = { period: 'monthly', custom_period: null, project_start_date: '2026-01-01' };

  it('absent, null or nothing readable is none; an object or an array of them (OpenAPI says both) is read', () => {
    expect(readRecurrence(undefined)).toBeNull();
    expect(readRecurrence(null)).toBeNull();
    expect(readRecurrence({})).toBeNull();
    expect(readRecurrence([])).toBeNull();
    expect(readRecurrence('monthly')).toBeNull();
    expect(readRecurrence(monthly)).toEqual({ period: 'monthly', customPeriod: null, startDate: '2026-01-01' });
    expect(
      readRecurrence([
        { period: '' },
        { period: 'custom', custom_period: 14, parameter_start_date: '2026-02-01T00:00:00Z', parameter_end_date: null },
      ]),
    ).toEqual({ period: 'custom', customPeriod: 14, startDate: '2026-02-01' });
    // Odd values: a period kept as Toggl said it, days that are not a positive whole number as none.
    expect(readRecurrence({ period: 'weekly', custom_period: -3, project_start_date: 'soon' })).toEqual({
      period: 'weekly',
      customPeriod: null,
      startDate: null,
    });
  });

  it('never drops a project because of them', () => {
    for (const recurring_parameters of [undefined, null, 7, 'x', [null, 3], monthly, [monthly]]) {
      const project = toProject({ id: 1, wid: 2, name: 'Retainer', recurring: true, recurring_parameters });
      expect(project.name).toBe('Retainer');
    }
    expect(toProject({ id: 1, wid: 2, recurring_parameters: [monthly] }).recurringParameters).toMatchObject({
      period: 'monthly',
    });
  });
});

describe('a project’s rate change mode in the change (project.update)', () => {
  const update = (changes: ProjectUpdate['changes'], rateChangeMode?: ProjectUpdate['rateChangeMode']) =>
    newProjectUpdate({
      id: 7,
      wid: 1,
      changes,
      base: { rate: 50, name: 'Old' },
      ...(rateChangeMode && { rateChangeMode }),
    });
  const merge = (earlier: ProjectUpdate, later: ProjectUpdate) => kindOf(later).merge?.(earlier, later);

  it('a later rate brings its own mode; a later edit that leaves the rate keeps the earlier mode', () => {
    expect(merge(update({ rate: 60 }, 'start-today'), update({ rate: 70 }, 'override-all'))?.earlier).toMatchObject({
      changes: { rate: 70 },
      rateChangeMode: 'override-all',
    });
    expect(merge(update({ rate: 60 }, 'start-today'), update({ rate: 70 }))?.earlier).not.toHaveProperty(
      'rateChangeMode',
      'start-today',
    );
    expect(merge(update({ rate: 60, name: 'A' }, 'start-today'), update({ name: 'B' }))?.earlier).toMatchObject({
      changes: { rate: 60, name: 'B' },
      rateChangeMode: 'start-today',
    });
  });

  it('a rate put back as Toggl has it drops out, and its mode with it', () => {
    const merged = merge(update({ rate: 60, name: 'A' }, 'override-all'), update({ rate: 50 }));
    expect(merged?.earlier).toMatchObject({ changes: { name: 'A' } });
    expect((merged?.earlier as ProjectUpdate | null)?.rateChangeMode).toBeUndefined();
  });
});

// The demo account synced over HTTP, on a temp data dir (a change-kind test's world).
let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => ({ world, app } = await createChangeWorld()));
afterEach(() => world.cleanup());

const view = (): Promise<DataView> => app.call('data.view');
const puts = () =>
  world.sandbox.countRequests((request) => request.method === 'PUT' && /\/projects\/\d+$/.test(request.path));

async function backOnline(on: LaunchedApp): Promise<void> {
  await world.sandbox.setDown(false);
  await on.services.data.loop.probe();
  await on.services.data.settled();
}

describe('a project’s new rate with its mode, and its recurring period', () => {
  it('made offline, merged, kept over a restart and sent once: the mode only with the rate; the period read back', async () => {
    const website = projectOf(await view(), 'Website redesign');
    await world.sandbox.setDown(true);
    await app.call('projects.update', {
      id: website.id,
      changes: {
        rate: 90,
        recurring: true,
        recurringParameters: { period: 'monthly', customPeriod: null, startDate: null },
      },
      rateChangeMode: 'start-today',
    });
    await app.services.data.settled();
    // A second edit of the same fields: one change, the later rate with its mode.
    const custom = { period: 'custom', customPeriod: 14, startDate: '2026-11-02' };
    await app.call('projects.update', {
      id: website.id,
      changes: { rate: 95, recurringParameters: custom },
      rateChangeMode: 'override-all',
    });
    expect(projectOf(await view(), 'Website redesign')).toMatchObject({
      rate: 95,
      recurring: true,
      recurringParameters: custom,
      sync: 'pending',
    });
    expect((await view()).outbox).toHaveLength(1);

    await app.close();
    const restarted = await world.launch();
    expect(projectOf(await restarted.call('data.view'), 'Website redesign').recurringParameters).toEqual(custom);
    await backOnline(restarted);
    await restarted.services.data.replayer.replay({ ignoreBackoff: true });
    await restarted.services.data.settled();

    expect(puts()).toBe(1);
    expect(world.sandbox.state.rateChanges).toEqual([
      expect.objectContaining({ what: 'project', id: website.id, field: 'rate', amount: 95, mode: 'override-all' }),
    ]);
    // Toggl's answer carries them as an array (models.Project); the app reads it as the object it sent.
    expect(world.sandbox.state.projects.get(website.id)?.recurring_parameters).toEqual([
      expect.objectContaining({ period: 'custom', custom_period: 14, project_start_date: '2026-11-02' }),
    ]);
    const now = await restarted.call('data.view');
    expect(now.outbox).toEqual([]);
    expect(projectOf(now, 'Website redesign')).toMatchObject({ rate: 95, recurringParameters: custom, sync: 'synced' });

    // An edit without a new rate sends no mode.
    await restarted.call('projects.update', { id: website.id, changes: { name: 'Website relaunch' } });
    await restarted.services.data.settled();
    expect(world.sandbox.state.rateChanges).toHaveLength(1);
  });

  it('refuses a mode without a new rate, odd periods, and what the plan lacks, in words, and queues nothing', async () => {
    const all = await view();
    const website = projectOf(all, 'Website redesign');
    const garden = projectOf(all, 'Garden planner');
    const update = (id: number, changes: Record<string, unknown>, rateChangeMode?: string) =>
      app.call('projects.update', { id, changes, ...(rateChangeMode && { rateChangeMode }) } as never);
    const every = (days: number | null) => ({ period: 'custom', customPeriod: days, startDate: null });

    await expect(update(website.id, { name: 'X' }, 'start-today')).rejects.toThrow(
      'Choose what a new hourly rate applies to only with a new hourly rate',
    );
    await expect(update(website.id, { rate: null }, 'start-today')).rejects.toThrow(/only with a new hourly rate/);
    await expect(update(website.id, { rate: 10 }, 'tomorrow')).rejects.toThrow();
    await expect(update(website.id, { recurring: true, recurringParameters: every(0) })).rejects.toThrow(
      'A custom period is a whole number of days from 1 to 365.',
    );
    await expect(update(website.id, { recurring: true, recurringParameters: every(366) })).rejects.toThrow(
      /from 1 to 365/,
    );
    await expect(update(website.id, { recurring: true, recurringParameters: every(null) })).rejects.toThrow(
      'Say every how many days it recurs, e.g. 14.',
    );
    await expect(
      update(website.id, {
        recurring: true,
        recurringParameters: { period: 'hourly', customPeriod: null, startDate: null },
      }),
    ).rejects.toThrow('Choose a period Toggl knows: monthly or custom.');
    await expect(
      update(website.id, {
        recurring: true,
        recurringParameters: { period: 'monthly', customPeriod: 3, startDate: null },
      }),
    ).rejects.toThrow('Only a custom period takes a number of days.');
    await expect(
      update(website.id, { recurringParameters: { period: 'monthly', customPeriod: null, startDate: null } }),
    ).rejects.toThrow('Turn Recurring on to set its period.');
    await expect(
      update(website.id, {
        recurring: true,
        recurringParameters: { period: 'monthly', customPeriod: null, startDate: '2026-13-01' },
      }),
    ).rejects.toThrow(/is not a date/);
    // The Free workspace ("Side projects"): the mode goes with rates, the period with recurring.
    await expect(update(garden.id, { rate: 5 }, 'start-today')).rejects.toThrow('Rates need a paid plan');
    await expect(
      update(garden.id, { recurringParameters: { period: 'monthly', customPeriod: null, startDate: null } }),
    ).rejects.toThrow('Recurring projects need a paid plan');
    expect((await view()).outbox).toEqual([]);
  });
});

describe('a member’s new rate and labor cost with their modes (member.rate)', () => {
  const sam = () => world.sandbox.state.userByEmail(TEAMMATE.email)?.id ?? 0;

  it('offline, merged: each amount with its own mode, one PUT with both; a mode without a new amount is refused', async () => {
    const all = await view();
    const studio = workspaceIdOf(all, 'Demo Studio');
    const mobile = projectOf(all, 'Mobile app');
    await app.call('team.open', { wid: studio });
    const member = (await view()).teams
      .find((team) => team.wid === studio)
      ?.members.find((item) => item.pid === mobile.id && item.uid === sam());
    if (!member) throw new Error('Sam is not on Mobile app');

    await expect(app.call('members.setRates', { id: member.id, rateChangeMode: 'start-today' })).rejects.toThrow(
      'Choose what a new hourly rate applies to only with a new hourly rate',
    );
    await expect(
      app.call('members.setRates', { id: member.id, laborCost: null, laborCostChangeMode: 'override-all' }),
    ).rejects.toThrow(/only with a new labor cost/);

    await world.sandbox.setDown(true);
    await app.call('members.setRates', { id: member.id, rate: 80, rateChangeMode: 'start-today' });
    await app.services.data.settled();
    await app.call('members.setRates', { id: member.id, laborCost: 35, laborCostChangeMode: 'override-all' });
    expect((await view()).outbox).toHaveLength(1);
    const puts = () =>
      world.sandbox.countRequests((request) => request.method === 'PUT' && /project_users/.test(request.path));
    await backOnline(app);
    expect(puts()).toBe(1);
    expect(world.sandbox.state.rateChanges).toEqual([
      expect.objectContaining({ what: 'project_user', id: member.id, field: 'rate', amount: 80, mode: 'start-today' }),
      expect.objectContaining({ field: 'labor_cost', amount: 35, mode: 'override-all' }),
    ]);
    await app.services.data.replayer.replay({ ignoreBackoff: true });
    await app.services.data.settled();
    expect(puts()).toBe(1);
  });

  it('merges each mode with the amount it came with: a later amount without a mode drops the earlier one’s', () => {
    const first = newMemberRate({
      id: 3,
      wid: 1,
      pid: 9,
      rate: 80,
      rateChangeMode: 'start-today',
      laborCost: 20,
      laborCostChangeMode: 'override-all',
    });
    const later = newMemberRate({ id: 3, wid: 1, pid: 9, rate: 90 });
    expect(kindOf(later).merge?.(first, later)?.earlier).toEqual({
      kind: 'member.rate',
      id: 3,
      wid: 1,
      pid: 9,
      rate: 90,
      laborCost: 20,
      laborCostChangeMode: 'override-all',
    });
  });
});

describe('the sandbox plays the modes and the period as the OpenAPI document describes them', () => {
  it('400 for a mode or period it does not know, 402 on a Free plan (our words)', async () => {
    const { sandbox, api, close } = await startSandboxWithClient();
    try {
      const me = await api.getMeWithRelatedData();
      const studio = (me.workspaces ?? []).find((workspace) => workspace.name === 'Demo Studio')?.id ?? 0;
      const free = (me.workspaces ?? []).find((workspace) => workspace.name === 'Side projects')?.id ?? 0;
      const project = (wid: number) => me.projects?.find((item) => item.workspace_id === wid)?.id ?? 0;
      await expect(
        api.updateProject(studio, project(studio), { rate: 5, rate_change_mode: 'later' as never }),
      ).rejects.toThrow(/Invalid rate_change_mode/);
      await expect(
        api.updateProject(studio, project(studio), { recurring: true, recurring_parameters: { period: 'custom' } }),
      ).rejects.toThrow(/Invalid recurring_parameters.custom_period/);
      await expect(
        api.updateProject(free, project(free), { recurring_parameters: { period: 'monthly' } }),
      ).rejects.toThrow(/Recurring projects available only for premium plans/);
      await expect(api.updateProject(free, project(free), { rate_change_mode: 'start-today' })).rejects.toThrow(
        /Project rates available only for premium plans/,
      );
      const answer = await api.updateProject(studio, project(studio), {
        recurring: true,
        recurring_parameters: { period: 'monthly', project_start_date: '2026-01-05' },
      });
      expect(answer).toMatchObject({
        recurring_parameters: [expect.objectContaining({ period: 'monthly', project_start_date: '2026-01-05' })],
      });
      expect(sandbox.state.rateChanges).toEqual([]);
    } finally {
      await close();
    }
  });
});
