import type { DataView, ProjectChanges, ProjectFields, TaskChanges, TaskFields } from '../../../shared/entities';
import { TOGGL_PALETTE } from '../../../shared/palette';
import { UserFacingError } from '../errors';
import type { CacheStore } from '../store/cache-store';
import type { OutboxEntry } from '../store/outbox-store';
import type { Outbox } from './outbox';
import { targetsOf } from './view';

export const NAME_MAX = 255;
const HEX = /^#[0-9a-f]{6}$/i;

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The server's values (from the cache) of the fields an edit changes: what it was based on. */
function baseOf(server: object | undefined, changes: object): Record<string, unknown> {
  const values = (server ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changes).map((key) => [key, values[key]]));
}

function refuse(message: string): never {
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
  outbox: Outbox;
  view: () => DataView;
  /** Starts sending what was queued (not awaited by the caller). */
  kick: () => void;
}

/**
 * What the user can do to projects and tasks. Each command checks its input and the user's
 * rights against the current view, applies at once (it is queued on disk when this returns),
 * and leaves the sending to the outbox.
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

  private workspace(wid: number) {
    return (
      this.options.view().workspaces.find((workspace) => workspace.id === wid) ??
      refuse('That workspace is not in your account.')
    );
  }

  private checkColor(color: string, wid: number): string {
    if (!HEX.test(color)) refuse(`“${color}” is not a color: use a hex value such as #06aaf5.`);
    const workspace = this.workspace(wid);
    if (!workspace.premium && !TOGGL_PALETTE.includes(color.toLowerCase())) {
      refuse(`Custom colors need a paid plan in “${workspace.name}”: pick one of Toggl's palette colors.`);
    }
    return color.toLowerCase();
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

  private queued<T>(change: () => T): T {
    const result = change();
    this.options.kick();
    return result;
  }

  /** A create of this item still waiting in the outbox (not on the wire), to fold edits into. */
  private queuedCreate(tempId: number): OutboxEntry | undefined {
    return this.options.outbox.entries.find(
      (entry) =>
        entry.state === 'pending' &&
        // Not on the wire, and surely never received (an uncertain POST may have landed).
        !entry.uncertain &&
        !this.options.outbox.isSending(entry.id) &&
        (entry.op.kind === 'project.create' || entry.op.kind === 'task.create') &&
        entry.op.tempId === tempId,
    );
  }

  /**
   * An edit of an item whose create has not gone out yet goes into the create itself (one
   * request instead of two). True when it was folded in.
   */
  private foldIntoCreate(id: number, fields: object): boolean {
    const create = id < 0 ? this.queuedCreate(id) : undefined;
    const op = create?.op;
    if (!create || (op?.kind !== 'project.create' && op?.kind !== 'task.create')) return false;
    const folded = { ...op, fields: { ...op.fields, ...fields } } as OutboxEntry['op'];
    this.options.outbox.rewrite((entries) =>
      entries.map((entry) => (entry.id === create.id ? { ...entry, op: folded } : entry)),
    );
    return true;
  }

  /**
   * Undo before anything went out: an archive/restore or done/undone that exactly reverses the
   * latest queued (and surely unsent) change to the same items cancels it instead of adding one.
   */
  private cancelsQueued(kind: 'project' | 'task', ids: number[], active: boolean): boolean {
    const { outbox } = this.options;
    const wanted = [...ids].sort((a, b) => a - b).join(',');
    for (const entry of [...outbox.entries].reverse()) {
      const { op } = entry;
      const sameUpdate =
        op.kind === `${kind}.update` &&
        'changes' in op &&
        ids.length === 1 &&
        op.id === ids[0] &&
        Object.keys(op.changes).join() === 'active' &&
        op.changes.active === !active;
      const sameBulk =
        op.kind === `${kind}.bulkActive` &&
        'ids' in op &&
        [...op.ids].sort((a, b) => a - b).join(',') === wanted &&
        op.active === !active;
      const prefix = kind === 'project' ? 'p' : 't';
      const touches = targetsOf(op).some((target) => ids.some((id) => target === `${prefix}:${id}`));
      if (!touches) continue;
      if ((sameUpdate || sameBulk) && entry.state === 'pending' && !entry.uncertain && !outbox.isSending(entry.id)) {
        outbox.discard(entry.id);
        return true;
      }
      return false;
    }
    return false;
  }

  createProject(wid: number, fields: ProjectFields): { id: number } {
    const workspace = this.workspace(wid);
    if (workspace.onlyAdminsMayCreateProjects && !workspace.admin)
      refuse(`Only admins may create projects in “${workspace.name}”.`);
    const name = cleanName(fields.name, 'project');
    const cid = fields.cid;
    if (cid !== null && !this.options.view().clients.some((client) => client.id === cid && client.wid === wid)) {
      refuse('That client is not in this workspace.');
    }
    if (fields.billable && !workspace.premium) refuse(`Billable projects need a paid plan in “${workspace.name}”.`);
    this.checkUniqueProject(wid, cid, name);
    const clientName = fields.clientName?.trim();
    return this.queued(() => {
      const tempId = this.options.outbox.takeTempId();
      this.options.outbox.enqueue({
        kind: 'project.create',
        tempId,
        wid,
        fields: { ...fields, name, color: this.checkColor(fields.color, wid), ...(clientName ? { clientName } : {}) },
      });
      return { id: tempId };
    });
  }

  updateProject(id: number, raw: ProjectChanges): void {
    const project = this.project(id);
    const changes: ProjectChanges = { ...raw };
    if (changes.name !== undefined) changes.name = cleanName(changes.name, 'project');
    if (changes.color !== undefined) changes.color = this.checkColor(changes.color, project.wid);
    if (changes.billable && !this.workspace(project.wid).premium)
      refuse('Billable projects need a paid plan in this workspace.');
    if (changes.name !== undefined || changes.cid !== undefined) {
      this.checkUniqueProject(
        project.wid,
        changes.cid !== undefined ? changes.cid : project.cid,
        changes.name ?? project.name,
        id,
      );
    }
    this.queued(() => {
      const { active, ...fields } = changes;
      if (this.foldIntoCreate(id, fields)) {
        if (active !== undefined)
          this.options.outbox.enqueue({ kind: 'project.update', id, wid: project.wid, changes: { active }, base: {} });
        return;
      }
      const base = baseOf(this.options.cache.projects.get(id), changes);
      this.options.outbox.enqueue({ kind: 'project.update', id, wid: project.wid, changes, base });
    });
  }

  /** Archive (false) or restore (true) one or more projects; several go in one bulk request. */
  setProjectsActive(ids: number[], active: boolean): void {
    const projects = ids.map((id) => this.project(id));
    if (this.cancelsQueued('project', ids, active)) return;
    if (projects.length === 1) return this.updateProject(ids[0] ?? 0, { active });
    this.queued(() => {
      for (const [wid, group] of groupBy(projects, (project) => project.wid)) {
        this.options.outbox.enqueue({
          kind: 'project.bulkActive',
          wid,
          ids: group.map((project) => project.id),
          active,
        });
      }
    });
  }

  deleteProject(id: number): void {
    const project = this.project(id);
    this.queued(() => {
      const create = id < 0 ? this.queuedCreate(id) : undefined;
      if (create) return this.options.outbox.discard(create.id);
      this.options.outbox.enqueue({ kind: 'project.delete', id, wid: project.wid });
    });
  }

  createTask(pid: number, fields: TaskFields): { id: number } {
    const project = this.project(pid);
    if (!project.active) refuse(`“${project.name}” is archived: restore it before adding tasks.`);
    const name = cleanName(fields.name, 'task');
    if (
      fields.estimatedSeconds !== null &&
      (!Number.isInteger(fields.estimatedSeconds) || fields.estimatedSeconds < 0)
    ) {
      refuse('An estimate is a whole number of minutes or hours, not below zero.');
    }
    if (this.options.view().tasks.some((task) => task.pid === pid && task.name.toLowerCase() === name.toLowerCase())) {
      refuse(`“${project.name}” already has a task named “${name}”.`);
    }
    return this.queued(() => {
      const tempId = this.options.outbox.takeTempId();
      this.options.outbox.enqueue({ kind: 'task.create', tempId, wid: project.wid, pid, fields: { ...fields, name } });
      return { id: tempId };
    });
  }

  updateTask(id: number, raw: TaskChanges): void {
    const task = this.task(id);
    const project = this.project(task.pid);
    if (!project.active) refuse(`“${project.name}” is archived: restore it before changing its tasks.`);
    const changes: TaskChanges = { ...raw };
    if (changes.name !== undefined) {
      const name = cleanName(changes.name, 'task');
      changes.name = name;
      if (
        this.options
          .view()
          .tasks.some(
            (other) => other.id !== id && other.pid === task.pid && other.name.toLowerCase() === name.toLowerCase(),
          )
      ) {
        refuse(`“${project.name}” already has a task named “${name}”.`);
      }
    }
    this.queued(() => {
      const { active, ...fields } = changes;
      if (this.foldIntoCreate(id, fields)) {
        if (active !== undefined) {
          this.options.outbox.enqueue({
            kind: 'task.update',
            id,
            wid: task.wid,
            pid: task.pid,
            changes: { active },
            base: {},
          });
        }
        return;
      }
      const base = baseOf(this.options.cache.tasks.get(id), changes);
      this.options.outbox.enqueue({ kind: 'task.update', id, wid: task.wid, pid: task.pid, changes, base });
    });
  }

  /** Done (false) or not done (true), one or several; several go in one bulk request per project. */
  setTasksActive(ids: number[], active: boolean): void {
    const tasks = ids.map((id) => this.task(id));
    if (this.cancelsQueued('task', ids, active)) return;
    if (tasks.length === 1) return this.updateTask(ids[0] ?? 0, { active });
    for (const task of tasks) {
      const project = this.project(task.pid);
      if (!project.active) refuse(`“${project.name}” is archived: restore it before changing its tasks.`);
    }
    this.queued(() => {
      for (const [pid, group] of groupBy(tasks, (task) => task.pid)) {
        this.options.outbox.enqueue({
          kind: 'task.bulkActive',
          wid: group[0]?.wid ?? 0,
          pid,
          ids: group.map((task) => task.id),
          active,
        });
      }
    });
  }

  deleteTask(id: number): void {
    const task = this.task(id);
    this.queued(() => {
      const create = id < 0 ? this.queuedCreate(id) : undefined;
      if (create) return this.options.outbox.discard(create.id);
      this.options.outbox.enqueue({ kind: 'task.delete', id, wid: task.wid, pid: task.pid });
    });
  }
}
