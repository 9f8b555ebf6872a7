import type { CachedWorkspace, WorkspaceRights } from '../../../shared/entities';
import { UserFacingError } from '../errors';

/**
 * Toggl's rules for what the user may do in a workspace: admins do everything; others may
 * create projects unless only admins may; project and task edits need an admin (per-project
 * manager rights are not loaded yet); tasks, billable projects and colors off the palette
 * need a paid plan.
 */
export function workspaceRights(workspace: CachedWorkspace): WorkspaceRights {
  const paid = workspace.premium;
  return {
    createProjects:
      workspace.admin || !workspace.onlyAdminsMayCreateProjects
        ? null
        : `Only admins may create projects in “${workspace.name}”.`,
    editProjects: workspace.admin
      ? null
      : `Only admins and project managers may change projects and tasks in “${workspace.name}”.`,
    tasks: paid ? null : `Tasks need a paid plan in “${workspace.name}”.`,
    billable: paid ? null : `Billable projects need a paid plan in “${workspace.name}”.`,
    customColors: paid
      ? null
      : `Custom colors need a paid plan in “${workspace.name}”: pick one of Toggl's palette colors.`,
  };
}

export function rightsOf(workspaces: Iterable<CachedWorkspace>): Record<number, WorkspaceRights> {
  return Object.fromEntries([...workspaces].map((workspace) => [workspace.id, workspaceRights(workspace)]));
}

/** Refuses with the reason when the right is withheld. */
export function requireRight(reason: string | null): void {
  if (reason !== null) throw new UserFacingError('refused', reason);
}
