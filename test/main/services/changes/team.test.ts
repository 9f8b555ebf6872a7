import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { addProjectUser } from '../../../../tools/sandbox/builders';
import { projectIdNamed, workspaceIdNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
});
afterEach(() => world.cleanup());

const view = (): Promise<DataView> => app.call('data.view');
const userId = (email: string) => world.sandbox.state.userByEmail(email)?.id ?? 0;
const SAM = 'sam@toggl-tray.test';
const team = (v: DataView, workspace: number) => v.teams.find((item) => item.wid === workspace);
const writes = () =>
  world.sandbox.requests
    .filter((request) => request.method !== 'GET')
    .map((request) => `${request.method} ${request.path.replace(/\d+/g, 'N')}`);
const onToggl = (projectId: number) =>
  [...world.sandbox.state.projectUsers.values()].filter((member) => member.project_id === projectId);

async function send(): Promise<void> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
}

describe('members and groups of a project', () => {
  it('load once per workspace when first opened, one request each, then come with every full sync', async () => {
    const v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    // Only its people came with the sync (who tasks may go to): members and groups wait to be opened.
    expect(team(v, studio)).toMatchObject({ complete: false, members: [], groups: [], projectGroups: [] });
    const before = world.sandbox.requests.length;
    await app.call('team.open', { wid: studio });
    expect(world.sandbox.requests.slice(before).map((request) => request.path.replace(/\d+/g, 'N'))).toEqual([
      '/workspaces/N/project_users',
      '/workspaces/N/users',
      '/organizations/N/workspaces/N/groups',
      '/workspaces/N/project_groups',
    ]);
    await app.call('team.open', { wid: studio });
    expect(world.sandbox.requests.length).toBe(before + 4);
    const loaded = team(await view(), studio);
    expect(loaded?.users.map((user) => user.name).sort()).toEqual(['Dana Demo', 'Sam Teammate']);
    expect(loaded?.members).toContainEqual(
      expect.objectContaining({
        pid: projectIdNamed(v, 'Mobile app'),
        uid: userId(SAM),
        manager: true,
        sync: 'synced',
      }),
    );
    expect(loaded?.groups.map((group) => group.name)).toEqual(['Designers']);
    expect(loaded?.projectGroups).toEqual([
      expect.objectContaining({ pid: projectIdNamed(v, 'Website redesign'), sync: 'synced' }),
    ]);

    // Someone adds a member on Toggl: the next full sync brings it.
    const internal = world.sandbox.state.projects.get(projectIdNamed(v, 'Internal tools'));
    if (internal) addProjectUser(world.sandbox.state, internal, userId(SAM));
    await app.call('sync.refresh');
    expect(team(await view(), studio)?.members.some((member) => member.pid === internal?.id)).toBe(true);
  });

  it('add, make manager, remove: each shown at once and sent exactly once', async () => {
    let v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    const internal = projectIdNamed(v, 'Internal tools');
    await app.call('team.open', { wid: studio });
    const { id } = await app.call('members.add', { pid: internal, uid: userId(SAM) });
    expect(id).toBeLessThan(0);
    expect(team(await view(), studio)?.members).toContainEqual(expect.objectContaining({ id, sync: 'pending' }));
    await send();
    const [added] = onToggl(internal);
    expect(added).toMatchObject({ user_id: userId(SAM), manager: false });
    v = await view();
    const member = team(v, studio)?.members.find((item) => item.pid === internal);
    expect(member).toMatchObject({ id: added?.id, sync: 'synced' });

    await app.call('members.setManager', { id: member?.id ?? 0, manager: true });
    expect(team(await view(), studio)?.members.find((item) => item.id === member?.id)?.manager).toBe(true);
    await send();
    expect(onToggl(internal)[0]?.manager).toBe(true);

    await app.call('members.remove', { id: member?.id ?? 0 });
    expect(team(await view(), studio)?.members.some((item) => item.id === member?.id)).toBe(false);
    await send();
    expect(onToggl(internal)).toEqual([]);
    expect(writes()).toEqual([
      'POST /workspaces/N/project_users',
      'PUT /workspaces/N/project_users/N',
      'DELETE /workspaces/N/project_users/N',
    ]);
    expect((await view()).outbox).toEqual([]);
  });

  it('offline, changes to a member not yet sent fold into its add; added and removed sends nothing', async () => {
    const v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    await app.call('team.open', { wid: studio });
    await world.sandbox.setDown(true);
    const internal = projectIdNamed(v, 'Internal tools');
    const hiring = projectIdNamed(v, 'Hiring');
    const first = await app.call('members.add', { pid: internal, uid: userId(SAM) });
    // The try that found Toggl unreachable has ended: nothing is on the wire.
    await app.services.data.settled();
    await app.call('members.setManager', { id: first.id, manager: true });
    const second = await app.call('members.add', { pid: hiring, uid: userId(SAM) });
    await app.services.data.settled();
    await app.call('members.remove', { id: second.id });
    expect((await view()).outbox.map((entry) => entry.summary)).toEqual(['Add a member to “Internal tools”']);
    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    await send();
    expect(writes()).toEqual(['POST /workspaces/N/project_users']);
    expect(onToggl(internal)).toEqual([expect.objectContaining({ user_id: userId(SAM), manager: true })]);
    expect(onToggl(hiring).some((member) => member.user_id === userId(SAM))).toBe(false);
  });

  it('groups: add one to a project and take it off again', async () => {
    const v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    await app.call('team.open', { wid: studio });
    const designers = team(v, studio)?.groups[0]?.id ?? team(await view(), studio)?.groups[0]?.id ?? 0;
    const mobile = projectIdNamed(v, 'Mobile app');
    await app.call('groups.add', { pid: mobile, groupId: designers });
    await send();
    const link = [...world.sandbox.state.projectGroups.values()].find((item) => item.pid === mobile);
    expect(link).toMatchObject({ group_id: designers });
    await expect(app.call('groups.add', { pid: mobile, groupId: designers })).rejects.toThrow(
      'Designers is already on “Mobile app”.',
    );
    const shown = team(await view(), studio)?.projectGroups.find((item) => item.pid === mobile);
    await app.call('groups.remove', { id: shown?.id ?? 0 });
    await send();
    expect([...world.sandbox.state.projectGroups.values()].some((item) => item.pid === mobile)).toBe(false);
  });

  it('a project’s manager manages its members; on a project they do not manage they may not', async () => {
    const v = await view();
    const community = workspaceIdNamed(v, 'Community (members)');
    await app.call('team.open', { wid: community });
    const loaded = team(await view(), community);
    const newsletterSam = loaded?.members.find(
      (item) => item.pid === projectIdNamed(v, 'Newsletter') && item.uid === userId(SAM),
    );
    await app.call('members.setManager', { id: newsletterSam?.id ?? 0, manager: false });
    await send();
    expect(world.sandbox.state.projectUsers.get(newsletterSam?.id ?? 0)?.manager).toBe(false);
    const meetupDemo = loaded?.members.find((item) => item.pid === projectIdNamed(v, 'Meetup organising'));
    await expect(app.call('members.remove', { id: meetupDemo?.id ?? 0 })).rejects.toThrow(
      'Only admins and the project’s managers may change it',
    );
    await expect(app.call('members.add', { pid: projectIdNamed(v, 'Newsletter'), uid: userId(SAM) })).rejects.toThrow(
      'Sam Teammate is already on “Newsletter”.',
    );
  });

  it('refuses in words what cannot be: people and groups from elsewhere, gone ones, a team not loaded', async () => {
    const v = await view();
    const consulting = workspaceIdNamed(v, 'Dana Consulting');
    const audit = projectIdNamed(v, 'Security audit');
    await expect(app.call('members.add', { pid: audit, uid: userId(SAM) })).rejects.toThrow(
      'The members of this workspace are not loaded yet',
    );
    await app.call('team.open', { wid: consulting });
    await expect(app.call('members.add', { pid: audit, uid: userId(SAM) })).rejects.toThrow(
      'That person is not in this workspace.',
    );
    await expect(app.call('groups.add', { pid: audit, groupId: 424242 })).rejects.toThrow(
      'That group is not in this workspace.',
    );
    await expect(app.call('members.setManager', { id: 424242, manager: true })).rejects.toThrow(
      'That person is no longer on the project.',
    );
    await expect(app.call('groups.remove', { id: 424242 })).rejects.toThrow('That group is no longer on the project.');
    await expect(app.call('members.add', { pid: 424242, uid: userId(SAM) })).rejects.toThrow(
      'That project is not in the list any more.',
    );
    // Already so: nothing to queue.
    const studio = workspaceIdNamed(v, 'Demo Studio');
    await app.call('team.open', { wid: studio });
    const samOnMobile = team(await view(), studio)?.members.find(
      (item) => item.pid === projectIdNamed(v, 'Mobile app'),
    );
    await app.call('members.setManager', { id: samOnMobile?.id ?? 0, manager: true });
    expect((await view()).outbox).toEqual([]);
  });

  it('a window that still names a member, or a project, by its temporary id after Toggl gave the real one is understood', async () => {
    // What the members dialog does on a busy machine: the add is sent and answered before the
    // window hears of the new id, and the next click names the temporary one.
    const v = await view();
    const studio = workspaceIdNamed(v, 'Demo Studio');
    const internal = projectIdNamed(v, 'Internal tools');
    await app.call('team.open', { wid: studio });
    const { id: tempId } = await app.call('members.add', { pid: internal, uid: userId(SAM) });
    await send();
    const real = onToggl(internal).find((member) => member.user_id === userId(SAM));
    expect(tempId).toBeLessThan(0);
    expect(real).toBeDefined();
    await app.call('members.setManager', { id: tempId, manager: true });
    await send();
    expect(onToggl(internal).find((member) => member.user_id === userId(SAM))?.manager).toBe(true);

    const { id: project } = await app.call('projects.create', {
      wid: studio,
      fields: { name: 'Made a moment ago', cid: null, color: '#0b83d9', isPrivate: false, billable: false },
    });
    await send();
    await app.call('projects.update', { id: project, changes: { name: 'Renamed by its old id' } });
    await app.call('tasks.create', { pid: project, fields: { name: 'Under its old id', estimatedSeconds: null } });
    await send();
    const names = [...world.sandbox.state.projects.values()].map((item) => item.name);
    expect(names).toContain('Renamed by its old id');
    expect([...world.sandbox.state.tasks.values()].map((task) => task.name)).toContain('Under its old id');
    expect((await view()).outbox).toEqual([]);
  });
});
