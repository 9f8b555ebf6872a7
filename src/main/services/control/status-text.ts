import { elapsedSeconds, hoursMinutes, hoursMinutesSeconds } from '../../../shared/time-totals';
import type { StatusSnapshot } from './status-snapshot';

/** `status --json`: the file as written, and what only the reader knows (is the app running, how old is it). */
export interface StatusAnswer extends StatusSnapshot {
  appRunning: boolean;
  /** The running entry's seconds now (0 when none). */
  elapsed: number;
}

export function statusAnswer(snapshot: StatusSnapshot, appRunning: boolean, now: number): StatusAnswer {
  const elapsed = snapshot.running ? elapsedSeconds(snapshot.running.start, now) : 0;
  // Today's total moves on with the running entry since the file was written.
  const since = snapshot.running ? Math.max(0, Math.floor((now - Date.parse(snapshot.writtenAt)) / 1000)) : 0;
  return { ...snapshot, today: snapshot.today + since, week: snapshot.week + since, appRunning, elapsed };
}

/** `status`: a few lines for a person. */
export function statusText(answer: StatusAnswer): string {
  const lines: string[] = [];
  if (!answer.appRunning) lines.push(`Toggl Tray is not running (status written ${answer.writtenAt}).`);
  if (!answer.signedIn) lines.push('Not signed in.');
  const running = answer.running;
  if (running) {
    const where = [running.project ?? 'No project', running.task].filter(Boolean).join(' · ');
    lines.push(`Running ${hoursMinutesSeconds(answer.elapsed)}: ${running.description || 'No description'} · ${where}`);
  } else if (answer.signedIn) {
    lines.push('No timer running.');
  }
  if (answer.signedIn) lines.push(`Today ${hoursMinutes(answer.today)} · This week ${hoursMinutes(answer.week)}`);
  const { sync } = answer;
  const waiting = sync.waiting + sync.failed;
  const state = sync.online ? 'Online' : 'Offline';
  lines.push(
    `${state}${waiting > 0 ? ` · ${waiting} change${waiting === 1 ? '' : 's'} waiting${sync.failed > 0 ? ` (${sync.failed} refused)` : ''}` : ''}${sync.problem ? ` · ${sync.problem}` : ''}`,
  );
  return lines.join('\n');
}
