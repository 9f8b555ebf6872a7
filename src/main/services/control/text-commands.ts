import type { AppServices } from '../app-services';
import type { TextCommands } from './command-runner';

/**
 * `toggl-tray start "… @where"` and `add "…"`: the quick-add rules (src/shared/quick-add) over
 * the list the app holds, through the same commands and queue as the popover.
 */
export function textCommands(services: AppServices): TextCommands {
  return {
    start(text) {
      if (text.includes('@')) return { refused: 'Naming a project with @ is not available yet.' };
      const view = services.data.currentView();
      const wid = view.user?.defaultWorkspaceId ?? view.workspaces[0]?.id;
      if (wid === undefined) return { refused: 'Your account has no workspace to track time in.' };
      services.data.timer.start({ wid, pid: null, tid: null, description: text });
      return { ok: `Started “${text.trim() || 'No description'}” without a project.` };
    },
    add: () => ({ refused: 'Quick add is not available yet.' }),
  };
}
