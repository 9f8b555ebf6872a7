import type {
  DataView,
  ProjectChanges,
  ProjectDetails,
  ProjectFields,
  TaskChanges,
  TaskFields,
} from '../../../shared/entities';
import {
  detailProblems,
  firstProblem,
  planRefusal,
  type DetailField,
  type EditableDetails,
} from '../../../shared/project-details';
import { TOGGL_PALETTE } from '../../../shared/palette';
import { rateChangeProblem, type RateChangeMode } from '../../../shared/rate-change';
import { projectLock } from '../../../shared/rights';
import { UserFacingError } from '../errors';
import type { CacheStore } from '../store/cache-store';
import { newDefaultWorkspace } from './default-workspace';
import { baseOf } from './entity-update';
import type { ChangeQueue } from './queue';
import type { ChangeOp } from './registry';
import { newProjectBulkActive } from './project-bulk-active';
import { newProjectCreate } from './project-create';
import { newProjectDelete } from './project-delete';
import { newProjectUpdate } from './project-update';
import { requireRight } from './rights';
import { newTaskBulkActive } from './task-bulk-active';
import { newTaskCreate } from './task-create';
import { newTaskDelete } from './task-delete';
import { newTaskUpdate } from './task-update';

export const NAME_MAX = 255;
const HEX = /^#[0-9a-f]{6}$/i;

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** A command that cannot be: the user is told why, and nothing is queued. */
export function refuse(message: string): never {
  throw new UserFacingError('refused', message);
}

function cleanName(raw: string, what: 'project' | 'task'): string {
  const name = raw.trim();
  if (!name) refuse(`Give the ${what} a name.`);
  if (name.length > NAME_MAX)
    refuse(`A ${what} name can be at most ${NAME_MAX} characters (this one has ${name.length}).`);
  return name;
}

export interface CommandsOptions {
  cache: CacheStore;
  queue: ChangeQueue;
  view: () => DataView;
  /** A change was queued: the send loop takes it from here. */
  queued: () => void;
  /**
   * Toggl's id for a temporary one it has given a real id (else the id as it is): a window
   * may still name an item by the id it was created under, until it hears of the swap.
   */
  knownId?: (id: number) => number;
}

/** The id as the list now holds it. */
export const knownIdOf = (options: { knownId?: (id: number) => number }, id: number): number =>
  id < 0 ? (options.knownId?.(id) ?? id) : id;

/**
 * What the user can do to projects and tasks. Each command checks its input and the user's
 * rights against the current view, and queues the change (on disk when this returns); the
 * queue folds it into an earlier one where its kind says so, and the send loop sends it.
 */
export class DataCommands {
  constructor(private readonly options: CommandsOptions) {}

  private project(id: number) {
    return (
      this.options.view().projects.find((project) => project.id === id) ??
      refuse('That project is not in the list any more.')
    );
  }

  private task(id: number) {
    return this.options.view().tasks.find((task) => task.id === id) ?? refuse('That task is not in the list any more.');
  }

  private rights(wid: number) {
    return this.options.view().rights[wid] ?? refuse('That workspace is not in your account.');
  }

  /** A project the user may change: it exists and the workspace lets them. */
  private editableProject(id: number) {
    const project = this.project(id);
    requireRight(projectLock(this.rights(project.wid), project.id));
    return project;
  }

  private activeProject(id: number, action: string) {
    const project = this.editableProject(id);
    if (!project.active) refuse(`“${project.name}” is archived: restore it before ${action}.`);
    return project;
  }

  private checkColor(color: string, wid: number): string {
    if (!HEX.test(color)) refuse(`“${color}” is not a color: use a hex value such as #06aaf5.`);
    if (!TOGGL_PALETTE.includes(color.toLowerCase())) requireRight(this.rights(wid).customColors);
    return color.toLowerCase();
  }

  /** Details the plan has and that make sense (the form's own rules, shared/project-details.ts). */
  private checkDetails(
    wid: number,
    given: Partial<EditableDetails> & { templateId?: number | null },
    project?: Pick<ProjectDetails, 'startDate' | 'endDate' | 'recurring' | 'recurringParameters'>,
  ): void {
    const rights = this.rights(wid);
    for (const [field, value] of Object.entries(given)) requireRight(planRefusal(rights, field as DetailField, value));
    const problem = firstProblem(detailProblems(given, project));
    if (problem) refuse(problem);
  }

  private checkUniqueProject(wid: number, cid: number | null, name: string, except?: number): void {
    const clash = this.options
      .view()
      .projects.find(
        (project) =>
          project.id !== except &&
          project.wid === wid &&
          project.cid === cid &&
          project.name.toLowerCase() === name.toLowerCase(),
      );
    if (clash)
      refuse(
        `A project named “${clash.name}” already exists ${cid === null ? 'in this workspace' : 'for this client'}.`,
      );
  }

  private checkUniqueTask(pid: number, name: string, projectName: string, except?: number): void {
    const lower = name.toLowerCase();
    if (
      this.options
        .view()
        .tasks.some((task) => task.id !== except && task.pid === pid && task.name.toLowerCase() === lower)
    ) {
      refuse(`“${projectName}” already has a task named “${name}”.`);
    }
  }

  private enqueue(op: ChangeOp): void {
    if (this.options.queue.enqueue(op)) this.options.queued();
  }

  createProject(wid: number, fields: ProjectFields): { id: number } {
    const rights = this.rights(wid);
    requireRight(rights.createProjects);
    const name = cleanName(fields.name, 'project');
    const cid = fields.cid;
    if (cid !== null && !this.options.view().clients.some((client) => client.id === cid && client.wid === wid)) {
      refuse('That client is not in this workspace.');
    }
    if (fields.billable) requireRight(rights.billable);
    this.checkDetails(wid, { ...fields, ...(fields.currency ? { currency: fields.currency.toUpperCase() } : {}) });
    const templateId = fields.templateId ?? null;
    if (templateId !== null) {
      const template = this.options.view().projects.find((project) => project.id === templateId);
      if (!template || template.wid !== wid || !template.template)
        refuse('That template is not a template project of this workspace.');
    }
    this.checkUniqueProject(wid, cid, name);
    const color = this.checkColor(fields.color, wid);
    const clientName = fields.clientName?.trim();
    const tempId = this.options.queue.takeTempId();
    this.enqueue(
      newProjectCreate({
        tempId,
        wid,
        fields: {
          ...fields,
          name,
          color,
          ...(clientName ? { clientName } : {}),
          ...(fields.currency ? { currency: fields.currency.toUpperCase() } : {}),
        },
      }),
    );
    return { id: tempId };
  }

  /**
   * Changes a project's fields. `rateChangeMode` says how a new hourly rate counts for time
   * already tracked (shared/rate-change.ts): only with a new rate, where the plan has rates.
   */
  updateProject(named: number, raw: ProjectChanges, rateChangeMode?: RateChangeMode): void {
    const id = knownIdOf(this.options, named);
    const project = this.editableProject(id);
    const changes: ProjectChanges = { ...raw };
    if (rateChangeMode !== undefined) {
      requireRight(this.rights(project.wid).rates);
      const newRate = changes.rate !== project.rate ? changes.rate : undefined;
      const problem = rateChangeProblem(rateChangeMode, newRate, 'hourly rate');
      if (problem) refuse(problem);
    }
    if (changes.name !== undefined) changes.name = cleanName(changes.name, 'project');
    if (changes.color !== undefined) changes.color = this.checkColor(changes.color, project.wid);
    if (changes.billable) requireRight(this.rights(project.wid).billable);
    if (changes.currency !== undefined && changes.currency !== null) changes.currency = changes.currency.toUpperCase();
    this.checkDetails(project.wid, changes, project);
    if (changes.name !== undefined || changes.cid !== undefined) {
      this.checkUniqueProject(
        project.wid,
        changes.cid !== undefined ? changes.cid : project.cid,
        changes.name ?? project.name,
        id,
      );
    }
    const base = baseOf(this.options.cache.projects.get(id), changes);
    this.enqueue(newProjectUpdate({ id, wid: project.wid, changes, base, ...(rateChangeMode && { rateChangeMode }) }));
  }

  /** Archive (false) or restore (true) one or more projects; several go in one bulk request. */
  setProjectsActive(named: number[], active: boolean): void {
    const ids = named.map((id) => knownIdOf(this.options, id));
    const projects = ids.map((id) => this.editableProject(id));
    if (projects.length === 1) return this.updateProject(ids[0] ?? 0, { active });
    for (const [wid, group] of groupBy(projects, (project) => project.wid)) {
      this.enqueue(
        newProjectBulkActive({
          wid,
          ids: group.map((project) => project.id),
          active,
        }),
      );
    }
  }

  deleteProject(named: number): void {
    const id = knownIdOf(this.options, named);
    const project = this.editableProject(id);
    this.enqueue(newProjectDelete({ id, wid: project.wid }));
  }

  createTask(named: number, fields: TaskFields): { id: number } {
    const pid = knownIdOf(this.options, named);
    const project = this.activeProject(pid, 'adding tasks');
    requireRight(this.rights(project.wid).tasks);
    const name = cleanName(fields.name, 'task');
    if (
      fields.estimatedSeconds !== null &&
      (!Number.isInteger(fields.estimatedSeconds) || fields.estimatedSeconds < 0)
    ) {
      refuse('An estimate is a whole number of minutes or hours, not below zero.');
    }
    this.checkUniqueTask(pid, name, project.name);
    this.checkAssignee(project.wid, fields.assigneeId);
    const tempId = this.options.queue.takeTempId();
    this.enqueue(newTaskCreate({ tempId, wid: project.wid, pid, fields: { ...fields, name } }));
    return { id: tempId };
  }

  updateTask(named: number, raw: TaskChanges): void {
    const id = knownIdOf(this.options, named);
    const task = this.task(id);
    const project = this.activeProject(task.pid, 'changing its tasks');
    const changes: TaskChanges = { ...raw };
    if (changes.name !== undefined) {
      changes.name = cleanName(changes.name, 'task');
      this.checkUniqueTask(task.pid, changes.name, project.name, id);
    }
    this.checkAssignee(task.wid, changes.assigneeId, task.assigneeId);
    const base = baseOf(this.options.cache.tasks.get(id), changes);
    this.enqueue(newTaskUpdate({ id, wid: task.wid, pid: task.pid, changes, base }));
  }

  /**
   * A task goes to one of its workspace's people (as the last full sync knew them), or to no
   * one. Where Toggl did not list them (not a paid plan, or not allowed), only to the user.
   */
  private checkAssignee(wid: number, assigneeId: number | null | undefined, current: number | null = null): void {
    if (assigneeId === undefined || assigneeId === null || assigneeId === current) return;
    const users = this.options.cache.teams.get(wid)?.users ?? [];
    const known =
      users.length > 0 ? users.some((user) => user.id === assigneeId) : assigneeId === this.options.cache.user?.id;
    if (!known) refuse('That person is not in this workspace: pick someone from the list.');
  }

  /** Done (false) or not done (true), one or several; several go in one bulk request per project. */
  setTasksActive(named: number[], active: boolean): void {
    const ids = named.map((id) => knownIdOf(this.options, id));
    const tasks = ids.map((id) => this.task(id));
    if (tasks.length === 1) return this.updateTask(ids[0] ?? 0, { active });
    for (const task of tasks) this.activeProject(task.pid, 'changing its tasks');
    for (const [pid, group] of groupBy(tasks, (task) => task.pid)) {
      this.enqueue(
        newTaskBulkActive({
          wid: group[0]?.wid ?? 0,
          pid,
          ids: group.map((task) => task.id),
          active,
        }),
      );
    }
  }

  /**
   * Makes a workspace the user's default (where "New project" goes first). Any workspace of
   * theirs will do, even one where they may not create projects: Toggl allows it, and the
   * pick of a new project's workspace passes over it.
   */
  setDefaultWorkspace(wid: number): void {
    const view = this.options.view();
    if (!view.user) refuse('Sign in before choosing a default workspace.');
    if (!view.workspaces.some((workspace) => workspace.id === wid)) refuse('That workspace is not in your account.');
    if (view.user.defaultWorkspaceId === wid) return;
    const was = this.options.cache.user?.defaultWorkspaceId ?? null;
    this.enqueue(newDefaultWorkspace({ wid, was }));
  }

  deleteTask(named: number): void {
    const id = knownIdOf(this.options, named);
    const task = this.task(id);
    this.editableProject(task.pid);
    this.enqueue(newTaskDelete({ id, wid: task.wid, pid: task.pid }));
  }
}
