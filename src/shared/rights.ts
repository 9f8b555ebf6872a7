import type { WorkspaceRights } from './entities';

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
