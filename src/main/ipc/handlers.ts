import type { AppSettings, SettingsView, ShellKind } from '../../shared/contract';
import type { AppServices } from '../services/app-services';
import { appIdentity } from '../services/app-identity';
import { DEFAULT_API_URL } from '../services/config';
import { UserFacingError } from '../services/errors';
import { parseExternalUrl } from '../services/external-url';
import type { Handlers } from './router';

/** What a shell (Electron or the browser shell) does for the handlers. */
export interface ShellPort {
  kind: ShellKind;
  hidePopover(): void;
  /** The OS accent color (#rrggbb), or null where there is none to read. */
  accentColor(): string | null;
  /** Opens a folder in the file manager; false where the shell cannot (the page says where it is). */
  openFolder(folder: string): Promise<boolean>;
  /** Opens an allowed link (`parseExternalUrl`) in the browser; false when the shell leaves it to the page. */
  openLink(url: URL): Promise<boolean>;
  /** Puts the global shortcut and update checks into effect; answers a problem, or null. */
  applySettings(settings: AppSettings): string | null;
  /**
   * Launch at login as the OS has it (the user may change it outside the app), and setting
   * it; null where the shell has none.
   */
  loginItem: { enabled(): boolean; set(enabled: boolean): void } | null;
  /** One sentence on where the app lives and how to reach it again; null where it has no window of its own. */
  whereItLives(): string | null;
  /** Why settings cannot take effect in this shell, or null. */
  settingsUnsupported: string | null;
}

export interface HandlerContext {
  shell: ShellPort;
  apiUrl: string;
  /** Where the log files are. */
  logsFolder: string;
  services: Pick<AppServices, 'session' | 'data' | 'settings' | 'idle' | 'hotkeys' | 'links'>;
}

/** Every channel's handler; each one only unpacks its request and calls a service. */
export function createHandlers({ shell, apiUrl, logsFolder, services }: HandlerContext): Handlers {
  const { session, data, settings, idle, hotkeys, links } = services;
  // The OS has the last word on launch at login: a login item removed by hand shows as off.
  const current = (): AppSettings => {
    const stored = settings.get();
    return shell.loginItem ? { ...stored, launchAtLogin: shell.loginItem.enabled() } : stored;
  };
  const settingsView = (problem: string | null): SettingsView => ({
    settings: current(),
    unsupported: shell.settingsUnsupported,
    problem,
  });
  const setLoginItem = (enabled: boolean): void => {
    try {
      shell.loginItem?.set(enabled);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserFacingError('refused', `Launch at login could not be ${enabled ? 'set' : 'removed'}: ${reason}`);
    }
  };
  const { commands, queue, loop } = data;
  // Commands return nothing; the contract says `undefined` explicitly.
  const nothing = (run: () => unknown): undefined => {
    run();
    return undefined;
  };
  const andSend = (run: () => unknown): undefined => {
    run();
    // Never rejects: the loop logs what fails in it.
    void loop.sendNow();
    return undefined;
  };
  return {
    'app.info': () => ({
      name: appIdentity.name,
      version: appIdentity.version,
      platform: process.platform,
      shell: shell.kind,
      apiUrl,
      apiIsToggl: apiUrl === DEFAULT_API_URL,
      accentColor: shell.accentColor(),
      whereItLives: shell.whereItLives(),
    }),
    'popover.hide': () => {
      shell.hidePopover();
      return undefined;
    },
    'shell.openExternal': async ({ url }) => ({ opened: await shell.openLink(parseExternalUrl(url)) }),
    'shell.openLogs': async () => ({ folder: logsFolder, opened: await shell.openFolder(logsFolder) }),
    'session.get': () => session.current(),
    'session.signInWithToken': ({ token, discardPending }) => session.signInWithToken(token, discardPending),
    'session.signInWithPassword': ({ email, password, discardPending }) =>
      session.signInWithPassword(email, password, discardPending),
    'session.signOut': ({ discardPending }) => session.signOut(discardPending),
    'data.first': (request) => data.firstScreen(request),
    'data.view': (request) => {
      const view = data.currentView();
      return {
        ...view,
        tasks: request?.tasks === false ? [] : view.tasks,
        projects: request?.projects === false ? [] : view.projects,
      };
    },
    'data.projects': ({ from, count }) => {
      const { version, projects } = data.currentView();
      return { version, total: projects.length, projects: projects.slice(from, from + count) };
    },
    'data.tasks': ({ from, count }) => {
      const { version, tasks } = data.currentView();
      return { version, total: tasks.length, tasks: tasks.slice(from, from + count) };
    },
    'projects.create': ({ wid, fields }) => commands.createProject(wid, fields),
    'projects.update': ({ id, changes, rateChangeMode }) =>
      nothing(() => commands.updateProject(id, changes, rateChangeMode)),
    'projects.setActive': ({ ids, active }) => nothing(() => commands.setProjectsActive(ids, active)),
    'projects.delete': ({ id }) => nothing(() => commands.deleteProject(id)),
    'tasks.create': ({ pid, fields }) => commands.createTask(pid, fields),
    'tasks.update': ({ id, changes }) => nothing(() => commands.updateTask(id, changes)),
    'tasks.setActive': ({ ids, active }) => nothing(() => commands.setTasksActive(ids, active)),
    'tasks.delete': ({ id }) => nothing(() => commands.deleteTask(id)),
    'me.setDefaultWorkspace': ({ wid }) => nothing(() => commands.setDefaultWorkspace(wid)),
    'team.open': async ({ wid }) => {
      await data.engine.openTeam(wid);
      return undefined;
    },
    'members.add': ({ pid, uid }) => data.team.addMember(pid, uid),
    'members.setManager': ({ id, manager }) => nothing(() => data.team.setManager(id, manager)),
    'members.setRates': ({ id, ...rates }) => nothing(() => data.team.setRates(id, rates)),
    'members.remove': ({ id }) => nothing(() => data.team.removeMember(id)),
    'groups.add': ({ pid, groupId }) => data.team.addGroup(pid, groupId),
    'groups.remove': ({ id }) => nothing(() => data.team.removeGroup(id)),
    'organization.openGroups': async () => {
      await data.engine.openGroups();
      return undefined;
    },
    'organization.createGroup': ({ oid, name }) => data.orgGroups.createGroup(oid, name),
    'organization.updateGroup': ({ id, changes }) => nothing(() => data.orgGroups.updateGroup(id, changes)),
    'organization.deleteGroup': ({ id }) => nothing(() => data.orgGroups.deleteGroup(id)),
    'timer.start': (request) => data.timer.start(request),
    'timer.stop': () => nothing(() => data.timer.stop()),
    'timer.update': ({ id, changes }) => nothing(() => data.timer.update(id, changes)),
    'timer.continue': ({ id }) => data.timer.continue(id),
    'outbox.retry': ({ entryId }) => andSend(() => queue.retry(entryId)),
    'outbox.discard': ({ entryId }) => nothing(() => queue.discard(entryId)),
    'outbox.resolve': ({ entryId, keep }) => andSend(() => queue.resolve(entryId, keep)),
    'outbox.discardDamaged': ({ id }) => nothing(() => queue.discardDamaged(id)),
    'sync.status': () => data.status(),
    'sync.opened': async () => {
      await loop.notify('shown');
      return data.status();
    },
    'sync.refresh': async () => {
      await loop.notify('refresh');
      return data.status();
    },
    'settings.get': () => settingsView(null),
    'settings.update': (changes) => {
      // Checked first (a bad shortcut changes nothing), then the login item, then the file.
      const checked = settings.check(changes);
      if (checked.launchAtLogin !== undefined) setLoginItem(checked.launchAtLogin);
      settings.update(checked);
      // The idle setting takes effect at once: watching starts, or stops at 0.
      idle.watcher?.follow();
      return settingsView(shell.applySettings(settings.get()));
    },
    'idle.question': () => idle.questions.current(),
    'idle.answer': ({ id, answer }) => nothing(() => idle.questions.answer(id, answer)),
    'hotkeys.get': () => hotkeys.view(),
    'hotkeys.find': ({ words }) => hotkeys.find(words),
    'hotkeys.pin': ({ projectId, taskId }) => hotkeys.pin(projectId, taskId),
    'hotkeys.unpin': ({ projectId, taskId }) => hotkeys.unpin(projectId, taskId),
    'hotkeys.setKeys': ({ projectId, taskId, accelerator }) => hotkeys.setKeys(projectId, taskId, accelerator),
    'link.request': () => links.current(),
    'link.answer': ({ id, answer }) => nothing(() => links.answer(id, answer)),
  };
}
