import { afterEach, describe, expect, it } from 'vitest';
import { TogglApi } from '../../src/main/services/toggl/api';
import type { HttpMethod } from '../../src/main/services/toggl/http';
import { TogglApiError } from '../../src/main/services/toggl/errors';
import { loadRecordings, replayServer, type Recording, type ReplayServer } from '../support/recordings';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends the recorded request to a server that plays the recorded answer; what the client makes of it. */
async function replay(recording: Recording): Promise<unknown> {
  server = await replayServer(() => recording);
  const api = new TogglApi({
    baseUrl: server.apiUrl,
    credentials: { token: 'recorded' },
    minIntervalMs: 0,
    retry: { retries: 0 },
  });
  const path = (recording.request.path ?? '/api/v9/me').replace(/^\/api\/v9/, '');
  try {
    return await api.http.request((recording.request.method ?? 'GET') as HttpMethod, path, {
      query: recording.request.query,
    });
  } catch (error) {
    return error;
  } finally {
    await api.close();
  }
}

const recordings = loadRecordings();

describe('the client against every recorded Toggl answer', () => {
  it('has the recordings to replay', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(30);
  });

  for (const recording of recordings) {
    it(`${recording.file}: ${recording.response.status}`, async () => {
      const result = await replay(recording);
      const { status, body } = recording.response;
      if (status < 300) {
        // 2xx: the parsed body, or nothing for an empty one.
        expect(result).toEqual(body === '' ? undefined : body);
        return;
      }
      expect(result).toBeInstanceOf(TogglApiError);
      const error = result as TogglApiError;
      expect(error.status).toBe(status);
      // A message in words for the user: one line, never a web page, never empty.
      expect(error.message).not.toMatch(/<|\n/);
      expect(error.message.length).toBeGreaterThan(10);
      if (typeof body === 'string' && body !== '' && !body.startsWith('<')) expect(error.serverMessage).toBe(body);
      const expected: Record<number, string> = {
        400: 'invalid',
        401: 'signed-out',
        402: 'plan',
        405: 'unexpected',
        409: 'invalid',
        429: 'rate-limited',
      };
      if (status === 403) expect(error.kind).toBe(recording.request.path?.includes('/me') ? 'signed-out' : 'forbidden');
      else expect(error.kind).toBe(expected[status]);
    });
  }
});
