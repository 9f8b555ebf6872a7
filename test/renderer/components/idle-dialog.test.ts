// @vitest-environment happy-dom
// The question about time away in the whole popover, against the real services and the sandbox:
// main raises it (as its watcher would on return), the page asks, and the answer is a timer change.
import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idleTimes } from '../../../src/renderer/src/lib/idle-state.svelte';
import { mountPopover, type MountedPopover } from '../../support/mounted-popover';
import { projectNamed } from '../../support/named';

let popover: MountedPopover;
beforeEach(async () => {
  popover = await mountPopover();
});
afterEach(() => popover.close());

const MINUTE = 60_000;

/** A timer on Website redesign that started an hour ago, and the popover showing it. */
async function runningAnHour(): Promise<number> {
  const { app } = popover;
  const project = projectNamed(await app.call('data.view'), 'Website redesign');
  if (!project) throw new Error('the demo account has Website redesign');
  app.services.data.timer.start(
    { wid: project.wid, pid: project.id, tid: null, description: '' },
    Date.now() - 60 * MINUTE,
  );
  await popover.settle();
  const entry = (await app.call('data.view')).entries.find((item) => item.stop === null);
  if (!entry) throw new Error('the timer runs');
  return entry.id;
}

/** Main asks, as its watcher does when the user comes back after 29 minutes away. */
async function ask(entryId: number): Promise<{ idleSince: number; returnedAt: number }> {
  const returnedAt = Date.now() - MINUTE;
  const idleSince = returnedAt - 29 * MINUTE;
  popover.app.services.idle.questions.ask({ entryId, idleSince, returnedAt });
  await popover.settle();
  return { idleSince, returnedAt };
}

const search = () => screen.getByRole('searchbox', { name: 'Search projects and tasks' });

describe('the idle question', () => {
  it('asks in words with the times, focus on Keep; Escape keeps the time and gives focus back', async () => {
    const id = await runningAnHour();
    search().focus();
    const times = await ask(id);
    const dialog = screen.getByRole('alertdialog', { name: 'Idle time' });
    const { from, to } = idleTimes(times, 'Europe/Tallinn');
    expect(dialog.textContent).toContain(`You were idle from ${from} to ${to} (29 min) while “Website redesign” ran.`);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep the time' }));

    await popover.user.keyboard('{Escape}');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(search());
    expect(await popover.app.call('idle.question')).toBeNull();
    const view = await popover.app.call('data.view');
    expect(view.entries.filter((entry) => entry.stop === null).map((entry) => entry.id)).toEqual([id]);
  });

  it('Tab, Tab, Enter: discard and continue stops the entry at the idle start and starts one like it from the return', async () => {
    const id = await runningAnHour();
    search().focus();
    const { idleSince, returnedAt } = await ask(id);
    await popover.user.tab();
    expect(document.activeElement?.textContent).toBe('Discard');
    await popover.user.tab();
    expect(document.activeElement?.textContent).toBe('Discard and continue');
    await popover.user.keyboard('{Enter}');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(search());
    const entries = (await popover.app.call('data.view')).entries;
    const whole = (at: number) => new Date(Math.floor(at / 1000) * 1000).toISOString();
    expect(entries.find((entry) => entry.stop === whole(idleSince))).toBeTruthy();
    expect(entries.filter((entry) => entry.stop === null).map((entry) => entry.start)).toEqual([whole(returnedAt)]);
  });

  it('goes when its entry is stopped meanwhile', async () => {
    const id = await runningAnHour();
    await ask(id);
    expect(screen.getByRole('alertdialog', { name: 'Idle time' })).toBeTruthy();
    await popover.app.call('timer.stop');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
