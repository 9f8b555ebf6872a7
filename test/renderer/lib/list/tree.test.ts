import { describe, expect, it } from 'vitest';
import type { DataView } from '../../../../src/shared/entities';
import { formatDuration, parseEstimate } from '../../../../src/renderer/src/lib/list/durations';
import { matchesOf } from '../../../../src/renderer/src/lib/list/matches';
import { buildRows } from '../../../../src/renderer/src/lib/list/row-list';
import { prepareView } from '../../../../src/renderer/src/lib/list/tree';
import { viewWorkspace } from '../../../support/view-workspace';
import { NO_PROJECT_DETAILS } from '../../../../src/shared/schema';

const workspace = (id: number, name: string) => viewWorkspace(id, name);
const project = (id: number, wid: number, name: string, clientName: string | null, active = true) => ({
  id,
  wid,
  cid: clientName ? id * 10 : null,
  name,
  color: '#06aaf5',
  active,
  isPrivate: false,
  billable: false,
  ...NO_PROJECT_DETAILS,
  sync: 'synced' as const,
  clientName,
});
const task = (id: number, pid: number, name: string, active = true) => ({
  id,
  wid: 1,
  pid,
  name,
  active,
  estimatedSeconds: null,
  trackedMs: 0,
  assigneeId: null,
  sync: 'synced' as const,
});

const view: DataView = {
  version: 1,
  user: null,
  workspaces: [workspace(1, 'Studio'), workspace(2, 'Agency')],
  rights: {},
  clients: [],
  projects: [
    project(11, 1, 'Zeta', null),
    project(12, 1, 'Alpha', 'Acme'),
    project(13, 1, 'Old', 'Acme', false),
    project(21, 2, 'Beta', 'Globex'),
  ],
  tasks: [task(101, 12, 'Write'), task(102, 12, 'Done one', false), task(103, 21, 'Plan')],
  outbox: [],
  damaged: [],
  syncedAt: null,
  newIds: [],
  teams: [],
  entries: [],
  organizations: [],
};
const tasks = prepareView(view);
const labels = (rows: ReturnType<typeof buildRows>) =>
  rows.map((row) =>
    row.kind === 'project' ? row.project.name : row.kind === 'task' ? `- ${row.task.name}` : `[${row.label}]`,
  );

describe('buildRows', () => {
  it('groups by workspace, then client with no-client last; hides archived projects and done tasks', () => {
    const rows = buildRows(view, tasks, {
      workspaceId: 'all',
      showArchived: false,
      showDone: false,
      expanded: new Set([12]),
    });
    expect(labels(rows)).toEqual([
      '[Agency]',
      '[Globex]',
      'Beta',
      '[Studio]',
      '[Acme]',
      'Alpha',
      '- Write',
      '[No client]',
      'Zeta',
    ]);
    const alpha = rows.find((row) => row.kind === 'project' && row.project.id === 12);
    expect(alpha).toMatchObject({ openTasks: 1, expanded: true, hasTasks: true });
  });

  it('shows archived projects and done tasks when asked, and one workspace without headers', () => {
    const rows = buildRows(view, tasks, {
      workspaceId: 1,
      showArchived: true,
      showDone: true,
      expanded: new Set([12]),
    });
    expect(labels(rows)).toEqual(['[Acme]', 'Alpha', '- Done one', '- Write', 'Old', '[No client]', 'Zeta']);
  });

  it('with a search: matched projects, and projects opened on their matching tasks', () => {
    const rows = buildRows(view, tasks, {
      workspaceId: 'all',
      showArchived: false,
      showDone: false,
      expanded: new Set(),
      matches: matchesOf(view, new Set([11]), new Set([103, 102])),
    });
    expect(labels(rows)).toEqual(['[Agency]', '[Globex]', 'Beta', '- Plan', '[Studio]', '[No client]', 'Zeta']);
  });
});

describe('a search’s order', () => {
  // One workspace, three clients: the best match is under the last client and among the tasks.
  const ranked: DataView = {
    ...view,
    workspaces: [workspace(1, 'Studio')],
    projects: [
      project(31, 1, 'Fresh start', 'Acme'),
      project(32, 1, 'Prerelease', 'Acme'),
      project(33, 1, 'Research plan', 'Zeta'),
      project(34, 1, 'Res', 'Zeta'),
      project(35, 1, 'Housing', null),
    ],
    tasks: [task(301, 35, 'Address list'), task(302, 35, 'Res'), task(303, 35, 'Resize')],
  };
  // As search grades them for "res": a whole word 2, the start of a word 1, inside a word 0.
  const grades = new Map([
    [31, 0],
    [32, 0],
    [33, 1],
    [34, 2],
    [301, 0],
    [302, 2],
    [303, 1],
  ]);
  const rowsFor = (showDone = false) =>
    labels(
      buildRows(ranked, prepareView(ranked), {
        workspaceId: 'all',
        showArchived: false,
        showDone,
        expanded: new Set(),
        matches: matchesOf(ranked, new Set([31, 32, 33, 34]), new Set([301, 302, 303]), (id) => grades.get(id) ?? 0),
      }),
    );

  it('puts exact, then prefix matches first at each level, the tree’s order among equals', () => {
    expect(rowsFor()).toEqual([
      '[Zeta]',
      'Res',
      'Research plan',
      '[No client]',
      'Housing',
      '- Res',
      '- Resize',
      '- Address list',
      '[Acme]',
      'Fresh start',
      'Prerelease',
    ]);
  });

  it('without grades, keeps the tree’s order', () => {
    const rows = buildRows(ranked, prepareView(ranked), {
      workspaceId: 'all',
      showArchived: false,
      showDone: false,
      expanded: new Set(),
      matches: matchesOf(ranked, new Set([31, 33]), new Set()),
    });
    expect(labels(rows)).toEqual(['[Acme]', 'Fresh start', '[Zeta]', 'Research plan']);
  });
});

describe('durations', () => {
  it('formats seconds for people', () => {
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(2700)).toBe('45 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(null)).toBe('');
  });

  it('reads estimates in h and m', () => {
    expect(parseEstimate('1h 30m')).toBe(5400);
    expect(parseEstimate('1.5h')).toBe(5400);
    expect(parseEstimate('45m')).toBe(2700);
    expect(parseEstimate('90')).toBe(5400);
    expect(parseEstimate('2 hours')).toBe(7200);
    expect(parseEstimate('')).toBeNull();
    expect(parseEstimate('soon')).toBeUndefined();
  });
});

describe('large searches', () => {
  it('lists projects closed when more tasks match than can be read', () => {
    const many = new Set(Array.from({ length: 1001 }, (_, index) => 5000 + index));
    many.add(101);
    const rows = buildRows(view, tasks, {
      workspaceId: 'all',
      showArchived: false,
      showDone: false,
      expanded: new Set(),
      matches: matchesOf(view, new Set(), many),
    });
    expect(labels(rows)).toEqual(['[Studio]', '[Acme]', 'Alpha']);
    expect(rows.find((row) => row.kind === 'project')).toMatchObject({ expanded: false, hasTasks: true });
  });
});

describe('the order of names', () => {
  it('is the collator’s, with accents, numbers, case, repeats and no client', () => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const names = [
      'Project 10',
      'project 2',
      'Éclair',
      'eclair',
      'Zeta',
      'Ärger',
      'arger',
      'Project 2',
      'ACME-9',
      'acme-10',
    ];
    const clients = [null, 'Globex', 'globex', 'Ärzte', 'Acme', 'Acme 2', 'Acme 10'];
    const projects = Array.from({ length: 120 }, (_, at) =>
      project(at + 1, 1, names[(at * 7) % names.length] ?? '', clients[(at * 3) % clients.length] ?? null),
    );
    const tasks = Array.from({ length: 300 }, (_, at) =>
      task(1000 + at, 1 + (at % 5), names[(at * 5) % names.length] ?? ''),
    );
    const prepared = prepareView({ projects, tasks });
    const expected = [...projects].sort(
      (a, b) =>
        Number(a.clientName === null) - Number(b.clientName === null) ||
        collator.compare(a.clientName ?? '', b.clientName ?? '') ||
        collator.compare(a.name, b.name),
    );
    expect(prepared.workspaces.get(1)?.projects.map((item) => item.id)).toEqual(expected.map((item) => item.id));
    for (const pid of [1, 2, 3, 4, 5]) {
      const own = tasks.filter((item) => item.pid === pid).sort((a, b) => collator.compare(a.name, b.name));
      expect(prepared.tasks.get(pid)?.map((item) => item.id)).toEqual(own.map((item) => item.id));
    }
  });
});
