import { expect, type Page } from '@playwright/test';
import { DEMO } from '../../tools/sandbox/fixture';
import type { TogglSandbox } from '../../tools/sandbox/server';

/**
 * Signs in with the demo token on the app's sign-in view and waits for the list's first item,
 * for up to `timeout` (the expect budget; a large account passes LARGE_ACCOUNT_LOAD).
 */
export async function signIn(page: Page, { timeout }: { timeout?: number } = {}): Promise<void> {
  await page.getByRole('textbox', { name: 'API token' }).fill(DEMO.apiToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tree').getByRole('treeitem').first()).toBeVisible({ timeout });
}

/** The sandbox's live projects and tasks by name (what Toggl would say). */
export function onToggl(sandbox: TogglSandbox) {
  const live = <T extends { server_deleted_at?: string | null }>(items: Iterable<T>) =>
    [...items].filter((item) => !item.server_deleted_at);
  return {
    project: (name: string) => live(sandbox.state.projects.values()).find((project) => project.name === name),
    task: (name: string) => live(sandbox.state.tasks.values()).find((task) => task.name === name),
    projects: () => live(sandbox.state.projects.values()),
  };
}

/** The entries this app started that run at Toggl (the sandbox): live, not stopped. */
export function runningAtToggl(sandbox: TogglSandbox) {
  return [...sandbox.state.timeEntries.values()].filter(
    (entry) => entry.server_deleted_at === null && entry.stop === null && entry.created_with === 'Toggl Tray',
  );
}
