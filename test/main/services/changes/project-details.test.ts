import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { parseProjects, toProject } from '../../../../src/main/services/toggl/mapping';
import { NO_PROJECT_DETAILS } from '../../../../src/shared/schema';
import { loadRecording } from '../../../support/recordings';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';
import { workspaceIdOf, projectOf } from '../../../support/named';

const noReport = () => undefined;

describe('project details read from Toggl’s answers', () => {
  it('reads the recorded /me answer: actual_seconds as the time tracked, start_date, the rest null or absent as none', () => {
    const body = loadRecording('me-related-200-go-2024-12-12').response.body as { projects: Record<string, unknown>[] };
    const { live } = parseProjects(body.projects, noReport);
    const first = body.projects[0] ?? {};
    expect(live[0]).toMatchObject({
      ...NO_PROJECT_DETAILS,
      trackedSeconds: first.actual_seconds,
      startDate: first.start_date,
    });
    expect(first.actual_hours).toBe(1103);
    expect(live[0]?.trackedSeconds).toBe(3_973_324);
    // No project in any recording has an end date or an estimate; every one reads as none.
    expect(live.every((project) => project.endDate === null && project.estimatedHours === null)).toBe(true);
  });

  it('reads a single project’s answer with actual_hours and actual_seconds null as “not said” (the row falls back to the tasks)', () => {
    const project = toProject(loadRecording('project-get-200-rb-2024-05-02').response.body);
    expect(project).toMatchObject({ ...NO_PROJECT_DETAILS, startDate: '2024-04-09' });
  });

  it('takes actual_hours where actual_seconds is left out, and reads odd values tolerantly', () => {
    const project = toProject({
      id: 1,
      wid: 2,
      name: 'Legacy',
      actual_hours: 12,
      estimated_hours: 0,
      end_date: '2026-11-03T00:00:00Z',
      start_date: 'soon',
      currency: '',
      rate: -5,
      fixed_fee: '100',
      template: 'yes',
      template_id: 0,
      recurring: null,
      auto_estimates: true,
    });
    expect(project).toMatchObject({
      trackedSeconds: 12 * 3600,
      estimatedHours: null,
      endDate: '2026-11-03',
      startDate: null,
      currency: null,
      rate: null,
      fixedFee: null,
      template: false,
      templateId: null,
      recurring: false,
      autoEstimates: true,
    });
  });
});

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const sandboxProject = (id: number) => world.sandbox.state.projects.get(id);
const requests = (method: string, pattern: RegExp) =>
  world.sandbox.countRequests((request) => request.method === method && pattern.test(request.path));

async function launched(): Promise<{ app: LaunchedApp; view: DataView }> {
  const app = await world.launch();
  return { app, view: await app.call('data.view') };
}

describe('project details as fields of the project changes', () => {
  it('an edit made offline shows at once, merges with a second, survives a restart and is sent once as PUT with Toggl’s names', async () => {
    const { app, view } = await launched();
    const website = projectOf(view, 'Website redesign');
    await world.sandbox.setDown(true);

    await app.call('projects.update', {
      id: website.id,
      changes: { estimatedHours: 30, startDate: '2026-11-01', endDate: '2026-11-20' },
    });
    await app.services.data.settled();
    await app.call('projects.update', { id: website.id, changes: { estimatedHours: 40, endDate: '2026-11-30' } });
    let now = await app.call('data.view');
    expect(projectOf(now, 'Website redesign')).toMatchObject({
      estimatedHours: 40,
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      sync: 'pending',
    });
    expect(now.outbox.map((entry) => entry.summary)).toEqual(['Edit project “Website redesign”']);

    await app.close();
    const restarted = await world.launch();
    expect(projectOf(await restarted.call('data.view'), 'Website redesign')).toMatchObject({ estimatedHours: 40 });

    await world.sandbox.setDown(false);
    await restarted.services.data.loop.probe();
    await restarted.services.data.settled();
    now = await restarted.call('data.view');
    expect(now.outbox).toEqual([]);
    expect(projectOf(now, 'Website redesign')).toMatchObject({
      estimatedHours: 40,
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      sync: 'synced',
    });
    expect(sandboxProject(website.id)).toMatchObject({
      estimated_hours: 40,
      estimated_seconds: 40 * 3600,
      start_date: '2026-11-01',
      end_date: '2026-11-30',
    });
    expect(requests('PUT', /^\/workspaces\/\d+\/projects\/\d+$/)).toBe(1);
    await restarted.services.data.replayer.replay({ ignoreBackoff: true });
    await restarted.services.data.settled();
    expect(requests('PUT', /^\/workspaces\/\d+\/projects\/\d+$/)).toBe(1);
  });

  it('a new project from a template, made offline: one POST with template_id; Toggl copies its tasks and members', async () => {
    const { app, view } = await launched();
    const studio = workspaceIdOf(view, 'Demo Studio');
    const mobile = projectOf(view, 'Mobile app');
    await app.call('projects.update', { id: mobile.id, changes: { template: true } });
    await app.services.data.settled();
    expect(sandboxProject(mobile.id)?.template).toBe(true);

    await world.sandbox.setDown(true);
    const { id } = await app.call('projects.create', {
      wid: studio,
      fields: {
        name: 'Tablet app',
        cid: null,
        color: '#0b83d9',
        isPrivate: false,
        billable: false,
        templateId: mobile.id,
        estimatedHours: 120,
        currency: 'eur',
        rate: 90,
      },
    });
    expect(projectOf(await app.call('data.view'), 'Tablet app')).toMatchObject({
      id,
      estimatedHours: 120,
      templateId: mobile.id,
      currency: 'EUR',
      rate: 90,
      sync: 'pending',
    });
    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    await app.services.data.settled();
    await app.call('sync.refresh');
    await app.services.data.settled();

    const now = await app.call('data.view');
    const made = projectOf(now, 'Tablet app');
    expect(made).toMatchObject({
      estimatedHours: 120,
      templateId: mobile.id,
      currency: 'EUR',
      rate: 90,
      sync: 'synced',
    });
    expect(made.id).toBeGreaterThan(0);
    expect(
      now.tasks
        .filter((task) => task.pid === made.id)
        .map((task) => task.name)
        .sort(),
    ).toEqual(['Onboarding flow', 'Push notifications']);
    const members = [...world.sandbox.state.projectUsers.values()].filter((member) => member.project_id === made.id);
    expect(members.map((member) => member.manager)).toEqual([true]);
    expect(requests('POST', /^\/workspaces\/\d+\/projects$/)).toBe(1);
  });

  it('refuses what makes no sense or what the plan lacks, in words, and queues nothing', async () => {
    const { app, view } = await launched();
    const website = projectOf(view, 'Website redesign');
    const garden = projectOf(view, 'Garden planner');
    const update = (id: number, changes: Record<string, unknown>) => app.call('projects.update', { id, changes });

    await expect(update(website.id, { estimatedHours: -3 })).rejects.toThrow('The estimate must be above zero hours.');
    await expect(update(website.id, { estimatedHours: 2.5 })).rejects.toThrow(/whole hours/);
    await expect(update(website.id, { startDate: '2026-11-10', endDate: '2026-11-01' })).rejects.toThrow(
      'The end date is before the start date (2026-11-10).',
    );
    await expect(update(website.id, { endDate: '2026-02-30' })).rejects.toThrow(/is not a date/);
    await expect(update(website.id, { currency: 'euro' })).rejects.toThrow('A currency is a three-letter code');
    // The Free workspace ("Side projects"): rates, templates, recurring and auto estimates need a paid plan.
    await expect(update(garden.id, { rate: 50 })).rejects.toThrow('Rates need a paid plan in “Side projects”.');
    await expect(update(garden.id, { template: true })).rejects.toThrow('Templates need a paid plan');
    await expect(update(garden.id, { recurring: true })).rejects.toThrow('Recurring projects need a paid plan');
    await expect(update(garden.id, { autoEstimates: true })).rejects.toThrow('Auto estimates need a paid plan');
    // An estimate and dates are for every plan.
    await update(garden.id, { estimatedHours: 10, endDate: '2026-12-24' });
    await app.services.data.settled();
    expect((await app.call('data.view')).outbox).toEqual([]);
    expect(sandboxProject(garden.id)).toMatchObject({ estimated_hours: 10, end_date: '2026-12-24' });
  });

  it('Toggl’s 402 for a paid detail (the plan changed after the list was loaded) fails that change in Toggl’s words; the rest goes on', async () => {
    const { app, view } = await launched();
    const consulting = workspaceIdOf(view, 'Dana Consulting');
    const audit = projectOf(view, 'Security audit');
    const organization = world.sandbox.state.organizations.get(
      view.workspaces.find((workspace) => workspace.id === consulting)?.organizationId ?? 0,
    );
    const workspace = world.sandbox.state.workspaces.get(consulting);
    if (organization) organization.plan = 'free';
    if (workspace) workspace.premium = false;
    await world.sandbox.setDown(true);
    await app.call('projects.update', { id: audit.id, changes: { fixedFee: 5000 } });
    await app.call('projects.update', { id: audit.id, changes: { estimatedHours: 80 } });
    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    await app.services.data.settled();

    const now = await app.call('data.view');
    expect(now.outbox).toEqual([
      expect.objectContaining({
        state: 'failed',
        error: 'Toggl refused the change: Fixed fee available only for premium plans.',
      }),
    ]);
    expect(sandboxProject(audit.id)).toMatchObject({ estimated_hours: 80, fixed_fee: null });
    expect((await app.call('sync.status')).pausedUntil).toBeNull();
  });
});
