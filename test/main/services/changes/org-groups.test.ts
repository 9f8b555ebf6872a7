import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { kindOf } from '../../../../src/main/services/changes/registry';
import { newOrgGroupCreate } from '../../../../src/main/services/changes/org-group-create';
import { newOrgGroupDelete } from '../../../../src/main/services/changes/org-group-delete';
import { newOrgGroupUpdate } from '../../../../src/main/services/changes/org-group-update';
import { readOrganizations, readOrgGroups } from '../../../../src/main/services/toggl/team-mapping';
import { FakeClock } from '../../../support/fake-clock';
import { loadRecording } from '../../../support/recordings';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const state = () => world.sandbox.state;
const userNamed = (fullname: string) => [...state().users.values()].find((user) => user.fullname === fullname);
const demo = () => userNamed('Dana Demo')?.id ?? 0;
const sam = () => userNamed('Sam Teammate')?.id ?? 0;
const studioOrg = () => [...state().organizations.values()].find((item) => item.name === 'Demo Studio');
const groupsOnToggl = () => [...state().groups.values()].filter((group) => group.organization_id === studioOrg()?.id);
const writes = () =>
  world.sandbox.requests.filter((request) => request.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const asks = (path: RegExp) =>
  world.sandbox.countRequests((request) => request.method === 'GET' && path.test(request.path));

function studioIn(view: DataView) {
  const found = view.organizations.find((item) => item.name === 'Demo Studio');
  if (!found) throw new Error(`no “Demo Studio” among ${view.organizations.map((item) => item.name).join(', ')}`);
  return found;
}
const groupNamed = (view: DataView, name: string) => studioIn(view).groups.find((group) => group.name === name);

/** Launched and Settings → Groups opened (the organizations and their groups loaded). */
async function opened(): Promise<{ app: LaunchedApp; view: DataView }> {
  const app = await world.launch();
  await app.call('organization.openGroups');
  return { app, view: await app.call('data.view') };
}

async function online(app: LaunchedApp): Promise<void> {
  await world.sandbox.setDown(false);
  await app.services.data.loop.probe();
  await app.services.data.settled();
}

/** Lets a change's first try (offline: it fails and waits) end, so the next one folds into it. */
const tried = (app: LaunchedApp) => app.services.data.settled();

describe('organization groups: loading (GET /me/organizations, then each organization’s groups)', () => {
  it('come when Settings opens, once an hour at most (one /me request), with who may change them', async () => {
    const app = await world.launch();
    expect((await app.call('data.view')).organizations).toEqual([]);
    expect(asks(/^\/me\/organizations$/)).toBe(0);
    await app.call('organization.openGroups');
    const view = await app.call('data.view');
    expect(view.organizations.map((item) => item.name).sort()).toEqual([
      'Dana Consulting',
      'Demo Studio',
      'Side projects',
    ]);
    const studio = studioIn(view);
    expect(studio).toMatchObject({ admin: true, groupsLock: null, groupsListed: true });
    expect(studio.groups).toEqual([
      expect.objectContaining({ name: 'Designers', users: [{ id: demo(), name: 'Dana Demo' }], sync: 'synced' }),
    ]);
    // Who can be put in a group: the people of its workspaces.
    expect(studio.people.map((person) => person.name)).toEqual(['Dana Demo', 'Sam Teammate']);
    await app.call('organization.openGroups');
    expect(asks(/^\/me\/organizations$/)).toBe(1);
  });

  it('someone who is not an organization admin sees its groups and why they cannot change them; every command refuses', async () => {
    studioOrg()?.members.set(demo(), false);
    const { app, view } = await opened();
    const studio = studioIn(view);
    expect(studio.groupsLock).toBe('Only organization admins can change groups in “Demo Studio”.');
    expect(studio.groups.map((group) => group.name)).toEqual(['Designers']);
    const designers = studio.groups[0]?.id ?? 0;
    const refused = /refused: Only organization admins can change groups in “Demo Studio”\.$/;
    await expect(app.call('organization.createGroup', { oid: studio.id, name: 'Ops' })).rejects.toThrow(refused);
    await expect(app.call('organization.updateGroup', { id: designers, changes: { name: 'Ops' } })).rejects.toThrow(
      refused,
    );
    await expect(app.call('organization.updateGroup', { id: designers, changes: { users: [sam()] } })).rejects.toThrow(
      refused,
    );
    await expect(app.call('organization.deleteGroup', { id: designers })).rejects.toThrow(refused);
    expect((await app.call('data.view')).outbox).toEqual([]);
  });

  it('come again with a full load once an hour old, not with every Refresh; never before Settings showed them', async () => {
    const clock = new FakeClock();
    const app = await world.launch({ http: { now: clock.now }, data: { clock } });
    const { engine } = app.services.data;
    await engine.sync('manual');
    expect(asks(/^\/me\/organizations$/)).toBe(0);
    await app.call('organization.openGroups');
    await engine.sync('manual');
    expect(asks(/^\/me\/organizations$/)).toBe(1);
    // Renamed on Toggl meanwhile: seen once the groups are an hour old.
    const designers = groupsOnToggl()[0];
    if (designers) designers.name = 'Design';
    clock.advance(3_600_000);
    await engine.sync('manual');
    expect(asks(/^\/me\/organizations$/)).toBe(2);
    expect(groupNamed(await app.call('data.view'), 'Design')).toBeDefined();
  });

  it('are kept in the cache and shown after an offline restart', async () => {
    const { app } = await opened();
    await app.close();
    await world.sandbox.setDown(true);
    const restarted = await world.launch();
    // Offline, opening Settings again shows what was kept (no error).
    await restarted.call('organization.openGroups');
    expect(groupNamed(await restarted.call('data.view'), 'Designers')).toBeDefined();
  });
});

describe('orgGroup.create, orgGroup.update, orgGroup.delete', () => {
  it('say what they do, wait for a group created offline and follow its new id', () => {
    const create = newOrgGroupCreate({ tempId: -3, oid: 1, name: 'Ops', users: [], workspaces: [] });
    expect(kindOf(create).describe(create, () => undefined)).toBe('Create the group “Ops”');
    expect(kindOf(create).creates?.(create)).toBe(-3);
    const rename = newOrgGroupUpdate({ id: -3, oid: 1, changes: { name: 'Ops team' } });
    expect(kindOf(rename).refs(rename)).toEqual([-3]);
    expect(kindOf(rename).remap(rename, -3, 40)).toMatchObject({ id: 40 });
    expect(kindOf(rename).describe(rename, (key) => (key === 'og:-3' ? 'Ops' : undefined))).toBe(
      'Rename the group “Ops” to “Ops team”',
    );
    const people = newOrgGroupUpdate({ id: 5, oid: 1, changes: { users: [1] } });
    expect(kindOf(people).describe(people, () => undefined)).toBe('Change the people of the group');
    const gone = newOrgGroupDelete({ id: -3, oid: 1 });
    expect(kindOf(gone).remap(gone, -3, 40)).toMatchObject({ id: 40 });
    expect(kindOf(gone).describe(gone, (key) => (key === 'og:-3' ? 'Ops' : undefined))).toBe('Delete the group “Ops”');
  });

  it('created offline, given people and renamed: shown at once, one change, kept across a restart, one POST when Toggl is back', async () => {
    const { app, view } = await opened();
    const oid = studioIn(view).id;
    await world.sandbox.setDown(true);
    const { id } = await app.call('organization.createGroup', { oid, name: '  Ops  ' });
    await tried(app);
    expect(id).toBeLessThan(0);
    await app.services.data.settled();
    await app.call('organization.updateGroup', { id, changes: { users: [demo(), sam()] } });
    await tried(app);
    await app.call('organization.updateGroup', { id, changes: { name: 'Operations' } });
    await tried(app);
    let now = await app.call('data.view');
    expect(groupNamed(now, 'Operations')).toMatchObject({
      id,
      sync: 'pending',
      users: [
        { id: demo(), name: 'Dana Demo' },
        { id: sam(), name: 'Sam Teammate' },
      ],
    });
    expect(now.outbox.map((entry) => entry.summary)).toEqual(['Create the group “Operations”']);
    expect(now.outbox[0]?.targets).toEqual([`og:${id}`]);

    await app.close();
    const restarted = await world.launch();
    expect(groupNamed(await restarted.call('data.view'), 'Operations')?.sync).toBe('pending');
    await online(restarted);
    expect(writes()).toEqual([`POST /organizations/${oid}/groups`]);
    const made = groupsOnToggl().find((group) => group.name === 'Operations');
    expect(made?.users.map((user) => user.user_id)).toEqual([demo(), sam()]);
    now = await restarted.call('data.view');
    expect(now.outbox).toEqual([]);
    expect(groupNamed(now, 'Operations')).toMatchObject({ id: made?.group_id, sync: 'synced' });
    expect(now.newIds).toContainEqual([id, made?.group_id]);
    // Sent exactly once, however often the loop runs again.
    await restarted.services.data.loop.probe();
    await restarted.services.data.settled();
    expect(writes()).toHaveLength(1);
  });

  it('a rename and new people of a group on Toggl make one PUT, with what was not changed as Toggl has it', async () => {
    const { app, view } = await opened();
    const designers = groupNamed(view, 'Designers');
    const studioWs = view.workspaces.find((item) => item.name === 'Demo Studio')?.id ?? 0;
    await world.sandbox.setDown(true);
    await app.call('organization.updateGroup', { id: designers?.id ?? 0, changes: { name: 'Design' } });
    await tried(app);
    await app.call('organization.updateGroup', { id: designers?.id ?? 0, changes: { users: [sam()] } });
    await tried(app);
    // The same again changes nothing more.
    await app.call('organization.updateGroup', { id: designers?.id ?? 0, changes: { name: 'Design', users: [sam()] } });
    await tried(app);
    const queued = await app.call('data.view');
    expect(queued.outbox.map((entry) => entry.summary)).toEqual(['Change the group “Design”']);
    await online(app);
    expect(writes()).toEqual([`PUT /organizations/${studioIn(view).id}/groups/${designers?.id ?? 0}`]);
    // The workspaces, not changed here, went as Toggl had them.
    expect(groupsOnToggl()[0]).toMatchObject({ users: [{ user_id: sam() }], workspaces: [studioWs] });
    expect(groupsOnToggl().map((group) => group.name)).toEqual(['Design']);
    expect(groupNamed(await app.call('data.view'), 'Design')).toMatchObject({
      sync: 'synced',
      users: [{ id: sam(), name: 'Sam Teammate' }],
      workspaces: [studioWs],
    });
  });

  it('a group created and deleted before it went sends nothing; a rename then a delete sends only the delete', async () => {
    const { app, view } = await opened();
    const oid = studioIn(view).id;
    await world.sandbox.setDown(true);
    const { id } = await app.call('organization.createGroup', { oid, name: 'Temp' });
    await tried(app);
    await app.call('organization.updateGroup', { id, changes: { name: 'Temp 2' } });
    await tried(app);
    await app.call('organization.deleteGroup', { id });
    await tried(app);
    const designers = groupNamed(view, 'Designers')?.id ?? 0;
    await app.call('organization.updateGroup', { id: designers, changes: { name: 'Design' } });
    await tried(app);
    await app.call('organization.deleteGroup', { id: designers });
    await tried(app);
    const now = await app.call('data.view');
    expect(now.outbox.map((entry) => entry.summary)).toEqual(['Delete the group “Designers”']);
    expect(studioIn(now).groups).toEqual([]);
    await online(app);
    expect(writes()).toEqual([`DELETE /organizations/${oid}/groups/${designers}`]);
    expect(groupsOnToggl()).toEqual([]);
  });

  it('a deleted group goes off the projects it was on; deleting one Toggl already deleted counts as done', async () => {
    const { app, view } = await opened();
    const studioWs = view.workspaces.find((item) => item.name === 'Demo Studio')?.id ?? 0;
    await app.call('team.open', { wid: studioWs });
    const designers = groupNamed(view, 'Designers')?.id ?? 0;
    let team = (await app.call('data.view')).teams.find((item) => item.wid === studioWs);
    expect(team?.projectGroups.some((link) => link.groupId === designers)).toBe(true);
    await world.sandbox.setDown(true);
    await app.call('organization.deleteGroup', { id: designers });
    await tried(app);
    team = (await app.call('data.view')).teams.find((item) => item.wid === studioWs);
    expect(team?.projectGroups.some((link) => link.groupId === designers)).toBe(false);
    state().groups.delete(designers);
    await online(app);
    expect((await app.call('data.view')).outbox).toEqual([]);
    expect(app.services.data.cache.teams.get(studioWs)?.groups.some((group) => group.id === designers)).toBe(false);
  });

  it('refuses in words what Toggl would: no name, a name taken, too long, someone not in the organization', async () => {
    const { app, view } = await opened();
    const studio = studioIn(view);
    const designers = groupNamed(view, 'Designers')?.id ?? 0;
    await expect(app.call('organization.createGroup', { oid: studio.id, name: ' ' })).rejects.toThrow(
      /Give the group a name\.$/,
    );
    await expect(app.call('organization.createGroup', { oid: studio.id, name: 'designers' })).rejects.toThrow(
      /“Demo Studio” has a group “designers” already\.$/,
    );
    await expect(app.call('organization.createGroup', { oid: studio.id, name: 'x'.repeat(201) })).rejects.toThrow(
      /at most 200 characters \(this one has 201\)\.$/,
    );
    await expect(
      app.call('organization.updateGroup', { id: designers, changes: { users: [999_999] } }),
    ).rejects.toThrow(/Someone chosen is not in “Demo Studio”\.$/);
    const other = view.workspaces.find((item) => item.name === 'Side projects')?.id ?? 0;
    await expect(
      app.call('organization.updateGroup', { id: designers, changes: { workspaces: [other] } }),
    ).rejects.toThrow(/A workspace chosen is not in “Demo Studio”\.$/);
    expect((await app.call('data.view')).outbox).toEqual([]);
  });

  it('made no longer an organization admin on Toggl meanwhile: Toggl’s 403 in its words, with Retry and Discard', async () => {
    const { app, view } = await opened();
    const oid = studioIn(view).id;
    await world.sandbox.setDown(true);
    await app.call('organization.createGroup', { oid, name: 'Ops' });
    await tried(app);
    studioOrg()?.members.set(demo(), false);
    await online(app);
    let now = await app.call('data.view');
    const [entry] = now.outbox;
    expect(entry).toMatchObject({ state: 'failed', summary: 'Create the group “Ops”' });
    expect(entry?.error).toContain('User does not have access to this resource');
    expect(groupNamed(now, 'Ops')?.sync).toBe('failed');
    const posts = () => world.sandbox.countRequests((request) => request.method === 'POST');
    const before = posts();
    await app.call('outbox.retry', { entryId: entry?.id ?? '' });
    await app.services.data.settled();
    expect(posts()).toBe(before + 1);
    await app.call('outbox.discard', { entryId: entry?.id ?? '' });
    now = await app.call('data.view');
    expect(now.outbox).toEqual([]);
    expect(groupNamed(now, 'Ops')).toBeUndefined();
  });

  it('a change to a group deleted on Toggl meanwhile fails in words, and the list drops it', async () => {
    const { app, view } = await opened();
    const designers = groupNamed(view, 'Designers')?.id ?? 0;
    await world.sandbox.setDown(true);
    await app.call('organization.updateGroup', { id: designers, changes: { name: 'Design' } });
    await tried(app);
    state().groups.delete(designers);
    await online(app);
    const now = await app.call('data.view');
    expect(now.outbox[0]).toMatchObject({
      state: 'failed',
      error: 'This group was deleted in Toggl meanwhile: discard the change.',
    });
    expect(app.services.data.cache.organizations.get(studioIn(now).id)?.groups).toEqual([]);
  });

  it('after a send whose outcome is unknown, a create looks on Toggl first and does not create twice', async () => {
    const { app, view } = await opened();
    const oid = studioIn(view).id;
    const api = app.services.api;
    const existing = await api.team.createGroup(oid, { name: 'Ops', users: [], workspaces: [] });
    const create = newOrgGroupCreate({ tempId: -9, oid, name: 'Ops', users: [], workspaces: [] });
    const context = { api, cache: app.services.data.cache, now: Date.now, uncertain: true };
    expect(await kindOf(create).send(create, context)).toEqual({
      result: 'done',
      remap: { from: -9, to: existing.group_id },
    });
    expect(groupsOnToggl().filter((group) => group.name === 'Ops')).toHaveLength(1);
  });
});

describe('reading Toggl’s group answers', () => {
  it('reads the recorded workspace groups answer (Toggl’s own shape)', () => {
    const recording = loadRecording('org-ws-groups-200-rb-2024-04-13');
    const skipped: string[] = [];
    expect(readOrgGroups(recording.response.body, (what) => skipped.push(what))).toEqual([
      {
        id: 188929,
        name: 'Cool Kids',
        users: [{ id: 10658406, name: 'Michael C' }],
        workspaces: [1234567],
        at: '2024-04-13T20:04:48.278682Z',
      },
    ]);
    expect(skipped).toEqual([]);
  });

  it('keeps what has an id, with defaults for absent or null fields, and skips and reports the rest', () => {
    const skipped: string[] = [];
    const report = (what: string, problem: string) => skipped.push(`${what}: ${problem}`);
    expect(
      readOrgGroups(
        [
          { group_id: 1, name: null, users: null, workspaces: null, at: null },
          { group_id: 2, name: 'Ops', users: [{ user_id: 5 }, { name: 'no id' }, 7], workspaces: [3, 'x'] },
          { name: 'no id' },
          null,
        ],
        report,
      ),
    ).toEqual([
      { id: 1, name: 'Group 1', users: [], workspaces: [], at: '' },
      {
        id: 2,
        name: 'Ops',
        users: [
          { id: 5, name: 'User 5' },
          { id: 7, name: 'User 7' },
        ],
        workspaces: [3],
        at: '',
      },
    ]);
    expect(readOrganizations([{ id: 4, name: 'Org', admin: true }, { id: 5 }, { name: 'x' }], report)).toEqual([
      { id: 4, name: 'Org', admin: true },
      { id: 5, name: 'Organization 5', admin: false },
    ]);
    expect(skipped).toEqual([
      'group member: user_id: missing',
      'organization group: group_id: missing',
      'organization group: not an object',
      'organization: id: missing',
    ]);
  });
});
