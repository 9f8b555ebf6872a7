import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, TEAMMATE } from '../../../../tools/sandbox/fixture';
import type { TogglSandbox } from '../../../../tools/sandbox/server';
import { startSandboxWithClient } from '../../../../tools/sandbox/testing';
import { TogglApi } from '../../../../src/main/services/toggl/api';
import { togglFailure } from '../../../support/expect-error';
import { allWorkspaceProjects, allWorkspaceTasks, collectPages } from '../../../../src/main/services/toggl/paging';

let sandbox: TogglSandbox;
let api: TogglApi;
let close: () => Promise<void>;
let studio: number;
let community: number;
/** The Free workspace: palette colors only, no tasks, nothing billable. */
let personal: number;
let organization: number;

beforeEach(async () => {
  ({ sandbox, api, close } = await startSandboxWithClient());
  const me = await api.getMeWithRelatedData();
  const byName = (name: string) => me.workspaces?.find((workspace) => workspace.name === name);
  studio = byName('Demo Studio')?.id ?? 0;
  community = byName('Community (members)')?.id ?? 0;
  personal = byName('Side projects')?.id ?? 0;
  organization = byName('Demo Studio')?.organization_id ?? 0;
});
afterEach(() => close());

function userId(email: string): number {
  return [...sandbox.state.users.values()].find((user) => user.email === email)?.id ?? 0;
}

describe('workspace projects', () => {
  it('lists with filters, creates, reads, updates with PUT, archives and deletes', async () => {
    expect((await api.listProjects(studio)).map((project) => project.name)).toEqual([
      'Hiring',
      'Internal tools',
      'Mobile app',
      'Website redesign',
    ]);
    expect((await api.listProjects(studio, { active: 'both' })).length).toBe(5);
    expect((await api.listProjects(studio, { active: false })).map((project) => project.name)).toEqual([
      'Legacy migration',
    ]);
    expect((await api.listProjects(studio, { name: 'web' })).map((project) => project.name)).toEqual([
      'Website redesign',
    ]);

    const created = await api.createProject(studio, { name: 'Podcast', color: '#0b83d9', client_name: 'New Client' });
    expect(created).toMatchObject({
      name: 'Podcast',
      active: true,
      color: '#0b83d9',
      workspace_id: studio,
      wid: studio,
    });
    expect(created.client_id).not.toBeNull();
    expect(await api.getProject(studio, created.id)).toMatchObject({ id: created.id, name: 'Podcast' });

    const renamed = await api.updateProject(studio, created.id, { name: 'Podcast S2' });
    expect(renamed.name).toBe('Podcast S2');
    expect(Date.parse(renamed.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
    expect((await api.updateProject(studio, created.id, { active: false })).active).toBe(false);
    expect(sandbox.requests.filter((request) => request.method === 'PUT').length).toBe(2);

    await api.deleteProject(studio, created.id, { teDeletionMode: 'unassign' });
    const gone = await togglFailure(api.getProject(studio, created.id));
    expect(gone).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('validates names and colors with the server’s own messages', async () => {
    const blank = await togglFailure(api.createProject(studio, { name: '   ' }));
    expect(blank).toMatchObject({ kind: 'invalid', serverMessage: 'Project name must not be empty' });
    const long = await togglFailure(api.createProject(studio, { name: 'x'.repeat(256) }));
    expect(long.serverMessage).toBe('Project name must be at most 255 characters');
    const acme = [...sandbox.state.clients.values()].find((client) => client.name === 'Acme Corp');
    const taken = await togglFailure(api.createProject(studio, { name: 'website REDESIGN', client_id: acme?.id ?? 0 }));
    expect(taken.serverMessage).toBe('Name has already been taken');
    // The same name under another client (or none) is fine: unique per workspace and client.
    expect((await api.createProject(studio, { name: 'Website redesign' })).client_id).toBeNull();
    // As Toggl answers (../shared/toggl-recordings: project-put-402-color): a 402 that is not the quota.
    const color = await togglFailure(api.createProject(personal, { name: 'Odd color', color: '#123456' }));
    expect(color).toMatchObject({
      kind: 'plan',
      status: 402,
      serverMessage: 'Custom project colors available only for premium plans',
      message: 'Toggl refused the change: Custom project colors available only for premium plans.',
    });
  });

  it('refuses project creation where only admins may create projects', async () => {
    const refused = await togglFailure(api.createProject(community, { name: 'Mine' }));
    expect(refused).toMatchObject({
      kind: 'forbidden',
      status: 403,
      serverMessage: 'Only workspace admins may create projects in this workspace',
    });
    expect(refused.message).toBe(
      'Toggl does not allow you to do this: Only workspace admins may create projects in this workspace',
    );
  });

  it('bulk-archives with a JSON-Patch array and reports partial failures', async () => {
    const [first, second] = await api.listProjects(studio);
    const result = await api.bulkPatchProjects(
      studio,
      [first?.id ?? 0, second?.id ?? 0, 999_999],
      [{ op: 'replace', path: '/active', value: false }],
    );
    expect(result.success).toEqual([first?.id, second?.id]);
    expect(result.failure).toEqual([{ id: 999_999, message: 'Project not found/accessible' }]);
    expect((await api.getProject(studio, first?.id ?? 0)).active).toBe(false);
    const request = sandbox.requests.find((entry) => entry.method === 'PATCH');
    expect(request?.path).toBe(`/workspaces/${studio}/projects/${first?.id},${second?.id},999999`);
  });

  it('walks workspace project pages to the last one', async () => {
    for (let index = 0; index < 7; index++) await api.createProject(studio, { name: `Paged ${index}` });
    const all = await api.listProjects(studio, { active: 'both', per_page: 200 });
    const before = sandbox.countRequests();
    const paged = await collectPages(allWorkspaceProjects(api, studio, { active: 'both', per_page: 4 }));
    expect(paged.map((project) => project.id)).toEqual(all.map((project) => project.id));
    expect(sandbox.countRequests() - before).toBe(Math.ceil((all.length + 1) / 4));
  });
});

describe('project users', () => {
  it('lists, adds, patches, updates and removes', async () => {
    const internal = (await api.listProjects(studio)).find((project) => project.name === 'Internal tools');
    const projectId = internal?.id ?? 0;
    const sam = userId(TEAMMATE.email);
    const added = await api.team.addProjectUser(studio, { project_id: projectId, user_id: sam });
    expect(added).toMatchObject({ project_id: projectId, user_id: sam, manager: false });
    expect(
      (await api.team.listProjectUsers(studio, { project_ids: [projectId] })).map((member) => member.user_id),
    ).toEqual([sam]);
    expect(
      await api.team.patchProjectUsers(studio, [added.id], [{ op: 'replace', path: '/manager', value: true }]),
    ).toEqual({
      success: [added.id],
      failure: [],
    });
    // The seed page's spelling is taken; the answer uses the OpenAPI document's.
    expect((await api.team.updateProjectUser(studio, added.id, { labour_cost: 40 })).labor_cost).toBe(40);
    await api.team.deleteProjectUser(studio, added.id);
    expect(await api.team.listProjectUsers(studio, { project_ids: [projectId] })).toEqual([]);
    const duplicate = await togglFailure(api.team.addProjectUser(studio, { project_id: projectId, user_id: 123 }));
    expect(duplicate.serverMessage).toBe('Invalid user_id');
  });
});

describe('project user rates (paid; admins only)', () => {
  const member = (id: number) => sandbox.state.projectUsers.get(id);

  it('PUT sets a rate and a labor cost; PATCH clears one with null; PUT takes no null', async () => {
    const internal = (await api.listProjects(studio)).find((project) => project.name === 'Internal tools');
    const added = await api.team.addProjectUser(studio, {
      project_id: internal?.id ?? 0,
      user_id: userId(TEAMMATE.email),
      rate: 85.5,
    });
    expect(added).toMatchObject({ rate: 85.5, labor_cost: null });
    expect(typeof added.rate_last_updated).toBe('string');
    const updated = await api.team.updateProjectUser(studio, added.id, { rate: 90, labor_cost: 42.25 });
    expect(updated).toMatchObject({ rate: 90, labor_cost: 42.25 });
    await api.team.updateProjectUser(studio, added.id, { rate: null } as never);
    expect(member(added.id)?.rate).toBe(90);
    expect(
      await api.team.patchProjectUsers(studio, [added.id], [{ op: 'replace', path: '/rate', value: null }]),
    ).toEqual({ success: [added.id], failure: [] });
    expect(member(added.id)).toMatchObject({ rate: null, labor_cost: 42.25 });
    const wrong = await api.team.patchProjectUsers(studio, [added.id], [{ op: 'replace', path: '/rate', value: -3 }]);
    expect(wrong.failure).toEqual([{ id: added.id, message: '/rate expects an float64 or null' }]);
    const mode = await togglFailure(
      api.team.updateProjectUser(studio, added.id, { rate: 1, rate_change_mode: 'someday' as never }),
    );
    expect(mode).toMatchObject({ status: 400, serverMessage: 'Invalid rate_change_mode' });
  });

  it('a Free workspace refuses a rate with 402 (clearing is fine); a member who is not admin gets 403', async () => {
    const garden = (await api.listProjects(personal)).find((project) => project.name === 'Garden planner');
    const own = await api.team.addProjectUser(personal, { project_id: garden?.id ?? 0, user_id: userId(DEMO.email) });
    const plan = await togglFailure(api.team.updateProjectUser(personal, own.id, { labor_cost: 20 }));
    expect(plan).toMatchObject({ status: 402, serverMessage: 'Labor costs available only for premium plans' });
    const clear = [{ op: 'replace' as const, path: '/rate', value: null }];
    expect((await api.team.patchProjectUsers(personal, [own.id], clear)).success).toEqual([own.id]);

    // Manager of "Newsletter" in a workspace where Dana is not admin: may make managers, not set rates.
    const newsletter = (await api.listProjects(community)).find((project) => project.name === 'Newsletter');
    const [first] = await api.team.listProjectUsers(community, { project_ids: [newsletter?.id ?? 0] });
    expect((await api.team.updateProjectUser(community, first?.id ?? 0, { manager: true })).manager).toBe(true);
    const rights = await togglFailure(api.team.updateProjectUser(community, first?.id ?? 0, { rate: 50 }));
    expect(rights).toMatchObject({ status: 403, serverMessage: 'User does not have access to this resource.' });
  });
});

describe('tasks', () => {
  it('lists, creates, reads, marks done with PUT, bulk-patches and deletes', async () => {
    const website = (await api.listProjects(studio)).find((project) => project.name === 'Website redesign');
    const pid = website?.id ?? 0;
    expect((await api.listProjectTasks(studio, pid)).map((task) => task.name)).toEqual([
      'Wireframes',
      'Visual design',
      'Accessibility review',
    ]);
    const created = await api.createTask(studio, pid, { name: 'Copywriting', estimated_seconds: 7200 });
    expect(created).toMatchObject({
      name: 'Copywriting',
      active: true,
      estimated_seconds: 7200,
      tracked_seconds: 0,
      project_id: pid,
    });
    expect((await api.getTask(studio, pid, created.id)).name).toBe('Copywriting');
    expect((await api.updateTask(studio, pid, created.id, { active: false })).active).toBe(false);
    const bulk = await api.bulkPatchTasks(
      studio,
      pid,
      [created.id, 1],
      [{ op: 'replace', path: '/active', value: true }],
    );
    expect(bulk).toEqual({ success: [created.id], failure: [{ id: 1, message: 'Invalid task_id' }] });
    await api.deleteTask(studio, pid, created.id);
    expect((await togglFailure(api.getTask(studio, pid, created.id))).serverMessage).toBe('Invalid task_id');
  });

  it('refuses changes to tasks of an archived project with Toggl’s message', async () => {
    const legacy = (await api.listProjects(studio, { active: false }))[0];
    const refused = await togglFailure(api.createTask(studio, legacy?.id ?? 0, { name: 'More' }));
    expect(refused).toMatchObject({
      kind: 'invalid',
      status: 400,
      serverMessage: 'Can not change tasks of archived project',
    });
    expect(refused.message).toBe('Toggl refused the change: Can not change tasks of archived project');
  });

  it('refuses tasks on a Free plan with a 402 that is not the quota', async () => {
    const garden = (await api.listProjects(personal)).find((project) => project.name === 'Garden planner');
    const refused = await togglFailure(api.createTask(personal, garden?.id ?? 0, { name: 'Raised beds' }));
    expect(refused).toMatchObject({ kind: 'plan', status: 402, transient: false });
    expect(refused.message).toBe('Toggl refused the change: Tasks are available only on paid plans.');
    expect([...sandbox.state.tasks.values()].some((task) => task.name === 'Raised beds')).toBe(false);
  });

  it('pages through /workspaces/{wid}/tasks using total_count', async () => {
    const first = await api.listWorkspaceTasks(studio, { active: 'both', per_page: 2 });
    expect(first).toMatchObject({ page: 1, per_page: 2, sort_field: 'name', sort_order: 'ASC', total_count: 6 });
    const before = sandbox.countRequests();
    const all = await collectPages(allWorkspaceTasks(api, studio, { active: 'both', per_page: 2 }));
    expect(all.length).toBe(6);
    expect(sandbox.countRequests() - before).toBe(3);
    expect((await api.listWorkspaceTasks(studio)).data.every((task) => task.active)).toBe(true);
  });
});

describe('groups and project groups', () => {
  it('lists, creates, edits, patches and deletes organization groups', async () => {
    expect((await api.team.listOrganizationGroups(organization)).map((group) => group.name)).toEqual(['Designers']);
    const sam = userId(TEAMMATE.email);
    const created = await api.team.createGroup(organization, {
      name: 'Developers',
      users: [sam],
      workspaces: [studio],
    });
    expect(created).toMatchObject({
      name: 'Developers',
      workspaces: [studio],
      users: [{ user_id: sam, name: 'Sam Teammate' }],
    });
    const taken = await togglFailure(api.team.createGroup(organization, { name: 'designers' }));
    expect(taken.serverMessage).toBe('Name has already been taken');
    expect(
      (await api.team.updateGroup(organization, created.group_id, { name: 'Engineers', users: [] })).users,
    ).toEqual([]);
    const patched = await api.team.patchGroup(organization, created.group_id, [
      { op: 'add', path: '/workspaces', value: [community] },
    ]);
    expect(patched.failure).toEqual([]);
    expect((await api.team.listWorkspaceGroups(organization, community)).map((group) => group.name)).toEqual([
      'Engineers',
    ]);
    expect((await api.team.listOrganizationGroups(organization, { name: 'eng' })).length).toBe(1);
    await api.team.deleteGroup(organization, created.group_id);
    expect((await togglFailure(api.team.deleteGroup(organization, created.group_id))).status).toBe(404);
  });

  it('refuses someone who is not an organization admin (403, in the OpenAPI document’s words per method); lists for members', async () => {
    const teammate = new TogglApi({
      baseUrl: sandbox.apiUrl,
      credentials: { token: TEAMMATE.apiToken },
      minIntervalMs: 0,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
    try {
      const [designers] = await teammate.team.listOrganizationGroups(organization);
      expect(designers?.name).toBe('Designers');
      const id = designers?.group_id ?? 0;
      const refusals = [
        await togglFailure(teammate.team.createGroup(organization, { name: 'Ops' })),
        await togglFailure(teammate.team.updateGroup(organization, id, { name: 'Ops' })),
        await togglFailure(
          teammate.team.patchGroup(organization, id, [{ op: 'replace', path: '/name', value: 'Ops' }]),
        ),
        await togglFailure(teammate.team.deleteGroup(organization, id)),
      ];
      expect(refusals.map((error) => [error.status, error.serverMessage])).toEqual([
        [403, 'User does not have access to this resource'],
        [403, 'Forbidden'],
        [403, 'Forbidden'],
        [403, 'User does not have access to this resource'],
      ]);
      expect([...sandbox.state.groups.values()].map((group) => group.name)).toEqual(['Designers']);
    } finally {
      await teammate.close();
    }
  });

  it('lists, adds and removes project groups', async () => {
    const [group] = await api.team.listOrganizationGroups(organization);
    const projects = await api.listProjects(studio);
    const ids = projects.map((project) => project.id);
    expect((await api.team.listProjectGroups(studio, ids)).length).toBe(1);
    const internal = projects.find((project) => project.name === 'Internal tools');
    const link = await api.team.addProjectGroup(studio, {
      group_id: group?.group_id ?? 0,
      project_id: internal?.id ?? 0,
    });
    expect((await api.team.listProjectGroups(studio, ids)).length).toBe(2);
    await api.team.removeProjectGroup(studio, link.id);
    expect((await api.team.listProjectGroups(studio, ids)).length).toBe(1);
  });
});
