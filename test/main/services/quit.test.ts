import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectIdNamed, projectNamed } from '../../support/named';
import { createSyncWorld, launchApp, type SyncWorld } from '../../support/sync-world';

// What the desktop shell does on quit (system-events.ts): close with a grace of about 3 s.
const QUIT_GRACE_MS = 3_000;

let world: SyncWorld;
afterEach(async () => {
  await world.cleanup();
});

const projectPuts = (method: string, requestPath: string) => method === 'PUT' && requestPath.includes('/projects/');

async function outboxOnDisk(): Promise<{ entries: unknown[] }> {
  return JSON.parse(await readFile(path.join(world.dataDir, 'outbox.json'), 'utf8')) as { entries: unknown[] };
}

/** A rename sent, and held at Toggl: its answer comes when `release` is called. */
async function renameOnTheWire() {
  world = await createSyncWorld();
  const app = await world.launch();
  const id = projectIdNamed(await app.call('data.view'), 'Website redesign');
  const release = world.sandbox.hold(projectPuts);
  await app.call('projects.update', { id, changes: { name: 'Website relaunch' } });
  await expect
    .poll(() => world.sandbox.requests.some((request) => projectPuts(request.method, request.path)))
    .toBe(true);
  return { app, id, release };
}

describe('quitting', () => {
  it('waits for the send in flight: the change made just before quit is on disk as sent, with Toggl’s answer', async () => {
    const { app, id, release } = await renameOnTheWire();

    // Quit while Toggl has the request; its answer comes 300 ms later, well inside the grace.
    setTimeout(release, 300);
    expect(await app.services.close(QUIT_GRACE_MS)).toBe(true);

    expect((await outboxOnDisk()).entries).toEqual([]);
    expect(world.sandbox.state.projects.get(id)?.name).toBe('Website relaunch');
    // The next start reads the files alone (Toggl unreachable) and shows the name as sent.
    await world.sandbox.stop();
    const next = await launchApp(world.sandbox.apiUrl, world.dataDir, world.vault);
    try {
      expect(projectNamed(await next.call('data.view'), 'Website relaunch')?.id).toBe(id);
      expect(next.services.data.queue.entries).toHaveLength(0);
    } finally {
      await next.close();
    }
  });

  it('does not wait past its grace: the unsent change stays queued on disk and is sent at the next start', async () => {
    const { app, id, release } = await renameOnTheWire();

    expect(await app.services.close(200)).toBe(false);
    expect((await outboxOnDisk()).entries).toHaveLength(1);
    release();

    const next = await world.launch();
    await next.services.data.loop.sendNow();
    await next.services.data.settled();
    expect(next.services.data.queue.entries).toHaveLength(0);
    expect(projectNamed(await next.call('data.view'), 'Website relaunch')?.id).toBe(id);
  });
});
