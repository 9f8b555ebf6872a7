import { describe, expect, it } from 'vitest';
import { selectionAfter, type RowSequence } from '../../../../src/renderer/src/lib/list/selection-after';
import type { Row, ViewProject, ViewTask } from '../../../../src/renderer/src/lib/list/tree';
import { NO_PROJECT_DETAILS } from '../../../../src/shared/schema';

const projectOf = (id: number): ViewProject => ({
  id,
  wid: 1,
  cid: null,
  name: `Project ${id}`,
  color: '#06aaf5',
  active: true,
  isPrivate: false,
  billable: false,
  ...NO_PROJECT_DETAILS,
  sync: 'synced',
  clientName: null,
});
const taskOf = (id: number, pid: number): ViewTask => ({
  id,
  wid: 1,
  pid,
  name: `Task ${id}`,
  active: true,
  estimatedSeconds: null,
  trackedMs: 0,
  assigneeId: null,
  sync: 'synced',
});
const project = (id: number): Row => ({
  kind: 'project',
  key: `p:${id}`,
  project: projectOf(id),
  openTasks: 2,
  tasksTracked: 0,
  expanded: true,
  hasTasks: true,
});
const task = (id: number, pid: number): Row => ({
  kind: 'task',
  key: `t:${id}`,
  task: taskOf(id, pid),
  project: projectOf(pid),
});

const header: Row = { kind: 'client', key: 'c:1:Acme', label: 'Acme' };
/** Rows by position, as the list holds them (a header among them is never selected). */
const sequence = (rows: Row[]): RowSequence => ({
  length: rows.length,
  at: (index) => rows[index],
  indexOf: (key) => rows.findIndex((row) => row.key === key),
});
// Project 1 opened on its two tasks, then a client's header, then projects 2 and 3.
const listed = [project(1), task(11, 1), task(12, 1), header, project(2), project(3)];
const items = sequence(listed);
const at = (index: number): Row => [project(1), task(11, 1), task(12, 1), project(2), project(3)][index] as Row;

describe('where the selection goes when rows leave the list', () => {
  it('from a row that leaves to the next one; from the last to the one before', () => {
    expect(selectionAfter(items, 'p:2', [at(3)])).toBe('p:3');
    expect(selectionAfter(items, 'p:3', [at(4)])).toBe('p:2');
    expect(selectionAfter(items, 't:11', [at(1)])).toBe('t:12');
  });

  it('a project leaves with its tasks: the next row is the next project', () => {
    expect(selectionAfter(items, 'p:1', [at(0)])).toBe('p:2');
    expect(selectionAfter(items, 'p:2', [at(3), at(4)])).toBe('t:12');
  });

  it('a row acted on that is not the selected one: to the row after it (the selected one may be gone from view)', () => {
    expect(selectionAfter(items, 'p:1', [at(2)])).toBe('p:2');
    expect(selectionAfter(items, null, [at(2)])).toBe('p:2');
    expect(selectionAfter(items, 'p:9', [at(4)])).toBe('p:2');
  });

  it('several at once (picked): after the selected one when it leaves, else after the last', () => {
    expect(selectionAfter(items, 'p:2', [at(1), at(3)])).toBe('p:3');
    expect(selectionAfter(items, 'p:3', [at(1), at(3)])).toBe('p:3');
    expect(selectionAfter(items, 'p:1', [at(1), at(3)])).toBe('p:3');
  });

  it('null when no row stays; unchanged when none of the rows is listed', () => {
    expect(selectionAfter(items, 'p:1', [at(0), at(3), at(4)])).toBeNull();
    expect(selectionAfter(sequence([]), null, [at(0)])).toBeNull();
    expect(selectionAfter(sequence(listed.slice(3)), 'p:2', [at(0)])).toBe('p:2');
  });
});
