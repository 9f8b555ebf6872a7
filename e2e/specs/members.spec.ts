import { expect, test } from '../fixtures';
import { onToggl, signIn } from '../support/app-page';
import { expectNoAxeViolations } from '../support/axe';

test('members by keyboard alone: Ctrl+M opens them, add a person, make them manager, Escape closes', async ({
  app: { page },
  sandbox,
}) => {
  await signIn(page);
  const mobile = page.getByRole('tree').getByRole('treeitem', { name: 'Mobile app', exact: true });
  await mobile.click();
  await page.keyboard.press('ControlOrMeta+m');
  const dialog = page.getByRole('dialog', { name: /^Members/ });
  await expect(dialog).toHaveAccessibleName('Members of “Mobile app”');
  const members = dialog.getByRole('list', { name: 'Members' }).getByRole('listitem');
  await expect(members).toHaveCount(1);
  await expect(members.first()).toContainText('Sam Teammate');
  await expect(members.first().getByRole('checkbox', { name: 'Manager' })).toBeChecked();

  const add = dialog.getByRole('combobox', { name: 'Add member' });
  await add.focus();
  await add.selectOption({ label: 'Dana Demo' });
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Add', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(members).toHaveCount(2);
  const dana = members.filter({ hasText: 'Dana Demo' });
  await dana.getByRole('checkbox', { name: 'Manager' }).focus();
  await page.keyboard.press('Space');
  const mobileId = onToggl(sandbox).project('Mobile app')?.id;
  const demo = sandbox.state.userByEmail('demo@toggl-tray.test')?.id;
  await expect
    .poll(() =>
      [...sandbox.state.projectUsers.values()].find((item) => item.project_id === mobileId && item.user_id === demo),
    )
    .toMatchObject({ manager: true });

  await expectNoAxeViolations(page, 'members (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'members (dark)');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
