import { formatDuration } from './durations';
import type { ViewProject } from './tree';

/** A project's time against its estimate, as its row shows it and says it. */
export interface ProjectProgress {
  /** 0…1 of the bar (full when over). */
  fraction: number;
  over: boolean;
  /** "12 h of 40 h". */
  text: string;
  /** "12 h tracked of 40 h estimated", "over the estimate" added when over. */
  words: string;
}

const HOUR = 3600;

/** Hours as a project counts them: whole hours from 10 up ("46 h"), minutes below ("1 h 30 min"), "0 h" for none. */
function hours(seconds: number): string {
  if (seconds >= 10 * HOUR) return `${Math.floor(seconds / HOUR)} h`;
  return formatDuration(seconds) || '0 h';
}

/**
 * Tracked against the estimate, where the project has one: Toggl's `actual_seconds`, or the
 * tasks' tracked time where Toggl leaves it out (`tasksTracked`, seconds).
 */
export function projectProgress(project: ViewProject, tasksTracked: number): ProjectProgress | null {
  if (project.estimatedHours === null) return null;
  const tracked = project.trackedSeconds ?? tasksTracked;
  const estimate = project.estimatedHours * HOUR;
  const over = tracked > estimate;
  const text = `${hours(tracked)} of ${hours(estimate)}`;
  return {
    fraction: Math.min(1, tracked / estimate),
    over,
    text,
    words: `${hours(tracked)} tracked of ${hours(estimate)} estimated${over ? ', over the estimate' : ''}`,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Today as "YYYY-MM-DD" on this machine's calendar (end dates are days, not instants). */
export function localDay(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * "ended 3 Nov" (a year added when not this one) for an active project whose end date has
 * passed; else ''. Today is worked out (`localDay`) only for a project with an end date: rows
 * are described on every key.
 */
export function endedMark(project: ViewProject, today?: string): string {
  const end = project.endDate;
  if (!project.active || end === null) return '';
  today ??= localDay();
  if (end >= today) return '';
  const [year, month, day] = end.split('-').map(Number);
  const date = `${day} ${MONTHS[(month ?? 1) - 1] ?? ''}`;
  return `ended ${year === Number(today.slice(0, 4)) ? date : `${date} ${year}`}`;
}
