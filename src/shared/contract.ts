/**
 * The one IPC contract: every call the renderer may make and every event main pushes.
 * Both shells (Electron's ipcMain and the browser shell's WebSocket) carry exactly this map.
 * Nothing here imports electron, node or svelte.
 */

export type ShellKind = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  /** Node's `process.platform` of the process running the services. */
  platform: string;
  shell: ShellKind;
  /** The Toggl API root the services talk to (the sandbox in tests and demos). */
  apiUrl: string;
  /** False when TOGGL_API_URL points the app somewhere other than Toggl Track (a sandbox): Settings says so. */
  apiIsToggl: boolean;
  /** One sentence on where the app lives and how to reach it (desktop app), else null. */
  whereItLives: string | null;
  /** The OS accent color (#rrggbb) where the shell can read it (desktop, macOS and Windows), else null. */
  accentColor: string | null;
}

import type {
  DataView,
  ProjectChanges,
  OrgGroupChanges,
  ProjectFields,
  SyncStatus,
  TaskChanges,
  TaskFields,
  TimerChanges,
  TimerStart,
} from './entities';
import type { FirstScreen, FirstScreenRequest } from './first-screen';
import type { MemberRates, RateModes } from './member-rates';
import type { RateChangeMode } from './rate-change';
import type { ViewDelta } from './view-delta';

/** The most tasks one `data.tasks` answer may carry. */
export const TASK_PAGE_MAX = 20_000;
/** The most projects one `data.projects` answer may carry. */
export const PROJECT_PAGE_MAX = 10_000;

export interface ProjectPage {
  version: number;
  /** How many projects the view has in all. */
  total: number;
  projects: DataView['projects'];
}

/** A page of a list: `count` items from `from`, of the view `version`. */
export interface PageRequest {
  version: number;
  from: number;
  count: number;
}

export interface TaskPage {
  version: number;
  /** How many tasks the view has in all. */
  total: number;
  tasks: DataView['tasks'];
}

/** Who is signed in, as the renderer may know it: never the token. */
export interface SessionUser {
  id: number;
  fullname: string;
  email: string;
  defaultWorkspaceId: number | null;
  /** The user's Toggl time zone (IANA) and first day of the week (0 Sunday): today's and this week's totals. */
  timezone: string;
  beginningOfWeek: number;
}

export type SessionStatus =
  /** No token: show the sign-in view. */
  | 'signed-out'
  /** A token is in the keychain and was accepted (or not yet refused). */
  | 'signed-in'
  /** Toggl refused the stored token: sign in again; cached data stays until then. */
  | 'needs-sign-in';

export interface SessionView {
  status: SessionStatus;
  user: SessionUser | null;
  /** Why the user must sign in again, in words for them. */
  reason: string | null;
  /** Where the token is kept, e.g. "GNOME Keyring (Secret Service)". */
  vault: string;
}

export interface SignOutRequest {
  /** True once the user has confirmed losing unsynced changes. */
  discardPending: boolean;
}

export type SignOutResponse = { signedOut: true } | { signedOut: false; pendingChanges: number };

export interface AppSettings {
  launchAtLogin: boolean;
  /** The global shortcut that opens the popover (an Electron accelerator), or null for none. */
  shortcut: string | null;
  /** The slow background refresh (every 15 minutes at most). */
  backgroundSync: boolean;
  /** Look for a new version at most once a day (desktop app); nothing downloads without an OK. */
  checkForUpdates: boolean;
  /** Ask about time away from the machine (idle, asleep, locked) longer than this while a timer runs; 0 never asks. */
  idleMinutes: number;
}

/** Time away from the machine while a timer ran, asked about on return. */
export interface IdleQuestion {
  /** Names this question: an answer to another one is refused. */
  id: string;
  /** The running entry it is about. */
  entryId: number;
  /** When the time away began (epoch ms): the last input, the sleep or the lock; never before the entry's start. */
  idleSince: number;
  /** When the user came back (epoch ms). */
  returnedAt: number;
  /** The entry's description, and its project's name (null without one), for the question's words. */
  description: string;
  project: string | null;
}

/**
 * Keep the time; discard it (stop the entry when the time away began); or discard it and
 * continue (and start an entry like it from the return).
 */
export type IdleAnswer = 'keep' | 'discard' | 'continue';

/** How many projects or tasks may be pinned to hotkeys. */
export const HOTKEY_PINS_MAX = 5;

/** A project, or a task of it, pinned to a global shortcut that starts a timer on it (Settings → Hotkeys). */
export interface HotkeyPin {
  projectId: number;
  taskId: number | null;
  /** An Electron accelerator, e.g. "CommandOrControl+Alt+1". */
  accelerator: string;
  /** Its name when last seen ("Website redesign · Mockups"): what a pin of a deleted item still shows. */
  label: string;
}

/** Whether a pin's shortcut is in effect: held by this app, held by another one, or not possible here (Wayland). */
export type HotkeyRegistration = 'registered' | 'taken' | 'unavailable';

export interface HotkeyPinView extends HotkeyPin {
  /** The project's color (#rrggbb), or null when it is no longer in the list. */
  color: string | null;
  /** Why pressing it starts nothing (archived, done, deleted), in the user's words, or null. */
  problem: string | null;
  registration: HotkeyRegistration;
  /** `toggl-tray start "@…"` for a key bound in the desktop's own settings, where global shortcuts do not work. */
  command: string;
}

/** What a press of a pinned hotkey did, in the user's words. */
export interface HotkeyPress {
  accelerator: string;
  text: string;
  /** True when it started nothing (the item is gone, archived, done; signed out). */
  refused: boolean;
  at: number;
}

export interface HotkeysView {
  pins: HotkeyPinView[];
  /** Why global shortcuts cannot work here (Wayland), with what to do instead, or null. */
  unavailable: string | null;
  /** The last press since the app started, or null. */
  lastPress: HotkeyPress | null;
}

/** What words typed in Settings → Hotkeys would pin: the preview's text, and the item when Enter would pin it. */
export interface HotkeyMatch {
  text: string;
  target: { projectId: number; taskId: number | null } | null;
}
/**
 * A `toggl-tray://` link that waits for the user: what it will do, for one Enter, or why it
 * cannot. A link never changes data by itself, so a web page cannot start or stop a timer.
 */
export interface LinkRequest {
  /** Names this request: an answer to another (an older, replaced one) is refused. */
  id: string;
  /** Exactly what confirming does ("Start a timer on …"), or what is wrong with the link. */
  text: string;
  /** The confirming button's words ("Start timer", "Stop timer", "Create"); null when there is nothing to do. */
  confirm: string | null;
  /** A sentence to read first: this link replaced one that was waiting, or what it does changed since it came; else null. */
  notice: string | null;
  /** The link as it came (cut at 200 characters), so the user sees what asked. */
  link: string;
}

/** Carry the link out, or leave everything as it is. */
export type LinkAnswer = 'confirm' | 'dismiss';

export interface SettingsView {
  settings: AppSettings;
  /** Why a setting cannot take effect in this shell (browser shell), or null. */
  unsupported: string | null;
  /** A problem applying the settings, e.g. a shortcut another app holds. */
  problem: string | null;
}

export interface OpenExternalRequest {
  url: string;
}

export interface LogsResponse {
  /** Where the log files are (the platform's log folder in the desktop app). */
  folder: string;
  /** False where the shell cannot open a folder (browser shell): the page shows where it is. */
  opened: boolean;
}

export interface OpenExternalResponse {
  /** False where the shell cannot open links itself (browser shell): the page opens it. */
  opened: boolean;
}

/** Channel → request and response. `undefined` requests take no argument. */
export interface IpcContract {
  'app.info': { request: undefined; response: AppInfo };
  'popover.hide': { request: undefined; response: undefined };
  'shell.openExternal': { request: OpenExternalRequest; response: OpenExternalResponse };
  /** Opens the folder with the log files, for sending them with a problem report. */
  'shell.openLogs': { request: undefined; response: LogsResponse };
  'session.get': { request: undefined; response: SessionView };
  /** `discardPending`: the user agreed to drop changes another account left queued. */
  'session.signInWithToken': { request: { token: string; discardPending?: boolean }; response: SessionView };
  /** The password is used for one request to fetch the token, then forgotten. */
  'session.signInWithPassword': {
    request: { email: string; password: string; discardPending?: boolean };
    response: SessionView;
  };
  'session.signOut': { request: SignOutRequest; response: SignOutResponse };
  /**
   * The window's first answer: the first screen of the list (in the window's order, a few
   * dozen kilobytes however large the account), or the whole list when it is as small.
   */
  'data.first': { request: FirstScreenRequest; response: FirstScreen };
  /**
   * The cached list with queued changes applied. `{ tasks: false }` leaves the tasks out and
   * `{ projects: false }` the projects, which a large account's window reads a page at a time.
   */
  'data.view': { request: { tasks: boolean; projects?: boolean } | undefined; response: DataView };
  /** A page of the list's projects, as `data.tasks` is of its tasks. */
  'data.projects': { request: PageRequest; response: ProjectPage };
  /**
   * A page of the list's tasks (`count` from `from`), so that no answer carries 100,000 of
   * them at once. `version` is the view they belong to; one that changed meanwhile answers
   * with the new version, and the window starts again.
   */
  'data.tasks': { request: PageRequest; response: TaskPage };
  'projects.create': { request: { wid: number; fields: ProjectFields }; response: { id: number } };
  /** `rateChangeMode`: how a new hourly rate counts for time already tracked (only with one). */
  'projects.update': {
    request: { id: number; changes: ProjectChanges; rateChangeMode?: RateChangeMode };
    response: undefined;
  };
  /** Archive (false) or restore (true); several ids make one bulk request per workspace. */
  'projects.setActive': { request: { ids: number[]; active: boolean }; response: undefined };
  'projects.delete': { request: { id: number }; response: undefined };
  'tasks.create': { request: { pid: number; fields: TaskFields }; response: { id: number } };
  'tasks.update': { request: { id: number; changes: TaskChanges }; response: undefined };
  /** Done (false) or not done (true); several ids make one bulk request per project. */
  'tasks.setActive': { request: { ids: number[]; active: boolean }; response: undefined };
  'tasks.delete': { request: { id: number }; response: undefined };
  /** Where "New project" goes first (Toggl's `default_workspace_id`): queued like any change. */
  'me.setDefaultWorkspace': { request: { wid: number }; response: undefined };
  /** Loads a workspace's members and groups the first time a project's details open there. */
  'team.open': { request: { wid: number }; response: undefined };
  'members.add': { request: { pid: number; uid: number }; response: { id: number } };
  'members.setManager': { request: { id: number; manager: boolean }; response: undefined };
  /** A member's hourly rate and labor cost (admins, paid plans); null clears one, a field left out stays. */
  'members.setRates': {
    request: { id: number } & Partial<MemberRates> & RateModes;
    response: undefined;
  };
  'members.remove': { request: { id: number }; response: undefined };
  'groups.add': { request: { pid: number; groupId: number }; response: { id: number } };
  'groups.remove': { request: { id: number }; response: undefined };
  /** Settings → Groups: loads the user's organizations and their groups (kept an hour). */
  'organization.openGroups': { request: undefined; response: undefined };
  /** An organization group, for organization admins: queued like any change. */
  'organization.createGroup': { request: { oid: number; name: string }; response: { id: number } };
  /** Rename it, or set its people (user ids) or workspaces. */
  'organization.updateGroup': { request: { id: number; changes: OrgGroupChanges }; response: undefined };
  'organization.deleteGroup': { request: { id: number }; response: undefined };
  /** Starts a timer (stopping the running one first, at the same instant). */
  'timer.start': { request: TimerStart; response: { id: number } };
  'timer.stop': { request: undefined; response: undefined };
  /** Edits an entry (the running one): description, or project and task in its workspace. */
  'timer.update': { request: { id: number; changes: TimerChanges }; response: undefined };
  /** A new running entry like an earlier one. */
  'timer.continue': { request: { id: number }; response: { id: number } };
  'outbox.retry': { request: { entryId: string }; response: undefined };
  'outbox.discard': { request: { entryId: string }; response: undefined };
  'outbox.resolve': { request: { entryId: string; keep: 'mine' | 'theirs' }; response: undefined };
  /** Drops a queued change that could not be read back from disk. */
  'outbox.discardDamaged': { request: { id: string }; response: undefined };
  'sync.status': { request: undefined; response: SyncStatus };
  /** The popover became visible: refresh if the list is a few minutes old. */
  'sync.opened': { request: undefined; response: SyncStatus };
  /** The Refresh button. */
  'sync.refresh': { request: undefined; response: SyncStatus };
  'settings.get': { request: undefined; response: SettingsView };
  'settings.update': { request: Partial<AppSettings>; response: SettingsView };
  /** The question about time away that waits for an answer, or null. */
  'idle.question': { request: undefined; response: IdleQuestion | null };
  'idle.answer': { request: { id: string; answer: IdleAnswer }; response: undefined };
  'hotkeys.get': { request: undefined; response: HotkeysView };
  /** Which project or task the words name (the `@` matching of `toggl-tray start`), and whether it can be pinned. */
  'hotkeys.find': { request: { words: string }; response: HotkeyMatch };
  /** Pins a project or task to the first free default shortcut; refused past HOTKEY_PINS_MAX. */
  'hotkeys.pin': { request: { projectId: number; taskId: number | null }; response: HotkeysView };
  'hotkeys.unpin': { request: { projectId: number; taskId: number | null }; response: HotkeysView };
  /** Gives a pin another shortcut (an Electron accelerator). */
  'hotkeys.setKeys': {
    request: { projectId: number; taskId: number | null; accelerator: string };
    response: HotkeysView;
  };
  /** The `toggl-tray://` link that waits for the user, or null. */
  'link.request': { request: undefined; response: LinkRequest | null };
  'link.answer': { request: { id: string; answer: LinkAnswer }; response: undefined };
}

export type MenuCommand = 'refresh' | 'settings' | 'sign-out';

/** Event → payload, pushed from main to the renderer. */
export interface IpcEvents {
  /** The popover was just shown (tray click, shortcut, second instance). */
  'popover.shown': { at: number };
  /** A tray menu item that the renderer acts on. */
  'menu.command': { command: MenuCommand };
  'session.changed': SessionView;
  /** What changed in the list since the last version (ask `data.view` for a full copy on a gap). */
  'data.changed': ViewDelta;
  'sync.status': SyncStatus;
  /** A question about time away came up, changed or went (answered, or its entry no longer runs). */
  'idle.changed': { question: IdleQuestion | null };
  /** The pins, their shortcuts' state or the last press changed. */
  'hotkeys.changed': HotkeysView;
  /** A link came (or was answered, or replaced by a newer one). */
  'link.changed': { request: LinkRequest | null };
}

export type Channel = keyof IpcContract;
export type EventName = keyof IpcEvents;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];
export type EventPayload<E extends EventName> = IpcEvents[E];

/** The call's argument list: empty when the channel takes no request. */
export type RequestArgs<C extends Channel> =
  undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

// Runtime lists of the contract. `satisfies Record<…, true>` fails to compile when a
// channel or event is added to the types above and not here (or the other way round).
export const CHANNELS = {
  'app.info': true,
  'popover.hide': true,
  'shell.openExternal': true,
  'shell.openLogs': true,
  'session.get': true,
  'session.signInWithToken': true,
  'session.signInWithPassword': true,
  'session.signOut': true,
  'data.first': true,
  'data.view': true,
  'data.projects': true,
  'data.tasks': true,
  'projects.create': true,
  'projects.update': true,
  'projects.setActive': true,
  'projects.delete': true,
  'tasks.create': true,
  'tasks.update': true,
  'tasks.setActive': true,
  'tasks.delete': true,
  'me.setDefaultWorkspace': true,
  'team.open': true,
  'members.add': true,
  'members.setManager': true,
  'members.setRates': true,
  'members.remove': true,
  'groups.add': true,
  'groups.remove': true,
  'organization.openGroups': true,
  'organization.createGroup': true,
  'organization.updateGroup': true,
  'organization.deleteGroup': true,
  'timer.start': true,
  'timer.stop': true,
  'timer.update': true,
  'timer.continue': true,
  'outbox.retry': true,
  'outbox.discard': true,
  'outbox.resolve': true,
  'outbox.discardDamaged': true,
  'sync.status': true,
  'sync.opened': true,
  'sync.refresh': true,
  'settings.get': true,
  'settings.update': true,
  'idle.question': true,
  'idle.answer': true,
  'hotkeys.get': true,
  'hotkeys.find': true,
  'hotkeys.pin': true,
  'hotkeys.unpin': true,
  'hotkeys.setKeys': true,
  'link.request': true,
  'link.answer': true,
} as const satisfies Record<Channel, true>;

export const EVENTS = {
  'popover.shown': true,
  'menu.command': true,
  'session.changed': true,
  'data.changed': true,
  'sync.status': true,
  'idle.changed': true,
  'hotkeys.changed': true,
  'link.changed': true,
} as const satisfies Record<EventName, true>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(EVENTS, value);
}
