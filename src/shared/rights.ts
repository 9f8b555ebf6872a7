import type { DataView, WorkspaceRights } from './entities';

/**
 * Why the user may not change this project (and its tasks), or null when they may: admins
 * change everything, a project's managers that project; one created here and not yet sent
 * (a temporary id) is the user's own.
 */
export function projectLock(rights: WorkspaceRights | undefined, projectId: number): string | null {
  if (!rights) return null;
  if (rights.editProjects === null || projectId < 0 || rights.managedProjects.includes(projectId)) return null;
  return rights.editProjects;
}

/**
 * Why no task may be added to the project, or null when one may: it is archived, the
 * workspace's plan has no tasks, or the user may not change it (`projectLock`).
 */
export function taskLock(
  rights: WorkspaceRights | undefined,
  project: { id: number; name: string; active: boolean },
): string | null {
  return (
    (project.active ? null : `“${project.name}” is archived: restore it before adding tasks.`) ??
    rights?.tasks ??
    projectLock(rights, project.id)
  );
}

/** What the pick of a new project's workspace reads: who is signed in, their workspaces, their rights there. */
export type NewProjectView = Pick<DataView, 'user' | 'workspaces' | 'rights'>;

/**
 * Where a new project goes (the New project form, quick-add without `@`, `toggl-tray add`):
 * the workspace the list shows, where the user may create projects there; else their default
 * workspace, where they may; else the first where they may. When they may nowhere, why not
 * (the shown workspace's reason, else their only workspace's, else one for all of them).
 */
export function newProjectWorkspace(view: NewProjectView, shown: number | null): { wid: number } | { reason: string } {
  const allows = (wid: number | null | undefined): wid is number =>
    wid !== null && wid !== undefined && view.rights[wid]?.createProjects === null;
  if (allows(shown)) return { wid: shown };
  const preferred = view.user?.defaultWorkspaceId;
  if (allows(preferred) && view.workspaces.some((workspace) => workspace.id === preferred)) return { wid: preferred };
  const first = view.workspaces.find((workspace) => allows(workspace.id));
  if (first) return { wid: first.id };
  if (view.workspaces.length === 0) return { reason: 'No workspace is loaded yet.' };
  const only = view.workspaces.length === 1 ? view.workspaces[0]?.id : shown;
  return {
    reason:
      (only === null || only === undefined ? null : view.rights[only]?.createProjects) ??
      'Only admins and project leads may create projects in your workspaces.',
  };
}
