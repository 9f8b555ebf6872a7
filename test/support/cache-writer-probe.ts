/**
 * Run by the cache tests: rewrites a large cache in DATA_DIR as fast as it can, forever, so
 * that the test can kill it mid-write. Around each write it prints "begin N" and "end N"
 * with synchronous writes, so that what the test reads after the kill is all there was.
 *
 * Mode "whole" (the default) writes the whole file at once each round. Mode "pieces" renames
 * every project in round N ("Project I rN"), sets syncedAt to N and saves, which writes a
 * whole file in pieces; while that is on its way it renames project 1 ("First rN"), which
 * goes to the journal.
 */
import { writeSync } from 'node:fs';
import { createMemoryLogger } from '../../src/main/services/logger';
import { CacheStore } from '../../src/main/services/store/cache-store';
import { NO_PROJECT_DETAILS } from '../../src/shared/schema';

const [dataDir = '.', mode = 'whole'] = process.argv.slice(2);
const cache = new CacheStore(dataDir, createMemoryLogger(), 0);
const at = new Date().toISOString();
const project = (index: number, name: string) => ({
  id: index + 1,
  wid: 1,
  cid: null,
  name,
  color: '#06aaf5',
  active: true,
  isPrivate: false,
  billable: false,
  ...NO_PROJECT_DETAILS,
  at,
});
for (let index = 0; index < 30_000; index++) cache.projects.set(index + 1, project(index, `Project ${index} r0`));
cache.flush();

for (let round = 1; ; round++) {
  writeSync(1, `begin ${round}\n`);
  cache.syncedAt = round;
  if (mode === 'pieces') {
    for (let index = 0; index < 30_000; index++)
      cache.projects.set(index + 1, project(index, `Project ${index} r${round}`));
    cache.save();
    cache.projects.set(1, project(0, `First r${round}`));
    cache.save();
    await cache.settled();
  } else cache.flush();
  writeSync(1, `end ${round}\n`);
}
