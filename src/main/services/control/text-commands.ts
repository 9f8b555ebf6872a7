import type { DataView, TimerStart } from '../../../shared/entities';
import { PLACE_MARKER } from '../../../shared/quick-add/parse';
import { placeOf } from '../../../shared/quick-add/place';
import { planQuickAdd, type QuickAddAction, type QuickAddPlan } from '../../../shared/quick-add/plan';
import { madeTimerPlace, quickAddRequest } from '../../../shared/quick-add/request';
import type { AppServices } from '../app-services';
import type { TextCommands } from './command-runner';

export type StartPlan = { start: TimerStart; where: string } | { refused: string };

/** Where a timer without a project goes: the default workspace while it is in the list, else the first. */
export function timerWorkspace(view: DataView): number | undefined {
  const preferred = view.workspaces.find((workspace) => workspace.id === view.user?.defaultWorkspaceId);
  return preferred?.id ?? view.workspaces[0]?.id;
}

/** `start "Fix login @website"`: the description before the first `@` that starts a word, the place after it. */
export function planStart(view: DataView, text: string): StartPlan {
  // As in quick-add, `dana@example.com` is part of the description.
  const at = text.search(PLACE_MARKER);
  const description = (at < 0 ? text : text.slice(0, at)).trim();
  if (at < 0) {
    const wid = timerWorkspace(view);
    if (wid === undefined) return { refused: 'Your account has no workspace to track time in.' };
    return { start: { wid, pid: null, tid: null, description }, where: 'without a project' };
  }
  const place = placeOf(view, text.slice(at + 1).trim());
  if ('refused' in place) return place;
  const { project, task } = place;
  if (!project.active) return { refused: `“${project.name}” is archived: restore it first.` };
  const where = `on “${project.name}”${task ? ` · “${task.name}”` : ''}`;
  return { start: { wid: project.wid, pid: project.id, tid: task?.id ?? null, description }, where };
}

/** `add "…"` (and a link's `text=`): the quick-add line, `+` optional. */
export function planAdd(view: DataView, text: string): QuickAddPlan | null {
  const line = text.trimStart().startsWith('+') ? text : `+${text}`;
  // No workspace is shown here: a new project goes to the default one (shared/rights.ts).
  return planQuickAdd(view, line, { workspaceId: null });
}

/**
 * Makes what a quick-add plan says, through the forms' commands (rights, the queue, offline):
 * the timer's place on what it made.
 */
export function createFrom(data: Pick<AppServices['data'], 'commands'>, action: QuickAddAction): TimerStart {
  const request = quickAddRequest(action);
  const { id } =
    request.kind === 'task'
      ? data.commands.createTask(request.pid, request.fields)
      : data.commands.createProject(request.wid, request.fields);
  return { ...madeTimerPlace(action, id), description: '' };
}

/**
 * `toggl-tray start "… @where"` and `add "…"`: the quick-add rules (src/shared/quick-add)
 * over the list the app holds, through the same commands, rights and queue as the popover.
 */
export function textCommands(services: AppServices): TextCommands {
  const { data } = services;
  return {
    start(text) {
      const plan = planStart(data.currentView(), text);
      if ('refused' in plan) return { refused: plan.refused };
      data.timer.start(plan.start);
      return { ok: `Started “${plan.start.description || 'No description'}” ${plan.where}.` };
    },
    add(text, start) {
      const plan = planAdd(data.currentView(), text);
      if (!plan?.action) return { refused: plan?.text ?? 'Nothing to add.' };
      const made = createFrom(data, plan.action);
      if (!start) return { ok: plan.text };
      data.timer.start(made);
      return { ok: `${plan.text} · timer started` };
    },
  };
}
