import type { DataView } from './entities';

type Entry = DataView['entries'][number];

/** The entry that runs (Toggl keeps one per user): the one without a stop. */
export function runningEntry<T extends { stop: string | null }>(entries: readonly T[]): T | undefined {
  return entries.find((entry) => entry.stop === null);
}

/** The project and task an entry counts on, as the list has them (either may be gone or none). */
export function placeOfEntry(
  view: Pick<DataView, 'projects' | 'tasks'>,
  entry: Pick<Entry, 'pid' | 'tid'>,
): { project: DataView['projects'][number] | undefined; task: DataView['tasks'][number] | undefined } {
  const project = entry.pid === null ? undefined : view.projects.find((item) => item.id === entry.pid);
  const task = entry.tid === null ? undefined : view.tasks.find((item) => item.id === entry.tid);
  return { project, task };
}
