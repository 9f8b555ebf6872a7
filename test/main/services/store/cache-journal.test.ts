import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CachedTask } from '../../../../src/shared/entities';
import { createMemoryLogger } from '../../../../src/main/services/logger';
import { CacheStore } from '../../../../src/main/services/store/cache-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-journal-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const journal = () => path.join(dataDir, 'cache.journal');
const journalLines = async () =>
  (await readFile(journal(), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown[]>);

const task = (id: number, name = `Task ${id}`): CachedTask => ({
  id,
  wid: 1,
  pid: 1,
  name,
  active: true,
  estimatedSeconds: null,
  trackedMs: 0,
  assigneeId: null,
  at: '2026-11-27T08:00:00+00:00',
});

function largeCache(): CacheStore {
  const cache = new CacheStore(dataDir, createMemoryLogger(), 0);
  for (let id = 1; id <= 30_000; id++) cache.tasks.set(id, task(id));
  cache.syncedAt = 1;
  cache.flush();
  return cache;
}

describe('saving only what changed', () => {
  it('a rename adds one line to the journal and leaves cache.json alone; reading back lays it over', async () => {
    const cache = largeCache();
    const before = await stat(cache.file);
    cache.tasks.set(7, task(7, 'Überarbeitung Website'));
    cache.tasks.delete(8);
    cache.sinceCursor = 99;
    cache.changed();
    const after = await stat(cache.file);
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
    const [line, ...more] = await journalLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ tasks: [[7, 1, 1, 'Überarbeitung Website', 1, null, 0, expect.any(Number), null]] });
    expect(line).toMatchObject({ goneTasks: [8], sinceCursor: 99 });
    expect((await stat(journal())).mode & 0o777).toBe(0o600);

    const reopened = new CacheStore(dataDir, createMemoryLogger(), 0);
    expect(reopened.tasks.get(7)?.name).toBe('Überarbeitung Website');
    expect(reopened.tasks.has(8)).toBe(false);
    expect(reopened.tasks.size).toBe(29_999);
    expect(reopened.sinceCursor).toBe(99);
    expect(reopened.recoveredFromCorruption).toBe(false);
  });

  it('a large change writes a whole file in pieces; a change made meanwhile stays in the journal', async () => {
    const cache = largeCache();
    for (let id = 1; id <= 30_000; id++) cache.tasks.set(id, task(id, `Task ${id} again`));
    cache.syncedAt = 2;
    cache.save();
    // On its way: a rename now goes to the journal, without the times (they would run ahead).
    cache.tasks.set(1, task(1, 'Renamed meanwhile'));
    cache.save();
    const [meanwhile] = await journalLines();
    expect(meanwhile).not.toHaveProperty('syncedAt');
    await cache.settled();
    expect(await journalLines()).toEqual([meanwhile]);
    const written = JSON.parse(await readFile(cache.file, 'utf8')) as { tasks: unknown[][]; syncedAt: number };
    expect(written.syncedAt).toBe(2);
    expect(written.tasks[1]?.[3]).toBe('Task 2 again');

    const reopened = new CacheStore(dataDir, createMemoryLogger(), 0);
    expect([...reopened.tasks.values()]).toEqual([...cache.tasks.values()]);
    expect(reopened.syncedAt).toBe(2);
  });

  it('a journal line cut off by a crash: the lines before it are kept and the list loads whole again', async () => {
    const cache = largeCache();
    cache.sinceCursor = 50;
    cache.tasks.set(3, task(3, 'Kept'));
    cache.changed();
    cache.tasks.set(4, task(4, 'Cut off'));
    cache.changed();
    const text = await readFile(journal(), 'utf8');
    await writeFile(journal(), text.slice(0, -20));
    const log = createMemoryLogger();
    const reopened = new CacheStore(dataDir, log, 0);
    expect(reopened.tasks.get(3)?.name).toBe('Kept');
    expect(reopened.tasks.get(4)?.name).toBe('Task 4');
    expect(reopened.recoveredFromCorruption).toBe(true);
    expect([reopened.syncedAt, reopened.fullSyncedAt, reopened.sinceCursor]).toEqual([null, null, null]);
    expect(log.entries.map((entry) => entry.message)).toContainEqual(
      expect.stringMatching(/^cache: 1 line\(s\) of .*cache\.journal could not be read; the list loads whole again$/),
    );
    // Folded into a new whole file at once: the damaged journal is gone.
    expect(await readdir(dataDir)).not.toContain('cache.journal');
  });

  it('a process killed while a whole file is written in pieces leaves a list that once was', async () => {
    let cutOff = 0;
    for (let round = 0; round < 12 && cutOff < 3; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.resolve('test/support/cache-writer-probe.ts'), dataDir, 'pieces'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let output = '';
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const killAfterMs = 5 + Math.floor(Math.random() * 60);
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/begin [2-9]\d*\n$/.test(output)) {
            setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, killAfterMs);
          }
        });
      });
      await exited;
      if (output.trim().split('\n').at(-1)?.startsWith('begin')) cutOff++;
      const cache = new CacheStore(dataDir, createMemoryLogger(), 0);
      expect(cache.recoveredFromCorruption).toBe(false);
      expect(cache.projects.size).toBe(30_000);
      // Every project from one round, the times from that same round (never ahead of the rows).
      const rounds = new Set([...cache.projects.values()].slice(1).map((project) => project.name.split(' r')[1]));
      expect(rounds.size).toBe(1);
      expect(String(cache.syncedAt)).toBe([...rounds][0]);
      cache.close();
      expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
    expect(cutOff).toBe(3);
  }, 90_000);
});

describe('what a kill leaves half-written', () => {
  it('a trimmed journal or a whole file not yet renamed into place is removed; the list is as it was', async () => {
    const cache = largeCache();
    cache.tasks.set(3, task(3, 'In the journal'));
    cache.changed();
    await cache.settled();
    cache.close();
    // As a process killed between writing and renaming leaves them.
    await writeFile(path.join(dataDir, 'cache.journal.tmp'), '{"seq":');
    await writeFile(path.join(dataDir, 'cache.json.7.tmp'), '{"ver');
    const reopened = new CacheStore(dataDir, createMemoryLogger(), 0);
    expect(reopened.tasks.get(3)?.name).toBe('In the journal');
    expect(reopened.tasks.size).toBe(30_000);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    reopened.close();
  });
});

describe('a journal without its file', () => {
  it('cache.json deleted by hand: the list starts empty (loaded whole again), the journal is not laid over nothing', async () => {
    const cache = largeCache();
    cache.tasks.set(3, task(3, 'In the journal'));
    cache.changed();
    await rm(cache.file);
    const reopened = new CacheStore(dataDir, createMemoryLogger(), 0);
    expect(reopened.tasks.size).toBe(0);
    expect(reopened.sinceCursor).toBeNull();
    expect(await readdir(dataDir)).not.toContain('cache.journal');
  });
});
