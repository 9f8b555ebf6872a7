import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsed, startWireSandbox, type WireSandbox } from '../../support/sandbox-wire';

const NOW = Date.parse('2024-12-16T12:00:00Z');

let wire: WireSandbox;
beforeEach(async () => {
  wire = await startWireSandbox(NOW);
});
afterEach(() => wire.close());

describe('time entry requests spend the hourly quotas', () => {
  it('/me/time_entries* spend the user’s 30 an hour, shared with /me; the 31st is a 402', async () => {
    const remaining: (number | null)[] = [];
    for (const path of ['/me/time_entries', '/me/time_entries/current', '/me?with_related_data=true']) {
      remaining.push((await wire.send('GET', path)).quotaRemaining);
    }
    const [first] = parsed(await wire.send('GET', '/me/time_entries')) as { id: number }[];
    remaining.push((await wire.send('GET', `/me/time_entries/${first?.id ?? 0}`)).quotaRemaining);
    expect(remaining).toEqual([29, 28, 27, 25]);
    for (let sent = 5; sent < 30; sent++) expect((await wire.send('GET', '/me/time_entries/current')).status).toBe(200);
    const spent = await wire.send('GET', '/me/time_entries/current');
    expect(spent.status).toBe(402);
    expect(spent.quotaRemaining).toBe(0);
    // Workspace calls have a bucket of their own.
    const studio = wire.workspaceId('Demo Studio');
    const create = await wire.send('POST', `/workspaces/${studio}/time_entries`, {
      body: { created_with: 'tests', workspace_id: studio, start: '2024-12-16T11:00:00Z' },
    });
    expect(create.status).toBe(200);
  });

  it('/workspaces/{wid}/time_entries* spend the organization’s quota by plan, refusals and 405s too', async () => {
    const studio = wire.workspaceId('Demo Studio');
    const personal = wire.workspaceId('Side projects');
    const body = (workspaceId: number) => ({
      created_with: 'tests',
      workspace_id: workspaceId,
      start: '2024-12-16T11:00:00Z',
      duration: -1,
    });
    const created = await wire.send('POST', `/workspaces/${studio}/time_entries`, { body: body(studio) });
    const { id } = parsed(created) as { id: number };
    const remaining = [created.quotaRemaining];
    for (const [method, path] of [
      ['PUT', `/workspaces/${studio}/time_entries/${id}`],
      ['PATCH', `/workspaces/${studio}/time_entries/${id}/stop`],
      ['PATCH', `/workspaces/${studio}/time_entries/${id}/stop`],
      ['GET', `/workspaces/${studio}/time_entries`],
      ['DELETE', `/workspaces/${studio}/time_entries/${id}`],
    ] as const) {
      const answer = await wire.send(method, path, method === 'PUT' ? { body: { description: 'Renamed' } } : {});
      remaining.push(answer.quotaRemaining);
    }
    // Premium: 600 an hour; the second stop (409) and the 405 count as well.
    expect(remaining).toEqual([599, 598, 597, 596, 595, 594]);
    // The Free organization's 30 are separate, and /me is untouched.
    expect(
      (await wire.send('POST', `/workspaces/${personal}/time_entries`, { body: body(personal) })).quotaRemaining,
    ).toBe(29);
    expect((await wire.send('GET', '/me/time_entries/current')).quotaRemaining).toBe(29);
    const counted = wire.sandbox.countRequests((request) => request.path.includes('/time_entries'));
    expect(counted).toBe(8);
  });

  it('the Free organization’s 30 an hour run out: a 402 with the reset time, then back after the hour', async () => {
    const personal = wire.workspaceId('Side projects');
    const start = (index: number) => new Date(NOW - (index + 1) * 60_000).toISOString();
    for (let index = 0; index < 30; index++) {
      const answer = await wire.send('POST', `/workspaces/${personal}/time_entries`, {
        body: { created_with: 'tests', workspace_id: personal, start: start(index) },
      });
      expect(answer.status).toBe(200);
    }
    const refused = await wire.send('POST', `/workspaces/${personal}/time_entries`, {
      body: { created_with: 'tests', workspace_id: personal, start: start(30) },
    });
    expect(refused.status).toBe(402);
    expect(parsed(refused)).toBe('You have hit your hourly limit for API calls. It resets in 3600 seconds.');
    wire.clock.now += 3600_000;
    const after = await wire.send('POST', `/workspaces/${personal}/time_entries`, {
      body: { created_with: 'tests', workspace_id: personal, start: start(30) },
    });
    expect(after.status).toBe(200);
  });
});
