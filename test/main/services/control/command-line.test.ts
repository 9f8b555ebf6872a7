import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../../src/main/services/control/command-line';

describe('toggl-tray command lines', () => {
  it('reads each command, text commands taking the rest of the line', () => {
    expect(parseCommandLine(['start', 'Fix login @website'])).toEqual({
      command: { kind: 'start', text: 'Fix login @website' },
    });
    // Unquoted words join with spaces, as the shell split them.
    expect(parseCommandLine(['add', 'Fix', 'login', '@web', '~2h'])).toEqual({
      command: { kind: 'add', text: 'Fix login @web ~2h', start: false },
    });
    // `--start` right after `add`: a timer on what it makes; anywhere else it is part of the line.
    expect(parseCommandLine(['add', '--start', 'Fix login @web'])).toEqual({
      command: { kind: 'add', text: 'Fix login @web', start: true },
    });
    expect(parseCommandLine(['add', 'Rename --start flag'])).toEqual({
      command: { kind: 'add', text: 'Rename --start flag', start: false },
    });
    expect(parseCommandLine(['start'])).toEqual({ command: { kind: 'start', text: '' } });
    expect(parseCommandLine(['stop'])).toEqual({ command: { kind: 'stop' } });
    expect(parseCommandLine(['continue'])).toEqual({ command: { kind: 'continue' } });
    expect(parseCommandLine(['open'])).toEqual({ command: { kind: 'open' } });
    expect(parseCommandLine(['--show'])).toEqual({ command: { kind: 'open' } });
    expect(parseCommandLine(['--toggle'])).toEqual({ command: { kind: 'toggle' } });
    expect(parseCommandLine(['status'])).toEqual({ command: { kind: 'status', json: false } });
    expect(parseCommandLine(['status', '--json'])).toEqual({ command: { kind: 'status', json: true } });
    expect(parseCommandLine(['STOP'])).toEqual({ command: { kind: 'stop' } });
  });

  it('a plain start (from a menu, at login) is no command; launcher and Chromium flags are never one', () => {
    expect(parseCommandLine([])).toEqual({ none: true });
    expect(parseCommandLine(['--no-sandbox', '--ozone-platform=wayland'])).toEqual({ none: true });
    expect(parseCommandLine(['-psn_0_12345'])).toEqual({ none: true });
    expect(parseCommandLine(['--enable-features=X', 'stop'])).toEqual({ command: { kind: 'stop' } });
    // Electron's docs register a link as `app -- %1`; Windows starts the app for a toast's click with -Embedding.
    expect(parseCommandLine(['--', 'toggl-tray://stop'])).toEqual({
      command: { kind: 'link', url: 'toggl-tray://stop' },
    });
    expect(parseCommandLine(['-Embedding'])).toEqual({ none: true });
    expect(parseCommandLine(['--', 'stop'])).toEqual({ command: { kind: 'stop' } });
  });

  it('says what is wrong with a line it cannot read', () => {
    const usage = (...args: string[]) => {
      const parsed = parseCommandLine(args);
      return 'usageError' in parsed ? parsed.usageError : 'no usage error';
    };
    expect(usage('frob')).toContain('Unknown command “frob”');
    expect(usage('stop', 'now')).toContain('takes no arguments');
    expect(usage('status', '--yaml')).toContain('only --json');
    expect(usage('add', '  ')).toContain('add needs what to add');
    expect(usage('add', '--start')).toContain('add needs what to add');
    // "constructor" must not find an object's own property.
    expect(usage('constructor')).toContain('Unknown command');
  });

  it('reads a link given alone (as the OS starts the app with one) or after open-link', () => {
    expect(parseCommandLine(['toggl-tray://stop'])).toEqual({ command: { kind: 'link', url: 'toggl-tray://stop' } });
    // Before it the launcher's flags, after it too (a launcher may append them): still the link.
    expect(parseCommandLine(['--no-sandbox', 'toggl-tray://open', '--enable-features=X'])).toEqual({
      command: { kind: 'link', url: 'toggl-tray://open' },
    });
    expect(parseCommandLine(['open-link', 'toggl-tray://start?project=Website'])).toEqual({
      command: { kind: 'link', url: 'toggl-tray://start?project=Website' },
    });
    const usage = (...args: string[]) => {
      const parsed = parseCommandLine(args);
      return 'usageError' in parsed ? parsed.usageError : 'no usage error';
    };
    expect(usage('open-link')).toContain('open-link takes one link');
    expect(usage('toggl-tray://stop', 'now')).toContain('A link comes alone');
  });
});
