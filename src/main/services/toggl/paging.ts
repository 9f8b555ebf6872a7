import type { TogglApi, WorkspaceProjectsQuery, WorkspaceTasksQuery } from './api';
import type { TogglProject, TogglTask } from './types';

type Signal = { signal?: AbortSignal };

/** Every page of /me/projects/paginated: each page resumes after the last id seen. */
export async function* allMyProjectsPaginated(
  api: TogglApi,
  query: { since?: number; per_page?: number } = {},
  options: Signal = {},
): AsyncGenerator<TogglProject[]> {
  const perPage = query.per_page ?? 201;
  let start: number | undefined;
  for (;;) {
    const page = await api.getMyProjectsPaginated({ ...query, per_page: perPage, start_project_id: start }, options);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < perPage || !last) return;
    start = last.id + 1;
  }
}

/** Every page of /me/tasks by offset. */
export async function* allMyTasks(
  api: TogglApi,
  query: { since?: number; include_not_active?: boolean; per_page?: number } = {},
  options: Signal = {},
): AsyncGenerator<TogglTask[]> {
  const perPage = query.per_page ?? 1000;
  for (let offset = 0; ; offset += perPage) {
    const page = await api.getMyTasks({ ...query, per_page: perPage, offset }, options);
    if (page.length > 0) yield page;
    if (page.length < perPage) return;
  }
}

/** Every page of /workspaces/{wid}/projects (per_page at most 200). */
export async function* allWorkspaceProjects(
  api: TogglApi,
  workspaceId: number,
  query: Omit<WorkspaceProjectsQuery, 'page'> = {},
  options: Signal = {},
): AsyncGenerator<TogglProject[]> {
  const perPage = Math.min(query.per_page ?? 200, 200);
  for (let page = 1; ; page++) {
    const items = await api.listProjects(workspaceId, { ...query, page, per_page: perPage }, options);
    if (items.length > 0) yield items;
    if (items.length < perPage) return;
  }
}

/** Every page of /workspaces/{wid}/tasks, stopping at total_count. */
export async function* allWorkspaceTasks(
  api: TogglApi,
  workspaceId: number,
  query: Omit<WorkspaceTasksQuery, 'page'> = {},
  options: Signal = {},
): AsyncGenerator<TogglTask[]> {
  const perPage = query.per_page ?? 200;
  let seen = 0;
  for (let page = 1; ; page++) {
    const answer = await api.listWorkspaceTasks(workspaceId, { ...query, page, per_page: perPage }, options);
    if (answer.data.length > 0) yield answer.data;
    seen += answer.data.length;
    if (answer.data.length < perPage || seen >= answer.total_count) return;
  }
}

/** Collects an async generator of pages into one array. */
export async function collectPages<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
