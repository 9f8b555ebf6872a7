// @vitest-environment happy-dom
import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountPopover, type MountedPopover } from '../../support/mounted-popover';

let p: MountedPopover;
beforeEach(async () => {
  p = await mountPopover();
  await p.showWorkspace('Demo Studio');
});
afterEach(() => p.close());

const onToggl = (projectName: string) => {
  const project = [...p.world.sandbox.state.projects.values()].find((item) => item.name === projectName);
  return [...p.world.sandbox.state.projectUsers.values()].filter((member) => member.project_id === project?.id);
};
const userId = (email: string) => p.world.sandbox.state.userByEmail(email)?.id ?? 0;

describe('the Members dialog', () => {
  it('shows who is on a project; adds, makes manager and removes, each reaching Toggl', async () => {
    await p.rowAction('Mobile app', 'Members');
    const dialog = screen.getByRole('dialog', { name: 'Members of “Mobile app”' });
    const members = () => within(within(dialog).getByRole('list', { name: 'Members' })).getAllByRole('listitem');
    expect(members().map((item) => item.textContent.replace(/\s+/g, ' ').trim())).toEqual([
      'Sam Teammate Manager Rates Remove',
    ]);
    const sam = members()[0];
    expect(within(sam as HTMLElement).getByRole<HTMLInputElement>('checkbox', { name: 'Manager' }).checked).toBe(true);

    await p.user.selectOptions(within(dialog).getByRole('combobox', { name: 'Add member' }), 'Dana Demo');
    await p.settle();
    await p.click(within(dialog).getByRole('button', { name: 'Add' }));
    await p.settle();
    expect(members().map((item) => item.querySelector('.name')?.textContent)).toEqual(['Dana Demo', 'Sam Teammate']);
    // The Add button is disabled once they are on it: focus goes to their row, not the page.
    expect(document.activeElement).toBe(within(members()[0] as HTMLElement).getByRole('checkbox', { name: 'Manager' }));
    expect(
      onToggl('Mobile app')
        .map((member) => member.user_id)
        .sort(),
    ).toEqual([userId('demo@toggl-tray.test'), userId('sam@toggl-tray.test')].sort());

    const dana = members()[0] as HTMLElement;
    await p.click(within(dana).getByRole('checkbox', { name: 'Manager' }));
    await p.settle();
    expect(onToggl('Mobile app').find((member) => member.user_id === userId('demo@toggl-tray.test'))?.manager).toBe(
      true,
    );

    await p.click(within(members()[1] as HTMLElement).getByRole('button', { name: 'Remove' }));
    await p.settle();
    expect(members().map((item) => item.querySelector('.name')?.textContent)).toEqual(['Dana Demo']);
    expect(onToggl('Mobile app').map((member) => member.user_id)).toEqual([userId('demo@toggl-tray.test')]);
    // The last row went: no row took its place, so focus is on the add box.
    expect(document.activeElement).toBe(within(dialog).getByRole('combobox', { name: 'Add member' }));
    await p.click(within(members()[0] as HTMLElement).getByRole('button', { name: 'Remove' }));
    await p.settle();
    expect(within(dialog).getByText('Nobody is on this project yet.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('combobox', { name: 'Add member' }));
  });

  it('after a Remove, focus goes to the row that took the removed one’s place', async () => {
    await p.rowAction('Mobile app', 'Members');
    const dialog = screen.getByRole('dialog', { name: 'Members of “Mobile app”' });
    const members = () => within(within(dialog).getByRole('list', { name: 'Members' })).getAllByRole('listitem');
    await p.user.selectOptions(within(dialog).getByRole('combobox', { name: 'Add member' }), 'Dana Demo');
    await p.click(within(dialog).getByRole('button', { name: 'Add' }));
    await p.settle();
    await p.click(within(members()[0] as HTMLElement).getByRole('button', { name: 'Remove' }));
    await p.settle();
    expect(members().map((item) => item.querySelector('.name')?.textContent)).toEqual(['Sam Teammate']);
    expect(document.activeElement).toBe(within(members()[0] as HTMLElement).getByRole('checkbox', { name: 'Manager' }));
  });

  it('a member’s Rates: typed, saved, reaching Toggl, shown under their name; focus back on Rates', async () => {
    await p.rowAction('Mobile app', 'Members');
    const dialog = screen.getByRole('dialog', { name: 'Members of “Mobile app”' });
    const sam = () =>
      within(within(dialog).getByRole('list', { name: 'Members' })).getAllByRole('listitem')[0] as HTMLElement;
    const toggle = within(sam()).getByRole('button', { name: 'Rates' });
    await p.click(toggle);
    const rates = within(dialog).getByRole('form', { name: 'Rates of Sam Teammate' });
    const rate = within(rates).getByRole('textbox', { name: 'Hourly rate' });
    expect(document.activeElement).toBe(rate);
    await p.user.type(rate, '85.5');
    await p.user.type(within(rates).getByRole('textbox', { name: 'Labor cost' }), '40');
    await p.click(within(rates).getByRole('button', { name: 'Save rates' }));
    await p.settle();
    expect(within(dialog).queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(within(sam()).getByRole('button', { name: 'Rates' }));
    expect(sam().querySelector('.summary')?.textContent).toBe('85.5/h · cost 40/h');
    const onMobile = onToggl('Mobile app').find((member) => member.user_id === userId('sam@toggl-tray.test'));
    expect(onMobile).toMatchObject({ rate: 85.5, labor_cost: 40 });
  });

  it('adds and removes a group in the Groups section', async () => {
    await p.rowAction('Mobile app', 'Members');
    const groups = screen.getByRole('region', { name: 'Groups' });
    await p.user.selectOptions(within(groups).getByRole('combobox', { name: 'Add group' }), 'Designers');
    await p.settle();
    await p.click(within(groups).getByRole('button', { name: 'Add group' }));
    await p.settle();
    expect(within(groups).getByRole('list', { name: 'Groups on the project' }).textContent).toContain('Designers');
    expect([...p.world.sandbox.state.projectGroups.values()].length).toBe(2);
    const onProject = within(groups).getByRole('list', { name: 'Groups on the project' });
    const designers = within(onProject)
      .getAllByRole('listitem')
      .find((item) => item.textContent.includes('Designers'));
    const remove = within(designers as HTMLElement).getByRole('button', { name: 'Remove' });
    expect(document.activeElement).toBe(remove);
    await p.click(remove);
    await p.settle();
    expect([...p.world.sandbox.state.projectGroups.values()].length).toBe(1);
    expect(document.activeElement).toBe(within(groups).getByRole('combobox', { name: 'Add group' }));
  });

  it('where the user neither administers nor manages the project, it shows who is on it and changes nothing', async () => {
    await p.showWorkspace('Community (members)');
    await p.rowAction('Meetup organising', 'Members');
    const dialog = screen.getByRole('dialog', { name: 'Members of “Meetup organising”' });
    expect(within(dialog).getByText(/Only admins and the project’s managers may change it/)).toBeTruthy();
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Add member' }).disabled).toBe(true);
    for (const box of within(dialog).getAllByRole<HTMLInputElement>('checkbox', { name: 'Manager' }))
      expect(box.disabled).toBe(true);
  });
});
