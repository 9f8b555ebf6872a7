import { createInterface } from 'node:readline';
import type { ManualIdleSource } from '../services/idle/manual-idle-source';

/**
 * The browser shell's test hooks (TOGGL_TRAY_TEST_HOOKS=1): the e2e specs drive the machine's
 * idle time, sleep and lock with one command a line on stdin ("idle 1800", "lock", "unlock";
 * ManualIdleSource.command), each answered with one line on stdout, so a spec waits for the
 * answer rather than for time.
 */
export function followIdleCommands(
  input: NodeJS.ReadableStream,
  idle: ManualIdleSource,
  write: (line: string) => void,
): () => void {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    try {
      idle.command(line);
      write(`test hook done: ${line}\n`);
    } catch (error) {
      write(`test hook failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  return () => lines.close();
}
