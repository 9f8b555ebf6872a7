import { addClient, addOrganization, addProject, addProjectUser, addTask, addUser, addWorkspace } from './builders';
import { addDemoTimeEntries, addGeneratedTimeEntries } from './fixture-time-entries';
import { clientName, projectName, seededRandom, taskName } from './names';
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
 * The demo account: one organization (Premium) with two workspaces, where the demo user is
 * an admin of one and a plain member of the other (only admins may create projects there), a
 * second organization on Starter, and a third on the Free plan, which, as on Toggl, has no
 * tasks and nothing billable. Clients, active and archived projects, active and done tasks,
 * project users and a group, tasks assigned to each of its two people. Time entries of the last days, none running
 * (fixture-time-entries.ts).
 */
export function createFixture(now: () => number = Date.now): SandboxState {
  const state = new SandboxState(now);
  const demo = addUser(state, { ...DEMO, fullname: 'Dana Demo' });
  const sam = addUser(state, { ...TEAMMATE, fullname: 'Sam Teammate' });

  const studio = addOrganization(state, 'Demo Studio', 'premium', demo);
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
  addTask(state, website, {
    name: 'Visual design',
    estimatedSeconds: 12 * 3600,
    trackedMs: 3 * 3600_000,
    userId: demo.id,
  });
  addTask(state, website, { name: 'Accessibility review', estimatedSeconds: 4 * 3600 });
  const app = addProject(state, studioWs, {
    name: 'Mobile app',
    creatorId: demo.id,
    clientId: globex.id,
    color: '#9e5bd9',
  });
  addTask(state, app, { name: 'Onboarding flow', trackedMs: 90 * 60_000 });
  addTask(state, app, { name: 'Push notifications', estimatedSeconds: 8 * 3600, userId: sam.id });
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

  const communityWs = addWorkspace(
    state,
    studio,
    'Community (members)',
    [
      [sam, 'admin'],
      [demo, 'user'],
    ],
    { only_admins_may_create_projects: true },
  );
  const meetup = addProject(state, communityWs, { name: 'Meetup organising', creatorId: sam.id, color: '#e36a00' });
  addTask(state, meetup, { name: 'Book venue' });
  addProjectUser(state, meetup, demo.id);
  // Not admin here, but the manager of this one project: may change it, its tasks and members.
  const newsletter = addProject(state, communityWs, { name: 'Newsletter', creatorId: sam.id, color: '#465bb3' });
  addTask(state, newsletter, { name: 'March issue', estimatedSeconds: 2 * 3600 });
  addProjectUser(state, newsletter, demo.id, true);
  addProjectUser(state, newsletter, sam.id, true);

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

  // Free, as most personal workspaces are: palette colors only, no tasks, nothing billable.
  const personal = addOrganization(state, 'Side projects', 'free', demo);
  const personalWs = addWorkspace(state, personal, 'Side projects', [[demo, 'admin']]);
  const family = addClient(state, personalWs, 'Family', demo.id);
  addProject(state, personalWs, {
    name: 'Fotobuch – Sommerreise',
    creatorId: demo.id,
    clientId: family.id,
    color: '#c9806b',
  });
  addProject(state, personalWs, { name: 'Garden planner', creatorId: demo.id, color: '#2da608' });

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
  addDemoTimeEntries(state, demo, sam);
  return state;
}

/** The same seed gives the same large account, so a benchmark knows which names to search for. */
export const LARGE_ACCOUNT_SEED = 7;

/** Names from `make`, made unique where they repeat ("Budget report", "Budget report 2", …). */
function uniqueNames(count: number, make: () => string): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: count }, () => {
    const name = make();
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    return times === 1 ? name : `${name} ${times}`;
  });
}

/** Task names, unique within their project (task i belongs to project i mod `projects`). */
function uniqueWithin(count: number, projects: number, make: () => string): string[] {
  const seen = Array.from({ length: Math.max(1, projects) }, () => new Map<string, number>());
  return Array.from({ length: count }, (_, index) => {
    const name = make();
    const inProject = seen[index % seen.length] ?? new Map<string, number>();
    const times = (inProject.get(name) ?? 0) + 1;
    inProject.set(name, times);
    return times === 1 ? name : `${name} ${times}`;
  });
}

/** The large account's names: projects, clients and tasks (task i belongs to project i mod projects). */
export function largeAccountNames(
  projects: number,
  tasks: number,
): { projects: string[]; clients: string[]; tasks: string[] } {
  const random = seededRandom(LARGE_ACCOUNT_SEED);
  return {
    clients: uniqueNames(Math.max(1, Math.ceil(projects / 50)), () => clientName(random)),
    projects: uniqueNames(projects, () => projectName(random)),
    tasks: uniqueWithin(tasks, projects, () => taskName(random)),
  };
}

/** People beside the demo user in the large account's workspace: a team of twelve. */
const LARGE_TEAM = 11;

/**
 * A large account for benchmarks: the demo user as admin of one Premium workspace of twelve
 * people with the given numbers of projects and tasks (tasks spread evenly, every third
 * assigned to one of the twelve in turn; every tenth project archived), named as people name
 * them (../names.ts), and a quarter of time entries (about 450).
 */
export function createLargeAccount(projects: number, tasks: number, now: () => number = Date.now): SandboxState {
  // Made a month ago, as a real account's items were: a `since` sync asks only for what changed after.
  let building = true;
  const state = new SandboxState(() => (building ? now() - 30 * 86_400_000 : now()));
  const names = largeAccountNames(projects, tasks);
  const demo = addUser(state, { ...DEMO, fullname: 'Dana Demo' });
  const organization = addOrganization(state, 'Big Co', 'premium', demo);
  const team = Array.from({ length: LARGE_TEAM }, (_, index) =>
    addUser(state, {
      email: `person${index + 1}@big-co.test`,
      password: `person${index + 1}-password`,
      apiToken: `b${String(index + 1).padStart(31, '0')}`,
      fullname: `Person ${index + 1}`,
    }),
  );
  const people = [demo, ...team];
  const workspace = addWorkspace(state, organization, 'Big Co', [
    [demo, 'admin'],
    ...team.map((person): [typeof person, 'user'] => [person, 'user']),
  ]);
  const clients = names.clients.map((name) => addClient(state, workspace, name, demo.id));
  const created = names.projects.map((name, index) =>
    addProject(state, workspace, {
      name,
      creatorId: demo.id,
      clientId: clients[index % clients.length]?.id ?? null,
      active: index % 10 !== 9,
    }),
  );
  for (let index = 0; index < tasks; index++) {
    const project = created[index % created.length];
    if (!project) break;
    addTask(state, project, {
      name: names.tasks[index] ?? `Task ${index + 1}`,
      active: index % 7 !== 6,
      estimatedSeconds: 3600,
      trackedMs: index * 1000,
      userId: index % 3 === 0 ? (people[(index / 3) % people.length]?.id ?? null) : null,
    });
  }
  building = false;
  // After the clock is back at now: the entries lie in the last 90 days, not a month earlier.
  addGeneratedTimeEntries(state, demo, workspace, LARGE_ACCOUNT_SEED + 1);
  return state;
}
