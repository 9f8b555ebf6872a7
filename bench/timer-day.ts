/**
 * bench:day's timer day: what a user does with the timer through the simulated day, made with
 * the app's own commands (`timer.start`, `timer.stop`, `timer.continue` through the IPC router,
 * on TimerCommands and the real queue), and a check at the end that Toggl (the sandbox) holds
 * exactly the entries and times that were made: a benchmark whose day did not happen measures
 * nothing, so a difference fails the run.
 *
 * 16 switches (a start while another runs), a stop for lunch and a continue after it, a stop at
 * the end of the day, a switch in each offline spell, and a timer started on the phone that the
 * next sync the app makes anyway must show.
 */
import type { DataView } from '../src/shared/entities';
import { DEMO } from '../tools/sandbox/fixture';
import type { TogglSandbox } from '../tools/sandbox/server';
import type { SandboxTimeEntry } from '../tools/sandbox/state';
import type { LaunchedApp } from '../test/support/sync-world';

const MINUTE = 60_000;

interface On {
  project: string;
  task?: string;
  description: string;
}

type TimerAction =
  /** In the popover: a new timer (a switch when one runs). */
  | { minute: number; start: On }
  | { minute: number; stop: true }
  /** In the popover: continue the entry with this description. */
  | { minute: number; continue: string }
  /** On the phone: a timer started there (Toggl stops the running one where it starts). */
  | { minute: number; elsewhere: On };

/** Minutes after 09:00. The day's offline spells are 90–120 and 300–345 (day-simulation.ts). */
export const TIMER_DAY: TimerAction[] = [
  { minute: 2, start: { project: 'Website redesign', task: 'Visual design', description: 'Hero section' } },
  { minute: 20, start: { project: 'Mobile app', task: 'Onboarding flow', description: 'Sign-up screens' } },
  { minute: 41, start: { project: 'Internal tools', description: 'Build fixes' } },
  // A busy hour: four switches, the last one offline.
  { minute: 62, start: { project: 'Security audit', task: 'Threat model', description: 'Threat model call' } },
  {
    minute: 75,
    start: { project: 'Website redesign', task: 'Accessibility review', description: 'Contrast checks' },
  },
  { minute: 83, start: { project: 'Newsletter', task: 'March issue', description: 'Draft' } },
  { minute: 105, start: { project: 'Garden planner', description: 'Planting plan' } },
  { minute: 130, start: { project: 'Website redesign', task: 'Visual design', description: 'Hero section' } },
  { minute: 150, start: { project: 'Mobile app', task: 'Onboarding flow', description: 'Sign-up screens' } },
  { minute: 178, stop: true },
  { minute: 215, continue: 'Sign-up screens' },
  { minute: 232, start: { project: 'Internal tools', description: 'Release notes' } },
  { minute: 255, start: { project: 'Security audit', task: 'Threat model', description: 'Findings' } },
  { minute: 270, elsewhere: { project: 'Website redesign', description: 'Client call (from the phone)' } },
  // Offline: this switch stops the entry the phone started, which a sync must have shown by now.
  { minute: 320, start: { project: 'Fotobuch – Sommerreise', description: 'Layout' } },
  { minute: 350, start: { project: 'Hiring', description: 'Interviews' } },
  {
    minute: 385,
    start: { project: 'Website redesign', task: 'Accessibility review', description: 'Screen reader pass' },
  },
  { minute: 410, start: { project: 'Mobile app', task: 'Onboarding flow', description: 'Sign-up screens' } },
  { minute: 440, start: { project: 'Internal tools', description: 'Build fixes' } },
  { minute: 455, start: { project: 'Newsletter', task: 'March issue', description: 'Proofreading' } },
  { minute: 470, stop: true },
];

/** An entry as the user made it (epoch ms), to compare with what Toggl ends up with. */
interface Made {
  start: number;
  stop: number | null;
  pid: number | null;
  tid: number | null;
  description: string;
}

/** Projects keep their name through the day's renames ("Website redesign #12"). */
const baseName = (name: string): string => name.replace(/ #\d+$/, '');

export class TimerDay {
  switches = 0;
  stops = 0;
  continues = 0;
  /** The user opened the popover to use the timer. */
  opens = 0;
  /** Actions made while Toggl was unreachable. */
  offline = 0;
  private readonly made: Made[] = [];
  private elsewhereId: number | null = null;
  private elsewhereStartedAt: number | null = null;
  /** When the list first showed the phone's entry running (epoch ms). */
  elsewhereShownAt: number | null = null;

  constructor(
    private readonly app: LaunchedApp,
    private readonly sandbox: TogglSandbox,
    private readonly now: () => number,
  ) {}

  /** What the schedule says for this minute, done as the user would. */
  async at(minute: number): Promise<void> {
    for (const action of TIMER_DAY.filter((candidate) => candidate.minute === minute)) {
      if ('elsewhere' in action) {
        this.startElsewhere(action.elsewhere);
        continue;
      }
      // The popover is opened to use the timer: a sync when the list is old, as any opening.
      this.opens++;
      await this.app.call('sync.opened');
      if (this.sandbox.isDown) this.offline++;
      const view = await this.app.call('data.view');
      if (view.entries.some((entry) => entry.stop === null)) this.switches += 'stop' in action ? 0 : 1;
      if ('stop' in action) {
        this.stops++;
        this.endRunning();
        await this.app.call('timer.stop');
      } else if ('continue' in action) {
        this.continues++;
        const earlier = view.entries
          .filter((entry) => entry.description === action.continue && entry.stop !== null)
          .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0];
        if (!earlier) throw new Error(`timer day: no “${action.continue}” to continue at minute ${minute}`);
        this.begin({ pid: earlier.pid, tid: earlier.tid, description: earlier.description });
        await this.app.call('timer.continue', { id: earlier.id });
      } else {
        const { wid, pid, tid } = this.resolve(view, action.start);
        this.begin({ pid, tid, description: action.start.description });
        await this.app.call('timer.start', { wid, pid, tid, description: action.start.description });
      }
    }
  }

  /** Notes when the list first shows the entry started on the phone (a sync the app made anyway). */
  look(): void {
    if (this.elsewhereId === null || this.elsewhereShownAt !== null) return;
    const running = this.app.services.data.currentView().entries.find((entry) => entry.stop === null);
    if (running?.id === this.elsewhereId) this.elsewhereShownAt = this.now();
  }

  /** Minutes between the phone's start and the list showing it, or null if it never did. */
  get elsewhereShownAfterMinutes(): number | null {
    if (this.elsewhereShownAt === null || this.elsewhereStartedAt === null) return null;
    return (this.elsewhereShownAt - this.elsewhereStartedAt) / MINUTE;
  }

  private resolve(view: DataView, on: On): { wid: number; pid: number; tid: number | null } {
    const project = view.projects.find((item) => baseName(item.name) === on.project);
    if (!project) throw new Error(`timer day: no project “${on.project}” in the list`);
    const task =
      on.task === undefined ? undefined : view.tasks.find((item) => item.pid === project.id && item.name === on.task);
    if (on.task !== undefined && !task) throw new Error(`timer day: no task “${on.task}” in “${on.project}”`);
    return { wid: project.wid, pid: project.id, tid: task?.id ?? null };
  }

  /** The instant a command takes: now, in the whole seconds Toggl keeps. */
  private instant(): number {
    return Math.floor(this.now() / 1000) * 1000;
  }

  private endRunning(at = this.instant()): void {
    const running = this.made.find((entry) => entry.stop === null);
    if (running) running.stop = at;
  }

  private begin(fields: Pick<Made, 'pid' | 'tid' | 'description'>): void {
    const at = this.instant();
    this.endRunning(at);
    this.made.push({ ...fields, start: at, stop: null });
  }

  private startElsewhere(on: On): void {
    const project = [...this.sandbox.state.projects.values()].find((item) => baseName(item.name) === on.project);
    if (!project) throw new Error(`timer day: the sandbox has no project “${on.project}”`);
    this.begin({ pid: project.id, tid: null, description: on.description });
    const entry = this.sandbox.elsewhere.startTimeEntry({
      projectId: project.id,
      description: on.description,
      start: this.instant(),
    });
    this.elsewhereId = entry.id;
    this.elsewhereStartedAt = this.now();
  }

  /**
   * Toggl's entries of the day against the ones made: the same entries with the same times,
   * never two running, none overlapping. Throws with the differences.
   */
  check(dayStart: number): { entries: number } {
    const problems: string[] = [];
    const demo = this.sandbox.state.userByEmail(DEMO.email)?.id;
    const atToggl = [...this.sandbox.state.timeEntries.values()]
      .filter((entry) => entry.user_id === demo && !entry.server_deleted_at && Date.parse(entry.start) >= dayStart)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const expected = this.made.map((entry) => line(entry.start, entry.stop, entry.description, entry.pid, entry.tid));
    const actual = atToggl.map(toggl);
    if (expected.join('\n') !== actual.join('\n'))
      problems.push(
        `Toggl holds\n     ${actual.join('\n     ')}\n   but the day made\n     ${expected.join('\n     ')}`,
      );
    for (let index = 1; index < atToggl.length; index++) {
      const before = atToggl[index - 1];
      const after = atToggl[index];
      if (before && after && (before.stop === null || Date.parse(before.stop) > Date.parse(after.start)))
        problems.push(`entries overlap: ${toggl(before)} and ${toggl(after)}`);
    }
    if (this.switches !== 16) problems.push(`${this.switches} switches, not 16`);
    if (this.elsewhereShownAt === null) problems.push('the entry started on the phone never showed in the list');
    if (problems.length > 0) throw new Error(`timer day: ${problems.join('\n   ')}`);
    return { entries: atToggl.length };
  }
}

const time = (ms: number | null): string => (ms === null ? 'running' : new Date(ms).toISOString().slice(11, 19));

function line(start: number, stop: number | null, description: string, pid: number | null, tid: number | null): string {
  return `${time(start)}–${time(stop)} “${description}” project ${pid ?? '-'} task ${tid ?? '-'}`;
}

const toggl = (entry: SandboxTimeEntry): string =>
  line(
    Date.parse(entry.start),
    entry.stop === null ? null : Date.parse(entry.stop),
    entry.description ?? '',
    entry.project_id,
    entry.task_id,
  );
