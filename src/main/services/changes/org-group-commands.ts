import type { DataView, OrgGroupChanges, ViewOrganization } from '../../../shared/entities';
import { knownIdOf, refuse } from './commands';
import { newOrgGroupCreate } from './org-group-create';
import { newOrgGroupDelete } from './org-group-delete';
import { newOrgGroupUpdate } from './org-group-update';
import type { ChangeQueue } from './queue';
import type { ChangeOp } from './registry';
import { requireRight } from './rights';

/** Toggl's limit (seed 001: "Group name too long, maximum length is 200"). */
export const GROUP_NAME_MAX = 200;

export interface OrgGroupCommandsOptions {
  queue: ChangeQueue;
  view: () => DataView;
  queued: () => void;
  /** Toggl's id for a temporary one already swapped (see CommandsOptions). */
  knownId?: (id: number) => number;
}

/**
 * An organization's groups, as Settings changes them: create, rename, set people or
 * workspaces, delete. Organization admins only (checked here on every command, as Toggl
 * does); each is queued like any other change and goes when Toggl can be reached.
 */
export class OrgGroupCommands {
  constructor(private readonly options: OrgGroupCommandsOptions) {}

  private organization(oid: number): ViewOrganization {
    const organization =
      this.options.view().organizations.find((item) => item.id === oid) ??
      refuse('That organization is not loaded: open Settings again.');
    requireRight(organization.groupsLock);
    return organization;
  }

  private groupOf(named: number) {
    const id = knownIdOf(this.options, named);
    for (const organization of this.options.view().organizations) {
      const group = organization.groups.find((item) => item.id === id);
      if (group) return { id, group, organization: this.organization(organization.id) };
    }
    return refuse('That group is not in the list any more.');
  }

  private enqueue(op: ChangeOp): void {
    if (this.options.queue.enqueue(op)) this.options.queued();
  }

  /** A group name Toggl takes: present, at most 200 characters, none other of the organization's. */
  private cleanName(organization: ViewOrganization, raw: string, except: number | null): string {
    const name = raw.trim();
    if (!name) refuse('Give the group a name.');
    if (name.length > GROUP_NAME_MAX)
      refuse(`A group name can be at most ${GROUP_NAME_MAX} characters (this one has ${name.length}).`);
    const taken = organization.groups.some(
      (group) => group.id !== except && group.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken) refuse(`“${organization.name}” has a group “${name}” already.`);
    return name;
  }

  /** People must be of the organization (its workspaces' people, or already in the group). */
  private checkPeople(organization: ViewOrganization, users: readonly number[], already: readonly number[]): void {
    const known = new Set([...organization.people.map((person) => person.id), ...already]);
    if (users.some((id) => !known.has(id))) refuse(`Someone chosen is not in “${organization.name}”.`);
  }

  /** Workspaces must be of the organization (as the user's list knows them, or already the group's). */
  private checkWorkspaces(organization: ViewOrganization, workspaces: readonly number[], already: readonly number[]) {
    const known = new Set([
      ...this.options
        .view()
        .workspaces.filter((workspace) => workspace.organizationId === organization.id)
        .map((workspace) => workspace.id),
      ...already,
    ]);
    if (workspaces.some((id) => !known.has(id))) refuse(`A workspace chosen is not in “${organization.name}”.`);
  }

  createGroup(oid: number, rawName: string): { id: number } {
    const organization = this.organization(oid);
    const name = this.cleanName(organization, rawName, null);
    const tempId = this.options.queue.takeTempId();
    this.enqueue(newOrgGroupCreate({ tempId, oid, name, users: [], workspaces: [] }));
    return { id: tempId };
  }

  updateGroup(named: number, changes: OrgGroupChanges): void {
    const { id, group, organization } = this.groupOf(named);
    const checked: OrgGroupChanges = {};
    if (changes.name !== undefined) {
      const name = this.cleanName(organization, changes.name, id);
      if (name !== group.name) checked.name = name;
    }
    if (changes.users !== undefined) {
      const users = [...new Set(changes.users)];
      const before = group.users.map((user) => user.id);
      this.checkPeople(organization, users, before);
      if (!sameSet(users, before)) checked.users = users;
    }
    if (changes.workspaces !== undefined) {
      const workspaces = [...new Set(changes.workspaces)];
      this.checkWorkspaces(organization, workspaces, group.workspaces);
      if (!sameSet(workspaces, group.workspaces)) checked.workspaces = workspaces;
    }
    if (Object.keys(checked).length === 0) return;
    this.enqueue(newOrgGroupUpdate({ id, oid: organization.id, changes: checked }));
  }

  deleteGroup(named: number): void {
    const { id, organization } = this.groupOf(named);
    this.enqueue(newOrgGroupDelete({ id, oid: organization.id }));
  }
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((id) => set.has(id));
}
