import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkRequest } from '../../../../src/shared/contract';
import { projectNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';
import { entriesAtToggl, runningIn, sent } from '../../../support/timer-toggl';

/** toggl-tray:// links against the real services, the IPC router and the sandbox. */
let world: SyncWorld;
beforeEach(async () => {
  world = await createSyncWorld();
});
afterEach(() => world.cleanup());

/** The app, and every `link.changed` the windows got. */
async function launched(): Promise<{ app: LaunchedApp; pushed: (LinkRequest | null)[] }> {
  const app = await world.launch();
  const pushed: (LinkRequest | null)[] = [];
  app.events.attach({
    emit: (event, payload) => {
      if (event === 'link.changed') pushed.push((payload as { request: LinkRequest | null }).request);
    },
  });
  return { app, pushed };
}

/** The request the windows are shown now (through the router, as a window asks). */
async function shown(app: LaunchedApp): Promise<LinkRequest> {
  const request = await app.call('link.request');
  if (!request) throw new Error('no link is waiting');
  return request;
}

/** Answers the waiting request as the dialog does; a refusal throws with main's words. */
const answer = async (app: LaunchedApp, answer: 'confirm' | 'dismiss', id?: string) =>
  app.call('link.answer', { id: id ?? (await shown(app)).id, answer });

describe('toggl-tray:// links that change data wait for the user', () => {
  it('start by names (matched as @ words are): shown exactly, nothing changes until confirm, then Toggl has it', async () => {
    const { app, pushed } = await launched();
    const requests = world.sandbox.requests.length;
    const receipt = app.services.links.receive(
      'toggl-tray://start?project=webiste%20redesgn&task=visual&description=Hero%20section',
    );
    const request = await shown(app);
    expect(request).toMatchObject({
      text: 'Start a timer on “Visual design” in Website redesign · description “Hero section”',
      confirm: 'Start timer',
      notice: null,
      link: 'toggl-tray://start?project=webiste%20redesgn&task=visual&description=Hero%20section',
    });
    expect(pushed).toEqual([request]);
    expect(receipt).toEqual({ code: 0, out: `Waiting for your confirm in Toggl Tray: ${request.text}` });
    // Nothing queued, nothing sent: the link alone changed no data.
    expect((await app.call('data.view')).outbox).toEqual([]);
    expect(world.sandbox.requests.length).toBe(requests);

    await answer(app, 'confirm');
    expect(await app.call('link.request')).toBeNull();
    expect(pushed.at(-1)).toBeNull();
    const view = await sent(app);
    const { id: pid } = projectNamed(view, 'Website redesign') ?? { id: 0 };
    const task = view.tasks.find((item) => item.name === 'Visual design');
    expect(entriesAtToggl(world.sandbox, 'Hero section')).toMatchObject([
      { project_id: pid, task_id: task?.id, stop: null },
    ]);
  });

  it('start by ids, checked against the list; a timer running is named as the one that stops', async () => {
    const { app } = await launched();
    const view = await app.call('data.view');
    const mobile = projectNamed(view, 'Mobile app');
    const push = view.tasks.find((task) => task.name === 'Push notifications');
    await app.call('timer.start', { wid: mobile?.wid ?? 0, pid: mobile?.id ?? null, tid: null, description: 'Review' });
    app.services.links.receive(`toggl-tray://start?task_id=${push?.id}`);
    expect(await shown(app)).toMatchObject({
      text: 'Start a timer on “Push notifications” in Mobile app · stops the running timer “Review” on Mobile app',
    });
    await answer(app, 'confirm');
    const after = await sent(app);
    expect(runningIn(after)).toMatchObject([{ pid: mobile?.id, tid: push?.id, description: '' }]);
    expect(entriesAtToggl(world.sandbox, 'Review')[0]?.stop).not.toBeNull();

    expect(app.services.links.receive('toggl-tray://start?project_id=999999')).toEqual({
      code: 1,
      out: 'No project with id 999999 is in your list.',
    });
    const website = projectNamed(after, 'Website redesign');
    app.services.links.receive(`toggl-tray://start?project_id=${website?.id}&task_id=${push?.id}`);
    expect((await shown(app)).text).toBe('“Push notifications” is not a task of Website redesign.');
  });

  it('stop names the running timer; dismiss (Escape) leaves it running, and Toggl hears nothing', async () => {
    const { app } = await launched();
    const website = projectNamed(await app.call('data.view'), 'Website redesign');
    await app.call('timer.start', { wid: website?.wid ?? 0, pid: website?.id ?? null, tid: null, description: 'Hero' });
    await sent(app);
    const requests = world.sandbox.requests.length;
    app.services.links.receive('toggl-tray://stop');
    expect(await shown(app)).toMatchObject({
      text: 'Stop the running timer “Hero” on Website redesign',
      confirm: 'Stop timer',
    });
    await answer(app, 'dismiss');
    expect(await app.call('link.request')).toBeNull();
    expect(runningIn(await sent(app))).toHaveLength(1);
    expect(world.sandbox.requests.length).toBe(requests);

    app.services.links.receive('toggl-tray://stop');
    await answer(app, 'confirm');
    expect(runningIn(await sent(app))).toEqual([]);
    expect(entriesAtToggl(world.sandbox, 'Hero')[0]?.stop).not.toBeNull();
  });

  it('add goes through quick-add’s plan and the forms’ commands, offline too', async () => {
    const { app } = await launched();
    await world.sandbox.setDown(true);
    app.services.links.receive('toggl-tray://add?text=Fix%20login%20bug%20%40webiste%20~2h');
    expect(await shown(app)).toMatchObject({
      text: 'New task “Fix login bug” in Website redesign · est. 2 h',
      confirm: 'Create',
    });
    await answer(app, 'confirm');
    await app.services.data.settled();
    const queued = await app.call('data.view');
    expect(queued.tasks.find((task) => task.name === 'Fix login bug')).toMatchObject({ estimatedSeconds: 7200 });
    expect(queued.outbox).toHaveLength(1);
    await world.sandbox.setDown(false);
    await sent(app);
    expect([...world.sandbox.state.tasks.values()].find((task) => task.name === 'Fix login bug')).toMatchObject({
      estimated_seconds: 7200,
    });
  });

  it('open only shows: nothing waits', async () => {
    const { app, pushed } = await launched();
    expect(app.services.links.receive('toggl-tray://open')).toEqual({ code: 0, out: 'Shown.' });
    expect(await app.call('link.request')).toBeNull();
    expect(pushed).toEqual([]);
  });
});

describe('links that cannot be carried out say why, in the popover and the log', () => {
  it('an unreadable link, an unknown or archived project, a done task, no timer to stop', async () => {
    const { app } = await launched();
    const problem = async (link: string) => {
      const receipt = app.services.links.receive(link);
      const request = await shown(app);
      expect(request.confirm).toBeNull();
      expect(receipt).toEqual({ code: 1, out: request.text });
      return request.text;
    };
    expect(await problem('toggl-tray://delete?project=Hiring')).toBe(
      'toggl-tray links open, start, stop or add; not “delete”.',
    );
    expect(await problem('toggl-tray://start?project_id=abc')).toContain('whole numbers');
    expect(await problem('toggl-tray://start?project=Nonexistent%20thing')).toBe(
      'No project matches “Nonexistent thing”.',
    );
    expect(await problem('toggl-tray://start?project=Legacy%20migration')).toBe(
      'Legacy migration is archived: restore it first.',
    );
    expect(await problem('toggl-tray://start?project=Website%20redesign&task=Wireframes')).toBe(
      '“Wireframes” is done: mark it not done first.',
    );
    expect(await problem('toggl-tray://start?project=Website%20redesign&task=Nope')).toBe(
      'Website redesign has no task matching “Nope”.',
    );
    expect(await problem('toggl-tray://start?task=Wireframes')).toContain('A task needs its project');
    expect(await problem('toggl-tray://start?project=Acme%20Corp')).toBe(
      '“Acme Corp” names the client Acme Corp, not a project.',
    );
    expect(await problem('toggl-tray://start?project=Hiring&project_id=1')).toContain('not both');
    expect(await problem('toggl-tray://stop')).toBe('No timer is running, so this link has nothing to stop.');
    expect(await problem('toggl-tray://add?text=%40website%20~2h')).toContain('name');
    expect(app.log.entries.filter((entry) => entry.message === 'link: cannot be carried out')).toHaveLength(11);

    // A problem's only answer is to close it: nothing happens.
    await answer(app, 'dismiss');
    expect(await app.call('link.request')).toBeNull();
    expect((await app.call('data.view')).outbox).toEqual([]);
  });

  it('names that fit several projects equally are ambiguous', async () => {
    const { app } = await launched();
    const view = await app.call('data.view');
    const consulting = view.workspaces.find((workspace) => workspace.name === 'Dana Consulting');
    await app.call('projects.create', {
      wid: consulting?.id ?? 0,
      fields: { name: 'Website redesign', cid: null, color: '#06aaf5', isPrivate: false, billable: false },
    });
    app.services.links.receive('toggl-tray://start?project=Website%20redesign');
    expect((await shown(app)).text).toMatch(
      /^“Website redesign” names 2 projects \(Website redesign \(Acme Corp\), Website redesign…\): give more of the name, or project_id\.$/,
    );
  });

  it('signed out, a data link says to sign in first', async () => {
    const { app } = await launched();
    await app.call('session.signOut', { discardPending: true });
    expect(app.services.links.receive('toggl-tray://stop')).toEqual({
      code: 1,
      out: 'Sign in to Toggl Tray first, then open the link again.',
    });
  });
});

describe('one request at a time, answered once', () => {
  it('a newer link replaces the waiting one and says so; an answer to the old one changes nothing', async () => {
    const { app } = await launched();
    app.services.links.receive('toggl-tray://start?project=Mobile%20app&description=First');
    const first = await shown(app);
    app.services.links.receive('toggl-tray://start?project=Internal%20tools&description=Second');
    const second = await shown(app);
    expect(second.id).not.toBe(first.id);
    expect(second.notice).toBe(
      'This link replaced one that was waiting, which would have done: Start a timer on Mobile app · description “First”',
    );

    await expect(answer(app, 'confirm', first.id)).rejects.toThrow(
      'A newer link replaced that one; nothing was changed.',
    );
    expect(await shown(app)).toEqual(second);
    await answer(app, 'confirm', second.id);
    await expect(answer(app, 'confirm', second.id)).rejects.toThrow(
      'That link was answered already; nothing was changed.',
    );
    const view = await sent(app);
    expect(runningIn(view).map((entry) => entry.description)).toEqual(['Second']);
    expect(entriesAtToggl(world.sandbox, 'First')).toEqual([]);
  });

  it('what changed while it waited is asked again, never carried out unseen', async () => {
    const { app, pushed } = await launched();
    const website = projectNamed(await app.call('data.view'), 'Website redesign');
    await app.call('timer.start', { wid: website?.wid ?? 0, pid: website?.id ?? null, tid: null, description: 'One' });
    app.services.links.receive('toggl-tray://stop');
    const asked = await shown(app);
    // Meanwhile another timer started (the phone, another window): stopping it was never shown.
    await app.call('timer.start', { wid: website?.wid ?? 0, pid: website?.id ?? null, tid: null, description: 'Two' });
    await expect(answer(app, 'confirm', asked.id)).rejects.toThrow('What this link does changed since it came');
    expect(runningIn(await app.call('data.view')).map((entry) => entry.description)).toEqual(['Two']);
    const again = await shown(app);
    expect(again).toMatchObject({ text: 'Stop the running timer “Two” on Website redesign', confirm: 'Stop timer' });
    expect(again.notice).toContain('changed since it came');
    expect(pushed.at(-1)).toEqual(again);
    await answer(app, 'confirm', again.id);
    expect(runningIn(await sent(app))).toEqual([]);
  });
});
