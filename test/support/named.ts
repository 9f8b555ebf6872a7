import type { DataView } from '../../src/shared/entities';

/** Items of a view by name, as the tests speak of them ("Demo Studio", "Mobile app"). */
export const projectNamed = (view: DataView, name: string) => view.projects.find((item) => item.name === name);
export const projectIdNamed = (view: DataView, name: string): number => projectNamed(view, name)?.id ?? 0;
export const workspaceIdNamed = (view: DataView, name: string): number =>
  view.workspaces.find((item) => item.name === name)?.id ?? 0;

/** As above, but a name the view lacks fails the test at once, saying which. */
export function workspaceIdOf(view: DataView, name: string): number {
  const found = view.workspaces.find((item) => item.name === name);
  if (!found) throw new Error(`no workspace “${name}”`);
  return found.id;
}
export function projectOf(view: DataView, name: string): DataView['projects'][number] {
  const found = projectNamed(view, name);
  if (!found) throw new Error(`no project “${name}”`);
  return found;
}
