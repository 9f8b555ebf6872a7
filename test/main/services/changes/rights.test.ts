import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { projectLock } from '../../../../src/shared/rights';
import { addProject, addProjectUser } from '../../../../tools/sandbox/builders';
import { DEMO } from '../../../../tools/sandbox/fixture';
import { projectIdNamed, workspaceIdNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

// Every row of README's "Who may do what", through the commands and against the sandbox.
let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
});
afterEach(() => world.cleanup());

const view = (): Promise<DataView> => app.call('data.view');
const onToggl = (name: string) =>
  [...world.sandbox.state.projects.values()].find((project) => project.name === name && !project.server_deleted_at);
const demoId = () => world.sandbox.state.userByEmail(DEMO.email)?.id ?? 0;
const fields = { cid: null, color: '#0b83d9', isPrivate: false, billable: false };

async function settle(): Promise<void> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
}

describe('who may do what', () => {
  it('a workspace admin changes every project and creates projects', async () => {
    const v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    expect(v.rights[studio]).toMatchObject({ createProjects: null, editProjects: null });
    await app.call('projects.update', { id: projectIdNamed(v, 'Hiring'), changes: { name: 'Hiring 2027' } });
    await app.call('projects.create', { wid: studio, fields: { ...fields, name: 'Admin made' } });
    await settle();
    expect(onToggl('Hiring 2027')).toBeDefined();
    expect(onToggl('Admin made')).toBeDefined();
  });

  it('a member who does not manage a project may not change it, its tasks or its members, as Toggl refuses', async () => {
    const v = await view();
    const community = workspaceIdNamed(v, 'Community (members)');
    const meetup = projectIdNamed(v, 'Meetup organising');
    const reason = 'Only admins and the project’s managers may change it and its tasks in “Community (members)”.';
    expect(projectLock(v.rights[community], meetup)).toBe(reason);
    await expect(app.call('projects.update', { id: meetup, changes: { name: 'Mine' } })).rejects.toThrow(reason);
    const task = v.tasks.find((item) => item.name === 'Book venue')?.id ?? 0;
    await expect(app.call('tasks.update', { id: task, changes: { name: 'Mine' } })).rejects.toThrow(reason);
    // Toggl (the sandbox) says the same when asked anyway.
    await expect(app.services.api.updateProject(community, meetup, { name: 'Mine' })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('the manager of one project in that workspace changes that project and its tasks', async () => {
    const v = await view();
    const community = workspaceIdNamed(v, 'Community (members)');
    const newsletter = projectIdNamed(v, 'Newsletter');
    expect(v.rights[community]?.managedProjects).toEqual([newsletter]);
    expect(projectLock(v.rights[community], newsletter)).toBeNull();
    await app.call('projects.update', { id: newsletter, changes: { name: 'Newsletter (monthly)' } });
    const task = v.tasks.find((item) => item.name === 'March issue')?.id ?? 0;
    await app.call('tasks.update', { id: task, changes: { estimatedSeconds: 3 * 3600 } });
    await settle();
    expect(onToggl('Newsletter (monthly)')).toBeDefined();
    expect([...world.sandbox.state.tasks.values()].find((item) => item.name === 'March issue')?.estimated_seconds).toBe(
      3 * 3600,
    );
    expect((await view()).outbox).toEqual([]);
  });

  it('where only admins may create projects, a member may not; a project lead may, and then manages it', async () => {
    let v = await view();
    const community = workspaceIdNamed(v, 'Community (members)');
    expect(v.rights[community]?.createProjects).toBe(
      'Only admins and project leads may create projects in “Community (members)”.',
    );
    await expect(app.call('projects.create', { wid: community, fields: { ...fields, name: 'Mine' } })).rejects.toThrow(
      'Only admins and project leads may create projects',
    );

    world.sandbox.state.workspaces.get(community)?.members.set(demoId(), 'projectlead');
    await app.call('sync.refresh');
    v = await view();
    expect(v.workspaces.find((item) => item.id === community)?.role).toBe('projectlead');
    expect(v.rights[community]?.createProjects).toBeNull();
    await app.call('projects.create', { wid: community, fields: { ...fields, name: 'Lead made' } });
    await settle();
    const made = onToggl('Lead made');
    expect(made).toBeDefined();
    // Toggl made the creator its manager: it may be changed at once, without another load.
    v = await view();
    expect(projectLock(v.rights[community], made?.id ?? 0)).toBeNull();
    await app.call('projects.update', { id: made?.id ?? 0, changes: { name: 'Lead made, renamed' } });
    await settle();
    expect(onToggl('Lead made, renamed')).toBeDefined();
  });

  it('a private project is seen only by its members (and admins)', async () => {
    const community = workspaceIdNamed(await view(), 'Community (members)');
    const sam = world.sandbox.state.userByEmail('sam@toggl-tray.test')?.id ?? 0;
    const secret = addProject(world.sandbox.state, community, { name: 'Board only', creatorId: sam, isPrivate: true });
    await app.call('sync.refresh');
    expect((await view()).projects.some((project) => project.name === 'Board only')).toBe(false);
    addProjectUser(world.sandbox.state, secret, demoId());
    await app.call('sync.refresh');
    expect((await view()).projects.some((project) => project.name === 'Board only')).toBe(true);
  });

  it('a member’s rates: admins where the plan has rates; a project’s manager and a Free plan see why, and Toggl refuses them too', async () => {
    const v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    const community = workspaceIdNamed(v, 'Community (members)');
    const personal = workspaceIdNamed(v, 'Side projects');
    expect(v.rights[studio]?.memberRates).toBeNull();
    const notAdmin = 'Only admins set members’ rates in “Community (members)”.';
    expect(v.rights[community]?.memberRates).toBe(notAdmin);
    const free = 'Rates need a paid plan in “Side projects”.';
    expect(v.rights[personal]?.memberRates).toBe(free);

    // Admin, paid: set and sent.
    await app.call('team.open', { wid: studio });
    const mobile = projectIdNamed(v, 'Mobile app');
    const onMobile = (await view()).teams.find((team) => team.wid === studio)?.members.find((m) => m.pid === mobile);
    await app.call('members.setRates', { id: onMobile?.id ?? 0, rate: 75, laborCost: 35 });
    await settle();
    expect(world.sandbox.state.projectUsers.get(onMobile?.id ?? 0)).toMatchObject({ rate: 75, labor_cost: 35 });

    // Manager of "Newsletter", not admin: may make managers there, not set rates; Toggl says 403.
    await app.call('team.open', { wid: community });
    const newsletter = projectIdNamed(v, 'Newsletter');
    const onNewsletter = (await view()).teams
      .find((team) => team.wid === community)
      ?.members.find((m) => m.pid === newsletter && m.uid !== demoId());
    await expect(app.call('members.setRates', { id: onNewsletter?.id ?? 0, rate: 50 })).rejects.toThrow(notAdmin);
    await app.call('members.setManager', { id: onNewsletter?.id ?? 0, manager: false });
    await expect(
      app.services.api.team.updateProjectUser(community, onNewsletter?.id ?? 0, { rate: 50 }),
    ).rejects.toMatchObject({ status: 403 });

    // Admin on a Free plan: refused here with the plan's reason; Toggl says 402.
    const garden = world.sandbox.state.projects.get(projectIdNamed(v, 'Garden planner'));
    if (!garden) throw new Error('no Garden planner');
    const own = addProjectUser(world.sandbox.state, garden, demoId());
    await app.call('team.open', { wid: personal });
    await expect(app.call('members.setRates', { id: own, laborCost: 20 })).rejects.toThrow(free);
    await expect(app.services.api.team.updateProjectUser(personal, own, { labor_cost: 20 })).rejects.toMatchObject({
      status: 402,
    });
    // And what is not an amount is refused in words, whoever asks.
    await expect(app.call('members.setRates', { id: onMobile?.id ?? 0, rate: -1 })).rejects.toThrow(
      'The hourly rate cannot be below zero.',
    );
  });
});
