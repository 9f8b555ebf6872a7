import type { DataView } from '../entities';
import { fold } from '../search/fold';
import { matchPlace } from './match';

type ViewProject = DataView['projects'][number];
export type Place = { project: ViewProject; task: DataView['tasks'][number] | null } | { refused: string };

/**
 * Where `@words` of a timer go: a project (matched as quick-add's `@` is: typos, accents, any
 * order), or a task of one when the last words name it (`@website hero` → the task of Website
 * redesign whose name holds "hero").
 */
export function placeOf(view: Pick<DataView, 'projects' | 'clients' | 'tasks'>, where: string): Place {
  const words = where.split(/\s+/).filter(Boolean);
  let ambiguous: string | null = null;
  for (let cut = words.length; cut > 0; cut--) {
    const match = matchPlace(view, words.slice(0, cut).join(' '));
    if (match.kind === 'ambiguous') {
      ambiguous ??= `“${words.slice(0, cut).join(' ')}” names ${match.count} projects (${match.names.join(', ')}…): say more.`;
      continue;
    }
    if (match.kind !== 'project') continue;
    const rest = fold(words.slice(cut).join(' '));
    if (rest === '') return { project: match.project, task: null };
    const tasks = view.tasks.filter((task) => task.pid === match.project.id && fold(task.name).includes(rest));
    const active = tasks.filter((task) => task.active);
    const [task, other] = active.length > 0 ? active : tasks;
    if (task && !other) return { project: match.project, task };
    if (task) return { refused: `“${rest}” names ${tasks.length} tasks of “${match.project.name}”: say more.` };
  }
  return { refused: ambiguous ?? `No project matches “${where}”.` };
}
