import { describe, expect, it } from 'vitest';
import { leavingWith, selectionAfter } from '../../../../src/renderer/src/lib/list/selection-after';
import type { Row, ViewProject, ViewTask } from '../../../../src/renderer/src/lib/list/tree';

const projectOf = (id: number): ViewProject => ({
  id,
  wid: 1,
  cid: null,
  name: `Project ${id}`,
  color: '#06aaf5',
  active: true,
  isPrivate: false,
  billable: false,
  at: '',
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
  at: '',
  sync: 'synced',
});
const project = (id: number): Row => ({
  kind: 'project',
  key: `p:${id}`,
  project: projectOf(id),
  openTasks: 2,
  expanded: true,
  hasTasks: true,
});
const task = (id: number, pid: number): Row => ({
  kind: 'task',
  key: `t:${id}`,
  task: taskOf(id, pid),
  project: projectOf(pid),
});

// Project 1 opened on its two tasks, then projects 2 and 3.
const items = [project(1), task(11, 1), task(12, 1), project(2), project(3)];
const at = (index: number): Row => items[index] as Row;

describe('where the selection goes when rows leave the list', () => {
  it('from a row that leaves to the next one; from the last to the one before', () => {
    expect(selectionAfter(items, 'p:2', leavingWith([at(3)]))).toBe('p:3');
    expect(selectionAfter(items, 'p:3', leavingWith([at(4)]))).toBe('p:2');
    expect(selectionAfter(items, 't:11', leavingWith([at(1)]))).toBe('t:12');
  });

  it('a project leaves with its tasks: the next row is the next project', () => {
    expect(selectionAfter(items, 'p:1', leavingWith([at(0)]))).toBe('p:2');
    expect(selectionAfter(items, 'p:2', leavingWith([at(3), at(4)]))).toBe('t:12');
  });

  it('a row acted on that is not the selected one: to the row after it (the selected one may be gone from view)', () => {
    expect(selectionAfter(items, 'p:1', leavingWith([at(2)]))).toBe('p:2');
    expect(selectionAfter(items, null, leavingWith([at(2)]))).toBe('p:2');
    expect(selectionAfter(items, 'p:9', leavingWith([at(4)]))).toBe('p:2');
  });

  it('several at once (picked): after the selected one when it leaves, else after the last', () => {
    expect(selectionAfter(items, 'p:2', leavingWith([at(1), at(3)]))).toBe('p:3');
    expect(selectionAfter(items, 'p:3', leavingWith([at(1), at(3)]))).toBe('p:3');
    expect(selectionAfter(items, 'p:1', leavingWith([at(1), at(3)]))).toBe('p:3');
  });

  it('null when no row stays; unchanged when none of the rows is listed', () => {
    expect(selectionAfter(items, 'p:1', leavingWith([at(0), at(3), at(4)]))).toBeNull();
    expect(selectionAfter([], null, leavingWith([at(0)]))).toBeNull();
    expect(selectionAfter(items.slice(3), 'p:2', leavingWith([at(0)]))).toBe('p:2');
  });
});
