import { rm } from 'node:fs/promises';
import path from 'node:path';
import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { inProcessApi, type InProcessApi } from './in-process-api';
import { createSyncWorld, type LaunchedApp, type SyncWorld } from './sync-world';

export interface MountedPopover {
  world: SyncWorld;
  app: LaunchedApp;
  api: InProcessApi;
  user: ReturnType<typeof userEvent.setup>;
  /** Lets the page's calls be answered, main finish what they started, and the page render it. */
  settle(): Promise<void>;
  click(element: HTMLElement): Promise<void>;
  showWorkspace(name: string): Promise<void>;
  row(name: string): HTMLElement;
  /** What a row tells a screen reader besides its name (client, times, sync state). */
  described(name: string): string;
  /** What a row shows beside its item (task times, open-task count), when nothing hides it. */
  accessory(name: string): string;
  /** Clicks a row (its actions show on the selected row), then one of its buttons. */
  rowAction(name: string, action: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole popover (App.svelte) mounted in a DOM with Svelte's browser build, its
 * window.api wired in-process to the real services and the sandbox over HTTP.
 */
export async function mountPopover(options: { offlineFirstStart?: boolean } = {}): Promise<MountedPopover> {
  const world = await createSyncWorld();
  let app = await world.launch();
  if (options.offlineFirstStart) {
    // Signed in, but the list was never saved, and Toggl is out of reach.
    await app.close();
    await rm(path.join(world.dataDir, 'cache.json'), { force: true });
    await world.sandbox.setDown(true);
    app = await world.launch();
  }
  const api = inProcessApi(app);
  window.api = api;
  // No layout in this DOM: give the virtual list a window's height, so it renders its rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'tree' ? 1200 : 0;
    },
  });
  // The page's bridge reads window.api once, when its module loads: load it afresh each time.
  vi.resetModules();
  const { default: App } = await import('../../src/renderer/src/App.svelte');
  const { flushSync, mount, unmount } = await import('svelte');
  const popover = mount(App, { target: document.body });
  const user = userEvent.setup();
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 4; round++) {
      await api.idle();
      await app.services.data.settled();
      // Events from main go out on the next turn.
      await new Promise((resolve) => setImmediate(resolve));
      flushSync();
    }
  };
  const click = async (element: HTMLElement): Promise<void> => {
    await user.click(element);
    await settle();
  };
  const row = (name: string): HTMLElement => screen.getByRole('treeitem', { name });
  await settle();
  return {
    world,
    app,
    api,
    user,
    settle,
    click,
    row,
    described: (name) => document.getElementById(row(name).getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    accessory: (name) => row(name).parentElement?.querySelector('.accessory')?.textContent.trim() ?? '',
    async showWorkspace(name) {
      await user.selectOptions(screen.getByRole('combobox', { name: 'Workspace' }), name);
      await settle();
    },
    async rowAction(name, action) {
      await click(row(name));
      await click(within(row(name)).getByRole('button', { name: action }));
    },
    async close() {
      await unmount(popover);
      document.body.replaceChildren();
      await world.cleanup();
    },
  };
}
