// @vitest-environment happy-dom
import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../tools/sandbox/fixture';
import { mountPopover, type MountedPopover } from '../../support/mounted-popover';

let p: MountedPopover;
beforeEach(async () => {
  p = await mountPopover();
  await p.showWorkspace('Demo Studio');
});
afterEach(() => p.close());

const tree = () => screen.getByRole('tree', { name: 'Projects and tasks' });
const selected = () => tree().querySelector('[aria-selected="true"]')?.getAttribute('aria-label');

/** Opens "New project" or "New task" (on the selection), types the name and saves. */
async function saveNew(kind: 'project' | 'task', name: string): Promise<void> {
  await p.click(screen.getByRole('button', { name: `New ${kind}` }));
  const form = screen.getByRole('dialog', { name: `New ${kind}` });
  await p.user.type(within(form).getByLabelText('Name'), name);
  await p.click(within(form).getByRole('button', { name: 'Save' }));
}

async function key(keys: string): Promise<void> {
  await p.user.keyboard(keys);
  await p.settle();
}

describe('the popover, paths beyond the main ones', () => {
  it('a client header is named once in the page, by its heading, not again by the item its slot hides', () => {
    // getByText throws on a second element with the name.
    const header = screen.getByText('Acme Corp');
    expect(header.closest('[role="tree"]')).toBe(tree());
    expect(header.id).not.toBe('');
    expect(tree().getAttribute('aria-owns')?.split(' ')).toContain(header.id);
  });

  it('↓ from the search box takes the first row, in a search its first; a task found stays listed when the search is cleared, by Escape or key by key; ↓ into no hits keeps the selection', async () => {
    const search = screen.getByRole('searchbox', { name: 'Search projects and tasks' });
    search.focus();
    await key('{ArrowDown}');
    // The first row, not the second: the tree taking focus selects only when nothing is.
    // The tree's first item in its order (aria-owns): the page keeps its rows in slot order.
    const firstItem = (tree().getAttribute('aria-owns') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((element) => element?.getAttribute('role') === 'treeitem');
    expect(selected()).toBe(firstItem?.getAttribute('aria-label'));
    search.focus();
    await key('accessibility');
    await key('{ArrowDown}');
    expect(selected()).toBe('Website redesign');
    await key('{ArrowDown}');
    expect(selected()).toBe('Accessibility review');
    search.focus();
    await key('{Escape}');
    expect(search).toHaveProperty('value', '');
    // The search had opened its project to show it: cleared, the project stays open.
    expect(p.row('Website redesign').getAttribute('aria-expanded')).toBe('true');
    expect(selected()).toBe('Accessibility review');
    // Emptied key by key instead, the same.
    await p.click(p.row('Website redesign'));
    await key('{ArrowLeft}');
    search.focus();
    await key('accessibility{ArrowDown}{ArrowDown}');
    expect(selected()).toBe('Accessibility review');
    search.focus();
    await key('{Backspace}'.repeat('accessibility'.length));
    expect(search).toHaveProperty('value', '');
    expect(p.row('Website redesign').getAttribute('aria-expanded')).toBe('true');
    expect(selected()).toBe('Accessibility review');
    search.focus();
    await key('zzqxv');
    await key('{ArrowDown}');
    search.focus();
    await key('{Escape}');
    expect(selected()).toBe('Accessibility review');
  });

  it('Ctrl+N and Ctrl+T pressed before the list is back (Settings just closed) open their forms once it is', async () => {
    const { flushSync } = await import('svelte');
    const press = (init: KeyboardEventInit): void => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      flushSync();
    };
    for (const [letter, name] of [
      ['n', 'New project'],
      ['t', 'New task'],
    ] as const) {
      await p.click(screen.getByRole('button', { name: 'Settings' }));
      // Escape closes Settings; the list's first answer is not here yet when the next key comes.
      press({ key: 'Escape' });
      expect(screen.queryAllByRole('treeitem')).toHaveLength(0);
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
      press({ key: letter, ctrlKey: true });
      await p.settle();
      const form = screen.getByRole('dialog', { name });
      expect(within(form).getByLabelText('Name')).toBeTruthy();
      await key('{Escape}');
      expect(screen.queryByRole('dialog', { name })).toBeNull();
    }
  });

  it('a New task form opened on a project made offline keeps it picked once Toggl gives it its id', async () => {
    const { sandbox } = p.world;
    await sandbox.setDown(true);
    await saveNew('project', 'Launch plan');
    expect(selected()).toBe('Launch plan');
    await p.click(screen.getByRole('button', { name: 'New task' }));
    const taskForm = screen.getByRole('dialog', { name: 'New task' });
    const project = within(taskForm).getByRole<HTMLSelectElement>('combobox', { name: 'Project' });
    // Picked under the id it has until Toggl has it.
    expect(Number(project.value)).toBeLessThan(0);
    expect(project.selectedOptions[0]?.textContent).toMatch(/^Launch plan/);
    await sandbox.setDown(false);
    await p.api.invoke('sync.refresh');
    await p.settle();
    const launch = [...sandbox.state.projects.values()].find((item) => item.name === 'Launch plan');
    expect(launch?.id).toBeGreaterThan(0);
    // The pick follows it: without that, no option showed picked.
    expect(project.value).toBe(String(launch?.id));
    expect(project.selectedOptions[0]?.textContent).toMatch(/^Launch plan/);
    await p.user.type(within(taskForm).getByLabelText('Name'), 'Draft brief');
    await p.click(within(taskForm).getByRole('button', { name: 'Save' }));
    await p.api.invoke('sync.refresh');
    await p.settle();
    const brief = [...sandbox.state.tasks.values()].find((item) => item.name === 'Draft brief');
    expect(brief?.project_id).toBe(launch?.id);
  });

  it('the running entry’s form, opened on a project and task made offline, keeps both picked once Toggl has them', async () => {
    const { sandbox } = p.world;
    await sandbox.setDown(true);
    await saveNew('project', 'Launch plan');
    await saveNew('task', 'Draft brief');
    await p.rowAction('Draft brief', 'Start timer');
    await p.click(screen.getByRole('button', { name: 'Edit running entry' }));
    const entryForm = screen.getByRole('dialog', { name: 'Edit running entry' });
    const project = within(entryForm).getByRole<HTMLSelectElement>('combobox', { name: 'Project' });
    const task = within(entryForm).getByRole<HTMLSelectElement>('combobox', { name: 'Task' });
    expect(project.selectedOptions[0]?.textContent).toBe('Launch plan');
    expect(task.selectedOptions[0]?.textContent).toBe('Draft brief');
    await sandbox.setDown(false);
    await p.api.invoke('sync.refresh');
    await p.settle();
    const launch = [...sandbox.state.projects.values()].find((item) => item.name === 'Launch plan');
    const brief = [...sandbox.state.tasks.values()].find((item) => item.name === 'Draft brief');
    expect(brief?.id).toBeGreaterThan(0);
    expect([project.value, task.value]).toEqual([String(launch?.id), String(brief?.id)]);
    expect(task.selectedOptions[0]?.textContent).toBe('Draft brief');
    // Saved unchanged but for the description: the entry stays on them at Toggl.
    await p.user.type(within(entryForm).getByLabelText('Description'), 'Outline');
    await p.click(within(entryForm).getByRole('button', { name: 'Save' }));
    await p.api.invoke('sync.refresh');
    await p.settle();
    const running = [...sandbox.state.timeEntries.values()].find((entry) => entry.description === 'Outline');
    expect([running?.project_id, running?.task_id]).toEqual([launch?.id, brief?.id]);
  });

  it('Settings empties the pin box on Enter at once: words typed while main pins are the next pin’s', async () => {
    await p.click(screen.getByRole('button', { name: 'Settings' }));
    const box = screen.getByRole<HTMLInputElement>('textbox', { name: /^Pin a project or task/ });
    const preview = screen.getByRole('status', { name: 'Pin preview' });
    const pins = () => within(screen.getByRole('list', { name: 'Hotkeys' })).getAllByRole('listitem');
    await p.click(box);
    await key('internal');
    expect(preview.textContent).toMatch(/^Pin “Internal tools” to /);
    // Main pins at once, but its answer comes late (a busy machine): the next words are typed before it.
    const { api } = p;
    const invoke = api.invoke.bind(api);
    let answer = (): void => undefined;
    const late = new Promise<void>((resolve) => (answer = resolve));
    api.invoke = async (...args) => {
      const result = await invoke(...args);
      if (args[0] === 'hotkeys.pin') await late;
      return result;
    };
    await key('{Enter}');
    expect(box.value).toBe('');
    await key('website');
    expect(pins()).toHaveLength(1);
    answer();
    await p.settle();
    api.invoke = invoke;
    expect(box.value).toBe('website');
    expect(preview.textContent).toMatch(/^Pin “Website redesign” to /);
    await key('{Enter}');
    expect(pins()).toHaveLength(2);
    expect(box.value).toBe('');
    expect(preview.textContent).toBe('');
    expect(document.activeElement).toBe(box);
  });

  it('moves through the tree with the keyboard: ↓ ↑ → ← Home End, Enter edits, Delete asks', async () => {
    tree().focus();
    await p.settle();
    const first = selected();
    expect(first).toBeTruthy();
    await key('{End}');
    expect(selected()).not.toBe(first);
    await key('{Home}');
    expect(selected()).toBe(first);
    await p.click(p.row('Website redesign'));
    await key('{ArrowRight}');
    expect(p.row('Website redesign').getAttribute('aria-expanded')).toBe('true');
    await key('{ArrowRight}');
    expect(selected()).toBe('Accessibility review');
    // Time as a person reads it: no "/ 4 h" when nothing is tracked yet.
    expect(p.described('Accessibility review')).toBe('estimate 4 h');
    expect(p.accessory('Accessibility review')).toBe('');
    expect(p.accessory('Visual design')).toBe('3 h of 12 h');
    expect(p.described('Visual design')).toBe('3 h tracked of 12 h, assigned to Dana Demo');
    // Tracked against the estimate as a bar as well: a quarter of it.
    const visual = p.row('Visual design').parentElement;
    expect(visual?.querySelector<HTMLElement>('.bar > span')?.style.width).toBe('25%');
    await key('{ArrowDown}');
    expect(p.accessory('Accessibility review')).toBe('est. 4 h');
    expect(p.row('Accessibility review').parentElement?.querySelector('.bar:not([hidden])')).toBeNull();
    await key('{ArrowUp}');
    await key('{ArrowLeft}');
    expect(selected()).toBe('Website redesign');
    await key('{ArrowLeft}');
    expect(p.row('Website redesign').getAttribute('aria-expanded')).toBe('false');
    await key('{ArrowDown}{ArrowUp}');
    expect(selected()).toBe('Website redesign');
    await key('{Enter}');
    expect(screen.getByRole('dialog')).toBeTruthy();
    await key('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    tree().focus();
    await key('{Delete}');
    expect(screen.getByRole('alertdialog').textContent).toContain('Delete “Website redesign” from Toggl with its');
    await p.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
  });

  it('Enter and Space on a row’s own button or Done box press it, instead of editing or picking the row', async () => {
    await p.click(p.row('Mobile app'));
    within(p.row('Mobile app')).getByRole('button', { name: 'Members' }).focus();
    await key('{Enter}');
    expect(screen.getByRole('dialog', { name: 'Members of “Mobile app”' })).toBeTruthy();
    await key('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(within(p.row('Mobile app')).getByRole('button', { name: 'Members' }));
    await key('{ArrowRight}');
    const done = within(p.row('Onboarding flow')).getByRole('checkbox', { name: 'Done' });
    done.focus();
    await key(' ');
    expect(screen.getByText('Marked “Onboarding flow” done.')).toBeTruthy();
    expect(screen.queryByText('1 selected')).toBeNull();
  });

  it('picks several with Ctrl+click and Space, then archives them together', async () => {
    await p.click(p.row('Internal tools'));
    tree().focus();
    await key(' ');
    await p.user.keyboard('{Control>}');
    await p.user.click(p.row('Hiring'));
    await p.user.keyboard('{/Control}');
    await p.settle();
    expect(screen.getByText('2 selected')).toBeTruthy();
    await p.click(screen.getByRole('button', { name: 'Archive selected' }));
    expect(screen.getByText('Archived 2 projects.')).toBeTruthy();
    expect(screen.queryByRole('treeitem', { name: 'Hiring' })).toBeNull();
    await p.click(screen.getByRole('checkbox', { name: 'Show archived' }));
    expect(within(p.row('Hiring')).getByText('archived')).toBeTruthy();
  });

  it('a conflict opens the choice; "Keep mine" sends mine', async () => {
    const id = p.app.services.data.currentView().projects.find((project) => project.name === 'Mobile app')?.id ?? 0;
    await p.world.sandbox.setDown(true);
    await p.rowAction('Mobile app', 'Edit');
    const dialog = screen.getByRole('dialog');
    await p.user.clear(within(dialog).getByLabelText('Name'));
    await p.user.type(within(dialog).getByLabelText('Name'), 'Mobile (mine)');
    await p.click(within(dialog).getByRole('button', { name: 'Save' }));
    const onServer = p.world.sandbox.state.projects.get(id);
    if (onServer) Object.assign(onServer, { name: 'Mobile (theirs)', at: new Date(Date.now() + 1000).toISOString() });
    await p.world.sandbox.setDown(false);
    await p.click(screen.getByRole('button', { name: 'Refresh' }));
    await p.rowAction('Mobile (mine)', 'Resolve');
    expect(screen.getByRole('dialog').textContent).toContain('Mobile (theirs)');
    await p.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(p.world.sandbox.state.projects.get(id)?.name).toBe('Mobile (mine)');
  });

  it('says when nothing matches a search, and "Clear search" brings the list back', async () => {
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search projects and tasks' });
    await p.user.type(box, 'zzzqqq');
    await p.settle();
    expect(screen.getByText('Nothing matches “zzzqqq”.')).toBeTruthy();
    await p.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(box.value).toBe('');
    expect(p.row('Website redesign')).toBeTruthy();
  });

  it('offline with nothing saved yet: says so, and "Try again" loads the list once Toggl is back', async () => {
    await p.close();
    p = await mountPopover({ offlineFirstStart: true });
    expect(screen.getByText(/Toggl cannot be reached, and nothing is saved on this computer yet/)).toBeTruthy();
    await p.world.sandbox.setDown(false);
    await p.click(screen.getByRole('button', { name: 'Try again' }));
    await p.showWorkspace('Demo Studio');
    expect(p.row('Website redesign')).toBeTruthy();
  });

  it('signing out with a change waiting asks first; "Keep them" keeps them; password sign-in works', async () => {
    await p.world.sandbox.setDown(true);
    await p.rowAction('Internal tools', 'Archive');
    await p.click(screen.getByRole('button', { name: 'Settings' }));
    await p.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('1 change has not reached Toggl yet.');
    await p.click(screen.getByRole('button', { name: 'Keep them' }));
    await p.click(screen.getByRole('button', { name: 'Sign out' }));
    await p.click(screen.getByRole('button', { name: 'Sign out and discard' }));
    await p.world.sandbox.setDown(false);
    await p.click(screen.getByRole('button', { name: 'Use email and password' }));
    await p.user.type(screen.getByLabelText('Email'), DEMO.email);
    await p.user.type(screen.getByLabelText('Password'), 'wrong-password');
    await p.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toMatch(/./);
    await p.user.clear(screen.getByLabelText('Password'));
    await p.user.type(screen.getByLabelText('Password'), DEMO.password);
    await p.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText(/Dana Demo/)).toBeTruthy();
    await p.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByTestId('user-name').textContent).toBe('Dana Demo');
  });

  it('after a 402 the status says the quota is spent and Refresh says when it frees up', async () => {
    p.world.sandbox.force({ status: 402, times: 1 });
    await p.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('status', { name: 'Sync status' }).textContent).toMatch(
      /API quota: .* left, resets in \d+ min/,
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(true);
    expect(screen.getByText(/Toggl's hourly API limit is used up; refresh again in \d+ min\./)).toBeTruthy();
  });

  it('deletes a task after confirming, and marks one done with its checkbox', async () => {
    await p.click(p.row('Mobile app'));
    tree().focus();
    await key('{ArrowRight}{ArrowDown}');
    const task = selected() ?? '';
    await key('{Delete}');
    expect(screen.getByRole('alertdialog').textContent).toContain(`Delete the task “${task}” from Toggl?`);
    await p.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('treeitem', { name: task })).toBeNull();
    const other = screen.getAllByRole('treeitem').find((item) => item.getAttribute('aria-level') === '2');
    await p.click(within(other ?? document.body).getByRole('checkbox', { name: 'Done' }));
    expect(screen.getByText(/^Marked “.+” done\.$/)).toBeTruthy();
  });

  it('signed out, the token form links to the Toggl profile page and shows the token on request', async () => {
    await p.click(screen.getByRole('button', { name: 'Settings' }));
    await p.click(screen.getByRole('button', { name: 'Sign out' }));
    const opened: string[] = [];
    window.open = ((url: string) => (opened.push(url), null)) as typeof window.open;
    await p.click(screen.getByRole('button', { name: 'Toggl Profile page' }));
    expect(opened).toEqual(['https://track.toggl.com/profile']);
    await p.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('button', { name: /Hide/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('a Free plan, as Toggl has it', () => {
  it('New task offers only projects on a paid plan, even with a Free project selected', async () => {
    await p.showWorkspace('Side projects');
    await p.click(p.row('Garden planner'));
    await p.click(screen.getByRole('button', { name: 'New task' }));
    const project = within(screen.getByRole('dialog', { name: 'New task' })).getByRole('combobox', {
      name: 'Project',
    });
    const offered = within(project)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(offered).toContain('Mobile app · Globex');
    expect(offered.some((name) => name.startsWith('Garden planner'))).toBe(false);
    expect(offered.some((name) => name.startsWith('Fotobuch'))).toBe(false);
    // The selected Free project is not the default: the first project that may have tasks is.
    expect((project as HTMLSelectElement).value).toBe(within(project).getAllByRole('option')[0]?.getAttribute('value'));
  });

  it('where every project you may change is on Free, New task is off and says why', async () => {
    // Downgraded on Toggl: the next sync brings the plan, and with it what may be done.
    for (const workspace of p.world.sandbox.state.workspaces.values()) {
      workspace.premium = false;
      workspace.business_ws = false;
      workspace.at = p.world.sandbox.state.stamp();
    }
    await p.click(screen.getByRole('button', { name: 'Refresh' }));
    const newTask = screen.getByRole<HTMLButtonElement>('button', { name: 'New task' });
    expect(newTask.disabled).toBe(true);
    expect(newTask.title).toMatch(/^Tasks need a paid plan in “.+”\.$/);
  });
});

describe('quick add in the search box', () => {
  it('previews in the "Quick add" status region key by key, completes @ with Tab, and Enter makes the task', async () => {
    const preview = screen.getByRole('status', { name: 'Quick add' });
    expect(preview.textContent).toBe('');
    const search = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search projects and tasks' });
    await p.click(search);
    await key('+Hero copy @mob');
    expect(preview.textContent).toBe('New task “Hero copy” in Mobile app');
    expect(screen.getByText('Mobile app', { selector: '.completion' })).toBeTruthy();
    await key('{Tab}');
    expect(search.value).toBe('+Hero copy @Mobile app');
    expect(document.activeElement).toBe(search);
    await key(' ~1h30{Enter}');
    expect(search.value).toBe('');
    expect(preview.textContent).toBe('');
    expect(document.activeElement).toBe(search);
    expect(selected()).toBe('Hero copy');
    expect(p.described('Hero copy')).toContain('estimate 1 h 30 min');
  });
});

describe('the OS accent color', () => {
  it('is used for selection, focus and primary buttons where main hands one over', async () => {
    const { applyAccent } = await import('../../../src/renderer/src/lib/app-state.svelte');
    const root = document.createElement('div');
    applyAccent(root, '#1d4ed8');
    expect(root.style.getPropertyValue('--accent')).toBe('#1d4ed8');
    expect(root.style.getPropertyValue('--on-accent')).toBe('#ffffff');
    applyAccent(root, null);
    expect(root.style.getPropertyValue('--accent')).toBe('#1d4ed8');
  });
});
