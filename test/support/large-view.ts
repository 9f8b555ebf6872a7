import type { DataView } from '../../src/shared/entities';
import { largeAccountNames } from '../../tools/sandbox/fixture';
import { viewWorkspace } from './view-workspace';
import { NO_PROJECT_DETAILS } from '../../src/shared/schema';

/** A list as main holds it, with the large benchmark account's names (two workspaces, clients shared by many projects). */
export function largeView(projectCount: number, taskCount: number): DataView {
  const names = largeAccountNames(projectCount, taskCount);
  const workspace = (id: number, name: string) => viewWorkspace(id, name, { premium: true });
  const clients = names.clients.map((name, at) => ({ id: at + 1, wid: 1 + (at % 2), name, archived: false, at: '' }));
  const projects = names.projects.map((name, at) => {
    const client = at % 7 === 0 ? undefined : clients[at % clients.length];
    return {
      id: 10_000 + at,
      wid: client?.wid ?? 1 + (at % 2),
      cid: client?.id ?? null,
      clientName: client?.name ?? null,
      name,
      color: '#0b83d9',
      active: at % 10 !== 9,
      isPrivate: false,
      billable: false,
      ...NO_PROJECT_DETAILS,
      sync: 'synced' as const,
    };
  });
  const tasks = names.tasks.map((name, at) => {
    const project = projects[at % projects.length] as (typeof projects)[number];
    return {
      id: 1_000_000 + at,
      wid: project.wid,
      pid: project.id,
      name,
      active: at % 7 !== 6,
      estimatedSeconds: 3600,
      trackedMs: at * 1000,
      assigneeId: null,
      sync: 'synced' as const,
    };
  });
  return {
    version: 7,
    user: {
      id: 1,
      fullname: 'Dana Demo',
      email: 'dana@example.com',
      defaultWorkspaceId: 1,
      timezone: 'UTC',
      beginningOfWeek: 1,
    },
    workspaces: [workspace(2, 'Big Co'), workspace(1, 'Agency')],
    rights: {},
    clients,
    projects,
    tasks,
    outbox: [],
    damaged: [],
    syncedAt: 1,
    newIds: [],
    teams: [],
    entries: [],
    organizations: [],
  };
}
