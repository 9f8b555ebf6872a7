import { describe, expect, it } from 'vitest';
import { initials, namesById, peopleByWorkspace } from '../../../src/renderer/src/lib/people';
import { viewWorkspace } from '../../support/view-workspace';

describe('people a task may go to', () => {
  const user = {
    id: 1,
    fullname: 'Dana Demo',
    email: 'd@x',
    defaultWorkspaceId: null,
    timezone: 'UTC',
    beginningOfWeek: 1,
  };
  const team = (wid: number, users: { id: number; name: string }[]) => ({
    wid,
    users,
    members: [],
    projectGroups: [],
    groups: [],
    complete: false,
    loadedAt: 1,
  });

  it('each workspace’s users by name, the user among them even where Toggl listed no one', () => {
    const people = peopleByWorkspace({
      user,
      workspaces: [viewWorkspace(10, 'Studio'), viewWorkspace(20, 'Free')],
      teams: [
        team(10, [
          { id: 2, name: 'Sam Teammate' },
          { id: 1, name: 'Dana Demo' },
          { id: 3, name: '' },
        ]),
      ],
    });
    expect(people.get(10)).toEqual([
      { id: 1, name: 'Dana Demo' },
      { id: 2, name: 'Sam Teammate' },
      { id: 3, name: 'User 3' },
    ]);
    expect(people.get(20)).toEqual([{ id: 1, name: 'Dana Demo' }]);
    expect(namesById(people).get(2)).toBe('Sam Teammate');
    expect(peopleByWorkspace(null).size).toBe(0);
  });

  it('initials: first and last word, any script, at most two letters', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  cher ')).toBe('C');
    expect(initials('Jean-Luc de la Cruz')).toBe('JC');
    expect(initials('Ørjan Åsmund Østby')).toBe('ØØ');
    expect(initials('李 小龍')).toBe('李小');
    expect(initials('')).toBe('?');
  });
});
