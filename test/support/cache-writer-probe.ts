/**
 * Run by the cache tests: rewrites a large cache in DATA_DIR as fast as it can, forever, so
 * that the test can kill it mid-write. Prints "writing" once the first write is done.
 */
import { createMemoryLogger } from '../../src/main/services/logger';
import { CacheStore } from '../../src/main/services/store/cache-store';

const cache = new CacheStore(process.argv[2] ?? '.', createMemoryLogger(), 0);
let round = 0;
for (;;) {
  round++;
  cache.projects.clear();
  for (let index = 0; index < 3000; index++) {
    cache.projects.set(index + 1, {
      id: index + 1,
      wid: 1,
      cid: null,
      name: `Project ${round}-${index}`,
      color: '#06aaf5',
      active: true,
      isPrivate: false,
      billable: false,
      at: new Date().toISOString(),
    });
  }
  cache.syncedAt = round;
  cache.flush();
  if (round === 1) process.stdout.write('writing\n');
}
