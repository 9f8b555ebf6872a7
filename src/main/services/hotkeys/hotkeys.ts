import {
  HOTKEY_PINS_MAX,
  type HotkeyMatch,
  type HotkeyPin,
  type HotkeyPinView,
  type HotkeyPress,
  type HotkeyRegistration,
  type HotkeysView,
} from '../../../shared/contract';
import type { DataView, TimerStart } from '../../../shared/entities';
import { readableKeys } from '../../../shared/accelerator';
import { placeOf } from '../../../shared/quick-add/place';
import { runningEntry } from '../../../shared/running-entry';
import { UserFacingError } from '../errors';
import type { EventSink } from '../events';
import type { Logger } from '../logger';
import { HOTKEY_DEFAULTS, acceleratorKeys, shortcutProblem, type SettingsStore } from '../settings';
import type { HotkeyPort } from './hotkey-port';

type ViewProject = DataView['projects'][number];
type ViewTask = DataView['tasks'][number];

export interface HotkeysOptions {
  settings: Pick<SettingsStore, 'get' | 'pins' | 'setPins'>;
  port: HotkeyPort;
  /** The list as the popover shows it (queued changes applied). */
  view: () => DataView;
  signedIn: () => boolean;
  /** The timer's own command: a press is a start like the popover's, queued (offline too). */
  start: (request: TimerStart) => { id: number };
  /** Toggl's id for an item created offline, once Toggl has it (the pin follows it). */
  knownId: (id: number) => number;
  events: EventSink;
  log: Logger;
  now: () => number;
}

/** What a pin points at in the list, and why a press would start nothing there (null: it would start). */
interface Target {
  project: ViewProject | undefined;
  task: ViewTask | undefined;
  problem: string | null;
}

/** Keys as this machine's keyboard says them (Ctrl+Alt+1, Cmd+Alt+1), for the user's words. */
const readable = (accelerator: string): string => readableKeys(accelerator, process.platform);

const same = (pin: { projectId: number; taskId: number | null }, projectId: number, taskId: number | null) =>
  pin.projectId === projectId && pin.taskId === taskId;

function labelOf(project: ViewProject, task: ViewTask | null | undefined): string {
  return task ? `${project.name} · ${task.name}` : project.name;
}

/** `toggl-tray start "@…"`: what a desktop's own key binding runs where global shortcuts do not work. */
function commandFor(label: string): string {
  return `toggl-tray start "@${label.replace(/ · /g, ' ').replace(/["\\$`]/g, '')}"`;
}

/**
 * Per-project hotkeys: up to HOTKEY_PINS_MAX projects or tasks pinned, each on a global
 * shortcut that starts a timer on it through the timer's own command (queued, so offline
 * too). The pins live in settings.json; this keeps their shortcuts registered, follows their
 * items through the list (an id Toggl gave an item made offline, a rename), and says when a
 * press starts nothing (the item archived, done or deleted; signed out) rather than doing
 * nothing silently: the log, the popover and (desktop) a notification.
 */
export class Hotkeys {
  private readonly registrations = new Map<string, HotkeyRegistration>();
  private lastPress: HotkeyPress | null = null;
  /** What the windows were last told, so a change of the list that leaves the pins as they were tells nothing. */
  private told = '';

  constructor(private readonly options: HotkeysOptions) {}

  /** Registers every pin's shortcut (again): at start, and after the pins change. */
  apply(): void {
    const { port, log } = this.options;
    port.unregisterAll();
    this.registrations.clear();
    for (const pin of this.options.settings.pins()) {
      const keys = acceleratorKeys(pin.accelerator);
      if (port.unavailable !== null) {
        this.registrations.set(keys, 'unavailable');
        continue;
      }
      let registered = false;
      try {
        registered = port.register(pin.accelerator, () => void this.press(pin.accelerator));
      } catch (error) {
        // Checked before it gets here; this is the OS refusing what passed.
        log.warn('hotkeys: the shortcut was refused', { accelerator: pin.accelerator, error });
      }
      if (!registered) log.warn(`hotkeys: ${pin.accelerator} is taken by another app; “${pin.label}” has no hotkey`);
      this.registrations.set(keys, registered ? 'registered' : 'taken');
    }
  }

  view(): HotkeysView {
    const view = this.options.view();
    return {
      pins: this.options.settings.pins().map((pin) => this.pinView(view, pin)),
      unavailable: this.options.port.unavailable,
      lastPress: this.lastPress,
    };
  }

  /** What the words name (as `toggl-tray start "@words"` reads them) and whether it can be pinned. */
  find(words: string): HotkeyMatch {
    const where = words.trim().replace(/^@/, '').trim();
    if (where === '') return { text: '', target: null };
    const place = placeOf(this.options.view(), where);
    if ('refused' in place) return { text: place.refused, target: null };
    const { project, task } = place;
    const label = labelOf(project, task);
    const refused = (text: string): HotkeyMatch => ({ text, target: null });
    if (!project.active) return refused(`“${project.name}” is archived: restore it to pin it.`);
    if (task && !task.active) return refused(`“${task.name}” is done: mark it not done to pin it.`);
    const pins = this.options.settings.pins();
    const pinned = pins.find((pin) => same(pin, project.id, task?.id ?? null));
    if (pinned) return refused(`“${label}” is already pinned to ${readable(pinned.accelerator)}.`);
    if (pins.length >= HOTKEY_PINS_MAX) return refused(this.full(label));
    return {
      text: `Pin “${label}” to ${readable(this.freeKeys(pins))}`,
      target: { projectId: project.id, taskId: task?.id ?? null },
    };
  }

  /** Pins a project (or a task of it) to the first free default shortcut. */
  pin(projectId: number, taskId: number | null): HotkeysView {
    const view = this.options.view();
    const project = view.projects.find((item) => item.id === projectId) ?? refuse('That project is not in the list.');
    const task = taskId === null ? null : view.tasks.find((item) => item.id === taskId && item.pid === projectId);
    if (task === undefined) refuse('That task is not in the list.');
    const label = labelOf(project, task);
    if (!project.active) refuse(`“${project.name}” is archived: restore it to pin it.`);
    if (task && !task.active) refuse(`“${task.name}” is done: mark it not done to pin it.`);
    const pins = this.options.settings.pins();
    const pinned = pins.find((pin) => same(pin, projectId, taskId));
    if (pinned) refuse(`“${label}” is already pinned to ${readable(pinned.accelerator)}.`);
    if (pins.length >= HOTKEY_PINS_MAX) refuse(this.full(label));
    const accelerator = this.freeKeys(pins);
    this.save([...pins, { projectId, taskId, accelerator, label }]);
    this.options.log.info('hotkeys: pinned', { projectId, taskId, accelerator });
    return this.view();
  }

  unpin(projectId: number, taskId: number | null): HotkeysView {
    const pins = this.options.settings.pins();
    // Already gone (removed in another window): the same answer as a removal.
    if (pins.some((pin) => same(pin, projectId, taskId))) {
      this.save(pins.filter((pin) => !same(pin, projectId, taskId)));
      this.options.log.info('hotkeys: unpinned', { projectId, taskId });
    }
    return this.view();
  }

  /** Gives a pin other keys: an Electron accelerator that no other pin and not the popover's shortcut has. */
  setKeys(projectId: number, taskId: number | null, requested: string): HotkeysView {
    const pins = this.options.settings.pins();
    const pin = pins.find((item) => same(item, projectId, taskId)) ?? refuse('That pin is not there any more.');
    const accelerator = requested.trim();
    const problem = shortcutProblem(accelerator);
    if (problem) refuse(problem);
    const keys = acceleratorKeys(accelerator);
    const popover = this.options.settings.get().shortcut;
    if (popover !== null && acceleratorKeys(popover) === keys)
      refuse(`${accelerator} opens the popover (Shortcut to open): choose another.`);
    const other = pins.find((item) => item !== pin && acceleratorKeys(item.accelerator) === keys);
    if (other) refuse(`${accelerator} already starts “${other.label}”: choose another.`);
    if (pin.accelerator !== accelerator) this.save(pins.map((item) => (item === pin ? { ...pin, accelerator } : item)));
    return this.view();
  }

  /**
   * The user pressed a pin's shortcut: a timer starts on its item, as the popover's Start
   * would (the running one stopped at the same second; queued offline). Already running on
   * it: it runs on. An item gone, archived or done, or no one signed in: nothing starts, and
   * the answer says why (logged, and told to the windows).
   */
  press(accelerator: string): HotkeyPress {
    const { log } = this.options;
    const keys = acceleratorKeys(accelerator);
    const pin = this.options.settings.pins().find((item) => acceleratorKeys(item.accelerator) === keys);
    const outcome = (text: string, refused: boolean): HotkeyPress => {
      if (refused) log.warn(`hotkeys: ${accelerator} started nothing: ${text}`);
      else log.info(`hotkeys: ${accelerator}: ${text}`);
      this.lastPress = { accelerator, text, refused, at: this.options.now() };
      this.tell(true);
      return this.lastPress;
    };
    if (!pin) return outcome('No project or task is pinned to it any more.', true);
    if (!this.options.signedIn()) return outcome(`Sign in to Toggl Tray to start “${pin.label}”.`, true);
    const view = this.options.view();
    const { project, task, problem } = this.target(view, pin);
    if (problem !== null || !project) return outcome(problem ?? '', true);
    const label = labelOf(project, task);
    const running = runningEntry(view.entries);
    if (running && running.pid === project.id && running.tid === (task?.id ?? null))
      return outcome(`“${label}” is already running.`, false);
    try {
      this.options.start({ wid: project.wid, pid: project.id, tid: task?.id ?? null, description: '' });
    } catch (error) {
      if (!(error instanceof UserFacingError)) {
        log.error('hotkeys: the timer did not start', { error });
        return outcome(`The timer on “${label}” did not start; the log has the details.`, true);
      }
      return outcome(`The timer on “${label}” did not start: ${error.message}`, true);
    }
    return outcome(`Started a timer on “${label}”.`, false);
  }

  /**
   * The list changed: pins of items made offline take the ids Toggl gave them, and renamed
   * items their new names (both written to the file); the windows hear of any change in the pins.
   */
  follow(): void {
    const pins = this.options.settings.pins();
    if (pins.length === 0 && this.told === '') return;
    const view = this.options.view();
    const followed = pins.map((pin) => {
      const projectId = pin.projectId < 0 ? this.options.knownId(pin.projectId) : pin.projectId;
      const taskId = pin.taskId !== null && pin.taskId < 0 ? this.options.knownId(pin.taskId) : pin.taskId;
      const moved = { ...pin, projectId, taskId };
      const { project, task } = this.target(view, moved);
      const label = project && (task || taskId === null) ? labelOf(project, task) : pin.label;
      if (projectId === pin.projectId && taskId === pin.taskId && label === pin.label) return pin;
      return { ...moved, label };
    });
    if (followed.some((pin, index) => pin !== pins[index])) this.options.settings.setPins(followed);
    this.tell(false);
  }

  /** Gives the shortcuts back (quit). */
  close(): void {
    this.options.port.unregisterAll();
  }

  private save(pins: HotkeyPin[]): void {
    this.options.settings.setPins(pins);
    this.apply();
    this.tell(true);
  }

  /** Tells the windows the pins as they are now; unless `always`, only when that differs from the last time. */
  private tell(always: boolean): void {
    const view = this.view();
    const text = JSON.stringify(view);
    if (!always && text === this.told) return;
    this.told = text;
    this.options.events.emit('hotkeys.changed', view);
  }

  private full(label: string): string {
    return `${HOTKEY_PINS_MAX} projects or tasks are pinned, the most there can be: remove one to pin “${label}”.`;
  }

  /** The first default shortcut no pin and not the popover's shortcut has. */
  private freeKeys(pins: readonly HotkeyPin[]): string {
    const popover = this.options.settings.get().shortcut;
    const taken = new Set(
      [...pins.map((pin) => pin.accelerator), ...(popover ? [popover] : [])].map((keys) => acceleratorKeys(keys)),
    );
    // Five defaults for five pins: only with the popover's own shortcut among them can the fifth need a sixth.
    return HOTKEY_DEFAULTS.find((keys) => !taken.has(acceleratorKeys(keys))) ?? 'CommandOrControl+Alt+6';
  }

  private target(view: DataView, pin: Pick<HotkeyPin, 'projectId' | 'taskId' | 'label'>): Target {
    const project = view.projects.find((item) => item.id === pin.projectId);
    const task = pin.taskId === null ? undefined : view.tasks.find((item) => item.id === pin.taskId);
    const problem = ((): string | null => {
      if (!this.options.signedIn()) return 'Signed out: sign in to use it.';
      if (!project || (pin.taskId !== null && (!task || task.pid !== project.id)))
        return `“${pin.label}” is no longer in your Toggl list (deleted, or you lost access): nothing starts. Remove it, or pin another.`;
      if (!project.active) return `“${project.name}” is archived: nothing starts. Restore it, or pin another.`;
      if (task && !task.active) return `“${task.name}” is done: nothing starts. Mark it not done, or pin another.`;
      return null;
    })();
    return { project, task, problem };
  }

  private pinView(view: DataView, pin: HotkeyPin): HotkeyPinView {
    const { project, problem } = this.target(view, pin);
    return {
      ...pin,
      color: project?.color ?? null,
      problem,
      registration: this.registrations.get(acceleratorKeys(pin.accelerator)) ?? 'taken',
      command: commandFor(pin.label),
    };
  }
}

function refuse(message: string): never {
  throw new UserFacingError('refused', message);
}
