import { z } from 'zod';
import { NO_PROJECT_DETAILS, projectFieldsSchema } from '../../../shared/schema';
import { detailsBody, toProject } from '../toggl/mapping';
import type { ChangeKind } from './kind';
import type { ChangeOp } from './registry';

export const projectCreateSchema = z.object({
  kind: z.literal('project.create'),
  tempId: z.number().int(),
  wid: z.number().int(),
  fields: projectFieldsSchema,
});

export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const newProjectCreate = (fields: Omit<ProjectCreate, 'kind'>): ProjectCreate => ({
  kind: 'project.create',
  ...fields,
});

export const isProjectCreate = (op: ChangeOp): op is ProjectCreate => op.kind === 'project.create';

/** A new project: shown at once under a temporary id, which Toggl's answer replaces. */
export const projectCreate: ChangeKind<ProjectCreate> = {
  targets: (op) => [`p:${op.tempId}`],
  refs: (op) => [op.wid],
  creates: (op) => op.tempId,
  remap: (op) => op,
  describe: (op) => `Create project “${op.fields.name}”`,

  apply(view, op, { mark }) {
    const { clientName, ...fields } = op.fields;
    view.projects.set(op.tempId, {
      id: op.tempId,
      wid: op.wid,
      ...NO_PROJECT_DETAILS,
      ...fields,
      active: true,
      sync: mark,
      clientName: clientName ?? null,
    });
  },

  async send(op, { api, cache, uncertain }) {
    const { fields } = op;
    // After a POST that may have landed: is the project on Toggl already?
    const found = uncertain
      ? (await api.listProjects(op.wid, { name: fields.name, active: 'both', per_page: 200 })).find(
          (project) => project.name.toLowerCase() === fields.name.toLowerCase() && !cache.projects.has(project.id),
        )
      : undefined;
    const created =
      found ??
      (await api.createProject(op.wid, {
        name: fields.name,
        active: true,
        color: fields.color,
        is_private: fields.isPrivate,
        ...(fields.billable && { billable: true }),
        ...detailsBody(fields),
        ...(fields.cid !== null
          ? { client_id: fields.cid }
          : fields.clientName
            ? { client_name: fields.clientName }
            : {}),
      }));
    const project = toProject(created);
    cache.projects.set(project.id, project);
    // Toggl makes whoever creates a project without being admin its manager.
    const workspace = cache.workspaces.get(op.wid);
    if (workspace && !workspace.admin && !workspace.managedProjects.includes(project.id)) {
      workspace.managedProjects = [...workspace.managedProjects, project.id];
    }
    if (project.cid !== null && !cache.clients.has(project.cid) && fields.clientName) {
      cache.clients.set(project.cid, {
        id: project.cid,
        wid: op.wid,
        name: fields.clientName,
        archived: false,
        at: project.at,
      });
    }
    return { result: 'done', remap: { from: op.tempId, to: project.id } };
  },
};
