// @vitest-environment happy-dom
import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountPopover, type MountedPopover } from '../../support/mounted-popover';

let p: MountedPopover;
afterEach(() => p.close());

const state = () => p.world.sandbox.state;
const studioOrg = () => [...state().organizations.values()].find((item) => item.name === 'Demo Studio');
const demoId = () => state().userByEmail('demo@toggl-tray.test')?.id ?? 0;
const studioGroups = () => [...state().groups.values()].filter((group) => group.organization_id === studioOrg()?.id);

/** Settings open, its Groups section loaded; the part of it for one organization. */
async function openSettings(): Promise<void> {
  await p.click(screen.getByRole('button', { name: 'Settings' }));
  await p.settle();
}
const part = (organization: string) => {
  const heading = within(screen.getByRole('region', { name: 'Groups' })).getByRole('heading', { name: organization });
  return heading.closest<HTMLElement>('[data-org]') ?? heading;
};
const row = (name: string) => within(part('Demo Studio')).getByRole('listitem', { name });
const dialogNamed = (name: string) => screen.getByRole('dialog', { name });

describe('Settings → Groups, for an organization admin', () => {
  beforeEach(async () => {
    p = await mountPopover();
    await openSettings();
  });

  it('creates (a refused name first), gives people, sets workspaces, renames and deletes, each reaching Toggl', async () => {
    expect(
      within(part('Demo Studio'))
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('aria-labelledby')),
    ).toHaveLength(1);
    expect(row('Designers').textContent).toContain('1 person · 1 workspace');

    // A name taken: main says so in the dialog, which stays open.
    await p.click(within(part('Demo Studio')).getByRole('button', { name: 'New group' }));
    let dialog = dialogNamed('New group');
    await p.user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'designers');
    await p.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('“Demo Studio” has a group “designers” already.');
    const name = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    await p.user.clear(name);
    await p.user.type(name, 'Ops');
    await p.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(screen.queryByRole('dialog', { name: 'New group' })).toBeNull();
    expect(
      studioGroups()
        .map((group) => group.name)
        .sort(),
    ).toEqual(['Designers', 'Ops']);
    expect(row('Ops').textContent).toContain('0 people · 0 workspaces');

    // People: one ticked and one unticked again, then Done.
    await p.click(within(row('Ops')).getByRole('button', { name: 'People' }));
    dialog = dialogNamed('People in “Ops”');
    await p.click(within(dialog).getByRole('checkbox', { name: 'Sam Teammate' }));
    await p.click(within(dialog).getByRole('checkbox', { name: 'Dana Demo' }));
    await p.click(within(dialog).getByRole('checkbox', { name: 'Sam Teammate' }));
    await p.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(document.activeElement).toBe(within(row('Ops')).getByRole('button', { name: 'People' }));
    expect(
      studioGroups()
        .find((group) => group.name === 'Ops')
        ?.users.map((user) => user.user_id),
    ).toEqual([demoId()]);

    // Workspaces: Demo Studio's.
    await p.click(within(row('Ops')).getByRole('button', { name: 'Workspaces' }));
    dialog = dialogNamed('Workspaces of “Ops”');
    await p.click(within(dialog).getByRole('checkbox', { name: 'Community (members)' }));
    await p.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(row('Ops').textContent).toContain('1 person · 1 workspace');

    // Rename; Cancel first changes nothing.
    await p.click(within(row('Ops')).getByRole('button', { name: 'Rename' }));
    await p.click(within(dialogNamed('Rename group')).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(within(row('Ops')).getByRole('button', { name: 'Rename' }));
    await p.click(within(row('Ops')).getByRole('button', { name: 'Rename' }));
    const rename = within(dialogNamed('Rename group')).getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    await p.user.clear(rename);
    await p.user.type(rename, 'Operations{Enter}');
    await p.settle();
    expect(
      studioGroups()
        .map((group) => group.name)
        .sort(),
    ).toEqual(['Designers', 'Operations']);

    // Delete the first: focus goes to the row that took its place.
    await p.click(within(row('Designers')).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete group' });
    await p.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(studioGroups().map((group) => group.name)).toEqual(['Operations']);
    expect(document.activeElement).toBe(within(row('Operations')).getByRole('button', { name: 'Rename' }));
    // The last one: focus goes to New group, and the part says there are none.
    await p.click(within(row('Operations')).getByRole('button', { name: 'Delete' }));
    await p.click(
      within(screen.getByRole('alertdialog', { name: 'Delete group' })).getByRole('button', { name: 'Delete' }),
    );
    expect(within(part('Demo Studio')).getByText('No groups yet.')).toBeTruthy();
    expect(document.activeElement).toBe(within(part('Demo Studio')).getByRole('button', { name: 'New group' }));
  });

  it('a change Toggl refuses shows on its row in Toggl’s words; Retry asks again, Discard drops it', async () => {
    studioOrg()?.members.set(demoId(), false);
    await p.click(within(row('Designers')).getByRole('button', { name: 'Rename' }));
    const name = within(dialogNamed('Rename group')).getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    await p.user.clear(name);
    await p.user.type(name, 'Design{Enter}');
    await p.settle();
    const refused = within(row('Design')).getByRole('alert');
    expect(refused.textContent).toContain('Forbidden');
    const puts = () => p.world.sandbox.countRequests((request) => request.method === 'PUT');
    const before = puts();
    await p.click(within(row('Design')).getByRole('button', { name: 'Retry' }));
    expect(puts()).toBe(before + 1);
    await p.click(within(row('Design')).getByRole('button', { name: 'Discard' }));
    expect(row('Designers').textContent).not.toContain('Forbidden');
  });
});

describe('Settings → Groups, for someone else', () => {
  it('shows the groups and why they cannot be changed', async () => {
    p = await mountPopover();
    studioOrg()?.members.set(demoId(), false);
    await openSettings();
    expect(part('Demo Studio').textContent).toContain('Only organization admins can change groups in “Demo Studio”.');
    expect(within(row('Designers')).queryAllByRole('button')).toEqual([]);
    expect(within(part('Demo Studio')).queryByRole('button', { name: 'New group' })).toBeNull();
    expect(within(part('Dana Consulting')).getByRole('button', { name: 'New group' })).toBeTruthy();
  });
});
