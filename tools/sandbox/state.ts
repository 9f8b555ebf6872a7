import type { SandboxRateChange } from './rate-rules';
import type {
  TogglClient,
  TogglGroup,
  TogglProject,
  TogglProjectGroup,
  TogglProjectUser,
  TogglTag,
  TogglTask,
  TogglWorkspace,
} from '../../src/main/services/toggl/types';

/** Toggl's plans decide the organization quota: Free 30, Starter 240, Premium 600 per hour. */
export type Plan = 'free' | 'starter' | 'premium';
/** Workspace roles as Toggl's OpenAPI document lists them. */
export type Role = 'admin' | 'user' | 'projectlead' | 'teamlead';

export interface SandboxUser {
  id: number;
  email: string;
  password: string;
  apiToken: string;
  fullname: string;
  timezone: string;
  beginning_of_week: number;
  default_workspace_id: number;
  country_id: number | null;
  created_at: string;
  at: string;
}

export interface SandboxOrganization {
  id: number;
  name: string;
  plan: Plan;
  created_at: string;
  at: string;
  /** user id → admin of the organization? */
  members: Map<number, boolean>;
  ownerId: number;
}

export type SandboxWorkspace = Omit<TogglWorkspace, 'role' | 'admin'> & {
  /** user id → role in this workspace. */
  members: Map<number, Role>;
};

export type SandboxProject = TogglProject & { creator_id: number };

/**
 * A time entry as the sandbox keeps it (what it answers is built from this by
 * time-entry-view.ts). A running entry has `stop` null and `duration` minus its start in epoch
 * seconds, as Toggl answers (../shared/toggl-recordings: me-related-200-go-2024-12-12).
 */
export interface SandboxTimeEntry {
  id: number;
  workspace_id: number;
  project_id: number | null;
  task_id: number | null;
  user_id: number;
  description: string | null;
  /** Whole seconds, "+00:00". */
  start: string;
  stop: string | null;
  duration: number;
  billable: boolean;
  /** Tag names are looked up at answer time, so a renamed tag shows its new name. */
  tag_ids: number[];
  /** Kept, though Toggl never answers it: which client made the entry. */
  created_with: string;
  at: string;
  server_deleted_at: string | null;
}

export { TOGGL_PALETTE } from '../../src/shared/palette';

/** The sandbox's whole world, in memory. Deleted projects, tasks and time entries stay as tombstones. */
export class SandboxState {
  users = new Map<number, SandboxUser>();
  organizations = new Map<number, SandboxOrganization>();
  workspaces = new Map<number, SandboxWorkspace>();
  clients = new Map<number, TogglClient>();
  projects = new Map<number, SandboxProject>();
  tasks = new Map<number, TogglTask>();
  tags = new Map<number, TogglTag>();
  projectUsers = new Map<number, TogglProjectUser>();
  groups = new Map<number, TogglGroup & { organization_id: number }>();
  projectGroups = new Map<number, TogglProjectGroup>();
  timeEntries = new Map<number, SandboxTimeEntry>();
  /** Every project and member rate set, with its change mode (rate-rules.ts). */
  rateChanges: SandboxRateChange[] = [];
  private lastId = 1000;

  constructor(readonly now: () => number = Date.now) {}

  nextId(): number {
    return ++this.lastId;
  }

  /** As Toggl writes times: whole seconds, "+00:00" (../shared/toggl-recordings). */
  stamp(): string {
    return new Date(Math.floor(this.now() / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
  }

  userByToken(token: string): SandboxUser | undefined {
    for (const user of this.users.values()) if (user.apiToken === token) return user;
    return undefined;
  }

  userByEmail(email: string): SandboxUser | undefined {
    for (const user of this.users.values()) if (user.email.toLowerCase() === email.toLowerCase()) return user;
    return undefined;
  }

  roleIn(workspaceId: number, userId: number): Role | undefined {
    return this.workspaces.get(workspaceId)?.members.get(userId);
  }

  workspacesOf(userId: number): SandboxWorkspace[] {
    return [...this.workspaces.values()].filter((workspace) => workspace.members.has(userId));
  }

  isProjectManager(projectId: number, userId: number): boolean {
    for (const member of this.projectUsers.values()) {
      if (member.project_id === projectId && member.user_id === userId && member.manager) return true;
    }
    return false;
  }

  isProjectMember(projectId: number, userId: number): boolean {
    for (const member of this.projectUsers.values()) {
      if (member.project_id === projectId && member.user_id === userId) return true;
    }
    return false;
  }

  /** Private projects are seen by admins and their members only. */
  canSeeProject(project: SandboxProject, userId: number): boolean {
    const role = this.roleIn(project.workspace_id, userId);
    if (!role) return false;
    return (
      !project.is_private ||
      role === 'admin' ||
      project.creator_id === userId ||
      this.isProjectMember(project.id, userId)
    );
  }

  /**
   * Admins and the project's managers may change it, its tasks and its members (whoever
   * creates a project without being admin becomes its manager).
   */
  canEditProject(project: SandboxProject, userId: number): boolean {
    return this.roleIn(project.workspace_id, userId) === 'admin' || this.isProjectManager(project.id, userId);
  }

  /** Admins and project leads may always create projects; others unless only admins may. */
  canCreateProject(workspaceId: number, userId: number): boolean {
    const workspace = this.workspaces.get(workspaceId);
    const role = this.roleIn(workspaceId, userId);
    if (!workspace || !role) return false;
    return role === 'admin' || role === 'projectlead' || !workspace.only_admins_may_create_projects;
  }

  visibleProjects(userId: number): SandboxProject[] {
    return [...this.projects.values()].filter((project) => this.canSeeProject(project, userId));
  }

  visibleTasks(userId: number): TogglTask[] {
    return [...this.tasks.values()].filter((task) => {
      const project = this.projects.get(task.project_id);
      return project !== undefined && this.canSeeProject(project, userId);
    });
  }

  /** The public face of a workspace for one user: role and admin flag filled in. */
  workspaceFor(workspace: SandboxWorkspace, userId: number): TogglWorkspace {
    const { members, ...rest } = workspace;
    const role = members.get(userId) ?? 'user';
    return { ...rest, role, admin: role === 'admin' };
  }

  /** A task's project-derived fields, recomputed as the project changes. */
  taskView(task: TogglTask): TogglTask {
    const project = this.projects.get(task.project_id);
    const client = project?.client_id ? this.clients.get(project.client_id) : undefined;
    return {
      ...task,
      project_name: project?.name ?? '',
      project_color: project?.color ?? '',
      project_billable: project?.billable ?? false,
      client_name: client?.name ?? null,
    };
  }

  /**
   * Per project, counted once for a whole list answer: its tasks (not deleted) and the time
   * tracked on it. The time is ours to make up, as Toggl's `actual_seconds` would say it: the
   * tasks' tracked time plus the time entries on the project without a task (a running one
   * up to now); `actual_hours` is its whole hours, rounded down as in the recordings.
   */
  projectTotals(): Map<number, { tasks: number; seconds: number }> {
    const totals = new Map<number, { tasks: number; seconds: number }>();
    const of = (id: number) => {
      let total = totals.get(id);
      if (!total) totals.set(id, (total = { tasks: 0, seconds: 0 }));
      return total;
    };
    for (const task of this.tasks.values()) {
      if (task.server_deleted_at) continue;
      const total = of(task.project_id);
      total.tasks += 1;
      total.seconds += task.tracked_seconds / 1000;
    }
    const now = Math.floor(this.now() / 1000);
    for (const entry of this.timeEntries.values()) {
      if (entry.server_deleted_at || entry.project_id === null || entry.task_id !== null) continue;
      of(entry.project_id).seconds += entry.duration >= 0 ? entry.duration : Math.max(0, now + entry.duration);
    }
    return totals;
  }

  projectView(project: SandboxProject, totals = this.projectTotals()): TogglProject {
    const { creator_id: _creator, ...rest } = project;
    const total = totals.get(project.id);
    const seconds = Math.round(total?.seconds ?? 0);
    return {
      ...rest,
      tasks_count: total?.tasks ?? 0,
      actual_seconds: seconds,
      actual_hours: Math.floor(seconds / 3600),
      status: project.server_deleted_at ? 'deleted' : project.active ? 'active' : 'archived',
    };
  }
}
