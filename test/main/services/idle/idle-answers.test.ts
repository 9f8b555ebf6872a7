import { afterEach, describe, expect, it } from 'vitest';
import type { IdleQuestion } from '../../../../src/shared/contract';
import type { DataView } from '../../../../src/shared/entities';
import { ManualIdleSource } from '../../../../src/main/services/idle/manual-idle-source';
import { createFixture } from '../../../../tools/sandbox/fixture';
import type { SandboxTimeEntry } from '../../../../tools/sandbox/state';
import { FakeClock } from '../../../support/fake-clock';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld | undefined;
afterEach(() => world?.cleanup());

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
/** Toggl keeps whole seconds. */
const whole = (at: number) => Math.floor(at / SECOND) * SECOND;

/** The demo user's live entries at Toggl (the sandbox). */
function atToggl(): SandboxTimeEntry[] {
  const state = toggl().state;
  const demo = state.users.values().next().value?.id;
  return [...state.timeEntries.values()].filter((entry) => entry.user_id === demo && entry.server_deleted_at === null);
}
const ours = () => atToggl().filter((entry) => entry.created_with === 'Toggl Tray');
const running = (view: DataView) => view.entries.filter((entry) => entry.stop === null);

async function sent(app: LaunchedApp): Promise<DataView> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
  return app.call('data.view');
}

const toggl = () => {
  if (!world) throw new Error('no sandbox yet');
  return world.sandbox;
};

/**
 * The app and Toggl (the sandbox) on one fake clock, two hours ago, Toggl's `ahead` of the
 * app's; a hand-driven machine; a timer started on Website redesign and its first task.
 */
async function timerRunning(options: { offline?: boolean; ahead?: number } = {}) {
  const clock = new FakeClock(Date.now() - 2 * 60 * MINUTE);
  world = await createSyncWorld({ state: createFixture(() => clock.now() + (options.ahead ?? 0)) });
  const idle = new ManualIdleSource(clock);
  const app = await world.launch({ data: { clock, cacheDebounceMs: 0 }, idle });
  const asked: (IdleQuestion | null)[] = [];
  app.events.attach({
    emit: (event, payload) => {
      if (event === 'idle.changed') asked.push((payload as { question: IdleQuestion | null }).question);
    },
  });
  const view = await app.call('data.view');
  const project = projectNamed(view, 'Website redesign');
  const task = view.tasks.find((item) => item.pid === project?.id);
  if (!project || !task) throw new Error('the demo account has Website redesign and its tasks');
  if (options.offline) await toggl().setDown(true);
  const started = clock.now();
  await app.call('timer.start', { wid: project.wid, pid: project.id, tid: task.id, description: 'Hero section' });
  await sent(app);
  return {
    app,
    clock,
    asked,
    project,
    task,
    started,
    /** Ten minutes at the machine, `minutes` away, then back: answers the question asked. */
    away: async (minutes: number) => {
      for (let done = 0; done < 10 * MINUTE; done += 10 * SECOND) {
        idle.setIdle(0);
        clock.advance(10 * SECOND);
      }
      idle.setIdle(0);
      const idleSince = clock.now();
      clock.advance(minutes * MINUTE);
      idle.setIdle(0);
      const returnedAt = clock.now();
      clock.advance(2 * SECOND);
      await app.services.data.settled();
      return { idleSince, returnedAt, question: await app.call('idle.question') };
    },
  };
}

describe('idle time, answered', () => {
  it('asks once on return, naming the entry, and keep changes nothing', async () => {
    const { app, asked, away } = await timerRunning();
    const { idleSince, returnedAt, question } = await away(29);
    const [entry] = ours();
    expect(question).toEqual({
      id: expect.any(String) as string,
      entryId: entry?.id,
      idleSince,
      returnedAt,
      description: 'Hero section',
      project: 'Website redesign',
    });
    expect(asked).toEqual([question]);

    const writes = toggl().requests.length;
    await app.call('idle.answer', { id: question?.id ?? '', answer: 'keep' });
    await sent(app);
    expect(asked).toEqual([question, null]);
    expect(await app.call('idle.question')).toBeNull();
    expect(
      toggl()
        .requests.slice(writes)
        .filter((request) => request.method !== 'GET'),
    ).toEqual([]);
    expect(ours()).toMatchObject([{ stop: null }]);
  });

  it('discard: the entry stops when the idle time began, and Toggl gets that second', async () => {
    const { app, away } = await timerRunning();
    const { idleSince, question } = await away(40);
    await app.call('idle.answer', { id: question?.id ?? '', answer: 'discard' });
    const after = await sent(app);
    expect(running(after)).toEqual([]);
    expect(ours()).toHaveLength(1);
    expect(Date.parse(ours()[0]?.stop ?? '')).toBe(whole(idleSince));
    expect(after.outbox).toEqual([]);
    expect(await app.call('idle.question')).toBeNull();
  });

  it('discard and continue: stopped at the idle start, one entry like it running from the return, none overlapping', async () => {
    const { app, away, project, task } = await timerRunning();
    const { idleSince, returnedAt, question } = await away(40);
    await app.call('idle.answer', { id: question?.id ?? '', answer: 'continue' });
    const after = await sent(app);
    const [first, second] = ours().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(ours()).toHaveLength(2);
    expect(Date.parse(first?.stop ?? '')).toBe(whole(idleSince));
    expect(second).toMatchObject({ stop: null, project_id: project.id, task_id: task.id, description: 'Hero section' });
    expect(Date.parse(second?.start ?? '')).toBe(whole(returnedAt));
    expect(running(after)).toHaveLength(1);
    expect(ours().filter((entry) => entry.stop === null)).toHaveLength(1);
  });

  it("Toggl's clock five minutes ahead: the question says the times as this machine saw them, Toggl gets them on its clock", async () => {
    const ahead = 5 * MINUTE;
    const { app, away } = await timerRunning({ ahead });
    const { idleSince, returnedAt, question } = await away(40);
    expect(question).toMatchObject({ idleSince, returnedAt });
    await app.call('idle.answer', { id: question?.id ?? '', answer: 'continue' });
    await sent(app);
    const [first, second] = ours().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(Date.parse(first?.stop ?? '')).toBe(whole(idleSince + ahead));
    expect(Date.parse(second?.start ?? '')).toBe(whole(returnedAt + ahead));
  });

  it('offline: the question and its answer are queue changes, sent with the idle times once Toggl is back', async () => {
    const { app, away, started } = await timerRunning({ offline: true });
    const { idleSince, returnedAt, question } = await away(30);
    // Still a temporary id: the entry never reached Toggl.
    expect(question?.entryId).toBeLessThan(0);
    await app.call('idle.answer', { id: question?.id ?? '', answer: 'continue' });
    const queued = await app.call('data.view');
    expect(queued.outbox.map((entry) => entry.summary)).toEqual([
      'Add time entry “Hero section”',
      'Start timer “Hero section”',
    ]);

    await toggl().setDown(false);
    await sent(app);
    const [first, second] = ours().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(Date.parse(first?.start ?? '')).toBe(whole(started));
    expect(Date.parse(first?.stop ?? '')).toBe(whole(idleSince));
    expect(Date.parse(second?.start ?? '')).toBe(whole(returnedAt));
    expect(second?.stop).toBeNull();
  });

  it('asks nothing with the setting at 0, and again once it is set (through Settings)', async () => {
    const { app, away } = await timerRunning();
    await app.call('settings.update', { idleMinutes: 0 });
    expect((await away(45)).question).toBeNull();
    await app.call('settings.update', { idleMinutes: 30 });
    expect((await away(20)).question).toBeNull();
    expect((await away(31)).question).toMatchObject({ description: 'Hero section' });
    const refused = await app.router.handle('settings.update', { idleMinutes: 1.5 }, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('goes when its entry is stopped meanwhile, here or elsewhere; an answer then is refused in words', async () => {
    const here = await timerRunning();
    const first = await here.away(20);
    await here.app.call('timer.stop');
    await sent(here.app);
    expect(await here.app.call('idle.question')).toBeNull();
    expect(here.asked.at(-1)).toBeNull();
    const refused = await here.app.router.handle('idle.answer', { id: first.question?.id, answer: 'discard' }, true);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('That timer was stopped meanwhile') as string },
    });
    // The stop made here stands; nothing moved it back to the idle start.
    expect(Date.parse(ours()[0]?.stop ?? '')).toBeGreaterThan(first.returnedAt);
  });

  it('goes when the phone stopped the entry and a sync found it; an old question is refused', async () => {
    const { app, away } = await timerRunning();
    const { question } = await away(20);
    const [entry] = ours();
    toggl().elsewhere.stopTimeEntry(entry?.id ?? 0);
    await app.call('sync.refresh');
    await app.services.data.settled();
    expect(await app.call('idle.question')).toBeNull();
    const answered = await app.router.handle('idle.answer', { id: question?.id, answer: 'continue' }, true);
    expect(answered).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(ours().filter((item) => item.stop === null)).toEqual([]);
    const unknown = await app.router.handle('idle.answer', { id: 'idle-99', answer: 'keep' }, true);
    expect(unknown).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('answered already') as string },
    });
  });
});
