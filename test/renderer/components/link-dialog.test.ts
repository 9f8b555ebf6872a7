// @vitest-environment happy-dom
// A toggl-tray:// link in the whole popover, against the real services and the sandbox: main
// receives it (as from the OS or the socket), the page shows what it will do, and only Enter does it.
import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountPopover, type MountedPopover } from '../../support/mounted-popover';
import { projectNamed } from '../../support/named';

let popover: MountedPopover;
beforeEach(async () => {
  popover = await mountPopover();
});
afterEach(() => popover.close());

async function receive(link: string): Promise<HTMLElement> {
  popover.app.services.links.receive(link);
  await popover.settle();
  return screen.getByRole('alertdialog', { name: 'Open link' });
}

const search = () => screen.getByRole('searchbox', { name: 'Search projects and tasks' });
const running = async () =>
  (await popover.app.call('data.view')).entries
    .filter((entry) => entry.stop === null)
    .map((entry) => entry.description);

describe('the Open link dialog', () => {
  it('says what the link does, focus on its main button; Enter does it and focus goes back', async () => {
    search().focus();
    const dialog = await receive('toggl-tray://start?project=Mobile%20app&description=Standup');
    expect(dialog.textContent).toContain('Start a timer on Mobile app · description “Standup”');
    expect(dialog.textContent).toContain('toggl-tray://start?project=Mobile%20app&description=Standup');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Start timer' }));
    expect(await running()).toEqual([]);

    await popover.user.keyboard('{Enter}');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(search());
    expect(await running()).toEqual(['Standup']);
  });

  it('Shift+Tab reaches Cancel, which changes nothing; so does Escape', async () => {
    search().focus();
    let dialog = await receive('toggl-tray://start?project=Mobile%20app');
    await popover.user.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await popover.user.keyboard('{Enter}');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(search());

    dialog = await receive('toggl-tray://add?text=Fix%20login%20%40mobile');
    expect(dialog.textContent).toContain('New task “Fix login” in Mobile app');
    await popover.user.keyboard('{Escape}');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await popover.app.call('link.request')).toBeNull();
    expect(await running()).toEqual([]);
    expect((await popover.app.call('data.view')).tasks.some((task) => task.name === 'Fix login')).toBe(false);
  });

  it('a link it cannot carry out says why, with OK; a confirm after the list changed asks again', async () => {
    let dialog = await receive('toggl-tray://stop');
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'This link cannot be carried out: No timer is running, so this link has nothing to stop.',
    );
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'OK' }));
    await popover.user.keyboard('{Enter}');
    await popover.settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();

    // A stop shown for one timer, while another started meanwhile: confirming asks again.
    const project = projectNamed(await popover.app.call('data.view'), 'Website redesign');
    const start = (description: string) =>
      popover.app.call('timer.start', { wid: project?.wid ?? 0, pid: project?.id ?? null, tid: null, description });
    await start('One');
    dialog = await receive('toggl-tray://stop');
    expect(dialog.textContent).toContain('Stop the running timer “One” on Website redesign');
    await start('Two');
    await popover.user.keyboard('{Enter}');
    await popover.settle();
    dialog = screen.getByRole('alertdialog', { name: 'Open link' });
    expect(dialog.textContent).toContain('changed since it came');
    expect(dialog.textContent).toContain('Stop the running timer “Two” on Website redesign');
    expect(await running()).toEqual(['Two']);
    await popover.user.keyboard('{Enter}');
    await popover.settle();
    expect(await running()).toEqual([]);
  });
});
