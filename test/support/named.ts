import type { DataView } from '../../src/shared/entities';

/** Items of a view by name, as the tests speak of them ("Demo Studio", "Mobile app"). */
export const projectNamed = (view: DataView, name: string) => view.projects.find((item) => item.name === name);
export const projectIdNamed = (view: DataView, name: string): number => projectNamed(view, name)?.id ?? 0;
export const workspaceIdNamed = (view: DataView, name: string): number =>
  view.workspaces.find((item) => item.name === name)?.id ?? 0;
