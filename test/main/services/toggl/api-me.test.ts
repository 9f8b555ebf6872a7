import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, TEAMMATE } from '../../../../tools/sandbox/fixture';
import type { TogglSandbox } from '../../../../tools/sandbox/server';
import { startSandboxWithClient } from '../../../../tools/sandbox/testing';
import type { TogglApi } from '../../../../src/main/services/toggl/api';
import { togglFailure } from '../../../support/expect-error';
import { allMyProjectsPaginated, allMyTasks, collectPages } from '../../../../src/main/services/toggl/paging';

let sandbox: TogglSandbox;
let api: TogglApi;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ sandbox, api, close } = await startSandboxWithClient());
});
afterEach(() => close());

describe('Me endpoints against the sandbox', () => {
  it('GET /me answers the user; with_related_data adds workspaces, clients, projects and tasks', async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ email: DEMO.email, fullname: 'Dana Demo', api_token: DEMO.apiToken });
    const full = await api.getMeWithRelatedData();
    expect(full.workspaces?.map((workspace) => [workspace.name, workspace.role])).toEqual([
      ['Demo Studio', 'admin'],
      ['Community (members)', 'user'],
      ['Dana Consulting', 'admin'],
      ['Side projects', 'admin'],
    ]);
    expect(full.workspaces?.[1]?.only_admins_may_create_projects).toBe(true);
    expect(full.projects?.map((project) => project.name)).toContain('Legacy migration');
    expect(full.projects?.find((project) => project.name === 'Legacy migration')?.active).toBe(false);
    expect(full.tasks?.some((task) => !task.active)).toBe(true);
    expect(full.clients?.map((client) => client.name)).toContain('Acme Corp');
    // The demo's last days of entries (tools/sandbox/fixture-time-entries.ts), none running.
    expect(full.time_entries?.length).toBe(8);
    const visual = full.tasks?.find((task) => task.name === 'Visual design');
    expect(visual).toMatchObject({
      project_name: 'Website redesign',
      tracked_seconds: 3 * 3600_000,
      estimated_seconds: 12 * 3600,
    });
    expect(sandbox.countRequests()).toBe(2);
  });

  it('signs in with email and password and gets the API token', async () => {
    const me = await api.getMe({ credentials: { email: DEMO.email, password: DEMO.password } });
    expect(me.api_token).toBe(DEMO.apiToken);
    const wrong = await togglFailure(api.getMe({ credentials: { email: DEMO.email, password: 'nope' } }));
    expect(wrong.kind).toBe('signed-out');
  });

  it('PUT /me updates fields and carries validation messages', async () => {
    const updated = await api.updateMe({ fullname: 'Dana D.', beginning_of_week: 0 });
    expect(updated).toMatchObject({ fullname: 'Dana D.', beginning_of_week: 0 });
    const taken = await togglFailure(api.updateMe({ email: TEAMMATE.email }));
    expect(taken).toMatchObject({ kind: 'invalid', status: 400, serverMessage: 'user with this email already exists' });
    expect(taken.message).toBe('Toggl refused the change: user with this email already exists');
    const password = await togglFailure(api.updateMe({ password: 'new-password' }));
    expect(password.serverMessage).toBe('Current password must be present to change password');
  });

  it('GET /me/clients, features, location, logged, organizations and tags', async () => {
    expect((await api.getMyClients()).map((client) => client.name).sort()).toEqual([
      'Acme Corp',
      'Family',
      'Globex',
      'Initech (former)',
      'Umbrella',
    ]);
    // One entry per workspace; tasks and custom colors only where the plan is paid.
    const features = await api.getMyFeatures();
    expect(features.length).toBe(4);
    expect(
      features.filter((entry) => entry.features.some((feature) => feature.name === 'tasks' && !feature.enabled)),
    ).toHaveLength(1);
    expect(await api.getMyLocation()).toMatchObject({ country_code: 'EE' });
    expect(await api.isLoggedIn()).toBe(true);
    const organizations = await api.getMyOrganizations();
    expect(organizations.map((organization) => [organization.name, organization.pricing_plan_name])).toEqual([
      ['Demo Studio', 'Premium'],
      ['Dana Consulting', 'Starter'],
      ['Side projects', 'Free'],
    ]);
    expect(await api.getMyTags()).toEqual([]);
  });

  it('GET /me/projects: active by default, archived on request, deleted ones with since', async () => {
    const active = await api.getMyProjects();
    expect(active.every((project) => project.active)).toBe(true);
    const all = await api.getMyProjects({ include_archived: true });
    expect(all.length).toBe(active.length + 1);

    const since = Math.floor(Date.now() / 1000) - 1;
    const internal = active.find((project) => project.name === 'Internal tools');
    expect(internal).toBeDefined();
    await api.deleteProject(internal?.workspace_id ?? 0, internal?.id ?? 0);
    const changed = await api.getMyProjects({ since, include_archived: true });
    expect(changed.map((project) => [project.name, Boolean(project.server_deleted_at)])).toContainEqual([
      'Internal tools',
      true,
    ]);
    expect((await api.getMyProjects()).some((project) => project.name === 'Internal tools')).toBe(false);

    const tooOld = await togglFailure(api.getMyProjects({ since: since - 100 * 24 * 3600 }));
    expect(tooOld).toMatchObject({ kind: 'invalid', serverMessage: 'since cannot be older than 3 months' });
  });

  it('walks /me/projects/paginated and /me/tasks to the last page', async () => {
    const all = await api.getMyProjects({ include_archived: true });
    const before = sandbox.countRequests();
    const paged = await collectPages(allMyProjectsPaginated(api, { per_page: 2 }));
    expect(paged.map((project) => project.id)).toEqual(all.map((project) => project.id));
    // 8 projects in pages of 2: 4 full pages, then an empty one says "no more".
    expect(sandbox.countRequests() - before).toBe(Math.floor(all.length / 2) + 1);

    const tasks = await api.getMyTasks({ include_not_active: true });
    expect(tasks.some((task) => !task.active)).toBe(true);
    expect((await api.getMyTasks()).every((task) => task.active)).toBe(true);
    const pagedTasks = await collectPages(allMyTasks(api, { include_not_active: true, per_page: 3 }));
    expect(pagedTasks.map((task) => task.id)).toEqual(tasks.map((task) => task.id));
  });
});
