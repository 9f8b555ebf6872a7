import { afterEach, describe, expect, it } from 'vitest';
import { loadRecording, wireBody, type Recording } from '../../support/recordings';
import { parsed, startWireSandbox, type WireAnswer, type WireSandbox } from '../../support/sandbox-wire';

let wire: WireSandbox | undefined;
afterEach(async () => {
  await wire?.close();
  wire = undefined;
});

/** The demo sandbox with its clock at the moment Toggl gave the recorded answer, so dated refusals match. */
async function sandboxAt(recording: Recording): Promise<WireSandbox> {
  wire = await startWireSandbox(recording.recorded);
  return wire;
}

function recordedQuery(recording: Recording): string {
  const query = new URLSearchParams(recording.request.query).toString();
  return query === '' ? '' : `?${query}`;
}

/** The recorded request's body with our workspace in place of the recorded one. */
function recordedBody(recording: Recording, workspaceId: number): Record<string, unknown> {
  return { ...(recording.request.body as Record<string, unknown>), workspace_id: workspaceId };
}

/** Status, bytes and content type (or none) as Toggl sent them. */
function expectRecordedAnswer(answer: WireAnswer, recording: Recording): void {
  expect(answer.status).toBe(recording.response.status);
  expect(answer.text).toBe(wireBody(recording));
  expect(answer.contentType).toBe(recording.response.headers['content-type'] ?? null);
}

type Entry = Record<string, unknown>;

/** A fixture entry of the demo user's that has stopped (none runs at the start). */
async function stoppedEntryId(sandbox: WireSandbox): Promise<number> {
  const list = parsed(await sandbox.send('GET', '/me/time_entries')) as Entry[];
  const stopped = list.find((entry) => entry.stop !== null);
  expect(stopped).toBeDefined();
  return stopped?.id as number;
}

describe('the sandbox answers as the recorded time entry answers', () => {
  it('GET /me/time_entries with since and before: the recorded 400', async () => {
    const recording = loadRecording('time-entries-get-400-since-before-go-2024-12-16');
    const sandbox = await sandboxAt(recording);
    expectRecordedAnswer(await sandbox.send('GET', `/me/time_entries${recordedQuery(recording)}`), recording);
  });

  it('GET /me/time_entries with a start_date older than three calendar months: the recorded 400, dated', async () => {
    const recording = loadRecording('time-entries-get-400-start-date-go-2024-12-16');
    const sandbox = await sandboxAt(recording);
    expectRecordedAnswer(await sandbox.send('GET', `/me/time_entries${recordedQuery(recording)}`), recording);
  });

  it('POST a time entry without start: the recorded 400, before any other check', async () => {
    const recording = loadRecording('time-entry-post-400-start-required-go-2024-12-15');
    const sandbox = await sandboxAt(recording);
    const studio = sandbox.workspaceId('Demo Studio');
    const answer = await sandbox.send('POST', `/workspaces/${studio}/time_entries`, {
      body: recordedBody(recording, studio),
    });
    expectRecordedAnswer(answer, recording);
  });

  it('POST a time entry starting in 1984: the recorded 400', async () => {
    const recording = loadRecording('time-entry-post-400-year-go-2024-12-13');
    const sandbox = await sandboxAt(recording);
    const studio = sandbox.workspaceId('Demo Studio');
    const answer = await sandbox.send('POST', `/workspaces/${studio}/time_entries`, {
      body: recordedBody(recording, studio),
    });
    expectRecordedAnswer(answer, recording);
  });

  it('PATCH …/stop of a stopped entry: the recorded 409', async () => {
    const recording = loadRecording('time-entry-stop-409-rb-2024-04-25');
    const sandbox = await sandboxAt(recording);
    const id = await stoppedEntryId(sandbox);
    const answer = await sandbox.send(
      'PATCH',
      `/workspaces/${sandbox.workspaceId('Demo Studio')}/time_entries/${id}/stop`,
    );
    expectRecordedAnswer(answer, recording);
  });

  it('DELETE a time entry: the recorded 200 with an empty body and a JSON content type', async () => {
    const recording = loadRecording('time-entry-delete-200-empty-rb-2024-04-29');
    const sandbox = await sandboxAt(recording);
    const id = await stoppedEntryId(sandbox);
    const answer = await sandbox.send('DELETE', `/workspaces/${sandbox.workspaceId('Demo Studio')}/time_entries/${id}`);
    expectRecordedAnswer(answer, recording);
  });

  it('GET /me/time_entries/current with nothing running: the recorded 200 null', async () => {
    const recording = loadRecording('time-entry-current-200-null-rb-2024-04-25');
    const sandbox = await sandboxAt(recording);
    expectRecordedAnswer(await sandbox.send('GET', '/me/time_entries/current'), recording);
  });

  it('GET /workspaces/{wid}/time_entries: the recorded 405, empty and without a content type', async () => {
    const recording = loadRecording('ws-time-entries-get-405-go-2024-12-13');
    const sandbox = await sandboxAt(recording);
    expectRecordedAnswer(
      await sandbox.send('GET', `/workspaces/${sandbox.workspaceId('Demo Studio')}/time_entries`),
      recording,
    );
  });

  it('every 405 has that shape, as the other recorded one (POST /me/organizations)', async () => {
    const recording = loadRecording('me-organizations-post-405-go-2024-12-16');
    const sandbox = await sandboxAt(recording);
    expectRecordedAnswer(await sandbox.send('POST', '/me/organizations', { body: {} }), recording);
  });
});

describe('time entries have the recorded shape', () => {
  /** Keys in order: the December 2024 shape, without the April answers' `permissions`. */
  const recordedKeys = (entry: Entry): string[] => Object.keys(entry).filter((key) => key !== 'permissions');
  const related = (name: string) => (loadRecording(name).response.body as { time_entries: Entry[] }).time_entries;

  it('the list: the recorded keys in the recorded order, newest first, duration = stop − start', async () => {
    const recording = loadRecording('time-entries-list-200-rb-2024-04-24');
    const recorded = recording.response.body as Entry[];
    const sandbox = await startWireSandbox('2024-12-16T12:00:00Z');
    const answer = await sandbox.send('GET', '/me/time_entries');
    wire = sandbox;
    expect(answer.status).toBe(recording.response.status);
    expect(answer.contentType).toBe(recording.response.headers['content-type']);
    const ours = parsed(answer) as Entry[];
    const keys = recordedKeys(recorded[0] ?? {});
    const projectOnly = ours.filter((entry) => entry.project_id !== null && entry.task_id === null);
    const withTask = ours.filter((entry) => entry.task_id !== null);
    expect(projectOnly.length).toBeGreaterThan(0);
    expect(withTask.length).toBeGreaterThan(0);
    for (const entry of projectOnly) expect(Object.keys(entry)).toEqual(keys);
    // No recording has a task: `tid` is assumed to follow `task_id` as `pid` follows `project_id`.
    for (const entry of withTask) expect(Object.keys(entry)).toEqual([...keys, 'tid']);
    const starts = (list: Entry[]) => list.map((entry) => Date.parse(entry.start as string));
    expect(starts(recorded)).toEqual([...starts(recorded)].sort((a, b) => b - a));
    expect(starts(ours)).toEqual([...starts(ours)].sort((a, b) => b - a));
    for (const entry of [...recorded, ...ours]) {
      const seconds = (Date.parse(entry.stop as string) - Date.parse(entry.start as string)) / 1000;
      expect(entry.duration).toBe(seconds);
    }
  });

  it('an entry without a project has no `pid` key, as recorded', async () => {
    const recordedLoose = related('me-related-200-go-2024-12-15a').find((entry) => entry.project_id === null);
    expect(recordedLoose).toBeDefined();
    wire = await startWireSandbox('2024-12-16T12:00:00Z');
    const ours = parsed(await wire.send('GET', '/me/time_entries')) as Entry[];
    const loose = ours.filter((entry) => entry.project_id === null);
    expect(loose.length).toBeGreaterThan(0);
    for (const entry of loose) expect(Object.keys(entry)).toEqual(Object.keys(recordedLoose ?? {}));
  });

  it('a running entry: stop null, duration minus its start in epoch seconds, `at` with a fraction and Z', async () => {
    const recordedRunning = related('me-related-200-go-2024-12-12').find((entry) => entry.stop === null);
    expect(recordedRunning?.duration).toBe(-Date.parse(recordedRunning?.start as string) / 1000);
    wire = await startWireSandbox('2024-12-12T20:40:28.056Z');
    const studio = wire.workspaceId('Demo Studio');
    const answer = await wire.send('POST', `/workspaces/${studio}/time_entries`, {
      body: {
        created_with: 'Toggl Tray tests',
        workspace_id: studio,
        project_id: wire.projectId('Internal tools'),
        description: 'Open Sourcing',
        start: '2024-12-12T20:38:54.000Z',
        duration: -1,
      },
    });
    expect(answer.status).toBe(200);
    const running = parsed(answer) as Entry;
    expect(Object.keys(running)).toEqual(Object.keys(recordedRunning ?? {}));
    expect(running).toMatchObject({
      start: recordedRunning?.start,
      stop: null,
      duration: recordedRunning?.duration,
      at: '2024-12-12T20:40:28.056Z',
    });
  });
});
