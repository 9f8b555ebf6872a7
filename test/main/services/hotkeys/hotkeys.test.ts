import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HotkeysView } from '../../../../src/shared/contract';
import { ManualHotkeyPort } from '../../../../src/main/services/hotkeys/manual-hotkey-port';
import { acceleratorKeys } from '../../../../src/main/services/settings';
import { readableKeys } from '../../../../src/shared/accelerator';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';
import { entriesAtToggl, runningIn, sent } from '../../../support/timer-toggl';

/** Per-project hotkeys against the real services, settings file and sandbox; the keys pressed by hand. */
let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

const KEYS_1 = 'CommandOrControl+Alt+1';
const KEYS_2 = 'CommandOrControl+Alt+2';
/** As the user's words say them on this machine: Ctrl+Alt+1 (Cmd+Alt+1 on macOS). */
const shown = (keys: string) => readableKeys(keys, process.platform);

async function launch(port = new ManualHotkeyPort()) {
  const app = await world.launch({ hotkeys: port });
  const told: HotkeysView[] = [];
  app.events.attach({ emit: (event, payload) => event === 'hotkeys.changed' && told.push(payload as HotkeysView) });
  return { app, port, told };
}

/** Pins what the words name, as Settings does: find, then pin what it found. */
async function pinWords(app: LaunchedApp, words: string): Promise<HotkeysView> {
  const match = await app.call('hotkeys.find', { words });
  if (!match.target) throw new Error(`“${words}” pins nothing: ${match.text}`);
  return app.call('hotkeys.pin', match.target);
}

const runningAtToggl = () => entriesAtToggl(world.sandbox).filter((entry) => entry.stop === null);

describe('pinning', () => {
  it('finds a project or a task by words, pins each to the next default keys and registers them', async () => {
    const { app, port } = await launch();
    expect(await app.call('hotkeys.find', { words: 'webiste' })).toMatchObject({
      text: `Pin “Website redesign” to ${shown(KEYS_1)}`,
      target: { taskId: null },
    });
    await pinWords(app, 'webiste');
    expect(await app.call('hotkeys.find', { words: '@website visual' })).toMatchObject({
      text: `Pin “Website redesign · Visual design” to ${shown(KEYS_2)}`,
    });
    const view = await pinWords(app, 'website visual');
    expect(view.pins).toMatchObject([
      { label: 'Website redesign', accelerator: KEYS_1, registration: 'registered', problem: null },
      { label: 'Website redesign · Visual design', accelerator: KEYS_2, registration: 'registered', problem: null },
    ]);
    expect(view.pins[0]?.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(view.pins[1]?.command).toBe('toggl-tray start "@Website redesign Visual design"');
    expect(port.held()).toHaveLength(2);
    // Pinned already, archived, done, nothing: the preview says so and pins nothing.
    expect(await app.call('hotkeys.find', { words: 'website' })).toEqual({
      text: `“Website redesign” is already pinned to ${shown(KEYS_1)}.`,
      target: null,
    });
    expect((await app.call('hotkeys.find', { words: 'legacy' })).text).toMatch(/“Legacy migration” is archived/);
    expect((await app.call('hotkeys.find', { words: 'website wireframes' })).text).toBe(
      '“Wireframes” is done: mark it not done to pin it.',
    );
    expect((await app.call('hotkeys.find', { words: 'zebra' })).target).toBeNull();
    expect(await app.call('hotkeys.find', { words: '  ' })).toEqual({ text: '', target: null });
  });

  it('takes five at most: the sixth is refused with the reason', async () => {
    const { app } = await launch();
    for (const words of ['website', 'mobile', 'internal', 'hiring', 'website visual']) await pinWords(app, words);
    const view = await app.call('hotkeys.get');
    expect(view.pins.map((pin) => pin.accelerator)).toEqual([1, 2, 3, 4, 5].map((n) => `CommandOrControl+Alt+${n}`));
    const sixth = await app.call('hotkeys.find', { words: 'mobile push' });
    expect(sixth).toEqual({
      text: '5 projects or tasks are pinned, the most there can be: remove one to pin “Mobile app · Push notifications”.',
      target: null,
    });
    const mobile = projectNamed(await app.call('data.view'), 'Mobile app');
    const push = (await app.call('data.view')).tasks.find((task) => task.name === 'Push notifications');
    const refused = await app.router.handle('hotkeys.pin', { projectId: mobile?.id, taskId: push?.id }, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: sixth.text } });
    // Removing one frees its keys for the next.
    await app.call('hotkeys.unpin', { projectId: mobile?.id ?? 0, taskId: null });
    const after = await app.call('hotkeys.pin', { projectId: mobile?.id ?? 0, taskId: push?.id ?? null });
    expect(after.pins.at(-1)).toMatchObject({ label: 'Mobile app · Push notifications', accelerator: KEYS_2 });
  });

  it('keys held by another app show as taken, and a press of them reaches nothing', async () => {
    const port = new ManualHotkeyPort();
    port.holdElsewhere(KEYS_1);
    const { app } = await launch(port);
    const view = await pinWords(app, 'website');
    expect(view.pins[0]).toMatchObject({ accelerator: KEYS_1, registration: 'taken' });
    expect(port.press(KEYS_1)).toBe(false);
    // Other keys, as Settings sets them: free, so registered.
    const project = projectNamed(await app.call('data.view'), 'Website redesign');
    const moved = await app.call('hotkeys.setKeys', {
      projectId: project?.id ?? 0,
      taskId: null,
      accelerator: ' Ctrl+Shift+F9 ',
    });
    expect(moved.pins[0]).toMatchObject({ accelerator: 'Ctrl+Shift+F9', registration: 'registered' });
    expect(port.held()).toEqual(['control+shift+f9']);
  });

  it('where global shortcuts cannot work (Wayland) each pin says so and offers its command', async () => {
    const reason = 'Global shortcuts don’t work on Wayland here.';
    const { app, port } = await launch(new ManualHotkeyPort(reason));
    const view = await pinWords(app, 'mobile onboarding');
    expect(view.unavailable).toBe(reason);
    expect(view.pins[0]).toMatchObject({
      registration: 'unavailable',
      command: 'toggl-tray start "@Mobile app Onboarding flow"',
    });
    expect(port.held()).toEqual([]);
  });

  it('checks the keys it is given: Electron’s syntax, not another pin’s, not the popover’s shortcut', async () => {
    const { app } = await launch();
    await pinWords(app, 'website');
    await pinWords(app, 'mobile');
    const mobile = projectNamed(await app.call('data.view'), 'Mobile app');
    const setKeys = (accelerator: string) =>
      app.router.handle('hotkeys.setKeys', { projectId: mobile?.id, taskId: null, accelerator }, true);
    expect(await setKeys('Alt')).toMatchObject({
      error: { message: expect.stringMatching(/“Alt” is not a shortcut/) as string },
    });
    expect(await setKeys('CmdOrCtrl+Alt+1')).toMatchObject({
      error: { message: 'CmdOrCtrl+Alt+1 already starts “Website redesign”: choose another.' },
    });
    expect(await setKeys('CommandOrControl+Shift+Space')).toMatchObject({
      error: { message: 'CommandOrControl+Shift+Space opens the popover (Shortcut to open): choose another.' },
    });
    // And the other way round: the popover's shortcut cannot take a pin's keys.
    expect(await app.router.handle('settings.update', { shortcut: 'Alt+CmdOrCtrl+2' }, true)).toMatchObject({
      error: { message: 'Alt+CmdOrCtrl+2 starts a timer on “Mobile app” (Hotkeys): choose another.' },
    });
    expect(acceleratorKeys('Alt+Control+2', 'linux')).toBe(acceleratorKeys(KEYS_2, 'linux'));
    expect(acceleratorKeys('Alt+Control+2', 'darwin')).not.toBe(acceleratorKeys(KEYS_2, 'darwin'));
    expect(acceleratorKeys('Option+Cmd+2', 'darwin')).toBe(acceleratorKeys(KEYS_2, 'darwin'));
    expect(await app.router.handle('hotkeys.pin', { projectId: 'one', taskId: null }, true)).toMatchObject({
      error: { code: 'invalid-arguments' },
    });
  });
});

describe('pressing a pinned hotkey', () => {
  it('starts a timer on its project or task through the queue; pressed again, it runs on', async () => {
    const { app, port, told } = await launch();
    await pinWords(app, 'website visual');
    await pinWords(app, 'mobile');
    const view = await app.call('data.view');
    const website = projectNamed(view, 'Website redesign');
    const visual = view.tasks.find((task) => task.name === 'Visual design');

    expect(port.press(KEYS_1)).toBe(true);
    expect(runningIn(await app.call('data.view'))).toMatchObject([{ pid: website?.id, tid: visual?.id }]);
    await sent(app);
    expect(runningAtToggl()).toMatchObject([{ project_id: website?.id, task_id: visual?.id, description: '' }]);
    expect(told.at(-1)?.lastPress).toMatchObject({
      accelerator: KEYS_1,
      refused: false,
      text: 'Started a timer on “Website redesign · Visual design”.',
    });

    // The same keys again: it runs on, not a second entry.
    port.press(KEYS_1);
    expect(told.at(-1)?.lastPress?.text).toBe('“Website redesign · Visual design” is already running.');
    await sent(app);
    expect(entriesAtToggl(world.sandbox).filter((entry) => entry.task_id === visual?.id && !entry.stop)).toHaveLength(
      1,
    );

    // Another pin: the running one stops at the same second.
    port.press(KEYS_2);
    await sent(app);
    const mobile = projectNamed(view, 'Mobile app');
    expect(runningAtToggl()).toMatchObject([{ project_id: mobile?.id, task_id: null }]);
    const stopped = entriesAtToggl(world.sandbox, '').find((entry) => entry.task_id === visual?.id);
    expect(stopped?.stop).toBe(runningAtToggl()[0]?.start);
  });

  it('offline, the start queues and reaches Toggl when it is back', async () => {
    const { app, port } = await launch();
    await pinWords(app, 'internal');
    await world.sandbox.setDown(true);
    port.press(KEYS_1);
    const shown = runningIn(await app.call('data.view'));
    expect(shown).toHaveLength(1);
    expect((await app.call('hotkeys.get')).lastPress?.refused).toBe(false);
    expect(runningAtToggl()).toEqual([]);
    await world.sandbox.setDown(false);
    await sent(app);
    const internal = projectNamed(await app.call('data.view'), 'Internal tools');
    expect(runningAtToggl()).toMatchObject([{ project_id: internal?.id }]);
  });

  it('a pin whose item was archived, marked done or deleted shows so, and a press starts nothing and says why', async () => {
    const { app, port, told } = await launch();
    await pinWords(app, 'website');
    await pinWords(app, 'mobile push');
    await pinWords(app, 'hiring');
    const view = await app.call('data.view');
    const website = projectNamed(view, 'Website redesign');
    const push = view.tasks.find((task) => task.name === 'Push notifications');
    const hiring = projectNamed(view, 'Hiring');
    await app.call('projects.setActive', { ids: [website?.id ?? 0], active: false });
    await app.call('tasks.setActive', { ids: [push?.id ?? 0], active: false });
    await app.call('projects.delete', { id: hiring?.id ?? 0 });

    const pins = (await app.call('hotkeys.get')).pins;
    expect(pins.map((pin) => pin.problem)).toEqual([
      '“Website redesign” is archived: nothing starts. Restore it, or pin another.',
      '“Push notifications” is done: nothing starts. Mark it not done, or pin another.',
      '“Hiring” is no longer in your Toggl list (deleted, or you lost access): nothing starts. Remove it, or pin another.',
    ]);
    // The windows heard of it as it happened, not only when they asked.
    await expect.poll(() => told.at(-1)?.pins.map((pin) => pin.problem)).toEqual(pins.map((pin) => pin.problem));

    for (const [index, keys] of ['CommandOrControl+Alt+1', KEYS_2, 'CommandOrControl+Alt+3'].entries()) {
      port.press(keys);
      const press = (await app.call('hotkeys.get')).lastPress;
      expect(press).toMatchObject({ accelerator: keys, refused: true, text: pins[index]?.problem });
      expect(
        app.log.entries.some(
          (entry) => entry.level === 'warn' && entry.message.includes(`hotkeys: ${keys} started nothing`),
        ),
      ).toBe(true);
    }
    expect(runningIn(await app.call('data.view'))).toEqual([]);
    await sent(app);
    expect(runningAtToggl()).toEqual([]);
  });

  it('signed out, a press starts nothing and says to sign in', async () => {
    const { app, port } = await launch();
    await pinWords(app, 'website');
    await app.call('session.signOut', { discardPending: true });
    port.press(KEYS_1);
    expect((await app.call('hotkeys.get')).lastPress).toMatchObject({
      refused: true,
      text: 'Sign in to Toggl Tray to start “Website redesign”.',
    });
  });

  it('a pin of a project made offline follows it to the id Toggl gives it', async () => {
    const { app, port } = await launch();
    const studio = (await app.call('data.view')).workspaces.find((item) => item.name === 'Demo Studio');
    await world.sandbox.setDown(true);
    const { id } = await app.call('projects.create', {
      wid: studio?.id ?? 0,
      fields: { name: 'Offline pitch', color: '#0b83d9', isPrivate: false, billable: false, cid: null },
    });
    expect(id).toBeLessThan(0);
    await app.call('hotkeys.pin', { projectId: id, taskId: null });
    await world.sandbox.setDown(false);
    const view = await sent(app);
    const real = projectNamed(view, 'Offline pitch')?.id ?? 0;
    expect(real).toBeGreaterThan(0);
    expect((await app.call('hotkeys.get')).pins).toMatchObject([{ projectId: real, problem: null }]);
    port.press(KEYS_1);
    await sent(app);
    expect(runningAtToggl()).toMatchObject([{ project_id: real }]);
  });
});

describe('pins on disk', () => {
  it('survive a restart in settings.json and are registered again', async () => {
    const first = await launch();
    await pinWords(first.app, 'website visual');
    await pinWords(first.app, 'newsletter');
    await first.app.close();
    expect(first.port.held()).toEqual([]);
    const file = JSON.parse(await readFile(path.join(world.dataDir, 'settings.json'), 'utf8')) as {
      hotkeys: unknown[];
    };
    expect(file.hotkeys).toMatchObject([
      { accelerator: KEYS_1, label: 'Website redesign · Visual design', taskId: expect.any(Number) as number },
      { accelerator: KEYS_2, label: 'Newsletter', taskId: null },
    ]);

    const again = await launch();
    expect((await again.app.call('hotkeys.get')).pins).toMatchObject([
      { label: 'Website redesign · Visual design', registration: 'registered' },
      { label: 'Newsletter', registration: 'registered' },
    ]);
    again.port.press(KEYS_2);
    await sent(again.app);
    const newsletter = projectNamed(await again.app.call('data.view'), 'Newsletter');
    expect(runningAtToggl()).toMatchObject([{ project_id: newsletter?.id }]);
  });

  it('edited by hand: an unreadable pin is left out, bad or doubled keys get a free default, six are five', async () => {
    const file = path.join(world.dataDir, 'settings.json');
    const pin = (projectId: number, accelerator: unknown) => ({
      projectId,
      taskId: null,
      accelerator,
      label: `P${projectId}`,
    });
    await writeFile(
      file,
      JSON.stringify({
        hotkeys: [
          pin(1, 'Alt+Shift+P'),
          { projectId: 'two' },
          pin(3, 'not keys'),
          pin(4, 'alt+SHIFT+p'),
          pin(5, 'CommandOrControl+Shift+Space'),
          pin(6, 'Alt+Shift+Q'),
          pin(7, 'Alt+Shift+R'),
        ],
      }),
    );
    const { app } = await launch();
    expect((await app.call('hotkeys.get')).pins.map((item) => [item.projectId, item.accelerator])).toEqual([
      [1, 'Alt+Shift+P'],
      [3, KEYS_1],
      [4, KEYS_2],
      [5, 'CommandOrControl+Alt+3'],
      [6, 'Alt+Shift+Q'],
    ]);
    expect(app.log.entries.filter((entry) => entry.message.startsWith('settings:')).length).toBeGreaterThanOrEqual(5);
  });
});
