import { createContext } from 'svelte';
import type { AppState } from './app-state.svelte';
import type { DataCommands } from './data-commands.svelte';
import type { DataState } from './data-state.svelte';
import type { DefaultWorkspaceState } from './default-workspace.svelte';
import type { HotkeysState } from './hotkeys-state.svelte';
import type { MainViewState } from './main-view-state.svelte';
import type { OrgGroupsState } from './org-groups.svelte';
import type { SessionState } from './session-state.svelte';
import type { SettingsState } from './settings-state.svelte';
import type { TeamCommands } from './team-commands.svelte';
import type { TimerState } from './timer-state.svelte';

/** The popover's state objects, made once at the top and shared with the components below. */
export interface PopoverContext {
  app: AppState;
  session: SessionState;
  settings: SettingsState;
  /** Settings' "Default workspace" (Toggl's, kept with the list). */
  defaults: DefaultWorkspaceState;
  /** Settings' "Groups": the organization's groups (Toggl's, kept with the list). */
  groups: OrgGroupsState;
  /** The pinned hotkeys: Settings lists them, the main view says when a press started nothing. */
  hotkeys: HotkeysState;
}

export interface ListContext {
  list: DataState;
  commands: DataCommands;
  team: TeamCommands;
  ui: MainViewState;
  timer: TimerState;
}

export const [getPopover, setPopover] = createContext<PopoverContext>();
export const [getList, setList] = createContext<ListContext>();
