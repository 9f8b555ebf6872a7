import { stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/services/control/cli-client';
import { startControl } from '../../../../src/main/services/control/control';
import { controlSocketPath } from '../../../../src/main/services/control/control-socket';
import { statusFilePath } from '../../../../src/main/services/control/status-file';
import { textCommands } from '../../../../src/main/services/control/text-commands';
import { DEMO } from '../../../../tools/sandbox/fixture';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

/** The command line and status.json against the real services, files and socket. */
let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

async function withControl(app: LaunchedApp) {
  const shown: string[] = [];
  const shell = {
    open: () => (shown.push('open'), 'Shown.'),
    toggle: () => (shown.push('toggle'), 'Toggled.'),
    version: 'Toggl Tray 0.0.0',
  };
  const control = await startControl({
    services: app.services,
    dataDir: world.dataDir,
    shell,
    text: textCommands(app.services),
    log: app.log,
  });
  return { control, shown };
}

/** runCli as a terminal would run it, on this world's data folder. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    { TOGGL_TRAY_DATA_DIR: world.dataDir },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

async function statusOnDisk(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(statusFilePath(world.dataDir), 'utf8')) as Record<string, unknown>;
}

describe('status.json', () => {
  it('follows the timer within a second, holds no secret, and is the owner’s alone', async () => {
    const app = await world.launch();
    const project = projectNamed(await app.call('data.view'), 'Website redesign');
    await app.call('timer.start', { wid: project?.wid ?? 0, pid: project?.id ?? null, tid: null, description: 'Hero' });
    await expect
      .poll(async () => (await statusOnDisk()).running, { interval: 50 })
      .toMatchObject({
        description: 'Hero',
        project: 'Website redesign',
      });
    const text = await readFile(statusFilePath(world.dataDir), 'utf8');
    expect(text).not.toContain(DEMO.apiToken);
    expect(text).not.toContain(DEMO.email);
    if (process.platform !== 'win32') expect((await stat(statusFilePath(world.dataDir))).mode & 0o077).toBe(0);

    await app.call('timer.stop');
    await expect.poll(async () => (await statusOnDisk()).running, { interval: 50 }).toBeNull();
  });

  it('status --json reads it with no request to Toggl, app running or not', async () => {
    const app = await world.launch();
    const project = projectNamed(await app.call('data.view'), 'Website redesign');
    await app.call('timer.start', { wid: project?.wid ?? 0, pid: project?.id ?? null, tid: null, description: 'Hero' });
    await app.services.status.write();
    const requests = world.sandbox.requests.length;
    const running = await cli('status', '--json');
    expect(running.code).toBe(0);
    expect(JSON.parse(running.out)).toMatchObject({
      appRunning: true,
      signedIn: true,
      running: { description: 'Hero' },
    });
    expect((await cli('status')).out).toMatch(/^Running 0:00:0\d: Hero · Website redesign/m);
    expect(world.sandbox.requests.length).toBe(requests);

    await app.close();
    // This test's process wrote it and still runs: what "not running" reads is a pid that is gone.
    const file = await statusOnDisk();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(statusFilePath(world.dataDir), JSON.stringify({ ...file, pid: 2 ** 22 + 1 }));
    const after = await cli('status');
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/^Toggl Tray is not running \(status written /);
  });
});

describe('toggl-tray commands over the app’s socket', () => {
  it('stop, continue and open reach the running app and answer; the queue does the rest', async () => {
    const app = await world.launch();
    const { control, shown } = await withControl(app);
    const project = projectNamed(await app.call('data.view'), 'Website redesign');
    await app.call('timer.start', {
      wid: project?.wid ?? 0,
      pid: project?.id ?? null,
      tid: null,
      description: 'Review',
    });

    expect(await cli('stop')).toMatchObject({ code: 0, out: 'Stopped “Review”.\n' });
    expect((await app.call('data.view')).entries.filter((entry) => entry.stop === null)).toEqual([]);
    expect(await cli('stop')).toMatchObject({ code: 0, out: 'No timer is running.\n' });
    expect(await cli('continue')).toMatchObject({ code: 0, out: 'Continued “Review”.\n' });
    expect((await app.call('data.view')).entries.find((entry) => entry.stop === null)?.description).toBe('Review');
    expect(await cli('open')).toMatchObject({ code: 0, out: 'Shown.\n' });
    expect(await cli('--toggle')).toMatchObject({ code: 0, out: 'Toggled.\n' });
    expect(shown).toEqual(['open', 'toggle']);
    expect(await cli('stop', 'please')).toMatchObject({ code: 2 });
    await control.server?.close();
  });

  it('says the app is not running (exit 3) when no one answers, and a socket left by a crash is replaced', async () => {
    const alone = await cli('stop');
    expect(alone.code).toBe(3);
    expect(alone.err).toContain('Toggl Tray is not running');
    const app = await world.launch();
    const first = await withControl(app);
    // A crash leaves the socket file behind with no one listening.
    const { writeFile, rm } = await import('node:fs/promises');
    await first.control.server?.close();
    await rm(controlSocketPath(world.dataDir), { force: true });
    await writeFile(controlSocketPath(world.dataDir), '');
    expect(await cli('stop')).toMatchObject({ code: 3 });
    const second = await withControl(app);
    expect(second.control.server).toBeDefined();
    expect(await cli('stop')).toMatchObject({ code: 0 });
    if (process.platform !== 'win32') expect((await stat(controlSocketPath(world.dataDir))).mode & 0o077).toBe(0);
    await second.control.server?.close();
  });

  it('start and add read the line as quick-add does: typos, a task by its project and name, refusals in words', async () => {
    const app = await world.launch();
    const { control } = await withControl(app);
    const running = async () => (await app.call('data.view')).entries.find((entry) => entry.stop === null);

    expect(await cli('start', 'Fix login @webiste redesgn')).toMatchObject({
      code: 0,
      out: 'Started “Fix login” on “Website redesign”.\n',
    });
    const view = await app.call('data.view');
    const website = projectNamed(view, 'Website redesign');
    expect(await running()).toMatchObject({ description: 'Fix login', pid: website?.id, tid: null });

    const visual = view.tasks.find((task) => task.name === 'Visual design');
    expect(await cli('start', 'Mockups', '@website', 'visual')).toMatchObject({
      code: 0,
      out: 'Started “Mockups” on “Website redesign” · “Visual design”.\n',
    });
    expect(await running()).toMatchObject({ description: 'Mockups', tid: visual?.id });
    // One running entry: the first stopped where the second began.
    expect((await app.call('data.view')).entries.filter((entry) => entry.stop === null)).toHaveLength(1);

    // An `@` inside a word is the description's, as in quick-add; the one that starts a word picks the place.
    expect(await cli('start', 'Mail dana@example.com @website')).toMatchObject({
      code: 0,
      out: 'Started “Mail dana@example.com” on “Website redesign”.\n',
    });
    expect(await cli('start', 'Reply to dana@example.com')).toMatchObject({
      code: 0,
      out: 'Started “Reply to dana@example.com” without a project.\n',
    });

    const nothing = await cli('start', 'x @zzqqxx');
    expect(nothing.code).toBe(1);
    expect(nothing.err).toBe('No project matches “zzqqxx”.\n');

    const added = await cli('add', 'Fix login bug @webiste redesgn ~2h');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Fix login bug');
    const task = (await app.call('data.view')).tasks.find((item) => item.name === 'Fix login bug');
    expect(task).toMatchObject({ pid: website?.id, estimatedSeconds: 7200 });

    // With --start, a timer on what it made, as Shift+Enter does in the popover.
    const started = await cli('add', '--start', 'Write release notes @webiste redesgn');
    expect(started).toMatchObject({ code: 0 });
    expect(started.out).toContain('timer started');
    const after = await app.call('data.view');
    const notes = after.tasks.find((item) => item.name === 'Write release notes');
    expect(await running()).toMatchObject({ pid: website?.id, tid: notes?.id });
    expect(after.entries.filter((entry) => entry.stop === null)).toHaveLength(1);
    await control.server?.close();
  });

  it('add without @ makes the project in the default workspace where the user may; else the first where they may', async () => {
    const app = await world.launch();
    const { control } = await withControl(app);
    const view = await app.call('data.view');
    const named = (name: string) => view.workspaces.find((workspace) => workspace.name === name)?.id ?? 0;
    const madeIn = async (name: string) =>
      (await app.call('data.view')).projects.find((project) => project.name === name)?.wid;

    await app.call('me.setDefaultWorkspace', { wid: named('Side projects') });
    expect(await cli('add', 'Bird feeder')).toMatchObject({
      code: 0,
      out: 'New project “Bird feeder” in Side projects\n',
    });
    expect(await madeIn('Bird feeder')).toBe(named('Side projects'));

    // A default where only admins may create projects is passed over.
    await app.call('me.setDefaultWorkspace', { wid: named('Community (members)') });
    expect(await cli('add', '+Compost bin')).toMatchObject({
      code: 0,
      out: 'New project “Compost bin” in Demo Studio\n',
    });
    expect(await madeIn('Compost bin')).toBe(named('Demo Studio'));
    await control.server?.close();
  });

  it('open-link (and a link alone) shows the popover and waits there; the answer is the link’s', async () => {
    const app = await world.launch();
    const { control, shown } = await withControl(app);
    const link = 'toggl-tray://start?project=webiste&description=From%20a%20note';
    expect(await cli('open-link', link)).toMatchObject({
      code: 0,
      out: 'Waiting for your confirm in Toggl Tray: Start a timer on Website redesign · description “From a note”\n',
    });
    expect(shown).toEqual(['open']);
    expect(await app.call('link.request')).toMatchObject({ confirm: 'Start timer', link });
    // Nothing started until the user confirms in the popover.
    expect((await app.call('data.view')).entries.filter((entry) => entry.stop === null)).toEqual([]);

    const refused = await cli('toggl-tray://stop');
    expect(refused).toMatchObject({ code: 1, err: 'No timer is running, so this link has nothing to stop.\n' });
    expect(shown).toEqual(['open', 'open']);
    expect(await cli('toggl-tray://open')).toMatchObject({ code: 0, out: 'Shown.\n' });
    await control.server?.close();
  });
});
