import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataView } from '../../src/shared/entities';
import { MemoryVault } from '../support/memory-vault';
import { loadRecording, loadRecordings, replayServer, type Recording, type ReplayServer } from '../support/recordings';
import { launchApp, type LaunchedApp } from '../support/sync-world';

let dataDir: string;
let server: ReplayServer | undefined;
const apps: LaunchedApp[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-recorded-'));
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await server?.close();
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

type Related = Record<string, unknown> & {
  workspaces: Record<string, unknown>[];
  projects?: Record<string, unknown>[];
  clients?: Record<string, unknown>[];
  tasks?: Record<string, unknown>[];
};

/** Serves one /me?with_related_data=true answer for every /me (sign-in and sync alike). */
async function serve(recording: Recording): Promise<string> {
  server = await replayServer((method, apiPath) => (method === 'GET' && apiPath === '/me' ? recording : undefined));
  return server.apiUrl;
}

async function launch(apiUrl: string): Promise<LaunchedApp> {
  const vault = new MemoryVault();
  await vault.set('recorded-token');
  const app = await launchApp(apiUrl, dataDir, vault, { http: { retry: { retries: 0 } } });
  apps.push(app);
  return app;
}

/** Signs in, loads everything once, then restarts with Toggl gone: what the user sees each time. */
async function syncThenRestartOffline(recording: Recording): Promise<{ online: DataView; offline: DataView }> {
  const app = await launch(await serve(recording));
  await app.services.data.engine.sync('first');
  const online = await app.call('data.view');
  await app.close();
  await server?.close();
  server = undefined;
  const restarted = await launch('http://127.0.0.1:9/api/v9');
  return { online, offline: await restarted.call('data.view') };
}

function variant(name: string, change: (body: Related) => void): Recording {
  const recording = structuredClone(loadRecording('me-related-200-go-2024-12-12'));
  change(recording.response.body as Related);
  return { ...recording, file: name };
}

const liveCount = (items: Record<string, unknown>[] | undefined): number =>
  (items ?? []).filter((item) => !item.server_deleted_at).length;

describe('real /me?with_related_data=true answers through sync, the cache and an offline restart', () => {
  const related = loadRecordings().filter((recording) => recording.file.startsWith('me-related-'));

  it('has every recorded answer', () => {
    expect(related.map((recording) => recording.file)).toHaveLength(5);
  });

  for (const recording of related) {
    it(`${recording.file}: every item is listed, and the same list comes back offline`, async () => {
      const body = recording.response.body as Related;
      const { online, offline } = await syncThenRestartOffline(recording);
      expect(online.workspaces).toHaveLength(body.workspaces.length);
      expect(online.projects).toHaveLength(liveCount(body.projects));
      expect(online.clients).toHaveLength(liveCount(body.clients));
      expect(online.tasks).toHaveLength(liveCount(body.tasks));
      expect(online.projects.length).toBeGreaterThan(0);
      expect({ ...offline, version: 0 }).toEqual({ ...online, version: 0 });
      expect(JSON.stringify(online)).not.toContain('undefined');
    });
  }

  const variants: [string, (body: Related) => void][] = [
    ['a workspace without `at`', (body) => body.workspaces.forEach((workspace) => delete workspace.at)],
    [
      'a workspace without `business_ws`',
      (body) => body.workspaces.forEach((workspace) => delete workspace.business_ws),
    ],
    ['projects without `is_private`', (body) => body.projects?.forEach((project) => delete project.is_private)],
    ['a project color of null', (body) => body.projects?.forEach((project) => (project.color = null))],
    [
      'a task with `tracked_seconds` null',
      (body) => {
        const project = body.projects?.[0];
        body.tasks = [
          {
            id: 1,
            name: 'Recorded task',
            workspace_id: project?.workspace_id,
            project_id: project?.id,
            active: true,
            estimated_seconds: null,
            tracked_seconds: null,
            at: '2024-12-12T10:00:00+00:00',
          },
        ];
      },
    ],
    [
      'a project Toggl Tray cannot read (no id) beside readable ones',
      (body) => body.projects?.unshift({ name: 'no id' }),
    ],
  ];

  for (const [name, change] of variants) {
    it(`survives ${name}: nothing is thrown away at the offline restart`, async () => {
      const recording = variant(name, change);
      const body = recording.response.body as Related;
      const { online, offline } = await syncThenRestartOffline(recording);
      const readable = (body.projects ?? []).filter((project) => typeof project.id === 'number');
      expect(online.projects).toHaveLength(liveCount(readable));
      expect(online.tasks).toHaveLength(liveCount(body.tasks));
      expect({ ...offline, version: 0 }).toEqual({ ...online, version: 0 });
    });
  }
});
