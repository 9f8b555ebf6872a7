import type { DataView } from '../../src/shared/entities';
import type { ChangeOp } from '../../src/main/services/changes/registry';
import type { DataService } from '../../src/main/services/sync/data-service';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from './sync-world';

/** Finds an item by name, or fails the test with what was there. */
function named<T extends { name: string }>(items: readonly T[], name: string): T {
  const item = items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`no “${name}” among ${items.map((candidate) => candidate.name).join(', ')}`);
  return item;
}

export interface ChangeWorld {
  world: SyncWorld;
  app: LaunchedApp;
  data: DataService;
  view(): DataView;
  project(name: string): DataView['projects'][number];
  task(name: string): DataView['tasks'][number];
  studio: number;
  /** Queues a change as the commands do (merging with the one before it where its kind says). */
  queue(op: ChangeOp): boolean;
  /** One replay pass against the sandbox, over real HTTP. */
  send(): ReturnType<DataService['replayer']['replay']>;
  /** What reached the sandbox besides reads: "PUT /workspaces/1/projects/2", … */
  writes(): string[];
  cleanup(): Promise<void>;
}

/**
 * The demo account synced into a real data layer on a temp data dir, talking to the sandbox
 * over HTTP: what a change-kind test needs to queue, apply, send and fold back one change.
 */
export async function createChangeWorld(): Promise<ChangeWorld> {
  const world = await createSyncWorld();
  const app = await world.launch();
  const { data } = app.services;
  const view = () => data.currentView();
  return {
    world,
    app,
    data,
    view,
    project: (name) => named(view().projects, name),
    task: (name) => named(view().tasks, name),
    studio: named(view().workspaces, 'Demo Studio').id,
    queue: (op) => data.queue.enqueue(op),
    send: () => data.replayer.replay(),
    writes: () =>
      world.sandbox.requests
        .filter((request) => request.method !== 'GET')
        .map((request) => `${request.method} ${request.path}`),
    cleanup: () => world.cleanup(),
  };
}
