// @vitest-environment happy-dom
import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../tools/sandbox/fixture';
import { mountPopover, type MountedPopover } from '../../support/mounted-popover';

let p: MountedPopover;
beforeEach(async () => {
  p = await mountPopover();
});
afterEach(() => p.close());

const tree = () => screen.getByRole('tree', { name: 'Projects and tasks' });
const selected = () => tree().querySelector('[aria-selected="true"]')?.getAttribute('aria-label');

describe('the popover, mounted against the real services', () => {
  it('lists, searches key by key, creates a project through its form, and shows it pending offline', async () => {
    await p.showWorkspace('Demo Studio');
    expect(p.row('Mobile app')).toBeTruthy();
    await p.user.type(screen.getByRole('searchbox', { name: 'Search projects and tasks' }), 'mobil');
    await p.settle();
    expect(screen.queryByRole('treeitem', { name: 'Website redesign' })).toBeNull();
    await p.user.clear(screen.getByRole('searchbox', { name: 'Search projects and tasks' }));
    await p.world.sandbox.setDown(true);

    await p.click(screen.getByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog');
    await p.user.type(within(dialog).getByLabelText('Name'), 'Launch plan');
    await p.user.type(within(dialog).getByLabelText('Client'), 'Acme Corp');
    await p.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(p.described('Launch plan')).toContain('change waiting to reach Toggl');
    expect(p.row('Launch plan').querySelector('[data-sync="pending"]')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Sync status' }).textContent).toMatch(/1 change waiting|offline/i);
  });

  it('a refused save keeps the form open with the reason', async () => {
    await p.showWorkspace('Demo Studio');
    await p.click(screen.getByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog');
    await p.user.type(within(dialog).getByLabelText('Name'), 'Internal tools');
    await p.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toBe(
      'A project named “Internal tools” already exists in this workspace.',
    );
    await p.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('archives with Undo, adds and edits a task, deletes after confirming', async () => {
    await p.showWorkspace('Demo Studio');
    await p.rowAction('Internal tools', 'Archive');
    expect(screen.getByText('Archived “Internal tools”.')).toBeTruthy();
    // It was the last row: the selection and focus go to the one before, never to the page.
    expect(document.activeElement).toBe(tree());
    expect(selected()).toBe('Hiring');
    await p.click(screen.getByRole('button', { name: 'Undo' }));
    // The toast goes with its button: focus is on the list.
    expect(document.activeElement).toBe(tree());
    await p.click(p.row('Internal tools'));
    expect(within(p.row('Internal tools')).getByRole('button', { name: 'Archive' })).toBeTruthy();

    await p.click(p.row('Mobile app'));
    await p.click(screen.getByRole('button', { name: 'New task' }));
    let dialog = screen.getByRole('dialog');
    await p.user.type(within(dialog).getByLabelText('Name'), 'Store listing');
    await p.user.type(within(dialog).getByLabelText('Estimate'), '2h');
    await p.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(p.row('Store listing')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New task' }));

    await p.rowAction('Store listing', 'Edit');
    dialog = screen.getByRole('dialog');
    await p.user.clear(within(dialog).getByLabelText('Name'));
    await p.user.type(within(dialog).getByLabelText('Name'), 'Store listing v2');
    await p.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(p.row('Store listing v2')).toBeTruthy();
    expect(document.activeElement).toBe(within(p.row('Store listing v2')).getByRole('button', { name: 'Edit' }));

    await p.rowAction('Hiring', 'Delete');
    await p.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('treeitem', { name: 'Hiring' })).toBeNull();
    expect(document.activeElement).toBe(tree());
    expect(selected()).toBe('Internal tools');
  });

  it('a change Toggl refuses shows Retry and Discard; Discard puts the list back', async () => {
    await p.showWorkspace('Demo Studio');
    const website = p.world.sandbox.state.projects.get(
      p.app.services.data.currentView().projects.find((p) => p.name === 'Website redesign')?.id ?? 0,
    );
    await p.rowAction('Mobile app', 'Edit');
    const dialog = screen.getByRole('dialog');
    await p.user.clear(within(dialog).getByLabelText('Name'));
    await p.user.type(within(dialog).getByLabelText('Name'), 'Mobile app (taken)');
    if (website) {
      // Someone takes that name on Toggl first, in the same client.
      const mobile = [...p.world.sandbox.state.projects.values()].find((project) => project.name === 'Mobile app');
      Object.assign(website, { name: 'Mobile app (taken)', client_id: mobile?.client_id, cid: mobile?.cid });
    }
    await p.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(p.described('Mobile app (taken)')).toContain('change not sent');
    expect(p.row('Mobile app (taken)').querySelector('[data-sync="failed"]')).toBeTruthy();
    // Toggl's reason is in view as text, beside Retry and Discard.
    const problem = screen.getByRole('region', { name: 'Change not sent' });
    expect(problem.textContent).toContain('Toggl refused the change: Name has already been taken');
    await p.click(within(problem).getByRole('button', { name: 'Retry' }));
    await p.click(
      within(screen.getByRole('region', { name: 'Change not sent' })).getByRole('button', { name: 'Discard' }),
    );
    expect(screen.queryByRole('region', { name: 'Change not sent' })).toBeNull();
    expect(p.row('Mobile app')).toBeTruthy();
  });

  it('settings: background sync, then sign out and sign in again with the token', async () => {
    await p.click(screen.getByRole('button', { name: 'Settings' }));
    await p.settle();
    const sync = screen.getByRole('checkbox', { name: /Background sync/ });
    expect((sync as HTMLInputElement).checked).toBe(true);
    await p.click(sync);
    expect(p.app.services.settings.get().backgroundSync).toBe(false);
    await p.click(screen.getByRole('button', { name: /Sign out/ }));
    await p.settle();
    expect(screen.getByLabelText('API token')).toBeTruthy();
    await p.user.type(screen.getByLabelText('API token'), DEMO.apiToken);
    await p.click(screen.getByRole('button', { name: 'Sign in' }));
    await p.settle();
    // Back where the user was (Settings), signed in again.
    expect(screen.getByText(/Dana Demo/)).toBeTruthy();
    await p.click(screen.getByRole('button', { name: /Back|Close|Done/ }));
    expect(screen.getByTestId('user-name').textContent).toBe('Dana Demo');
  });
});
