import { describe, expect, it } from 'vitest';
import { appLinkIn, parseAppLink } from '../../../../src/main/services/control/app-link';

const problemOf = (raw: string) => {
  const read = parseAppLink(raw);
  return 'problem' in read ? read.problem : 'read';
};

describe('toggl-tray:// links', () => {
  it('reads open, stop, add and start, by name or by id', () => {
    expect(parseAppLink('toggl-tray://open')).toEqual({ link: { kind: 'open' } });
    expect(parseAppLink('toggl-tray://')).toEqual({ link: { kind: 'open' } });
    expect(parseAppLink('toggl-tray://stop/')).toEqual({ link: { kind: 'stop' } });
    expect(parseAppLink('TOGGL-TRAY://Stop')).toEqual({ link: { kind: 'stop' } });
    expect(parseAppLink('toggl-tray:stop')).toEqual({ link: { kind: 'stop' } });
    expect(parseAppLink('toggl-tray://add?text=Fix%20login%20%40website%20~2h')).toEqual({
      link: { kind: 'add', text: 'Fix login @website ~2h' },
    });
    expect(
      parseAppLink('toggl-tray://start?project=Website+redesign&task=Hero&description=%C3%9Cberarbeitung'),
    ).toEqual({
      link: {
        kind: 'start',
        description: 'Überarbeitung',
        project: 'Website redesign',
        task: 'Hero',
        projectId: null,
        taskId: null,
      },
    });
    expect(parseAppLink('toggl-tray://start?project_id=42&task_id=7')).toEqual({
      link: { kind: 'start', description: '', project: null, task: null, projectId: 42, taskId: 7 },
    });
  });

  it('says what is wrong with a link it cannot read', () => {
    expect(problemOf('https://toggl-tray/start')).toContain('not a toggl-tray link');
    expect(problemOf('toggl-tray://delete?project=x')).toContain('not “delete”');
    expect(problemOf('toggl-tray://start?project_id=abc')).toContain('whole numbers');
    expect(problemOf('toggl-tray://start?task_id=-3')).toContain('whole numbers');
    expect(problemOf('toggl-tray://add')).toContain('needs text');
    expect(problemOf(`toggl-tray://add?text=${'x'.repeat(5000)}`)).toContain('too long');
  });

  it('finds the link among a start’s arguments', () => {
    expect(appLinkIn(['/opt/Toggl Tray/toggl-tray', '--no-sandbox', 'toggl-tray://stop'])).toBe('toggl-tray://stop');
    expect(appLinkIn(['/opt/Toggl Tray/toggl-tray', 'stop'])).toBeUndefined();
  });
});
