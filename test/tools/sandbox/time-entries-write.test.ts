import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEAMMATE } from '../../../tools/sandbox/fixture';
import { parsed, startWireSandbox, type WireAnswer, type WireSandbox } from '../../support/sandbox-wire';

const NOW = Date.parse('2024-12-16T12:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** How Toggl writes a start or stop: whole seconds, "+00:00". */
const togglTime = (ms: number) => iso(ms).replace('.000Z', '+00:00');

interface Entry {
  id: number;
  workspace_id: number;
  project_id: number | null;
  task_id: number | null;
  start: string;
  stop: string | null;
  duration: number;
  description: string | null;
  billable: boolean;
  tags: string[];
  tag_ids: number[];
  at: string;
}

let wire: WireSandbox;
let studio: number;
beforeEach(async () => {
  wire = await startWireSandbox(NOW);
  studio = wire.workspaceId('Demo Studio');
});
afterEach(() => wire.close());

function create(body: Record<string, unknown>, workspaceId = studio, token?: string): Promise<WireAnswer> {
  return wire.send('POST', `/workspaces/${workspaceId}/time_entries`, {
    body: { created_with: 'Toggl Tray tests', workspace_id: workspaceId, ...body },
    ...(token !== undefined && { token }),
  });
}

async function created(body: Record<string, unknown>, workspaceId = studio): Promise<Entry> {
  const answer = await create(body, workspaceId);
  expect(answer.status, answer.text).toBe(200);
  return parsed(answer) as Entry;
}

async function update(id: number, body: Record<string, unknown>, workspaceId = studio): Promise<WireAnswer> {
  return wire.send('PUT', `/workspaces/${workspaceId}/time_entries/${id}`, { body });
}

async function updated(id: number, body: Record<string, unknown>): Promise<Entry> {
  const answer = await update(id, body);
  expect(answer.status, answer.text).toBe(200);
  return parsed(answer) as Entry;
}

const refusal = (answer: WireAnswer) => ({ status: answer.status, body: parsed(answer) });

async function current(): Promise<Entry | null> {
  return parsed(await wire.send('GET', '/me/time_entries/current')) as Entry | null;
}

describe('POST /workspaces/{wid}/time_entries', () => {
  it('duration -1 and no stop: a running entry, whole seconds, duration minus its start in epoch seconds', async () => {
    const entry = await created({ start: iso(NOW - 90_500), duration: -1, description: 'Timer' });
    expect(entry).toMatchObject({
      start: togglTime(NOW - 91_000),
      stop: null,
      duration: -(NOW - 91_000) / 1000,
      description: 'Timer',
      project_id: null,
      billable: false,
      tags: [],
      at: '2024-12-16T12:00:00Z',
    });
    expect(await current()).toEqual(entry);
  });

  it('starting another running entry stops the running one where the new one starts', async () => {
    const first = await created({ start: iso(NOW - 30 * MINUTE), duration: -1 });
    const second = await created({ start: iso(NOW - 10 * MINUTE), duration: -1754 });
    expect(second.stop).toBeNull();
    expect(await current()).toMatchObject({ id: second.id });
    const stopped = parsed(await wire.send('GET', `/me/time_entries/${first.id}`)) as Entry;
    expect(stopped).toMatchObject({ stop: togglTime(NOW - 10 * MINUTE), duration: 20 * 60 });
  });

  it('a stop, a duration, or neither: a finished entry (neither is zero-length, as recorded)', async () => {
    const start = NOW - 60 * MINUTE;
    expect(await created({ start: iso(start), stop: iso(start + 25 * MINUTE) })).toMatchObject({
      stop: togglTime(start + 25 * MINUTE),
      duration: 25 * 60,
    });
    expect(await created({ start: iso(start), duration: 600 })).toMatchObject({
      stop: togglTime(start + 10 * MINUTE),
      duration: 600,
    });
    expect(await created({ start: iso(start) })).toMatchObject({ stop: togglTime(start), duration: 0 });
    expect(await created({ start: iso(start), stop: iso(start + 5 * MINUTE), duration: 300 })).toMatchObject({
      duration: 300,
    });
    expect(await current()).toBeNull();
  });

  it('project, task and tags: a task brings its project, tag names become tags', async () => {
    const entry = await created({
      start: iso(NOW - 20 * MINUTE),
      duration: -1,
      task_id: wire.taskId('Visual design'),
      tags: ['design', 'Client'],
      billable: true,
    });
    expect(entry).toMatchObject({
      project_id: wire.projectId('Website redesign'),
      task_id: wire.taskId('Visual design'),
      billable: true,
      tags: ['design', 'Client'],
    });
    const again = await created({ start: iso(NOW - 5 * MINUTE), tags: ['CLIENT'], tag_ids: [entry.tag_ids[0]] });
    expect(again.tag_ids.sort()).toEqual([...entry.tag_ids].sort());
    const legacy = await created({ start: iso(NOW - 5 * MINUTE), pid: wire.projectId('Internal tools') });
    expect(legacy).toMatchObject({ project_id: wire.projectId('Internal tools'), task_id: null });
  });

  it('refuses a body without created_with or workspace_id, or for another workspace', async () => {
    const start = iso(NOW - MINUTE);
    const noClient = await wire.send('POST', `/workspaces/${studio}/time_entries`, {
      body: { workspace_id: studio, start },
    });
    expect(refusal(noClient)).toEqual({
      status: 400,
      body: 'created_with needs to be provided an a valid string',
    });
    const noWorkspace = await wire.send('POST', `/workspaces/${studio}/time_entries`, {
      body: { created_with: 'tests', start },
    });
    expect(refusal(noWorkspace)).toEqual({ status: 400, body: 'wid is required for time entry creation' });
    expect(refusal(await create({ start, workspace_id: wire.workspaceId('Side projects') }))).toEqual({
      status: 400,
      body: 'workspace_id must be the workspace in the path',
    });
  });

  it('refuses times that do not add up', async () => {
    const start = NOW - 60 * MINUTE;
    expect(refusal(await create({ start: iso(start), stop: iso(start - MINUTE) }))).toEqual({
      status: 400,
      body: 'stop must not be before start',
    });
    expect(refusal(await create({ start: iso(start), stop: iso(start + MINUTE), duration: 120 }))).toEqual({
      status: 400,
      body: 'stop and duration must agree: start + duration == stop',
    });
    expect(refusal(await create({ start: '2031-01-01T00:00:00Z' }))).toEqual({
      status: 400,
      body: 'Start time year must be between 2006 and 2030',
    });
    expect((await create({ start: 'today at nine' })).status).toBe(400);
  });

  it('refuses projects, tasks, billable and workspaces the user may not track on', async () => {
    const start = iso(NOW - MINUTE);
    expect(refusal(await create({ start, project_id: wire.projectId('Security audit') }))).toEqual({
      status: 400,
      body: 'Conflict with project/workspace: project needs to be in the same workspace as the time entry',
    });
    expect(refusal(await create({ start, project_id: 999_999 }))).toEqual({
      status: 400,
      body: 'User cannot access the selected project',
    });
    // "Hiring" is private: the teammate is not its member.
    const samAnswer = await create({ start, project_id: wire.projectId('Hiring') }, studio, TEAMMATE.apiToken);
    expect(refusal(samAnswer)).toEqual({ status: 400, body: 'User cannot access the selected project' });
    const otherTask = await create({
      start,
      project_id: wire.projectId('Mobile app'),
      task_id: wire.taskId('Visual design'),
    });
    expect(refusal(otherTask)).toEqual({ status: 400, body: 'User cannot access selected task' });
    const personal = wire.workspaceId('Side projects');
    expect(refusal(await create({ start, billable: true }, personal))).toEqual({
      status: 402,
      body: 'Billable is a premium feature',
    });
    const notMember = await create({ start }, wire.workspaceId('Dana Consulting'), TEAMMATE.apiToken);
    expect(refusal(notMember)).toEqual({ status: 403, body: 'User does not have access to this resource.' });
  });
});

describe('PUT /workspaces/{wid}/time_entries/{id}', () => {
  it('a stop made offline: the real stop, sent later', async () => {
    const running = await created({ start: iso(NOW - 40 * MINUTE), duration: -1 });
    wire.clock.now += 15 * MINUTE;
    const stopped = await updated(running.id, { stop: iso(NOW - 5 * MINUTE) });
    expect(stopped).toMatchObject({ stop: togglTime(NOW - 5 * MINUTE), duration: 35 * 60, at: '2024-12-16T12:15:00Z' });
    expect(await current()).toBeNull();
  });

  it('duration -1 makes a stopped entry run again, and stops the running one', async () => {
    const old = await created({ start: iso(NOW - 60 * MINUTE), duration: 600 });
    const running = await created({ start: iso(NOW - 20 * MINUTE), duration: -1 });
    const resumed = await updated(old.id, { duration: -1, start: iso(NOW - 2 * MINUTE) });
    expect(resumed).toMatchObject({ stop: null, duration: -(NOW - 2 * MINUTE) / 1000 });
    const other = parsed(await wire.send('GET', `/me/time_entries/${running.id}`)) as Entry;
    expect(other).toMatchObject({ stop: togglTime(NOW - 2 * MINUTE), duration: 18 * 60 });
  });

  it('a new start keeps the stop; a duration moves it', async () => {
    const entry = await created({ start: iso(NOW - 60 * MINUTE), duration: 1800 });
    expect(await updated(entry.id, { start: iso(NOW - 50 * MINUTE) })).toMatchObject({
      stop: togglTime(NOW - 30 * MINUTE),
      duration: 20 * 60,
    });
    expect(await updated(entry.id, { duration: 60 })).toMatchObject({
      stop: togglTime(NOW - 49 * MINUTE),
      duration: 60,
    });
    expect(refusal(await update(entry.id, { start: iso(NOW - 10 * MINUTE) }))).toEqual({
      status: 400,
      body: 'stop must not be before start',
    });
  });

  it('a new project drops a task of another project; description and tags change', async () => {
    const entry = await created({
      start: iso(NOW - 60 * MINUTE),
      task_id: wire.taskId('Visual design'),
      description: 'Hero',
      tags: ['design', 'review'],
    });
    const moved = await updated(entry.id, { project_id: wire.projectId('Internal tools'), description: null });
    expect(moved).toMatchObject({ project_id: wire.projectId('Internal tools'), task_id: null, description: null });
    expect((await updated(entry.id, { tags: ['review'], tag_action: 'delete' })).tags).toEqual(['design']);
    expect((await updated(entry.id, { tags: ['calls'], tag_action: 'add' })).tags).toEqual(['design', 'calls']);
    expect((await updated(entry.id, { tag_ids: [] })).tags).toEqual([]);
    expect(refusal(await update(entry.id, { workspace_id: wire.workspaceId('Side projects') }))).toEqual({
      status: 400,
      body: 'workspace_id must be the workspace in the path',
    });
  });

  it('another user’s entry answers as missing, except to a workspace admin', async () => {
    const mine = await created({ start: iso(NOW - 60 * MINUTE) });
    const samUpdate = await wire.send('PUT', `/workspaces/${studio}/time_entries/${mine.id}`, {
      body: { description: 'Not yours' },
      token: TEAMMATE.apiToken,
    });
    expect(refusal(samUpdate)).toEqual({ status: 404, body: 'Time entry not found' });
    const samsEntry = [...wire.sandbox.state.timeEntries.values()].find(
      (entry) => entry.user_id === wire.userId(TEAMMATE.email),
    );
    // The demo user is an admin of Demo Studio, where the teammate's entry is.
    expect(await updated(samsEntry?.id ?? 0, { description: 'Push notification spec (reviewed)' })).toMatchObject({
      description: 'Push notification spec (reviewed)',
    });
  });
});

describe('PATCH …/stop and DELETE', () => {
  it('stop: at the server’s now; a stopped entry is 409, another’s 404, no number 400', async () => {
    const running = await created({ start: iso(NOW - 30 * MINUTE), duration: -1 });
    wire.clock.now += 5 * MINUTE + 400;
    const stop = await wire.send('PATCH', `/workspaces/${studio}/time_entries/${running.id}/stop`);
    expect(parsed(stop)).toMatchObject({ stop: togglTime(NOW + 5 * MINUTE), duration: 35 * 60 });
    const again = await wire.send('PATCH', `/workspaces/${studio}/time_entries/${running.id}/stop`);
    expect(refusal(again)).toEqual({ status: 409, body: 'Time entry already stopped' });
    const samStop = await wire.send('PATCH', `/workspaces/${studio}/time_entries/${running.id}/stop`, {
      token: TEAMMATE.apiToken,
    });
    expect(refusal(samStop)).toEqual({ status: 404, body: 'Time entry not found' });
    const wrongWorkspace = await wire.send(
      'PATCH',
      `/workspaces/${wire.workspaceId('Side projects')}/time_entries/${running.id}/stop`,
    );
    expect(wrongWorkspace.status).toBe(404);
    const noNumber = await wire.send('PATCH', `/workspaces/${studio}/time_entries/latest/stop`);
    expect(refusal(noNumber)).toEqual({ status: 400, body: 'Invalid or missing time_entry_id' });
  });

  it('delete: the running entry is gone from current and the lists; deleting it again is 404', async () => {
    const running = await created({ start: iso(NOW - 30 * MINUTE), duration: -1 });
    const deleted = await wire.send('DELETE', `/workspaces/${studio}/time_entries/${running.id}`);
    expect({ status: deleted.status, text: deleted.text }).toEqual({ status: 200, text: '' });
    expect(await current()).toBeNull();
    const list = parsed(await wire.send('GET', '/me/time_entries')) as Entry[];
    expect(list.map((entry) => entry.id)).not.toContain(running.id);
    const again = await wire.send('DELETE', `/workspaces/${studio}/time_entries/${running.id}`);
    expect(refusal(again)).toEqual({ status: 404, body: 'Time entry not found' });
  });
});
