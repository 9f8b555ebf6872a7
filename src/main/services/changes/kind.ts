import type {
  CachedUser,
  DataView,
  FieldConflict,
  ItemSync,
  ViewOrganization,
  ViewTeam,
  ViewTimeEntry,
} from '../../../shared/entities';
import type { CacheStore } from '../store/cache-store';
import type { TogglApi } from '../toggl/api';
import type { OverlayMap } from './overlay-map';
import type { ChangeOp } from './registry';

export type ViewProject = DataView['projects'][number];
export type ViewTask = DataView['tasks'][number];

/** The list being built: the cache with the queued changes laid over it, in order. */
export interface WorkingView {
  projects: OverlayMap<ViewProject>;
  tasks: OverlayMap<ViewTask>;
  /** Workspace id → its members and groups, where loaded. */
  teams: Map<number, ViewTeam>;
  /** The user's recent time entries by id (a few hundred: rebuilt whole each time). */
  entries: Map<number, ViewTimeEntry>;
  /** Who is signed in, with their own settings (the default workspace) as queued. */
  user: CachedUser | null;
  /** Organization id → its groups (once Settings loaded them), with what the user may do there. */
  organizations: Map<number, ViewOrganization>;
}

export interface ApplyContext {
  /** The queued change's state, which marks what it touches. */
  mark: ItemSync;
  /** When the change was made (ISO), the `at` of time entries it creates. */
  at: string;
}

export interface SendContext {
  api: TogglApi;
  /** What Toggl last confirmed; a kind writes Toggl's answer back into it. */
  cache: CacheStore;
  now: () => number;
  /** A create whose earlier POST may have reached Toggl: look before sending again. */
  uncertain: boolean;
}

export type SendOutcome =
  /** Toggl has it. `remap`: the temporary id it gave a real one to. */
  | { result: 'done'; remap?: { from: number; to: number } }
  /** Toggl refused it (or part of it: `op` is what is left to retry). */
  | { result: 'failed'; error: string; op?: ChangeOp }
  /** A field I changed was also changed on Toggl, differently. */
  | { result: 'conflict'; conflicts: FieldConflict[] };

/** How a later change to the same item folds into the queued one before it. */
export interface Merged {
  /** What the earlier change becomes; null drops it (and, for a create, what waits on it). */
  earlier: ChangeOp | null;
  /** What is still to be queued of the later one; null when it was folded in whole. */
  later: ChangeOp | null;
}

/**
 * One kind of change (a project rename, a task create, …): everything the queue, the replay
 * and the view need to know about it lives in one module that implements this.
 */
export interface ChangeKind<Op extends ChangeOp> {
  /** The list keys it touches: "p:ID" / "t:ID" / "og:ID" (an organization group)… */
  targets(op: Op): string[];
  /** Ids it needs from Toggl before it can go (a temporary one below zero makes it wait). */
  refs(op: Op): number[];
  /** The temporary id of the item it creates, if it creates one. */
  creates?(op: Op): number;
  /** Swaps a temporary id for Toggl's once the create went through. */
  remap(op: Op, from: number, to: number): Op;
  /** A sentence for the user; `names` looks up the current name of a list key. */
  describe(op: Op, names: (key: string) => string | undefined): string;
  /** Lays the change over the list at once (optimistic). */
  apply(view: WorkingView, op: Op, context: ApplyContext): void;
  /** Sends it and folds Toggl's answer into the cache. Throws TogglApiError when it did not go through. */
  send(op: Op, context: SendContext): Promise<SendOutcome>;
  /** Folds this change into the queued one before it that touches the same item; undefined: queue it after. */
  merge?(earlier: ChangeOp, later: Op): Merged | undefined;
  /** After an earlier change to the same item reached Toggl: what this one is now based on. */
  rebase?(op: Op, sent: ChangeOp): Op;
  /** Settles a conflict; null when nothing is left to send. */
  resolve?(op: Op, conflicts: FieldConflict[], keep: 'mine' | 'theirs'): Op | null;
}
