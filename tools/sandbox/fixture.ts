import { addClient, addOrganization, addProject, addProjectUser, addTask, addUser, addWorkspace } from './builders';
import { SandboxState } from './state';

/** The demo account's credentials: printed by `npm run sandbox`, used by tests and demos. */
export const DEMO = {
  email: 'demo@toggl-tray.test',
  password: 'demo-password',
  apiToken: '1971800d4d82861d8f2c1651fea4d212',
} as const;

export const TEAMMATE = {
  email: 'sam@toggl-tray.test',
  password: 'sam-password',
  apiToken: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
} as const;

/**
 * The demo account: one organization (Free plan) with two workspaces, where the demo user is
 * an admin of one and a plain member of the other (only admins may create projects there),
 * plus a second organization on Starter. Clients, active and archived projects, active and
 * done tasks, project users and a group.
 */
export function createFixture(now: () => number = Date.now): SandboxState {
  const state = new SandboxState(now);
  const demo = addUser(state, { ...DEMO, fullname: 'Dana Demo' });
  const sam = addUser(state, { ...TEAMMATE, fullname: 'Sam Teammate' });

  const studio = addOrganization(state, 'Demo Studio', 'free', demo);
  const studioWs = addWorkspace(state, studio, 'Demo Studio', [
    [demo, 'admin'],
    [sam, 'user'],
  ]);
  const acme = addClient(state, studioWs, 'Acme Corp', demo.id);
  const globex = addClient(state, studioWs, 'Globex', demo.id);
  addClient(state, studioWs, 'Initech (former)', demo.id, true);

  const website = addProject(state, studioWs, {
    name: 'Website redesign',
    creatorId: demo.id,
    clientId: acme.id,
    color: '#06aaf5',
    billable: true,
  });
  addTask(state, website, { name: 'Wireframes', active: false, estimatedSeconds: 6 * 3600, trackedMs: 5.5 * 3600_000 });
  addTask(state, website, { name: 'Visual design', estimatedSeconds: 12 * 3600, trackedMs: 3 * 3600_000 });
  addTask(state, website, { name: 'Accessibility review', estimatedSeconds: 4 * 3600 });
  const app = addProject(state, studioWs, {
    name: 'Mobile app',
    creatorId: demo.id,
    clientId: globex.id,
    color: '#9e5bd9',
  });
  addTask(state, app, { name: 'Onboarding flow', trackedMs: 90 * 60_000 });
  addTask(state, app, { name: 'Push notifications', estimatedSeconds: 8 * 3600 });
  addProjectUser(state, app, sam.id, true);
  addProject(state, studioWs, { name: 'Internal tools', creatorId: demo.id, color: '#2da608' });
  const legacy = addProject(state, studioWs, {
    name: 'Legacy migration',
    creatorId: demo.id,
    clientId: acme.id,
    active: false,
    color: '#525266',
  });
  addTask(state, legacy, { name: 'Export old data', active: false, trackedMs: 2 * 3600_000 });
  addProject(state, studioWs, { name: 'Hiring', creatorId: demo.id, isPrivate: true, color: '#d94182' });

  const sideWs = addWorkspace(
    state,
    studio,
    'Community (members)',
    [
      [sam, 'admin'],
      [demo, 'user'],
    ],
    { only_admins_may_create_projects: true },
  );
  const meetup = addProject(state, sideWs, { name: 'Meetup organising', creatorId: sam.id, color: '#e36a00' });
  addTask(state, meetup, { name: 'Book venue' });
  addProjectUser(state, meetup, demo.id);

  const consulting = addOrganization(state, 'Dana Consulting', 'starter', demo);
  const consultingWs = addWorkspace(state, consulting, 'Dana Consulting', [[demo, 'admin']]);
  const umbrella = addClient(state, consultingWs, 'Umbrella', demo.id);
  const audit = addProject(state, consultingWs, {
    name: 'Security audit',
    creatorId: demo.id,
    clientId: umbrella.id,
    color: '#d92b2b',
    billable: true,
  });
  addTask(state, audit, { name: 'Threat model', estimatedSeconds: 3 * 3600 });

  const groupId = state.nextId();
  state.groups.set(groupId, {
    group_id: groupId,
    organization_id: studio,
    name: 'Designers',
    at: state.stamp(),
    users: [{ user_id: demo.id, name: demo.fullname }],
    workspaces: [studioWs],
  });
  const projectGroupId = state.nextId();
  state.projectGroups.set(projectGroupId, { id: projectGroupId, group_id: groupId, pid: website.id, wid: studioWs });
  return state;
}

/**
 * A large account for benchmarks: the demo user as admin of one Premium workspace with the
 * given numbers of projects and tasks (tasks spread evenly; every tenth project archived).
 */
export function createLargeAccount(projects: number, tasks: number, now: () => number = Date.now): SandboxState {
  const state = new SandboxState(now);
  const demo = addUser(state, { ...DEMO, fullname: 'Dana Demo' });
  const organization = addOrganization(state, 'Big Co', 'premium', demo);
  const workspace = addWorkspace(state, organization, 'Big Co', [[demo, 'admin']]);
  const clients = Array.from({ length: Math.max(1, Math.ceil(projects / 50)) }, (_, index) =>
    addClient(state, workspace, `Client ${index + 1}`, demo.id),
  );
  const created = Array.from({ length: projects }, (_, index) =>
    addProject(state, workspace, {
      name: `Project ${String(index + 1).padStart(5, '0')}`,
      creatorId: demo.id,
      clientId: clients[index % clients.length]?.id ?? null,
      active: index % 10 !== 9,
    }),
  );
  for (let index = 0; index < tasks; index++) {
    const project = created[index % created.length];
    if (!project) break;
    addTask(state, project, {
      name: `Task ${index + 1}`,
      active: index % 7 !== 6,
      estimatedSeconds: 3600,
      trackedMs: index * 1000,
    });
  }
  return state;
}
