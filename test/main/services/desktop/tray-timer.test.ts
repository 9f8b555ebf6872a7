import { describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { idleTooltip, trayTimer } from '../../../../src/main/services/desktop/tray-timer';

const now = Date.parse('2026-12-02T12:00:00Z');
const entry = (fields: Partial<DataView['entries'][number]>): DataView['entries'][number] => ({
  id: 1,
  wid: 1,
  pid: 10,
  tid: 20,
  description: 'Hero section',
  start: '2026-12-02T11:17:30.000Z',
  stop: null,
  billable: false,
  at: '',
  sync: 'synced',
  ...fields,
});
const view = (entries: DataView['entries']) =>
  ({
    entries,
    projects: [{ id: 10, name: 'Website redesign' }],
    tasks: [{ id: 20, name: 'Visual design' }],
  }) as unknown as Pick<DataView, 'entries' | 'projects' | 'tasks'>;

describe('the running entry in the tray', () => {
  it('shows the time and the project in the menu bar, and everything in the tooltip', () => {
    expect(trayTimer(view([entry({})]), now)).toEqual({
      title: '0:42 Website redesign',
      tooltip: 'Timer 0:42: Website redesign · Visual design · Hero section',
    });
  });

  it('names an entry without a project by its description, and cuts a long name', () => {
    expect(trayTimer(view([entry({ pid: null, tid: null })]), now).title).toBe('0:42 Hero section');
    expect(trayTimer(view([entry({ pid: null, tid: null, description: '' })]), now)).toEqual({
      title: '0:42 No project',
      tooltip: 'Timer 0:42: No project',
    });
    const long = entry({ pid: null, tid: null, description: 'A description far longer than a menu bar has room for' });
    expect(trayTimer(view([long]), now).title).toBe('0:42 A description far longe…');
  });

  it('shows nothing when nothing runs; a start ahead of this clock counts as 0:00', () => {
    expect(trayTimer(view([entry({ stop: '2026-12-02T11:30:00.000Z' })]), now)).toEqual({ title: '', tooltip: null });
    expect(trayTimer(view([entry({ start: '2026-12-02T12:00:30.000Z' })]), now).title).toBe('0:00 Website redesign');
  });

  it('says in the tooltip when a question about time away waits', () => {
    expect(idleTooltip({ idleSince: now - 29 * 60_000 - 20_000, returnedAt: now })).toBe(
      'Toggl Tray: you were away 29 min while the timer ran. Open it to keep or discard that time.',
    );
  });
});
