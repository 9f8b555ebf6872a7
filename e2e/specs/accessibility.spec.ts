// axe (WCAG 2.1 A and AA) on every view of the popover, in light and dark: one view per test,
// each on its own app taken straight to that view, so no test carries the others' time.
import type { Page } from '@playwright/test';
import type { TogglSandbox } from '../../tools/sandbox/server';
import { expect, test } from '../fixtures';
import { signIn } from '../support/app-page';
import { expectNoAxeViolations } from '../support/axe';

/** A view of the popover and how to get there from a fresh app; it returns once it shows. */
interface View {
  name: string;
  open(page: Page, sandbox: TogglSandbox): Promise<void>;
  /** For a view that goes by itself: that it was still there when axe had finished. */
  stillShown?(page: Page): Promise<boolean>;
}

const item = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search projects and tasks' });

const views: View[] = [
  {
    name: 'sign-in with a token',
    open: async (page) => {
      await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
    },
  },
  {
    name: 'sign-in with email and password',
    open: async (page) => {
      await page.getByRole('button', { name: 'Use email and password' }).click();
      await expect(page.getByRole('textbox', { name: 'Password' })).toBeVisible();
    },
  },
  {
    name: 'the list',
    open: (page) => signIn(page),
  },
  {
    name: 'the list, a project open and selected',
    open: async (page) => {
      await signIn(page);
      await item(page, 'Website redesign').click();
      await page.keyboard.press('ArrowRight');
      await expect(item(page, 'Website redesign')).toHaveAttribute('aria-expanded', 'true');
      await expect(item(page, 'Website redesign')).toHaveAttribute('aria-selected', 'true');
    },
  },
  {
    // The task it finds is done: with done tasks shown, a match and a done task's look together.
    name: 'search results',
    open: async (page) => {
      await signIn(page);
      await page.getByRole('checkbox', { name: 'Show done tasks' }).check();
      await search(page).pressSequentially('wirefram');
      await expect(page.getByRole('treeitem')).toHaveCount(2);
      await expect(item(page, 'Wireframes')).toBeVisible();
    },
  },
  {
    name: 'nothing matches',
    open: async (page) => {
      await signIn(page);
      await search(page).pressSequentially('wireframzzz');
      await expect(page.getByText('Nothing matches “wireframzzz”.')).toBeVisible();
    },
  },
  {
    name: 'new project form',
    open: async (page) => {
      await signIn(page);
      await page.getByRole('button', { name: 'New project' }).click();
      await expect(page.getByRole('dialog', { name: 'New project' })).toBeVisible();
    },
  },
  {
    // A Free workspace: the paid details disabled with their reasons; a wrong estimate's message beside it.
    name: 'new project form, Details open, a problem shown',
    open: async (page) => {
      await signIn(page);
      await page.getByRole('button', { name: 'New project' }).click();
      const dialog = page.getByRole('dialog', { name: 'New project' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Axe check');
      await dialog.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Side projects' });
      await dialog.getByRole('button', { name: 'Details' }).click();
      const details = dialog.getByRole('group', { name: 'Details' });
      await details.getByRole('textbox', { name: 'Estimate (hours)' }).fill('0');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(details.getByText('The estimate must be above zero hours.')).toBeVisible();
      await expect(details.getByText('Rates need a paid plan in “Side projects”.')).toBeVisible();
    },
  },
  {
    name: 'the list, project progress over the estimate and an end date passed',
    open: async (page, sandbox) => {
      const website = [...sandbox.state.projects.values()].find((project) => project.name === 'Website redesign');
      if (website) Object.assign(website, { estimated_hours: 6, end_date: '2020-11-03' });
      await signIn(page);
      await expect(item(page, 'Website redesign')).toHaveAccessibleDescription(/over the estimate, ended 3 Nov 2020/);
    },
  },
  {
    name: 'members, a member’s rates open with a problem shown',
    open: async (page) => {
      await signIn(page);
      await item(page, 'Mobile app').click();
      await page.keyboard.press('ControlOrMeta+m');
      const dialog = page.getByRole('dialog', { name: 'Members of “Mobile app”' });
      await dialog.getByRole('button', { name: 'Rates', exact: true }).click();
      const rates = dialog.getByRole('form', { name: 'Rates of Sam Teammate' });
      await rates.getByRole('textbox', { name: 'Hourly rate' }).fill('-1');
      await rates.getByRole('button', { name: 'Save rates' }).click();
      await expect(rates.getByText('The hourly rate cannot be below zero.')).toBeVisible();
    },
  },
  {
    name: 'new task form',
    open: async (page) => {
      await signIn(page);
      await item(page, 'Website redesign').click();
      await page.getByRole('button', { name: 'New task' }).click();
      await expect(page.getByRole('dialog', { name: 'New task' })).toBeVisible();
    },
  },
  {
    name: 'delete confirmation',
    open: async (page) => {
      await signIn(page);
      const internal = item(page, 'Internal tools');
      await internal.click();
      await internal.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Delete project' })).toBeVisible();
    },
  },
  {
    name: 'undo toast',
    open: async (page) => {
      await signIn(page);
      const internal = item(page, 'Internal tools');
      await internal.click();
      await internal.getByRole('button', { name: 'Archive' }).click();
      await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    },
    // The toast leaves after a few seconds (UNDO_MS): shown before and after, axe saw it.
    stillShown: (page) => page.getByRole('button', { name: 'Undo' }).isVisible(),
  },
  {
    name: 'settings',
    open: async (page) => {
      await signIn(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
      // Loaded with the list's workspaces: axe sees it with its options.
      await expect(page.getByRole('combobox', { name: 'Default workspace' })).toHaveValue(/\d+/);
    },
  },
  {
    name: 'settings, a default workspace refused',
    open: async (page, sandbox) => {
      await signIn(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      const choice = page.getByRole('combobox', { name: 'Default workspace' });
      const user = [...sandbox.state.users.values()].find((candidate) => candidate.fullname === 'Dana Demo');
      const consulting = [...sandbox.state.workspaces.values()].find((item) => item.name === 'Dana Consulting');
      // Left on Toggl meanwhile: the choice is refused, with Retry and Discard beside the reason.
      consulting?.members.delete(user?.id ?? 0);
      await choice.selectOption({ label: 'Dana Consulting' });
      await expect(page.getByRole('alert')).toContainText('Invalid default_workspace_id');
      await expect(page.getByRole('button', { name: 'Discard' })).toBeVisible();
    },
  },
  {
    name: 'settings, a group’s People dialog',
    open: async (page) => {
      await signIn(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      const designers = page
        .getByRole('region', { name: 'Groups' })
        .getByRole('listitem', { name: 'Designers', exact: true });
      await designers.getByRole('button', { name: 'People' }).click();
      await expect(page.getByRole('dialog', { name: 'People in “Designers”' })).toBeVisible();
      await expect(page.getByRole('checkbox', { name: 'Sam Teammate' })).toBeVisible();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const view of views) {
    test(`${view.name} passes axe (${scheme})`, async ({ app: { page }, sandbox }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await view.open(page, sandbox);
      await expectNoAxeViolations(page, `${view.name} (${scheme})`);
      if (view.stillShown)
        expect(await view.stillShown(page), `${view.name} was still shown when axe finished`).toBe(true);
    });
  }
}
