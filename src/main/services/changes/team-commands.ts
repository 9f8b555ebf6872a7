import type { DataView, ViewTeam } from '../../../shared/entities';
import {
  MODE_OF,
  RATE_FIELDS,
  modesFor,
  rateProblems,
  type MemberRates,
  type RateModes,
} from '../../../shared/member-rates';
import { projectLock } from '../../../shared/rights';
import { knownIdOf, refuse } from './commands';
import { newGroupAdd } from './group-add';
import { newGroupRemove } from './group-remove';
import { newMemberAdd } from './member-add';
import { newMemberRate } from './member-rate';
import { newMemberRemove } from './member-remove';
import { newMemberUpdate } from './member-update';
import type { ChangeQueue } from './queue';
import type { ChangeOp } from './registry';
import { requireRight } from './rights';

export interface TeamCommandsOptions {
  queue: ChangeQueue;
  view: () => DataView;
  queued: () => void;
  /** Toggl's id for a temporary one already swapped (see CommandsOptions). */
  knownId?: (id: number) => number;
}

/**
 * Who is on a project: add or remove a workspace member, make one manager or not, add or
 * remove a group. Admins and the project's managers may; a member's rates, admins where the
 * plan has rates. Each is checked and queued like any other change.
 */
export class TeamCommands {
  constructor(private readonly options: TeamCommandsOptions) {}

  /** A project the user may change, and its workspace's people (loaded when the details opened). */
  private editable(pid: number): { project: DataView['projects'][number]; team: ViewTeam } {
    const view = this.options.view();
    const project =
      view.projects.find((item) => item.id === pid) ?? refuse('That project is not in the list any more.');
    requireRight(projectLock(view.rights[project.wid], project.id));
    const team =
      view.teams.find((item) => item.wid === project.wid && item.complete) ??
      refuse('The members of this workspace are not loaded yet: open the project’s members again.');
    return { project, team };
  }

  private memberOf(id: number) {
    for (const team of this.options.view().teams) {
      const member = team.members.find((item) => item.id === id);
      if (member) return { member, ...this.editable(member.pid) };
    }
    return refuse('That person is no longer on the project.');
  }

  private enqueue(op: ChangeOp): void {
    if (this.options.queue.enqueue(op)) this.options.queued();
  }

  addMember(named: number, uid: number): { id: number } {
    const pid = knownIdOf(this.options, named);
    const { project, team } = this.editable(pid);
    const user = team.users.find((item) => item.id === uid) ?? refuse('That person is not in this workspace.');
    if (team.members.some((item) => item.pid === pid && item.uid === uid))
      refuse(`${user.name} is already on “${project.name}”.`);
    const tempId = this.options.queue.takeTempId();
    this.enqueue(newMemberAdd({ tempId, wid: project.wid, pid, uid, manager: false }));
    return { id: tempId };
  }

  setManager(named: number, manager: boolean): void {
    const id = knownIdOf(this.options, named);
    const { member, project } = this.memberOf(id);
    if (member.manager === manager) return;
    this.enqueue(newMemberUpdate({ id, wid: project.wid, pid: project.id, manager }));
  }

  /**
   * Sets a member's hourly rate and labor cost (each optional; null clears it), each new amount
   * with how it counts for time already tracked if given (only with a new amount).
   */
  setRates(named: number, given: Partial<MemberRates> & RateModes): void {
    const id = knownIdOf(this.options, named);
    const { member, project } = this.memberOf(id);
    const rights = this.options.view().rights[project.wid];
    requireRight(rights ? rights.memberRates : 'That workspace is not loaded yet.');
    // An amount the member has already is no change: its mode has nothing to go with.
    const changed = RATE_FIELDS.filter((field) => given[field] !== undefined && given[field] !== member[field]);
    const rates: Partial<MemberRates> = Object.fromEntries(changed.map((field) => [field, given[field]]));
    const modes: RateModes = Object.fromEntries(RATE_FIELDS.map((field) => [MODE_OF[field], given[MODE_OF[field]]]));
    const problem = Object.values(rateProblems({ ...rates, ...modes }))[0];
    if (problem) refuse(problem);
    if (changed.length === 0) return;
    this.enqueue(newMemberRate({ id, wid: project.wid, pid: project.id, ...rates, ...modesFor(rates, given) }));
  }

  removeMember(named: number): void {
    const id = knownIdOf(this.options, named);
    const { project } = this.memberOf(id);
    this.enqueue(newMemberRemove({ id, wid: project.wid, pid: project.id }));
  }

  addGroup(named: number, groupId: number): { id: number } {
    const pid = knownIdOf(this.options, named);
    const { project, team } = this.editable(pid);
    const group = team.groups.find((item) => item.id === groupId) ?? refuse('That group is not in this workspace.');
    if (team.projectGroups.some((item) => item.pid === pid && item.groupId === groupId))
      refuse(`${group.name} is already on “${project.name}”.`);
    const tempId = this.options.queue.takeTempId();
    this.enqueue(newGroupAdd({ tempId, wid: project.wid, pid, groupId }));
    return { id: tempId };
  }

  removeGroup(named: number): void {
    const id = knownIdOf(this.options, named);
    const link =
      this.options
        .view()
        .teams.flatMap((team) => team.projectGroups)
        .find((item) => item.id === id) ?? refuse('That group is no longer on the project.');
    const { project } = this.editable(link.pid);
    this.enqueue(newGroupRemove({ id, wid: project.wid, pid: project.id }));
  }
}
