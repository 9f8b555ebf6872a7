import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newMemberAdd } from '../../../../src/main/services/changes/member-add';
import { newMemberRate } from '../../../../src/main/services/changes/member-rate';
import { newMemberRemove } from '../../../../src/main/services/changes/member-remove';
import { newMemberUpdate } from '../../../../src/main/services/changes/member-update';
import { kindOf } from '../../../../src/main/services/changes/registry';
import type { DataView } from '../../../../src/shared/entities';
import { TEAMMATE } from '../../../../tools/sandbox/fixture';
import { projectIdNamed, workspaceIdNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

// The member.rate kind over real HTTP against the sandbox: a member's hourly rate and labor cost.
let world: SyncWorld;
let app: LaunchedApp;
let studio: number;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  studio = workspaceIdNamed(await view(), 'Demo Studio');
  await app.call('team.open', { wid: studio });
});
afterEach(() => world.cleanup());

const view = (): Promise<DataView> => app.call('data.view');
const sam = () => world.sandbox.state.userByEmail(TEAMMATE.email)?.id ?? 0;
const members = async () => (await view()).teams.find((item) => item.wid === studio)?.members ?? [];
const memberOn = async (pid: number) =>
  (await members()).find((item) => item.pid === pid && item.uid === sam()) ?? fail('no member');
const onToggl = (pid: number) =>
  [...world.sandbox.state.projectUsers.values()].find((item) => item.project_id === pid && item.user_id === sam());
const writes = () =>
  world.sandbox.requests
    .filter((request) => request.method !== 'GET')
    .map((request) => `${request.method} ${request.path.replace(/\d+/g, 'N')}`);
const summaries = async () => (await view()).outbox.map((entry) => entry.summary);

async function send(): Promise<void> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
}

function fail(message: string): never {
  throw new Error(message);
}

describe('a member’s rates (member.rate)', () => {
  it('says what it changes, waits for a member added offline and follows its new id', () => {
    const names = (key: string) => (key === 'p:4' ? 'Hiring' : undefined);
    const both = newMemberRate({ id: -5, wid: 1, pid: 4, rate: 80, laborCost: null });
    expect(kindOf(both).describe(both, names)).toBe('Change the hourly rate and labor cost of a member of “Hiring”');
    const cost = newMemberRate({ id: 3, wid: 1, pid: 9, laborCost: 20 });
    expect(kindOf(cost).describe(cost, () => undefined)).toBe('Change the labor cost of a member of a project');
    expect(kindOf(both).refs(both)).toEqual([-5, 4]);
    expect(kindOf(both).remap(both, -5, 12)).toMatchObject({ id: 12, pid: 4, rate: 80, laborCost: null });
  });

  it('set online: shown at once, one PUT with both, Toggl’s answer kept; clearing one is a PATCH with null', async () => {
    const mobile = projectIdNamed(await view(), 'Mobile app');
    const member = await memberOn(mobile);
    await app.call('members.setRates', { id: member.id, rate: 85.5, laborCost: 40 });
    expect(await memberOn(mobile)).toMatchObject({ rate: 85.5, laborCost: 40, sync: 'pending' });
    expect(await summaries()).toEqual(['Change the hourly rate and labor cost of a member of “Mobile app”']);
    await send();
    expect(onToggl(mobile)).toMatchObject({ rate: 85.5, labor_cost: 40 });
    expect(await memberOn(mobile)).toMatchObject({ rate: 85.5, laborCost: 40, sync: 'synced' });

    // The field left out stays; null clears: Toggl's PUT body has no null, its PATCH has.
    await app.call('members.setRates', { id: member.id, rate: null });
    await send();
    expect(onToggl(mobile)).toMatchObject({ rate: null, labor_cost: 40 });
    expect(await memberOn(mobile)).toMatchObject({ rate: null, laborCost: 40, sync: 'synced' });
    // The same values again: nothing to queue.
    await app.call('members.setRates', { id: member.id, rate: null, laborCost: 40 });
    expect((await view()).outbox).toEqual([]);
    expect(writes()).toEqual(['PUT /workspaces/N/project_users/N', 'PATCH /workspaces/N/project_users/N']);
  });

  it('offline: rates set on a member not yet added ride on the add; two edits make one change; restart keeps them', async () => {
    const v = await view();
    const internal = projectIdNamed(v, 'Internal tools');
    const mobile = projectIdNamed(v, 'Mobile app');
    await world.sandbox.setDown(true);
    const { id } = await app.call('members.add', { pid: internal, uid: sam() });
    await app.services.data.settled();
    // Each try that finds Toggl unreachable ends before the next edit: nothing is on the wire.
    await app.call('members.setRates', { id, rate: 70 });
    await app.services.data.settled();
    await app.call('members.setRates', { id, laborCost: 30.25 });
    await app.services.data.settled();
    const existing = await memberOn(mobile);
    await app.call('members.setRates', { id: existing.id, rate: 90 });
    await app.services.data.settled();
    await app.call('members.setRates', { id: existing.id, rate: 95, laborCost: 45 });
    expect(await summaries()).toEqual([
      'Add a member to “Internal tools”',
      'Change the hourly rate and labor cost of a member of “Mobile app”',
    ]);

    // Quit and start again while offline: the list shows the rates as set.
    await app.close();
    app = await world.launch();
    expect(await memberOn(internal)).toMatchObject({ rate: 70, laborCost: 30.25, sync: 'pending' });
    expect(await memberOn(mobile)).toMatchObject({ rate: 95, laborCost: 45, sync: 'pending' });

    await world.sandbox.setDown(false);
    await app.services.data.loop.probe();
    await send();
    expect(writes()).toEqual(['POST /workspaces/N/project_users', 'PUT /workspaces/N/project_users/N']);
    expect(onToggl(internal)).toMatchObject({ rate: 70, labor_cost: 30.25 });
    expect(onToggl(mobile)).toMatchObject({ rate: 95, labor_cost: 45 });
    expect((await view()).outbox).toEqual([]);
  });

  it('a rate change then a removal of that member sends only the removal; a manager change stays its own', async () => {
    const mobile = projectIdNamed(await view(), 'Mobile app');
    const member = await memberOn(mobile);
    const { queue } = app.services.data;
    queue.enqueue(newMemberRate({ id: member.id, wid: studio, pid: mobile, rate: 50 }));
    queue.enqueue(newMemberRemove({ id: member.id, wid: studio, pid: mobile }));
    expect(await summaries()).toEqual(['Remove a member from “Mobile app”']);
    queue.clear();
    // Different kinds, different rights and refusals: they do not fold into one another.
    queue.enqueue(newMemberUpdate({ id: member.id, wid: studio, pid: mobile, manager: false }));
    queue.enqueue(newMemberRate({ id: member.id, wid: studio, pid: mobile, rate: 50 }));
    expect(await summaries()).toEqual([
      'Make no longer manager of “Mobile app”',
      'Change the hourly rate of a member of “Mobile app”',
    ]);
    // Added and given a rate, then removed, before anything went: nothing goes.
    queue.clear();
    queue.enqueue(newMemberAdd({ tempId: -40, wid: studio, pid: mobile, uid: sam(), manager: false }));
    queue.enqueue(newMemberRate({ id: -40, wid: studio, pid: mobile, rate: 50 }));
    queue.enqueue(newMemberRemove({ id: -40, wid: studio, pid: mobile }));
    expect((await view()).outbox).toEqual([]);
  });

  it('Toggl’s refusals in its words beside Retry and Discard: the plan (402), the rights (403), a member gone', async () => {
    const v = await view();
    const mobile = projectIdNamed(v, 'Mobile app');
    const website = projectIdNamed(v, 'Website redesign');
    const member = await memberOn(mobile);
    const workspace = world.sandbox.state.workspaces.get(studio) ?? fail('no workspace');

    // The plan was downgraded on Toggl since the last full load: the app still thinks it paid.
    workspace.premium = false;
    await app.call('members.setRates', { id: member.id, rate: 60 });
    await send();
    expect((await view()).outbox[0]?.state).toBe('failed');
    expect((await view()).outbox[0]?.error).toContain('Project member rates available only for premium plans');
    expect(onToggl(mobile)?.rate).toBeNull();
    workspace.premium = true;

    // No longer admin on Toggl: its 403 in its words.
    const entry = (await view()).outbox[0] ?? fail('no entry');
    workspace.members.set(world.sandbox.state.userByEmail('demo@toggl-tray.test')?.id ?? 0, 'user');
    await app.call('outbox.retry', { entryId: entry.id });
    await send();
    expect((await view()).outbox[0]?.state).toBe('failed');
    expect((await view()).outbox[0]?.error).toContain('User does not have access to this resource.');
    await app.call('outbox.discard', { entryId: entry.id });
    expect((await memberOn(mobile)).rate).toBeNull();

    // Someone took them off the project on Toggl meanwhile.
    workspace.members.set(world.sandbox.state.userByEmail('demo@toggl-tray.test')?.id ?? 0, 'admin');
    const { id } = await app.call('members.add', { pid: website, uid: sam() });
    await send();
    const added = (await memberOn(website)).id;
    expect(id).not.toBe(added);
    world.sandbox.state.projectUsers.delete(added);
    await app.call('members.setRates', { id: added, laborCost: 10 });
    await send();
    expect((await view()).outbox[0]).toMatchObject({
      state: 'failed',
      error: 'This person is no longer on the project in Toggl: discard the change.',
    });
  });
});
