import type { DataView } from '../../../shared/entities';

/** Someone a task may be assigned to. */
export interface Person {
  id: number;
  name: string;
}

/**
 * Each workspace's people as the full sync knew them (its users), by name; the user among
 * them even where Toggl did not list anyone (a task may always go to them).
 */
export function peopleByWorkspace(view: Pick<DataView, 'teams' | 'user' | 'workspaces'> | null): Map<number, Person[]> {
  const people = new Map<number, Person[]>();
  if (!view) return people;
  for (const workspace of view.workspaces) {
    const users = view.teams.find((team) => team.wid === workspace.id)?.users ?? [];
    const list = users.map((user) => ({ id: user.id, name: user.name || `User ${user.id}` }));
    if (view.user && !list.some((person) => person.id === view.user?.id))
      list.push({ id: view.user.id, name: view.user.fullname || view.user.email });
    list.sort((a, b) => a.name.localeCompare(b.name));
    people.set(workspace.id, list);
  }
  return people;
}

/** Every known person's name by id (the same person in several workspaces has one name). */
export function namesById(people: ReadonlyMap<number, readonly Person[]>): Map<number, string> {
  const names = new Map<number, string>();
  for (const list of people.values()) for (const person of list) names.set(person.id, person.name);
  return names;
}

const letters = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A word's first letter as people see one (an accented letter or an emoji whole). */
function firstLetter(word: string | undefined): string {
  for (const { segment } of letters.segment(word ?? '')) return segment;
  return '';
}

/** "Ada Lovelace" → "AL", "cher" → "C"; letters of any script, at most two. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const last = words.length > 1 ? firstLetter(words.at(-1)) : '';
  return (firstLetter(words[0]) + last).toLocaleUpperCase() || '?';
}
