import type { TogglProjectUser } from '../../src/main/services/toggl/types';
import { changeMode, keepRateChange } from './rate-rules';
import { SandboxHttpError, type RouteContext } from './routing';
import type { SandboxWorkspace } from './state';

/**
 * What a project-user body changes, in the answer's names (OpenAPI `models.ProjectUser`), and
 * the mode each new amount came with (kept with the rate change, never on the member).
 */
export type ProjectUserChanges = Partial<Pick<TogglProjectUser, 'manager' | 'rate' | 'labor_cost'>> & {
  modes?: Partial<Record<'rate' | 'labor_cost', string>>;
};

/** The two money fields, as OpenAPI names them, and the seed page's older spelling of one. */
const MONEY = [
  { field: 'rate', spellings: ['rate'] },
  { field: 'labor_cost', spellings: ['labor_cost', 'labour_cost'] },
] as const;

/**
 * Paid features (OpenAPI: "premium feature" for rates). Toggl's refusal text for these is in no
 * recording and not in its OpenAPI document: these 402 words are ours, written like the one
 * recorded for colors ("… available only for premium plans").
 */
const PAID: Record<(typeof MONEY)[number]['field'], string> = {
  rate: 'Project member rates available only for premium plans',
  labor_cost: 'Labor costs available only for premium plans',
};

/**
 * Reads a project-user body: a create or PUT body (`user.PostPayload`, `user.PutPayload`), or
 * what a PATCH's replace operations amount to. Rules, in the order they are checked:
 * - rates and labor costs are set by workspace admins only: 403 with the OpenAPI document's words;
 * - a rate or labor cost on a Free workspace: 402 (ours, above); clearing one is allowed;
 * - PATCH takes a number or null ("/rate expects an float64 or null", the OpenAPI document's
 *   words); the create and PUT bodies type them as numbers only, so a null there is read as
 *   "not given" (inferred: Toggl's Go server leaves an absent pointer field alone), which is
 *   why the app clears a rate with PATCH.
 */
export function projectUserChanges(
  context: RouteContext,
  workspace: SandboxWorkspace,
  body: Record<string, unknown>,
  from: 'body' | 'patch',
): ProjectUserChanges {
  const changes: ProjectUserChanges = {};
  if (body.manager !== undefined) {
    if (typeof body.manager !== 'boolean')
      throw new SandboxHttpError(400, from === 'patch' ? '/manager expects a boolean' : 'Invalid manager');
    changes.manager = body.manager;
  }
  for (const { field, spellings } of MONEY) {
    const key = spellings.find((spelling) => body[spelling] !== undefined);
    if (key === undefined) continue;
    const value = body[key];
    if (value === null && from === 'body') continue;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      throw new SandboxHttpError(400, from === 'patch' ? `/${field} expects an float64 or null` : `Invalid ${key}`);
    if (workspace.members.get(context.user.id) !== 'admin')
      throw new SandboxHttpError(403, 'User does not have access to this resource.');
    if (value !== null && !workspace.premium) throw new SandboxHttpError(402, PAID[field]);
    changes[field] = value;
  }
  for (const [field, key] of [
    ['rate', 'rate_change_mode'],
    ['labor_cost', 'labor_cost_change_mode'],
  ] as const) {
    // Ours: Toggl's words for a mode it does not know are not recorded (rate-rules.ts).
    const mode = changeMode(body, key);
    if (mode === undefined) continue;
    if (!workspace.premium) throw new SandboxHttpError(402, PAID[field]);
    changes.modes = { ...changes.modes, [field]: mode };
  }
  return changes;
}

/** Lays the changes on the member, stamping when each rate last changed as the answer says. */
export function applyProjectUserChanges(
  context: RouteContext,
  member: TogglProjectUser,
  changes: ProjectUserChanges,
): void {
  const stamp = context.state.stamp();
  const { modes, ...fields } = changes;
  Object.assign(member, fields, { at: stamp });
  for (const field of ['rate', 'labor_cost'] as const) {
    const amount = fields[field];
    if (amount !== undefined)
      keepRateChange(context, { what: 'project_user', id: member.id, field, amount, mode: modes?.[field] ?? null });
  }
  if (changes.rate !== undefined) member.rate_last_updated = stamp;
  if (changes.labor_cost !== undefined) member.labor_cost_last_updated = stamp;
}
