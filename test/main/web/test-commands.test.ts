import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ManualIdleSource } from '../../../src/main/services/idle/manual-idle-source';
import { ManualHotkeyPort } from '../../../src/main/services/hotkeys/manual-hotkey-port';
import { followTestCommands } from '../../../src/main/web/test-commands';
import { FakeClock } from '../../support/fake-clock';

describe("the browser shell's test hooks", () => {
  it('take one command a line from stdin and answer each on stdout', async () => {
    const input = new PassThrough();
    const source = new ManualIdleSource(new FakeClock(0));
    const events: string[] = [];
    source.subscribe((event) => events.push(event));
    const hotkeys = new ManualHotkeyPort();
    const pressed: string[] = [];
    hotkeys.register('CommandOrControl+Alt+1', () => pressed.push('1'));
    let shown = 0;
    const answers: string[] = [];
    const answered = new Promise<void>((resolve) => {
      const stop = followTestCommands(input, { idle: source, hotkeys, show: () => shown++ }, (line) => {
        answers.push(line);
        if (answers.length === 6) {
          stop();
          resolve();
        }
      });
    });
    input.write('idle 1800\nlock\r\nsnooze\nhotkey press CommandOrControl+Alt+1\nhotkey press Alt+F4\nshow\n');
    await answered;
    expect(answers).toEqual([
      'test hook done: idle 1800\n',
      'test hook done: lock\n',
      'test hook failed: not an idle command: "snooze" (idle <seconds>, suspend, resume, lock, unlock)\n',
      'test hook done: hotkey press CommandOrControl+Alt+1\n',
      'test hook failed: Alt+F4 is not registered by Toggl Tray\n',
      'test hook done: show\n',
    ]);
    expect(shown).toBe(1);
    expect(pressed).toEqual(['1']);
    expect(source.idleSeconds()).toBe(1800);
    expect(events).toEqual(['lock']);
  });
});
