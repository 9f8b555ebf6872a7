import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ManualIdleSource } from '../../../src/main/services/idle/manual-idle-source';
import { followIdleCommands } from '../../../src/main/web/idle-commands';
import { FakeClock } from '../../support/fake-clock';

describe("the browser shell's idle test hooks", () => {
  it('take one command a line from stdin and answer each on stdout', async () => {
    const input = new PassThrough();
    const source = new ManualIdleSource(new FakeClock(0));
    const events: string[] = [];
    source.subscribe((event) => events.push(event));
    const answers: string[] = [];
    const answered = new Promise<void>((resolve) => {
      const stop = followIdleCommands(input, source, (line) => {
        answers.push(line);
        if (answers.length === 3) {
          stop();
          resolve();
        }
      });
    });
    input.write('idle 1800\nlock\r\nsnooze\n');
    await answered;
    expect(answers).toEqual([
      'test hook done: idle 1800\n',
      'test hook done: lock\n',
      'test hook failed: not an idle command: "snooze" (idle <seconds>, suspend, resume, lock, unlock)\n',
    ]);
    expect(source.idleSeconds()).toBe(1800);
    expect(events).toEqual(['lock']);
  });
});
