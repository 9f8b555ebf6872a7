import { expect } from 'vitest';
import type { DataView } from '../../src/shared/entities';
import { DEMO } from '../../tools/sandbox/fixture';
import type { TogglSandbox } from '../../tools/sandbox/server';
import type { SandboxTimeEntry } from '../../tools/sandbox/state';
import { projectNamed } from './named';
import type { LaunchedApp } from './sync-world';

/** What the timer tests ask of Toggl (the sandbox) and of the app's list. */

/** The demo user's live entries at Toggl, oldest first; only those with this description, if given. */
export function entriesAtToggl(sandbox: TogglSandbox, description?: string): SandboxTimeEntry[] {
  const demo = sandbox.state.userByEmail(DEMO.email)?.id;
  return [...sandbox.state.timeEntries.values()]
    .filter((entry) => entry.user_id === demo && entry.server_deleted_at === null)
    .filter((entry) => description === undefined || entry.description === description)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Toggl's entries as the user made them: never two running, none overlapping (no minute counted twice). */
export function expectOneTimeline(entries: SandboxTimeEntry[]): void {
  expect(entries.filter((entry) => entry.stop === null).length).toBeLessThanOrEqual(1);
  for (let index = 1; index < entries.length; index++) {
    const before = entries[index - 1];
    const after = entries[index];
    expect(before?.stop, `“${before?.description}” ends before “${after?.description}” starts`).not.toBeNull();
    expect(Date.parse(before?.stop ?? '')).toBeLessThanOrEqual(Date.parse(after?.start ?? ''));
  }
}

export const runningIn = (view: DataView) => view.entries.filter((entry) => entry.stop === null);

export function websiteRedesign(view: DataView) {
  const project = projectNamed(view, 'Website redesign');
  if (!project) throw new Error('the demo account has Website redesign');
  const task = view.tasks.find((item) => item.pid === project.id);
  return { project, task };
}

/** Sends the queue now and answers the list once the app is quiet. */
export async function sent(app: LaunchedApp): Promise<DataView> {
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
  return app.call('data.view');
}

/** An instant in the whole seconds Toggl keeps, as the timer takes it. */
export const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;
