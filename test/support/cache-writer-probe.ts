/**
 * Run by the cache tests: rewrites a large cache in DATA_DIR as fast as it can, forever, so
 * that the test can kill it mid-write. Around each write it prints "begin N" and "end N"
 * with synchronous writes, so that what the test reads after the kill is all there was.
 */
import { writeSync } from 'node:fs';
import { createMemoryLogger } from '../../src/main/services/logger';
import { CacheStore } from '../../src/main/services/store/cache-store';

const cache = new CacheStore(process.argv[2] ?? '.', createMemoryLogger(), 0);
const at = new Date().toISOString();
for (let index = 0; index < 30_000; index++) {
  cache.projects.set(index + 1, {
    id: index + 1,
    wid: 1,
    cid: null,
    name: `Project ${index}`,
    color: '#06aaf5',
    active: true,
    isPrivate: false,
    billable: false,
    at,
  });
}
for (let round = 1; ; round++) {
  cache.syncedAt = round;
  writeSync(1, `begin ${round}\n`);
  cache.flush();
  writeSync(1, `end ${round}\n`);
}
