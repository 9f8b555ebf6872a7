import { z } from 'zod';
import type { CachedTeam } from '../../../shared/entities';
import {
  MODE_OF,
  RATE_FIELDS,
  RATE_WORDS,
  modesFor,
  type MemberRates,
  type RateField,
  type RateModes,
} from '../../../shared/member-rates';
import { rateChangeModeSchema } from '../../../shared/schema';
import { inAnswer, readMembers } from '../toggl/team-mapping';
import type { TogglProjectUserUpdate } from '../toggl/types';
import { isGone } from './gone';
import type { ChangeKind } from './kind';
import { isMemberAdd, quoted } from './member-add';
import type { ChangeOp } from './registry';

type CachedMember = CachedTeam['members'][number];

const amount = z.number().min(0).nullable();

/** Only the fields set are in it: a rate set, a labor cost cleared (null), or both. */
export const memberRateSchema = z.object({
  kind: z.literal('member.rate'),
  id: z.number().int(),
  wid: z.number().int(),
  pid: z.number().int(),
  rate: amount.optional(),
  laborCost: amount.optional(),
  /** How each new amount counts for time already tracked: only with a new amount, sent with the PUT. */
  rateChangeMode: rateChangeModeSchema.optional(),
  laborCostChangeMode: rateChangeModeSchema.optional(),
});

export type MemberRate = z.infer<typeof memberRateSchema>;

export const newMemberRate = (fields: Omit<MemberRate, 'kind'>): MemberRate => ({ kind: 'member.rate', ...fields });
export const isMemberRate = (op: ChangeOp): op is MemberRate => op.kind === 'member.rate';

/** Toggl's names (OpenAPI `user.PutPayload`, `models.ProjectUser`). */
const TOGGL: Record<RateField, 'rate' | 'labor_cost'> = { rate: 'rate', laborCost: 'labor_cost' };
const TOGGL_MODE = { rate: 'rate_change_mode', laborCost: 'labor_cost_change_mode' } as const;

/** The rates a change sets, as [field, value] pairs in a fixed order. */
const setIn = (op: Partial<MemberRates>): [RateField, number | null][] =>
  RATE_FIELDS.flatMap((field) => (op[field] === undefined ? [] : [[field, op[field]] as [RateField, number | null]]));

/** Only the rates it sets, so a merge or a carry never turns "left alone" into "none". */
export const ratesOf = (op: Partial<MemberRates>): Partial<MemberRates> => Object.fromEntries(setIn(op));

/**
 * A member's hourly rate and labor cost (paid plans; workspace admins). Sent with PUT for the
 * amounts (Toggl's answer is folded back) and PATCH for the ones cleared: only PATCH takes null
 * ("/rate expects an float64 or null", OpenAPI), the PUT body has numbers only.
 */
export const memberRate: ChangeKind<MemberRate> = {
  targets: (op) => [`m:${op.id}`],
  refs: (op) => [op.id, op.pid],
  remap: (op, from, to) => ({ ...op, id: op.id === from ? to : op.id, pid: op.pid === from ? to : op.pid }),
  describe: (op, names) => {
    const what = setIn(op).map(([field]) => RATE_WORDS[field]);
    return `Change the ${what.join(' and ') || 'rates'} of a member of ${quoted(names(`p:${op.pid}`)) ?? 'a project'}`;
  },

  apply(view, op, { mark }) {
    const member = view.teams.get(op.wid)?.members.find((item) => item.id === op.id);
    if (member) Object.assign(member, ratesOf(op), { sync: mark });
  },

  async send(op, { api, cache }) {
    const team = cache.teams.get(op.wid);
    const keep = (member: CachedMember) => {
      if (team) team.members = team.members.map((item) => (item.id === member.id ? member : item));
    };
    const amounts = setIn(op).filter((pair): pair is [RateField, number] => pair[1] !== null);
    const cleared = setIn(op).filter(([, value]) => value === null);
    try {
      if (amounts.length > 0) {
        const body: TogglProjectUserUpdate = {};
        for (const [field, value] of amounts) {
          body[TOGGL[field]] = value;
          const mode = op[MODE_OF[field]];
          if (mode !== undefined) body[TOGGL_MODE[field]] = mode;
        }
        const [member] = readMembers([await api.team.updateProjectUser(op.wid, op.id, body)], inAnswer);
        if (member) keep(member);
      }
      if (cleared.length === 0) return { result: 'done' };
      const operations = cleared.map(([field]) => ({ op: 'replace' as const, path: `/${TOGGL[field]}`, value: null }));
      const { failure } = await api.team.patchProjectUsers(op.wid, [op.id], operations);
      const refused = failure.find((item) => item.id === op.id);
      // The amounts went; what is left to retry is the clearing, in Toggl's words.
      if (refused) {
        const left: MemberRate = { kind: op.kind, id: op.id, wid: op.wid, pid: op.pid, ...Object.fromEntries(cleared) };
        return { result: 'failed', error: refused.message, op: left };
      }
      const member = team?.members.find((item) => item.id === op.id);
      if (member) keep({ ...member, ...Object.fromEntries(cleared) });
      return { result: 'done' };
    } catch (error) {
      if (!isGone(error)) throw error;
      // Removed from the project on Toggl meanwhile: there is nothing left to change.
      if (team) team.members = team.members.filter((item) => item.id !== op.id);
      return { result: 'failed', error: 'This person is no longer on the project in Toggl: discard the change.' };
    }
  },

  merge(earlier, later) {
    // Set before the add reached Toggl: the add carries the amounts; their modes are left to
    // Toggl's default (a member not yet on the project has no rate of theirs to replace).
    if (isMemberAdd(earlier) && earlier.tempId === later.id)
      return { earlier: { ...earlier, ...ratesOf(later) }, later: null };
    // Two edits of the same member's rates: one change, the later values over the earlier, and
    // each mode with the amount it came with (a new amount without one drops the earlier's).
    if (isMemberRate(earlier) && earlier.id === later.id) {
      const { rateChangeMode: _rate, laborCostChangeMode: _cost, ...kept } = earlier;
      const latest = (field: RateField) => (later[field] !== undefined ? later : earlier);
      const modes: RateModes = {};
      for (const field of RATE_FIELDS) Object.assign(modes, modesFor({ [field]: latest(field)[field] }, latest(field)));
      return { earlier: { ...kept, ...ratesOf(later), ...modes }, later: null };
    }
    return undefined;
  },
};
