import type { OutboxEntryView } from '../../../shared/entities';
import type { OutboxEntry } from '../store/outbox-store';
import { kindOf } from './registry';

/** Why an entry has not gone yet: it needs an item whose create is still queued or failed. */
function waitingFor(
  entry: OutboxEntry,
  creators: ReadonlyMap<number, OutboxEntry>,
  names: (key: string) => string | undefined,
): string | null {
  const missing = kindOf(entry.op)
    .refs(entry.op)
    .find((id) => id < 0);
  if (missing === undefined) return null;
  const create = creators.get(missing);
  if (!create) return 'Waits for an item that is no longer queued: discard it.';
  const name = kindOf(create.op)
    .targets(create.op)
    .map(names)
    .find((found) => found !== undefined);
  const what = name ? `“${name}”` : 'the item it belongs to';
  return create.state === 'failed'
    ? `Waits for ${what}, which Toggl refused: retry or discard that first.`
    : `Waits for ${what} to reach Toggl.`;
}

/** The queued changes as the outbox lists them; `names` looks up an item's current name by list key. */
export function outboxView(
  entries: readonly OutboxEntry[],
  names: (key: string) => string | undefined,
): OutboxEntryView[] {
  const creators = new Map<number, OutboxEntry>();
  for (const entry of entries) {
    const created = kindOf(entry.op).creates?.(entry.op);
    if (created !== undefined) creators.set(created, entry);
  }
  return entries.map((entry) => {
    const kind = kindOf(entry.op);
    return {
      id: entry.id,
      summary: kind.describe(entry.op, names),
      state: entry.state,
      error: entry.error,
      conflicts: entry.conflicts,
      targets: kind.targets(entry.op),
      waitingFor: waitingFor(entry, creators, names),
    };
  });
}
