import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../support/fake-clock';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import { CACHE_SCHEMA_VERSION, CacheStore } from '../../../../src/main/services/store/cache-store';
import { migrateCache } from '../../../../src/main/services/store/cache-format';
import { NO_PROJECT_DETAILS } from '../../../../src/shared/schema';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-cache-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('CacheStore on real files', () => {
  it('writes atomically and debounced, with owner-only permissions, and reads back', async () => {
    const clock = new FakeClock();
    const cache = new CacheStore(dataDir, createMemoryLogger(), 20, clock);
    cache.user = {
      id: 1,
      fullname: 'Dana',
      email: 'd@x',
      defaultWorkspaceId: 2,
      timezone: 'Europe/Tallinn',
      beginningOfWeek: 1,
    };
    cache.changed();
    cache.changed();
    expect(clock.waiting).toEqual([20]);
    clock.advance(20);
    const { statSync } = await import('node:fs');
    expect(statSync(cache.file).mode & 0o777).toBe(0o600);
    expect(new CacheStore(dataDir, createMemoryLogger()).user?.fullname).toBe('Dana');
  });

  it('moves a garbage file aside, keeps it, says so in the log, and starts empty', async () => {
    const file = path.join(dataDir, 'cache.json');
    await writeFile(file, '{"schemaVersion": 2, "projects": [ garbage');
    const log = createMemoryLogger();
    const cache = new CacheStore(dataDir, log);
    expect(cache.recoveredFromCorruption).toBe(true);
    expect(cache.projects.size).toBe(0);
    expect(cache.syncedAt).toBeNull();
    const aside = (await readdir(dataDir)).filter((name) => name.startsWith('cache.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dataDir, aside[0] ?? ''), 'utf8')).toContain('garbage');
    expect(log.entries).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(
          /^cache: .*cache\.json was unreadable \(.+\); moved it aside to .*cache\.corrupt-.*\.json and starting afresh$/,
        ) as unknown,
      }),
    ]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      schemaVersion: CACHE_SCHEMA_VERSION,
      projects: [],
    });
  });

  it('treats a file of the wrong shape like garbage', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify({ schemaVersion: 2, projects: 'nope' }));
    expect(new CacheStore(dataDir, createMemoryLogger()).recoveredFromCorruption).toBe(true);
  });

  it('migrates a version 1 file', async () => {
    const v1 = {
      schemaVersion: 1,
      user: null,
      workspaces: [],
      clients: [],
      projects: [],
      tasks: [],
      syncedAt: 1234,
      sinceCursor: 1,
    };
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v1));
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.syncedAt).toBe(1234);
    expect(migrateCache(v1)).toMatchObject({ schemaVersion: CACHE_SCHEMA_VERSION, syncedAt: 1234, sinceCursor: 1 });
    // Its tasks have no assignees (v6): the next sync is a full load.
    expect(cache.fullSyncedAt).toBeNull();
  });

  it('a process killed during a write leaves a readable cache', async () => {
    let cutOff = 0;
    for (let round = 0; round < 10 && cutOff < 3; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.resolve('test/support/cache-writer-probe.ts'), dataDir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let output = '';
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The probe says "begin N" as it starts writing round N (after one whole write):
      // kill it right then, without warning.
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/begin [2-9]\d*\n$/.test(output)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      await exited;
      // Everything the probe printed before dying is read by now: a last "begin" without
      // its "end" is a write that was cut off.
      const lines = output.trim().split('\n');
      if (lines.at(-1)?.startsWith('begin')) cutOff++;
      const cache = new CacheStore(dataDir, createMemoryLogger());
      expect(cache.recoveredFromCorruption).toBe(false);
      expect(cache.projects.size).toBe(30_000);
      expect(cache.syncedAt).toBeGreaterThan(0);
    }
    expect(cutOff).toBe(3);
  }, 60_000);
});

describe('the compact cache format', () => {
  it('reads a version 2 file (objects) into rows, with every field as it was', async () => {
    const project = {
      id: 7,
      wid: 1,
      cid: null,
      name: 'Überarbeitung Website',
      color: '#0b83d9',
      active: false,
      isPrivate: true,
      billable: true,
      at: '2024-12-12T11:00:55+00:00',
    };
    const task = {
      id: 8,
      wid: 1,
      pid: 7,
      name: 'Plan',
      active: true,
      estimatedSeconds: null,
      trackedMs: 5,
      assigneeId: null,
      at: 'odd',
    };
    const v2 = {
      schemaVersion: 2,
      user: null,
      workspaces: [],
      clients: [],
      projects: [project],
      tasks: [task],
      syncedAt: 1,
      fullSyncedAt: 1,
      sinceCursor: 1,
    };
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v2));
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    // v2 had no details (v5): the project reads as one without any.
    expect(cache.projects.get(7)).toEqual({ ...project, ...NO_PROJECT_DETAILS });
    expect(cache.tasks.get(8)).toEqual(task);
    cache.flush();
    const written = JSON.parse(await readFile(path.join(dataDir, 'cache.json'), 'utf8')) as { projects: unknown[] };
    expect(written.projects).toEqual([
      [
        ...[7, 1, null, 'Überarbeitung Website', '#0b83d9', 6, Date.parse('2024-12-12T11:00:55Z') / 1000],
        ...[null, null, null, null, null, null, null, null, null],
      ],
    ]);
    expect(new CacheStore(dataDir, createMemoryLogger()).projects.get(7)).toEqual({
      ...project,
      ...NO_PROJECT_DETAILS,
    });
  });
});

describe('the default workspace in the cache (v4)', () => {
  const v3 = (defaultWorkspaceId: number) => ({
    schemaVersion: 3,
    user: { id: 1, fullname: 'Dana', email: 'd@x', defaultWorkspaceId, timezone: 'UTC', beginningOfWeek: 1 },
    workspaces: [],
    clients: [],
    projects: [[7, 1, null, 'Website', '#0b83d9', 1, 1_700_000_000]],
    tasks: [],
    syncedAt: 1,
    fullSyncedAt: 1,
    sinceCursor: 1,
    teams: [],
    entries: [],
    journalSeq: 0,
  });

  it('opens a version 3 file: its 0 (“none”) becomes null, a real id stays, the rest as it was', async () => {
    const file = path.join(dataDir, 'cache.json');
    await writeFile(file, JSON.stringify(v3(0)));
    const none = new CacheStore(dataDir, createMemoryLogger());
    expect(none.recoveredFromCorruption).toBe(false);
    expect(none.user).toMatchObject({ fullname: 'Dana', defaultWorkspaceId: null });
    expect(none.projects.get(7)).toMatchObject({ name: 'Website', wid: 1 });
    expect(none.syncedAt).toBe(1);

    await writeFile(file, JSON.stringify(v3(42)));
    const known = new CacheStore(dataDir, createMemoryLogger());
    expect(known.user?.defaultWorkspaceId).toBe(42);
    known.flush();
    // Written back as version 4, and read again unchanged.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      schemaVersion: CACHE_SCHEMA_VERSION,
      user: { defaultWorkspaceId: 42 },
    });
    expect(new CacheStore(dataDir, createMemoryLogger()).user?.defaultWorkspaceId).toBe(42);
  });

  it('a journal line version 3 wrote, laid over the migrated file, reads its 0 as null too', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v3(42)));
    const { user } = v3(0);
    await writeFile(path.join(dataDir, 'cache.journal'), `${JSON.stringify({ seq: 1, user })}\n`);
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.user).toMatchObject({ fullname: 'Dana', defaultWorkspaceId: null });
  });
});

describe('project details in the cache (v5)', () => {
  // A version 4 file as v4 wrote it: rows of seven, and a journal line after it with one more.
  const v4 = olderFile(4, { projects: [[7, 1, null, 'Website', '#0b83d9', 5, 1_700_000_000]] });
  const v4Line = { seq: 1, projects: [[8, 1, null, 'Mobile app', '#9e5bd9', 1, 1_700_000_100]] };

  it('opens a version 4 file and its journal: the projects as they were, without details; kept as v5', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v4));
    await writeFile(path.join(dataDir, 'cache.journal'), `${JSON.stringify(v4Line)}\n`);
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.projects.get(7)).toEqual({
      id: 7,
      wid: 1,
      cid: null,
      name: 'Website',
      color: '#0b83d9',
      active: true,
      isPrivate: false,
      billable: true,
      at: '2023-11-14T22:13:20+00:00',
      ...NO_PROJECT_DETAILS,
    });
    expect(cache.projects.get(8)).toMatchObject({ name: 'Mobile app', estimatedHours: null, endDate: null });
    expect(cache.user?.fullname).toBe('Dana');
    expect(cache.syncedAt).toBe(1);

    // Details set now are written as v5 and read back the same after a restart.
    const details = {
      estimatedHours: 40,
      autoEstimates: true,
      trackedSeconds: 43_200,
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      template: true,
      templateId: 3,
      currency: 'EUR',
      rate: 85.5,
      fixedFee: 1200,
      recurring: true,
    };
    const project = { ...(cache.projects.get(7) ?? fail()), ...details };
    cache.projects.set(7, project);
    cache.flush();
    expect(JSON.parse(await readFile(path.join(dataDir, 'cache.json'), 'utf8'))).toMatchObject({
      schemaVersion: CACHE_SCHEMA_VERSION,
    });
    const reopened = new CacheStore(dataDir, createMemoryLogger());
    expect(reopened.projects.get(7)).toEqual(project);
    expect(reopened.projects.get(8)?.name).toBe('Mobile app');
  });
});

describe('task assignees in the cache (v6)', () => {
  // A version 5 file as v5 wrote it: task rows of eight, and a journal line after it with one more.
  const v5 = olderFile(5, {
    tasks: [[20, 1, 7, 'Wireframes', 1, 3600, 0, 1_700_000_000]],
    teams: [{ wid: 1, members: [], users: [{ id: 1, name: 'Dana' }], groups: [], projectGroups: [], loadedAt: 1 }],
  });
  const v5Line = { seq: 1, tasks: [[21, 1, 7, 'Visual design', 0, null, 5, 1_700_000_100]] };

  it('opens a version 5 file and its journal: tasks assigned to no one, teams whole; an assignee set now survives a restart', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v5));
    await writeFile(path.join(dataDir, 'cache.journal'), `${JSON.stringify(v5Line)}\n`);
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.tasks.get(20)).toEqual({
      id: 20,
      wid: 1,
      pid: 7,
      name: 'Wireframes',
      active: true,
      estimatedSeconds: 3600,
      trackedMs: 0,
      assigneeId: null,
      at: '2023-11-14T22:13:20+00:00',
    });
    expect(cache.tasks.get(21)).toMatchObject({ name: 'Visual design', active: false, assigneeId: null });
    // Their assignees come with the next sync, a full load: an incremental one would not bring them.
    expect(cache.fullSyncedAt).toBeNull();
    expect(cache.syncedAt).toBe(1);
    // v5 loaded a team only when its members were opened: whole.
    expect(cache.teams.get(1)).toMatchObject({ complete: true, users: [{ id: 1, name: 'Dana' }] });

    const task = { ...(cache.tasks.get(20) ?? fail()), assigneeId: 1 };
    cache.tasks.set(20, task);
    cache.flush();
    expect(JSON.parse(await readFile(path.join(dataDir, 'cache.json'), 'utf8'))).toMatchObject({
      schemaVersion: CACHE_SCHEMA_VERSION,
    });
    const reopened = new CacheStore(dataDir, createMemoryLogger());
    expect(reopened.tasks.get(20)).toEqual(task);
    expect(reopened.tasks.get(21)?.name).toBe('Visual design');
  });
});

describe('member labor costs in the cache (v7)', () => {
  // A version 6 file as v6 wrote it: members without `laborCost`, and a journal line after it with its team.
  const member = { id: 30, pid: 7, uid: 2, manager: false, rate: 85 };
  const v6Team = {
    wid: 1,
    members: [member],
    users: [{ id: 2, name: 'Sam' }],
    groups: [],
    projectGroups: [],
    loadedAt: 5,
  };
  const v6 = olderFile(6, { projects: [[7, 1, null, 'Website', '#0b83d9', 5, 1_700_000_000]], teams: [v6Team] });
  const v6Line = { seq: 1, teams: [{ ...v6Team, members: [member, { ...member, id: 31, uid: 3, rate: null }] }] };

  it('opens a version 6 file: its members without labor cost (none), their rates as they were; kept as v7', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v6));
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.teams.get(1)?.members).toEqual([{ ...member, laborCost: null }]);
    expect(cache.projects.get(7)?.name).toBe('Website');

    // A labor cost set now is written as v7 and read back after a restart.
    const team = cache.teams.get(1) ?? fail();
    cache.teams.set(1, { ...team, members: [{ ...member, laborCost: 40.5 }] });
    cache.flush();
    const written = JSON.parse(await readFile(path.join(dataDir, 'cache.json'), 'utf8')) as { schemaVersion: number };
    expect(written.schemaVersion).toBe(CACHE_SCHEMA_VERSION);
    expect(new CacheStore(dataDir, createMemoryLogger()).teams.get(1)?.members).toEqual([
      { ...member, laborCost: 40.5 },
    ]);
  });

  it('a journal line version 6 wrote, laid over the migrated file, reads its members without labor cost too', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v6));
    await writeFile(path.join(dataDir, 'cache.journal'), `${JSON.stringify(v6Line)}\n`);
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.teams.get(1)?.members.map((item) => [item.id, item.rate, item.laborCost])).toEqual([
      [30, 85, null],
      [31, null, null],
    ]);
  });
});

describe('organization groups in the cache (v8)', () => {
  // A version 7 file as v7 wrote it: no organizations.
  const v7 = olderFile(7, { projects: [[7, 1, null, 'Website', '#0b83d9', 5, 1_700_000_000]] });

  it('opens a version 7 file: everything as it was, no organizations; groups kept then are read back after a restart', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v7));
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    expect(cache.projects.get(7)?.name).toBe('Website');
    expect(cache.user?.fullname).toBe('Dana');
    expect(cache.syncedAt).toBe(1);
    expect([...cache.organizations.values()]).toEqual([]);

    const organization = {
      id: 3,
      name: 'Demo Studio',
      admin: true,
      groupsListed: true,
      groups: [
        { id: 9, name: 'Designers', users: [{ id: 1, name: 'Dana' }], workspaces: [4], at: '2026-12-01T10:00:00Z' },
      ],
      people: [{ id: 1, name: 'Dana' }],
      loadedAt: 5,
    };
    cache.organizations.set(3, organization);
    // A journal line first (a small change), then a whole file: both read back the same.
    cache.save();
    expect(new CacheStore(dataDir, createMemoryLogger()).organizations.get(3)).toEqual(organization);
    cache.flush();
    expect(JSON.parse(await readFile(path.join(dataDir, 'cache.json'), 'utf8'))).toMatchObject({
      schemaVersion: CACHE_SCHEMA_VERSION,
      organizations: [organization],
    });
    expect(new CacheStore(dataDir, createMemoryLogger()).organizations.get(3)).toEqual(organization);
  });
});

describe('recurring parameters in the cache (v9)', () => {
  // A version 8 file as v8 wrote it: project rows of 15 fields (up to the fixed fee), no recurrence.
  const v8Row = [
    7,
    1,
    null,
    'Retainer',
    '#0b83d9',
    1 | 32,
    1_700_000_000,
    40,
    null,
    '2026-01-01',
    null,
    null,
    'EUR',
    85,
    null,
  ];
  const v8 = { ...olderFile(8, { projects: [v8Row] }), organizations: [] };

  it('opens a version 8 file: its projects without recurring parameters, the next sync a full load; a period kept then is read back', async () => {
    await writeFile(path.join(dataDir, 'cache.json'), JSON.stringify(v8));
    // A journal line v8 wrote after it: a row of 15 fields too.
    await writeFile(
      path.join(dataDir, 'cache.journal'),
      `${JSON.stringify({ seq: 1, projects: [[...v8Row.slice(0, 3), 'Retainer 2', ...v8Row.slice(4)]] })}\n`,
    );
    const cache = new CacheStore(dataDir, createMemoryLogger());
    expect(cache.recoveredFromCorruption).toBe(false);
    const project = cache.projects.get(7) ?? fail();
    expect(project).toMatchObject({
      name: 'Retainer 2',
      recurring: true,
      rate: 85,
      currency: 'EUR',
      recurringParameters: null,
    });
    // An incremental sync brings only projects changed since: a full one brings every period.
    expect(cache.fullSyncedAt).toBeNull();
    expect(migrateCache(v8)).toMatchObject({ schemaVersion: CACHE_SCHEMA_VERSION, fullSyncedAt: null });

    const recurringParameters = { period: 'custom', customPeriod: 14, startDate: '2026-02-01' };
    cache.projects.set(7, { ...project, recurringParameters });
    // A journal line first (a small change), then a whole file: both read back the same.
    cache.save();
    expect(new CacheStore(dataDir, createMemoryLogger()).projects.get(7)?.recurringParameters).toEqual(
      recurringParameters,
    );
    cache.flush();
    const written = JSON.parse(await readFile(path.join(dataDir, 'cache.json'), 'utf8')) as { schemaVersion: number };
    expect(written.schemaVersion).toBe(9);
    expect(new CacheStore(dataDir, createMemoryLogger()).projects.get(7)?.recurringParameters).toEqual(
      recurringParameters,
    );
  });
});

/** A cache file as an older version wrote it: Dana's, synced once; `lists` as that version kept them. */
function olderFile(schemaVersion: number, lists: { projects?: unknown[]; tasks?: unknown[]; teams?: unknown[] } = {}) {
  return {
    schemaVersion,
    user: { id: 1, fullname: 'Dana', email: 'd@x', defaultWorkspaceId: 1, timezone: 'UTC', beginningOfWeek: 1 },
    workspaces: [],
    clients: [],
    projects: [],
    tasks: [],
    syncedAt: 1,
    fullSyncedAt: 1,
    sinceCursor: 1,
    teams: [],
    entries: [],
    journalSeq: 0,
    ...lists,
  };
}

function fail(): never {
  throw new Error('the project was not read');
}

describe('times in the compact cache', () => {
  it('keeps a time that does not exist, or is written another way, exactly as it came', () => {
    const cache = new CacheStore(dataDir, createMemoryLogger(), 0);
    const odd = ['2024-02-30T10:00:00+00:00', '2024-12-12T11:00:55Z', '', '2024-12-12T11:00:55.123+00:00'];
    odd.forEach((at, index) =>
      cache.tasks.set(index + 1, {
        id: index + 1,
        wid: 1,
        pid: 1,
        name: 'Odd',
        active: true,
        estimatedSeconds: null,
        trackedMs: 0,
        assigneeId: null,
        at,
      }),
    );
    cache.flush();
    const reread = new CacheStore(dataDir, createMemoryLogger());
    expect([...reread.tasks.values()].map((task) => task.at)).toEqual(odd);
  });
});
