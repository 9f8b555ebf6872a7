/**
 * bench:day's phase for the idle watcher: the main process's longest stall through a full load
 * of the 110,000-item account, bringing ten changes made on Toggl, while the user is away with
 * a timer running and the watcher looks every second (idle-watcher.ts). It does not tell a look
 * that glances at the last list built (idle-question.ts) from one that builds it: after ten
 * changes the list is built again incrementally either way (tried: 31–43 ms both ways).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/main/services/clock';
import { ManualIdleSource } from '../src/main/services/idle/manual-idle-source';
import { TogglApi } from '../src/main/services/toggl/api';
import { DEMO } from '../tools/sandbox/fixture';
import { MemoryVault } from '../test/support/memory-vault';
import { launchApp } from '../test/support/sync-world';
import { minorFaults } from './machine';

/** An idle source that counts the watcher's looks (each asks the idle time once). */
class CountedIdleSource extends ManualIdleSource {
  looks = 0;

  override idleSeconds(): number {
    this.looks++;
    return super.idleSeconds();
  }
}

export interface AwayFullLoad {
  faults: number;
  stallMs: number;
  /** The watcher's looks during the load: 0 would mean the phase measured no poll at all. */
  looks: number;
  seconds: number;
}

const AWAY_SECONDS = 10 * 60;

export async function awayFullLoad(apiUrl: string): Promise<AwayFullLoad> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-away-'));
  const idle = new CountedIdleSource(systemClock);
  // Every sync a full load here (as the one every six hours is), so one can be asked for at will.
  const app = await launchApp(apiUrl, dataDir, new MemoryVault(), {
    http: { timeoutMs: 300_000 },
    data: { engine: { fullEveryMs: 0 } },
    idle,
  });
  // Toggl's other clients (the web app, a phone): the timer started there, the tasks renamed there.
  const elsewhere = new TogglApi({ baseUrl: apiUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0 });
  try {
    const { data } = app.services;
    /** A sync, taken in: the list built from it and the cache written. */
    const syncWhole = async (): Promise<void> => {
      await data.engine.sync('manual');
      await data.settled();
      data.currentView();
      await data.cache.settled();
    };
    await app.services.session.signInWithToken(DEMO.apiToken);
    await data.settled();
    data.currentView();
    // A timer started elsewhere ten minutes ago, the user away as long (past the 5-minute setting):
    // idle time never counts from before an entry's start, so the entry must be older than that.
    const project = [...data.cache.projects.values()].find((candidate) => candidate.active);
    if (!project) throw new Error('the large account has no active project');
    await elsewhere.timeEntries.create(project.wid, {
      created_with: 'bench:day',
      workspace_id: project.wid,
      project_id: project.id,
      task_id: null,
      description: 'Away from the desk',
      billable: false,
      start: new Date(Date.now() - AWAY_SECONDS * 1000).toISOString(),
      duration: -1,
    });
    idle.setIdle(AWAY_SECONDS);
    await syncWhole();
    if (app.services.idle.questions.running() === null) throw new Error('the timer started elsewhere is not running');
    // Ten tasks renamed on Toggl meanwhile: the load changes the list, as a real one does.
    const renamed = [...data.cache.tasks.values()]
      .filter((task) => data.cache.projects.get(task.pid)?.active)
      .slice(0, 10);
    for (const task of renamed)
      await elsewhere.updateTask(task.wid, task.pid, task.id, { name: `${task.name} (away)` });
    // Looking every second now; measured: the next full load.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const fullBefore = data.cache.fullSyncedAt;
    const looksBefore = idle.looks;
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    const faultsBefore = minorFaults();
    const started = performance.now();
    stalls.enable();
    await syncWhole();
    stalls.disable();
    const takenIn = renamed.filter((task) => data.cache.tasks.get(task.id)?.name.endsWith('(away)')).length;
    if (data.cache.fullSyncedAt === fullBefore || takenIn !== renamed.length)
      throw new Error(
        `the measured sync was not a full load that took in the ${renamed.length} renamed tasks (${takenIn} taken in)`,
      );
    return {
      faults: minorFaults() - faultsBefore,
      stallMs: stalls.max / 1e6,
      looks: idle.looks - looksBefore,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await elsewhere.close();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
