import type { IdleQuestion } from '../../../shared/contract';
import type { DataView } from '../../../shared/entities';
import { elapsedSeconds, hoursMinutes } from '../../../shared/time-totals';
import { placeOfEntry, runningEntry } from '../../../shared/running-entry';

/** The running entry as the tray shows it: macOS's menu-bar title, the tooltip elsewhere. */
export interface TrayTimer {
  /** "0:42 Website redesign"; empty when nothing runs. */
  title: string;
  /** "Timer 0:42: Website redesign · Hero section", or null when nothing runs. */
  tooltip: string | null;
}

/** Past this many characters the menu-bar title is cut (it shares the bar with everything else). */
const TITLE_NAME_MAX = 24;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function trayTimer(view: Pick<DataView, 'entries' | 'projects' | 'tasks'>, now: number): TrayTimer {
  const running = runningEntry(view.entries);
  if (!running) return { title: '', tooltip: null };
  const { project, task } = placeOfEntry(view, running);
  const time = hoursMinutes(elapsedSeconds(running.start, now));
  const name = project?.name ?? (running.description || 'No project');
  const detail = [project?.name ?? 'No project', task?.name, running.description].filter(Boolean).join(' · ');
  return { title: `${time} ${cut(name, TITLE_NAME_MAX)}`, tooltip: `Timer ${time}: ${detail}` };
}

/** The tray's tooltip while a question about time away waits (the popover was closed before it was answered). */
export function idleTooltip(question: Pick<IdleQuestion, 'idleSince' | 'returnedAt'>): string {
  const minutes = Math.max(1, Math.round((question.returnedAt - question.idleSince) / 60_000));
  return `Toggl Tray: you were away ${minutes} min while the timer ran. Open it to keep or discard that time.`;
}
