import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kindOf } from '../../../../src/main/services/changes/registry';
import { newGroupAdd } from '../../../../src/main/services/changes/group-add';
import { newGroupRemove } from '../../../../src/main/services/changes/group-remove';
import { newMemberAdd } from '../../../../src/main/services/changes/member-add';
import { newMemberRemove } from '../../../../src/main/services/changes/member-remove';
import { newMemberUpdate } from '../../../../src/main/services/changes/member-update';
import { loadTeam } from '../../../../src/main/services/sync/team-loader';
import {
  readGroups,
  readMembers,
  readProjectGroups,
  readUsers,
} from '../../../../src/main/services/toggl/team-mapping';
import { createChangeWorld, type ChangeWorld } from '../../../support/change-world';

let w: ChangeWorld;
beforeEach(async () => {
  w = await createChangeWorld();
  await w.app.call('team.open', { wid: w.studio });
});
afterEach(() => w.cleanup());

const sam = () => w.world.sandbox.state.userByEmail('sam@toggl-tray.test')?.id ?? 0;
const noNames = () => undefined;
const team = () => w.view().teams.find((item) => item.wid === w.studio);

describe('the member and group change kinds', () => {
  it('say what they do, and wait for a project created offline, then follow its new id', () => {
    const add = newMemberAdd({ tempId: -5, wid: w.studio, pid: -4, uid: sam(), manager: false });
    expect(kindOf(add).describe(add, noNames)).toBe('Add a member to a project');
    expect(kindOf(add).refs(add)).toEqual([-4]);
    expect(kindOf(add).remap(add, -4, 77)).toMatchObject({ pid: 77, tempId: -5 });
    expect(kindOf(add).remap(add, -9, 77)).toBe(add);
    const update = newMemberUpdate({ id: -5, wid: w.studio, pid: -4, manager: true });
    expect(kindOf(update).remap(update, -5, 12)).toMatchObject({ id: 12, pid: -4 });
    expect(kindOf(update).describe(update, noNames)).toBe('Make a manager of a project');
    const off = newMemberUpdate({ id: 3, wid: w.studio, pid: 4, manager: false });
    expect(kindOf(off).describe(off, (key) => (key === 'p:4' ? 'Hiring' : undefined))).toBe(
      'Make no longer manager of “Hiring”',
    );
    const remove = newMemberRemove({ id: -5, wid: w.studio, pid: -4 });
    expect(kindOf(remove).remap(remove, -4, 8)).toMatchObject({ id: -5, pid: 8 });
    const group = newGroupAdd({ tempId: -6, wid: w.studio, pid: -4, groupId: 1 });
    expect(kindOf(group).remap(group, -4, 9)).toMatchObject({ pid: 9 });
    expect(kindOf(group).describe(group, noNames)).toBe('Add a group to a project');
    const ungroup = newGroupRemove({ id: -6, wid: w.studio, pid: -4 });
    expect(kindOf(ungroup).remap(ungroup, -6, 10)).toMatchObject({ id: 10, pid: -4 });
    expect(kindOf(ungroup).describe(ungroup, noNames)).toBe('Remove a group from a project');
  });

  it('a manager change then a removal of the same member sends only the removal', async () => {
    const mobile = w.project('Mobile app').id;
    const member = team()?.members.find((item) => item.pid === mobile);
    w.queue(newMemberUpdate({ id: member?.id ?? 0, wid: w.studio, pid: mobile, manager: false }));
    w.queue(newMemberRemove({ id: member?.id ?? 0, wid: w.studio, pid: mobile }));
    expect(w.view().outbox.map((entry) => entry.summary)).toEqual(['Remove a member from “Mobile app”']);
    await w.send();
    expect(w.writes()).toEqual([expect.stringMatching(/^DELETE \/workspaces\/\d+\/project_users\/\d+$/)]);
  });

  it('a group added and removed before it went sends nothing', () => {
    const mobile = w.project('Mobile app').id;
    const groupId = team()?.groups[0]?.id ?? 0;
    w.queue(newGroupAdd({ tempId: -8, wid: w.studio, pid: mobile, groupId }));
    expect(team()?.projectGroups.some((item) => item.id === -8 && item.sync === 'pending')).toBe(true);
    w.queue(newGroupRemove({ id: -8, wid: w.studio, pid: mobile }));
    expect(w.view().outbox).toEqual([]);
  });

  it('a manager change for someone removed on Toggl meanwhile fails in words, and the list drops them', async () => {
    const mobile = w.project('Mobile app').id;
    const member = team()?.members.find((item) => item.pid === mobile);
    w.world.sandbox.state.projectUsers.delete(member?.id ?? 0);
    w.queue(newMemberUpdate({ id: member?.id ?? 0, wid: w.studio, pid: mobile, manager: false }));
    await w.send();
    expect(w.view().outbox[0]).toMatchObject({
      state: 'failed',
      error: 'This person is no longer on the project in Toggl: discard the change.',
    });
    expect(w.data.cache.teams.get(w.studio)?.members.some((item) => item.id === member?.id)).toBe(false);
  });

  it('removing someone (or a group) Toggl already removed counts as done', async () => {
    const website = w.project('Website redesign').id;
    const link = team()?.projectGroups.find((item) => item.pid === website);
    w.world.sandbox.state.projectGroups.delete(link?.id ?? 0);
    w.queue(newGroupRemove({ id: link?.id ?? 0, wid: w.studio, pid: website }));
    await w.send();
    expect(w.view().outbox).toEqual([]);
    expect(team()?.projectGroups.some((item) => item.id === link?.id)).toBe(false);
  });

  it('after a send whose outcome is unknown, an add looks on Toggl first and does not add twice', async () => {
    const internal = w.project('Internal tools').id;
    const api = w.app.services.api;
    const existing = await api.team.addProjectUser(w.studio, { project_id: internal, user_id: sam() });
    const groupId = team()?.groups[0]?.id ?? 0;
    const link = await api.team.addProjectGroup(w.studio, { group_id: groupId, project_id: internal });
    const context = { api, cache: w.data.cache, now: Date.now, uncertain: true };
    const add = newMemberAdd({ tempId: -11, wid: w.studio, pid: internal, uid: sam(), manager: false });
    expect(await kindOf(add).send(add, context)).toEqual({ result: 'done', remap: { from: -11, to: existing.id } });
    const group = newGroupAdd({ tempId: -12, wid: w.studio, pid: internal, groupId });
    expect(await kindOf(group).send(group, context)).toEqual({ result: 'done', remap: { from: -12, to: link.id } });
    const users = [...w.world.sandbox.state.projectUsers.values()].filter((item) => item.project_id === internal);
    expect(users).toHaveLength(1);
  });

  it('someone who may not list the organization’s groups gets a team without groups', async () => {
    const organization = w.world.sandbox.state.organizations.get(w.view().workspaces[0]?.organizationId ?? 0);
    const demo = w.world.sandbox.state.userByEmail('demo@toggl-tray.test')?.id ?? 0;
    organization?.members.delete(demo);
    const workspace = w.data.cache.workspaces.get(w.studio);
    if (!workspace) throw new Error('no workspace');
    const skipped: string[] = [];
    const loaded = await loadTeam(w.app.services.api, w.data.cache, workspace, Date.now(), (what) =>
      skipped.push(what),
    );
    expect(skipped).toEqual([]);
    expect(loaded.groups).toEqual([]);
    expect(loaded.projectGroups).toEqual([]);
    expect(loaded.members.length).toBeGreaterThan(0);
  });
});

describe('reading Toggl’s people answers', () => {
  it('keeps what has the ids it needs, with defaults, and skips and reports the rest', () => {
    const skipped: string[] = [];
    const report = (what: string, problem: string) => skipped.push(`${what}: ${problem}`);
    expect(
      readMembers(
        [
          { id: 1, project_id: 2, user_id: 3, manager: true, rate: 40, labor_cost: 25.5 },
          { id: 4, project_id: 2, user_id: 5 },
          // The seed page's spelling; a negative or a string amount is no amount.
          { id: 7, project_id: 2, user_id: 8, rate: -1, labour_cost: 30 },
          { id: 9, project_id: 2, user_id: 10, rate: '40', labor_cost: null },
          { id: 6, project_id: null, user_id: 3 },
          null,
          'x',
        ],
        report,
      ),
    ).toEqual([
      { id: 1, pid: 2, uid: 3, manager: true, rate: 40, laborCost: 25.5 },
      { id: 4, pid: 2, uid: 5, manager: false, rate: null, laborCost: null },
      { id: 7, pid: 2, uid: 8, manager: false, rate: null, laborCost: 30 },
      { id: 9, pid: 2, uid: 10, manager: false, rate: null, laborCost: null },
    ]);
    expect(readMembers({ not: 'a list' }, report)).toEqual([]);
    expect(
      readUsers(
        [{ id: 1, fullname: 'Dana' }, { user_id: 2, email: 'sam@x.test' }, { id: 3, name: ' ' }, { email: 'x' }],
        report,
      ),
    ).toEqual([
      { id: 1, name: 'Dana' },
      { id: 2, name: 'sam@x.test' },
      { id: 3, name: 'User 3' },
    ]);
    expect(readGroups([{ group_id: 7, name: 'Design' }, { id: 8 }, { name: 'no id' }], report)).toEqual([
      { id: 7, name: 'Design' },
      { id: 8, name: 'Group 8' },
    ]);
    expect(
      readProjectGroups(
        [
          { id: 1, pid: 2, group_id: 3 },
          { id: 4, project_id: 5, group_id: 6 },
          { id: 7, group_id: 8 },
        ],
        report,
      ),
    ).toEqual([
      { id: 1, pid: 2, groupId: 3 },
      { id: 4, pid: 5, groupId: 6 },
    ]);
    expect(skipped).toEqual([
      'project member: id, project_id or user_id: missing',
      'project member: not an object',
      'project member: not an object',
      'project member: the list was not a list',
      'workspace user: id: missing',
      'group: group_id: missing',
      'project group: id, pid or group_id: missing',
    ]);
  });
});
