import type { ItemSync } from '../../../../shared/entities';
import { formatDuration } from './durations';
import { endedMark, projectProgress } from './project-progress';
import type { Row } from './tree';

/**
 * What a row shows besides its name, in words, read out as its description (WCAG 2.5.3: the
 * accessible name is the visible name; the client, counts, times and sync state describe it).
 */
export function rowDescription(
  row: Row,
  sync: ItemSync,
  /** A task's assignee's name. */
  assignee: string | null = null,
  /** Today, "YYYY-MM-DD" (project-progress.ts `localDay` when not given). */
  today?: string,
): string {
  const parts: string[] = [];
  if (row.kind === 'project') {
    if (row.project.clientName) parts.push(row.project.clientName);
    if (!row.project.active) parts.push('archived');
    if (row.openTasks > 0) parts.push(`${row.openTasks} open ${row.openTasks === 1 ? 'task' : 'tasks'}`);
    const progress = projectProgress(row.project, row.tasksTracked);
    if (progress) parts.push(progress.words);
    const ended = endedMark(row.project, today);
    if (ended) parts.push(ended);
  } else if (row.kind === 'task') {
    const { trackedMs, estimatedSeconds } = row.task;
    if (estimatedSeconds && trackedMs > 0)
      parts.push(`${formatDuration(trackedMs / 1000)} tracked of ${formatDuration(estimatedSeconds)}`);
    else if (estimatedSeconds) parts.push(`estimate ${formatDuration(estimatedSeconds)}`);
    else if (trackedMs > 0) parts.push(`${formatDuration(trackedMs / 1000)} tracked`);
    if (assignee !== null) parts.push(`assigned to ${assignee}`);
  }
  if (sync === 'pending') parts.push('change waiting to reach Toggl');
  else if (sync === 'failed') parts.push('change not sent');
  else if (sync === 'conflict') parts.push('changed on both sides');
  return parts.join(', ');
}
