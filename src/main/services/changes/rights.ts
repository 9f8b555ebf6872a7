import type { CachedOrganization, CachedWorkspace, WorkspaceRights } from '../../../shared/entities';
import { UserFacingError } from '../errors';

/**
 * Toggl's rules for what the user may do in a workspace (README, "Who may do what"): admins
 * do everything; project leads may create projects even where only admins may; others may
 * unless only admins may; projects, their tasks and members are changed by admins and the
 * project's managers (whoever creates one becomes its manager); tasks, billable projects,
 * colors off the palette, auto estimates, templates, rates and recurring need a paid plan; a
 * member's rates are set by admins only (Toggl's 403 otherwise), where the plan has rates.
 */
export function workspaceRights(workspace: CachedWorkspace): WorkspaceRights {
  const paid = workspace.premium;
  const rates = paid ? null : `Rates need a paid plan in “${workspace.name}”.`;
  const creates = workspace.admin || workspace.role === 'projectlead' || !workspace.onlyAdminsMayCreateProjects;
  return {
    createProjects: creates ? null : `Only admins and project leads may create projects in “${workspace.name}”.`,
    editProjects: workspace.admin
      ? null
      : workspace.managedPending
        ? `Checking with Toggl which projects you manage in “${workspace.name}”…`
        : `Only admins and the project’s managers may change it and its tasks in “${workspace.name}”.`,
    managedProjects: workspace.admin ? [] : workspace.managedProjects,
    tasks: paid ? null : `Tasks need a paid plan in “${workspace.name}”.`,
    billable: paid ? null : `Billable projects need a paid plan in “${workspace.name}”.`,
    customColors: paid
      ? null
      : `Custom colors need a paid plan in “${workspace.name}”: pick one of Toggl's palette colors.`,
    autoEstimates: paid ? null : `Auto estimates need a paid plan in “${workspace.name}”.`,
    templates: paid ? null : `Templates need a paid plan in “${workspace.name}”.`,
    rates,
    recurring: paid ? null : `Recurring projects need a paid plan in “${workspace.name}”.`,
    // Not admin: upgrading the plan would not help, so that is the reason given first.
    memberRates: workspace.admin ? rates : `Only admins set members’ rates in “${workspace.name}”.`,
  };
}

export function rightsOf(workspaces: Iterable<CachedWorkspace>): Record<number, WorkspaceRights> {
  return Object.fromEntries([...workspaces].map((workspace) => [workspace.id, workspaceRights(workspace)]));
}

/**
 * Why the user may not create, change or delete this organization's groups, or null: Toggl
 * lets organization admins only (seed 001 answers anyone else 403).
 */
export function groupsLock(organization: Pick<CachedOrganization, 'admin' | 'name'>): string | null {
  return organization.admin ? null : `Only organization admins can change groups in “${organization.name}”.`;
}

/** Refuses with the reason when the right is withheld. */
export function requireRight(reason: string | null): void {
  if (reason !== null) throw new UserFacingError('refused', reason);
}
