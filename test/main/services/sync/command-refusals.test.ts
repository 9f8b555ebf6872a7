import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { projectIdNamed, workspaceIdNamed } from '../../../support/named';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from '../../../support/sync-world';

let world: SyncWorld;
let app: LaunchedApp;
let view: DataView;
beforeEach(async () => {
  world = await createSyncWorld();
  app = await world.launch();
  view = await app.call('data.view');
});
afterEach(() => world.cleanup());

const workspace = (name: string) => workspaceIdNamed(view, name);
const project = (name: string) => projectIdNamed(view, name);
const task = (name: string) => view.tasks.find((item) => item.name === name)?.id ?? 0;
const fields = { name: 'New one', cid: null, color: '#0b83d9', isPrivate: false, billable: false };

describe('every command refuses bad input in words and queues nothing', () => {
  it('project names, colors, clients, billable, rights', async () => {
    const studio = workspace('Demo Studio');
    const personal = workspace('Side projects');
    const refusals: [Promise<unknown>, string][] = [
      [
        app.call('projects.create', { wid: studio, fields: { ...fields, name: 'x'.repeat(256) } }),
        'A project name can be at most 255 characters (this one has 256).',
      ],
      [
        app.call('projects.create', { wid: studio, fields: { ...fields, color: 'blue' } }),
        '“blue” is not a color: use a hex value such as #06aaf5.',
      ],
      [
        app.call('projects.create', {
          wid: studio,
          fields: { ...fields, cid: view.clients.find((client) => client.wid !== studio)?.id ?? 0 },
        }),
        'That client is not in this workspace.',
      ],
      [
        app.call('projects.create', { wid: personal, fields: { ...fields, billable: true } }),
        'Billable projects need a paid plan in “Side projects”.',
      ],
      [
        app.call('projects.update', { id: project('Garden planner'), changes: { billable: true } }),
        'Billable projects need a paid plan in “Side projects”.',
      ],
      [app.call('projects.create', { wid: 424242, fields }), 'That workspace is not in your account.'],
      [
        app.call('projects.update', { id: 424242, changes: { name: 'x' } }),
        'That project is not in the list any more.',
      ],
      [
        app.call('projects.update', { id: project('Meetup organising'), changes: { name: 'Mine now' } }),
        'Only admins and the project’s managers may change it and its tasks in “Community (members)”.',
      ],
      [
        app.call('projects.delete', { id: project('Meetup organising') }),
        'Only admins and the project’s managers may change it and its tasks in “Community (members)”.',
      ],
    ];
    for (const [call, message] of refusals) await expect(call).rejects.toThrow(`refused: refused: ${message}`);
    expect((await app.call('data.view')).outbox).toEqual([]);
  });

  it('task names, estimates, duplicates, archived projects', async () => {
    const website = project('Website redesign');
    const legacy = project('Legacy migration');
    const refusals: [Promise<unknown>, string][] = [
      [
        app.call('tasks.create', { pid: website, fields: { name: ' ', estimatedSeconds: null } }),
        'Give the task a name.',
      ],
      [
        app.call('tasks.create', { pid: website, fields: { name: 'VISUAL design', estimatedSeconds: null } }),
        '“Website redesign” already has a task named “VISUAL design”.',
      ],
      [
        app.call('tasks.update', { id: task('Accessibility review'), changes: { name: 'visual design' } }),
        '“Website redesign” already has a task named “visual design”.',
      ],
      [
        app.call('tasks.update', { id: task('Export old data'), changes: { name: 'Again' } }),
        '“Legacy migration” is archived: restore it before changing its tasks.',
      ],
      [
        app.call('tasks.setActive', { ids: [task('Export old data'), task('Visual design')], active: true }),
        '“Legacy migration” is archived: restore it before changing its tasks.',
      ],
      [
        app.call('tasks.create', { pid: project('Garden planner'), fields: { name: 'Beds', estimatedSeconds: null } }),
        'Tasks need a paid plan in “Side projects”.',
      ],
      [
        app.call('tasks.create', { pid: legacy, fields: { name: 'More', estimatedSeconds: null } }),
        '“Legacy migration” is archived: restore it before adding tasks.',
      ],
      [app.call('tasks.update', { id: 424242, changes: { name: 'x' } }), 'That task is not in the list any more.'],
    ];
    for (const [call, message] of refusals) await expect(call).rejects.toThrow(`refused: refused: ${message}`);
    // A non-integer estimate never gets past the IPC schema.
    await expect(
      app.call('tasks.create', { pid: website, fields: { name: 'Half', estimatedSeconds: 1.5 } }),
    ).rejects.toThrow(/invalid-arguments/);
    expect((await app.call('data.view')).outbox).toEqual([]);
  });
});
