import { describe, expect, it } from 'vitest';
import type { CachedWorkspace } from '../../src/shared/entities';
import { newProjectWorkspace } from '../../src/shared/rights';
import { rightsOf } from '../../src/main/services/changes/rights';
import { viewWorkspace } from '../support/view-workspace';

// Main's rights over the demo account's shape: two workspaces where the user may create
// projects, and Community, where only admins and project leads may.
const STUDIO = 1;
const COMMUNITY = 2;
const SIDE = 3;
const member = { admin: false, role: 'user', onlyAdminsMayCreateProjects: true };
const all: CachedWorkspace[] = [
  viewWorkspace(STUDIO, 'Demo Studio'),
  viewWorkspace(COMMUNITY, 'Community (members)', member),
  viewWorkspace(SIDE, 'Side projects'),
];

function viewOf(workspaces: CachedWorkspace[], defaultWorkspaceId: number | null) {
  return {
    user: { id: 9, fullname: 'Dana', email: 'd@x', defaultWorkspaceId, timezone: 'UTC', beginningOfWeek: 1 },
    workspaces,
    rights: rightsOf(workspaces),
  };
}

describe('where a new project goes (New project, quick-add without @, toggl-tray add)', () => {
  it('the workspace shown, where the user may create projects', () => {
    expect(newProjectWorkspace(viewOf(all, SIDE), STUDIO)).toEqual({ wid: STUDIO });
  });

  it('else the default workspace, where they may: also when the shown one refuses', () => {
    expect(newProjectWorkspace(viewOf(all, SIDE), null)).toEqual({ wid: SIDE });
    expect(newProjectWorkspace(viewOf(all, SIDE), COMMUNITY)).toEqual({ wid: SIDE });
  });

  it('else the first where they may: the default refuses, is none, or is not one of theirs', () => {
    expect(newProjectWorkspace(viewOf(all, COMMUNITY), null)).toEqual({ wid: STUDIO });
    expect(newProjectWorkspace(viewOf(all, COMMUNITY), COMMUNITY)).toEqual({ wid: STUDIO });
    expect(newProjectWorkspace(viewOf(all, null), null)).toEqual({ wid: STUDIO });
    expect(newProjectWorkspace(viewOf(all, 777), null)).toEqual({ wid: STUDIO });
    expect(newProjectWorkspace({ ...viewOf(all, null), user: null }, null)).toEqual({ wid: STUDIO });
    const communityFirst = [all[1], all[2], all[0]] as CachedWorkspace[];
    expect(newProjectWorkspace(viewOf(communityFirst, COMMUNITY), null)).toEqual({ wid: SIDE });
  });

  it('nowhere: says why (the shown workspace’s reason, the only one’s, or one for all)', () => {
    const community = all[1] as CachedWorkspace;
    const lead = viewWorkspace(4, 'Agency', member);
    const reason = (name: string) => `Only admins and project leads may create projects in “${name}”.`;
    expect(newProjectWorkspace(viewOf([community], COMMUNITY), null)).toEqual({
      reason: reason('Community (members)'),
    });
    expect(newProjectWorkspace(viewOf([community, lead], COMMUNITY), 4)).toEqual({ reason: reason('Agency') });
    expect(newProjectWorkspace(viewOf([community, lead], COMMUNITY), null)).toEqual({
      reason: 'Only admins and project leads may create projects in your workspaces.',
    });
    expect(newProjectWorkspace(viewOf([], null), null)).toEqual({ reason: 'No workspace is loaded yet.' });
  });

  it('a project lead may create even where only admins may', () => {
    const lead = viewWorkspace(COMMUNITY, 'Community (members)', { ...member, role: 'projectlead' });
    expect(newProjectWorkspace(viewOf([lead], COMMUNITY), null)).toEqual({ wid: COMMUNITY });
  });
});
