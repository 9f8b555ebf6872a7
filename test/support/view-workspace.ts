import type { CachedWorkspace } from '../../src/shared/entities';

/** A workspace as the list holds it, the user its admin; `overrides` for the rest. */
export const viewWorkspace = (id: number, name: string, overrides: Partial<CachedWorkspace> = {}): CachedWorkspace => ({
  id,
  organizationId: 1,
  name,
  role: 'admin',
  admin: true,
  premium: false,
  onlyAdminsMayCreateProjects: false,
  managedProjects: [],
  managedPending: false,
  at: '',
  ...overrides,
});
