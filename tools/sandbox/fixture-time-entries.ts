import type { TogglTask } from '../../src/main/services/toggl/types';
import { seededRandom, timeEntryDescription, type Random } from './names';
import type { SandboxProject, SandboxState, SandboxUser } from './state';
import { addTimeEntry } from './time-entry-store';
import { DAY_MS, utcMidnight } from './time-entry-times';

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;
/** Toggl stamps `at` a moment after the stop is saved. */
const SAVED_AFTER_MS = 2_000;

interface DemoEntry {
  user: SandboxUser;
  daysAgo: number;
  /** UTC hours after midnight, e.g. 8.5 for 08:30. */
  startsAt: number;
  minutes: number;
  project?: string;
  task?: string;
  description: string | null;
  billable?: boolean;
}

function projectNamed(state: SandboxState, name: string): SandboxProject {
  const project = [...state.projects.values()].find((candidate) => candidate.name === name);
  if (!project) throw new Error(`the demo fixture has no project "${name}"`);
  return project;
}

function taskNamed(state: SandboxState, project: SandboxProject, name: string): TogglTask {
  const task = [...state.tasks.values()].find(
    (candidate) => candidate.project_id === project.id && candidate.name === name,
  );
  if (!task) throw new Error(`the demo fixture has no task "${name}" in "${project.name}"`);
  return task;
}

function addDemoEntry(state: SandboxState, now: number, entry: DemoEntry): void {
  const project = entry.project === undefined ? undefined : projectNamed(state, entry.project);
  const task = project && entry.task !== undefined ? taskNamed(state, project, entry.task) : undefined;
  const startMs = utcMidnight(now) - entry.daysAgo * DAY_MS + entry.startsAt * HOUR_MS;
  const stopMs = startMs + entry.minutes * MINUTE_MS;
  addTimeEntry(
    state,
    {
      workspaceId: project?.workspace_id ?? entry.user.default_workspace_id,
      userId: entry.user.id,
      projectId: project?.id ?? null,
      taskId: task?.id ?? null,
      description: entry.description,
      startMs,
      stopMs,
      billable: entry.billable ?? false,
      tagIds: [],
      createdWith: 'Toggl Track web',
    },
    stopMs + SAVED_AFTER_MS,
  );
}

/**
 * The demo account's time entries, on whole UTC days before today so none lies in the future:
 * entries with and without a task, one without a project, one zero-length (as real accounts
 * have: me-related-200-go-2024-12-15b), in a Premium, a Starter, a Free and a members-only
 * workspace, one 20 days back (older than /me?with_related_data=true's ten days), and one of
 * the teammate's, which the demo user never sees. Nothing runs.
 */
export function addDemoTimeEntries(state: SandboxState, demo: SandboxUser, teammate: SandboxUser): void {
  const now = state.now();
  const entries: DemoEntry[] = [
    {
      user: demo,
      daysAgo: 1,
      startsAt: 8.5,
      minutes: 90,
      project: 'Website redesign',
      task: 'Visual design',
      description: 'Homepage hero variants',
      billable: true,
    },
    {
      user: demo,
      daysAgo: 1,
      startsAt: 10.25,
      minutes: 45,
      project: 'Mobile app',
      task: 'Onboarding flow',
      description: 'Onboarding copy review',
    },
    { user: demo, daysAgo: 1, startsAt: 11, minutes: 0, project: 'Internal tools', description: 'Standup' },
    { user: demo, daysAgo: 1, startsAt: 13, minutes: 90, description: 'Email and admin' },
    {
      user: demo,
      daysAgo: 2,
      startsAt: 9,
      minutes: 180,
      project: 'Security audit',
      task: 'Threat model',
      description: 'Threat model workshop',
      billable: true,
    },
    {
      user: demo,
      daysAgo: 2,
      startsAt: 13,
      minutes: 150,
      project: 'Website redesign',
      task: 'Accessibility review',
      description: 'Contrast checks',
    },
    {
      user: demo,
      daysAgo: 3,
      startsAt: 9.5,
      minutes: 90,
      project: 'Newsletter',
      task: 'March issue',
      description: 'Draft the March issue',
    },
    { user: demo, daysAgo: 3, startsAt: 16, minutes: 60, project: 'Garden planner', description: 'Plant list' },
    {
      user: demo,
      daysAgo: 20,
      startsAt: 10,
      minutes: 120,
      project: 'Website redesign',
      task: 'Wireframes',
      description: 'Wireframes sign-off',
    },
    {
      user: teammate,
      daysAgo: 1,
      startsAt: 9,
      minutes: 60,
      project: 'Mobile app',
      description: 'Push notification spec',
    },
  ];
  for (const entry of entries) addDemoEntry(state, now, entry);
}

/** How many projects a person tracks on in a quarter: a handful, not all ten thousand. */
const WORKING_SET = 12;

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/**
 * A quarter of one person's tracking for the large account: workdays of the last `days` days,
 * five to nine entries a day from about 08:00 UTC with short gaps, on a working set of active
 * projects, a task on most where the project has tasks, a tenth without a project. About 450
 * entries for 90 days. Seeded, so a benchmark sees the same entries every run.
 */
export function addGeneratedTimeEntries(
  state: SandboxState,
  user: SandboxUser,
  workspaceId: number,
  seed: number,
  days = 90,
): number {
  const random = seededRandom(seed);
  const now = state.now();
  const projects = [...state.projects.values()]
    .filter((project) => project.workspace_id === workspaceId && project.active)
    .slice(0, WORKING_SET);
  const working = new Set(projects.map((project) => project.id));
  const tasksOf = new Map<number, TogglTask[]>();
  for (const task of state.tasks.values()) {
    if (!working.has(task.project_id) || !task.active) continue;
    const list = tasksOf.get(task.project_id) ?? [];
    list.push(task);
    tasksOf.set(task.project_id, list);
  }
  let added = 0;
  for (let daysAgo = days; daysAgo >= 1; daysAgo--) {
    const midnight = utcMidnight(now) - daysAgo * DAY_MS;
    const weekday = new Date(midnight).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    let startMs = midnight + 8 * HOUR_MS + Math.floor(random() * 60) * MINUTE_MS;
    const count = 5 + Math.floor(random() * 5);
    for (let index = 0; index < count; index++) {
      const project = random() < 0.1 ? undefined : pick(random, projects);
      const task = project && random() < 0.7 ? pick(random, tasksOf.get(project.id) ?? []) : undefined;
      const stopMs = startMs + (15 + Math.floor(random() * 105)) * MINUTE_MS;
      addTimeEntry(
        state,
        {
          workspaceId,
          userId: user.id,
          projectId: project?.id ?? null,
          taskId: task?.id ?? null,
          description: timeEntryDescription(random),
          startMs,
          stopMs,
          billable: false,
          tagIds: [],
          createdWith: 'Toggl Track web',
        },
        stopMs + SAVED_AFTER_MS,
      );
      added++;
      startMs = stopMs + (5 + Math.floor(random() * 15)) * MINUTE_MS;
    }
  }
  return added;
}
