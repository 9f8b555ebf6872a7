import { afterEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../src/shared/entities';
import { FIRST_SCREEN_BYTES, firstScreen } from '../../src/shared/first-screen';
import { buildRows } from '../../src/renderer/src/lib/list/row-list';
import { prepareView } from '../../src/renderer/src/lib/list/tree';
import { largeView } from '../support/large-view';
import { createSyncWorld, type SyncWorld } from '../support/sync-world';

const locale = new Intl.Collator().resolvedOptions().locale;
const DEFAULTS = { workspaceId: 'all', showArchived: false, showDone: false, expanded: new Set<number>() } as const;

const projectKeys = (view: DataView) =>
  buildRows(view, prepareView(view), DEFAULTS)
    .filter((row) => row.kind === 'project')
    .map((row) => row.key);

describe('the first screen', () => {
  const large = largeView(10_000, 100_000);

  it('holds at most 64 KB of JSON at 10,000 projects and 100,000 tasks', () => {
    const { view, complete } = firstScreen(large, { locale, rows: 60 });
    expect(complete).toBe(false);
    const bytes = Buffer.byteLength(JSON.stringify({ view, complete }));
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    expect(bytes).toBeGreaterThan(FIRST_SCREEN_BYTES / 4);
    expect(view.projects.length).toBeGreaterThanOrEqual(20);
  });

  it('stays within 64 KB with every project’s details set (estimate, dates, currency…)', () => {
    const detailed = largeView(10_000, 100_000);
    for (const project of detailed.projects)
      Object.assign(project, {
        estimatedHours: 400,
        trackedSeconds: 1_234_567,
        startDate: '2024-04-09',
        endDate: '2026-11-30',
        templateId: 123_456_789,
        currency: 'EUR',
        rate: 85.5,
        fixedFee: 12_000,
      });
    const first = firstScreen(detailed, { locale, rows: 60 });
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThanOrEqual(64 * 1024);
    expect(first.view.projects.length).toBeGreaterThanOrEqual(20);
  });

  it('is the head of the list the window builds from the whole view, in the same order, with every task of those projects', () => {
    const { view } = firstScreen(large, { locale, rows: 60 });
    const whole = projectKeys(large);
    const first = projectKeys(view);
    expect(first).toEqual(whole.slice(0, first.length));
    for (const project of view.projects) {
      const own = (list: DataView['tasks']) => list.filter((task) => task.pid === project.id).map((task) => task.id);
      expect(own(view.tasks)).toEqual(own(large.tasks));
    }
    // Only the clients those projects name travel with them.
    expect(new Set(view.clients.map((client) => client.id))).toEqual(
      new Set(view.projects.flatMap((project) => (project.cid === null ? [] : [project.cid]))),
    );
  });

  it('follows the window’s locale: “Ärende” after “Zebra” in Swedish, before it in German', () => {
    const view = largeView(300, 300);
    const [first, second] = view.projects.filter((project) => project.wid === 1 && project.active);
    if (!first || !second) throw new Error('the account has projects in Agency');
    // The first client of the first workspace, so both are on the first screen.
    Object.assign(first, { name: 'Zebra', clientName: 'Aaron & Co' });
    Object.assign(second, { name: 'Ärende', clientName: 'Aaron & Co' });
    const order = (lang: string) =>
      firstScreen(view, { locale: lang, rows: 20 })
        .view.projects.map((project) => project.name)
        .filter((name) => name === 'Zebra' || name === 'Ärende');
    expect(order('sv')).toEqual(['Zebra', 'Ärende']);
    expect(order('de')).toEqual(['Ärende', 'Zebra']);
  });

  it('a small account’s first answer is the whole list', () => {
    const small = largeView(7, 20);
    expect(firstScreen(small, { locale, rows: 40 })).toEqual({ view: small, complete: true });
  });
});

describe('data.first through the IPC router', () => {
  let world: SyncWorld;
  afterEach(() => world.cleanup());

  it('answers the demo account whole, and refuses a request that is not its shape', async () => {
    world = await createSyncWorld();
    const app = await world.launch();
    const first = await app.call('data.first', { locale: 'en', rows: 40 });
    expect(first.complete).toBe(true);
    expect(first.view).toEqual(await app.call('data.view'));
    await expect(app.call('data.first', { locale: 'en', rows: 0 })).rejects.toThrow(/refused/);
  });
});
