import { z } from 'zod';
import {
  projectChangesSchema,
  projectFieldsSchema,
  rateChangeModeSchema,
  taskChangesSchema,
  taskFieldsSchema,
} from '../../shared/schema';
import { TASK_PAGE_MAX, PROJECT_PAGE_MAX } from '../../shared/contract';
import type { Schemas } from './router';

const noRequest = z.undefined();
/** A page of a list (`data.projects`, `data.tasks`): at most `max` items. */
const page = (max: number) =>
  z.strictObject({ version: z.number().int(), from: z.number().int().min(0), count: z.number().int().min(1).max(max) });
// Generous bounds: the services check meaning and answer in words; these stop garbage.
const text = (max: number) => z.string().max(max);
const id = z.number().int();
const ids = z.array(id).min(1).max(200);
const entryId = z.strictObject({ entryId: text(64).min(1) });
const pinned = { projectId: id, taskId: id.nullable() };

// The shared shapes, closed to unknown keys and with bounds on every string.
// Project details: the services check meaning (shared/project-details.ts); these bound the size.
const amount = z.number().min(-1e12).max(1e12).nullable().optional();
const detailBounds = {
  estimatedHours: amount,
  rate: amount,
  fixedFee: amount,
  startDate: text(32).nullable().optional(),
  endDate: text(32).nullable().optional(),
  currency: text(16).nullable().optional(),
  recurringParameters: z
    .strictObject({
      period: text(64),
      customPeriod: z.number().int().min(-1e6).max(1e6).nullable(),
      startDate: text(32).nullable(),
    })
    .nullable()
    .optional(),
};
const mode = rateChangeModeSchema.optional();
const projectFields = z.strictObject({
  ...projectFieldsSchema.shape,
  name: text(1000),
  clientName: text(1000).optional(),
  color: text(16),
  ...detailBounds,
});
const projectChanges = z.strictObject(projectChangesSchema.shape).extend({
  name: text(1000).optional(),
  color: text(16).optional(),
  ...detailBounds,
});
const estimate = z.number().int().min(0).max(1e9).nullable();
const taskFields = z.strictObject({ ...taskFieldsSchema.shape, name: text(1000), estimatedSeconds: estimate });
const taskChanges = z.strictObject(taskChangesSchema.shape).extend({
  name: text(1000).optional(),
  estimatedSeconds: estimate.optional(),
});

/** Runtime validation of every channel's request; `satisfies` ties it to the contract. */
export const schemas = {
  'app.info': noRequest,
  'shell.openLogs': noRequest,
  'popover.hide': noRequest,
  'shell.openExternal': z.strictObject({ url: text(2048).min(1) }),
  'session.get': noRequest,
  'session.signInWithToken': z.strictObject({ token: text(256), discardPending: z.boolean().optional() }),
  'session.signInWithPassword': z.strictObject({
    email: text(320),
    password: text(1024),
    discardPending: z.boolean().optional(),
  }),
  'session.signOut': z.strictObject({ discardPending: z.boolean() }),
  'data.first': z.strictObject({ locale: text(64).min(1), rows: z.number().int().min(1).max(500) }),
  'data.view': z.strictObject({ tasks: z.boolean(), projects: z.boolean().optional() }).optional(),
  'data.projects': page(PROJECT_PAGE_MAX),
  'data.tasks': page(TASK_PAGE_MAX),
  'projects.create': z.strictObject({ wid: id, fields: projectFields }),
  'projects.update': z.strictObject({ id, changes: projectChanges, rateChangeMode: mode }),
  'projects.setActive': z.strictObject({ ids, active: z.boolean() }),
  'projects.delete': z.strictObject({ id }),
  'tasks.create': z.strictObject({ pid: id, fields: taskFields }),
  'tasks.update': z.strictObject({ id, changes: taskChanges }),
  'tasks.setActive': z.strictObject({ ids, active: z.boolean() }),
  'tasks.delete': z.strictObject({ id }),
  'me.setDefaultWorkspace': z.strictObject({ wid: id }),
  'team.open': z.strictObject({ wid: id }),
  'members.add': z.strictObject({ pid: id, uid: id }),
  'members.setManager': z.strictObject({ id, manager: z.boolean() }),
  'members.setRates': z.strictObject({
    id,
    rate: amount,
    laborCost: amount,
    rateChangeMode: mode,
    laborCostChangeMode: mode,
  }),
  'members.remove': z.strictObject({ id }),
  'groups.add': z.strictObject({ pid: id, groupId: id }),
  'groups.remove': z.strictObject({ id }),
  'organization.openGroups': noRequest,
  'organization.createGroup': z.strictObject({ oid: id, name: text(1000) }),
  'organization.updateGroup': z.strictObject({
    id,
    changes: z
      .strictObject({ name: text(1000), users: z.array(id).max(5000), workspaces: z.array(id).max(1000) })
      .partial(),
  }),
  'organization.deleteGroup': z.strictObject({ id }),
  'timer.start': z.strictObject({ wid: id, pid: id.nullable(), tid: id.nullable(), description: text(5000) }),
  'timer.stop': noRequest,
  'timer.update': z.strictObject({
    id,
    changes: z.strictObject({
      description: text(5000).optional(),
      pid: id.nullable().optional(),
      tid: id.nullable().optional(),
    }),
  }),
  'timer.continue': z.strictObject({ id }),
  'outbox.retry': entryId,
  'outbox.discard': entryId,
  'outbox.resolve': z.strictObject({ entryId: text(64).min(1), keep: z.enum(['mine', 'theirs']) }),
  'outbox.discardDamaged': z.strictObject({ id: text(64).min(1) }),
  'sync.status': noRequest,
  'sync.opened': noRequest,
  'sync.refresh': noRequest,
  'settings.get': noRequest,
  'settings.update': z
    .strictObject({
      launchAtLogin: z.boolean(),
      shortcut: text(100).nullable(),
      backgroundSync: z.boolean(),
      checkForUpdates: z.boolean(),
      idleMinutes: z.number(),
    })
    .partial(),
  'idle.question': noRequest,
  'idle.answer': z.strictObject({ id: text(64).min(1), answer: z.enum(['keep', 'discard', 'continue']) }),
  'hotkeys.get': noRequest,
  'hotkeys.find': z.strictObject({ words: text(1000) }),
  'hotkeys.pin': z.strictObject(pinned),
  'hotkeys.unpin': z.strictObject(pinned),
  'hotkeys.setKeys': z.strictObject({ ...pinned, accelerator: text(100) }),
  'link.request': noRequest,
  'link.answer': z.strictObject({ id: text(64).min(1), answer: z.enum(['confirm', 'dismiss']) }),
} satisfies Schemas;
