import { describe, expect, it } from 'vitest';
import { placeSlots, placingOrder, type PlacedRow } from '../../../../src/renderer/src/lib/list/slot-places';
import { seededRandom } from '../../../../tools/sandbox/names';

const project = (id: number): PlacedRow => ({ key: `p:${id}`, kind: 'project' });
const task = (id: number): PlacedRow => ({ key: `t:${id}`, kind: 'task' });
const header = (id: number): PlacedRow => ({ key: `w:${id}`, kind: 'header' });
const identity = (size: number) => Array.from({ length: size }, (_, at) => at);

describe('placeSlots', () => {
  it('keeps a row that stays in the window in the slot that shows it, wherever its place moves', () => {
    // Slots 0–5 show p:1…p:6; the next list drops p:2 and p:4, the rest move up, two new come.
    const held = [1, 2, 3, 4, 5, 6].map(project);
    const wanted = [project(1), project(3), project(5), project(6), project(7), project(8)];
    const slotOf = placeSlots(identity(6), identity(6), wanted, held);
    expect(slotOf.slice(0, 4)).toEqual([0, 2, 4, 5]);
    // The two new rows take the two slots left: those that showed p:2 and p:4.
    expect(slotOf.slice(4).toSorted()).toEqual([1, 3]);
  });

  it('gives a new row a free slot of its kind, the screen’s places choosing first', () => {
    // Slot 0 a header, 1 a project, 2 a task, 3 a project; nothing stays.
    const held = [header(1), project(1), task(1), project(2)];
    const wanted = [task(9), project(9), header(9), project(8)];
    // The screen is residues 2 and 3; 0 and 1 are the overscan.
    const slotOf = placeSlots(identity(4), [2, 3, 0, 1], wanted, held);
    expect(slotOf[2]).toBe(0); // the header's
    expect(slotOf[0]).toBe(2); // the task's
    // The two projects take the two projects' slots: the screen's first, its own slot (3) first.
    expect(slotOf[3]).toBe(3);
    expect(slotOf[1]).toBe(1);
  });

  it('leaves the slots as they were where nothing is held or nothing matches', () => {
    const previous = [3, 0, 2, 1];
    expect(placeSlots(previous, identity(4), [project(1), project(2), undefined, undefined], [])).toEqual(previous);
    const held = [task(1), task(2), task(3), task(4)];
    expect(placeSlots(previous, [1, 2, 3, 0], [header(1), header(2), header(3), header(4)], held)).toEqual(previous);
  });

  it('always hands each slot exactly one residue, whatever it is given', () => {
    const random = seededRandom(17);
    const anyRow = (): PlacedRow | undefined => {
      const id = Math.floor(random() * 12);
      return [undefined, project(id), task(id), header(id)][Math.floor(random() * 4)];
    };
    for (let round = 0; round < 500; round++) {
      const size = 1 + Math.floor(random() * 26);
      const previous = identity(size).sort(() => random() - 0.5);
      const first = Math.floor(random() * 50);
      const from = first + Math.floor(random() * size);
      const order = placingOrder(first, from, from + Math.floor(random() * size), size);
      // Keys may repeat among the wanted and the held: a list has each row once, but placing must not depend on it.
      const wanted = Array.from({ length: size }, anyRow);
      // As many rows held as the pool has slots or fewer; more where the pool has just shrunk.
      const held = Array.from({ length: Math.floor(random() * (size + 6)) }, anyRow);
      const slotOf = placeSlots(previous, order, wanted, held);
      expect(
        slotOf.toSorted((a, b) => a - b),
        `round ${round}`,
      ).toEqual(identity(size));
      // A held row wanted again keeps its slot unless another place took it first.
      wanted.forEach((row, residue) => {
        const slot = held.findIndex((shown, at) => at < size && shown?.key === row?.key);
        if (row && slot !== -1 && !wanted.some((other, at) => at !== residue && other?.key === row.key))
          expect(held[slotOf[residue] ?? -1]?.key, `round ${round}`).toBe(row.key);
      });
    }
  });
});

describe('placingOrder', () => {
  it('lists the screen’s residues first, then the window’s others in place order, each once', () => {
    // Window 10–17 (size 8), the screen 12–15.
    expect(placingOrder(10, 12, 16, 8)).toEqual([4, 5, 6, 7, 2, 3, 0, 1]);
    // A screen past the window's end is cut to it.
    expect(placingOrder(0, 6, 12, 8)).toEqual([6, 7, 0, 1, 2, 3, 4, 5]);
  });
});
