/**
 * The quick-add line: `+Fix login bug @webiste redesgn ~2h`. Text that starts with `+` names a
 * new item; the name runs to the first marker; `@…` (where it goes) and `~…` (an estimate)
 * each run to the next marker or the end. A marker starts a word: the `@` in "a@b.com" is
 * part of the name. No DOM here: the popover and the command line read lines alike.
 */

/** One marked part of a line. */
export interface QuickAddPart {
  /** Its text without the marker, trimmed. */
  text: string;
  /** Where its marker is in the line. */
  start: number;
  /** Where it ends (exclusive): the next marker, or the end of the line. */
  end: number;
}

export interface QuickAddLine {
  /** The new item's name: after the `+`, up to the first marker, trimmed. */
  name: string;
  /** The `@` parts, in order (more than one is a mistake the preview names). */
  places: QuickAddPart[];
  /** The `~` parts, likewise. */
  estimates: QuickAddPart[];
}

const START = /^\s*\+/;
/** A marker starts a word: at the start of the text or after a space (`dana@example.com` has none). */
const WORD_START = String.raw`(?<=^|\s)`;
/** A marker: `@` or `~` at the start of the line's body or after a space. */
const MARKER = new RegExp(`${WORD_START}[@~]`, 'g');
/** The `@` marker alone (`toggl-tray start`'s place). */
export const PLACE_MARKER = new RegExp(`${WORD_START}@`);

/** Whether the text is a quick-add rather than a search (its first non-space character is `+`). */
export function isQuickAdd(text: string): boolean {
  return START.test(text);
}

/** The line's name and marked parts; null when it is no quick-add. */
export function parseQuickAdd(text: string): QuickAddLine | null {
  const plus = START.exec(text);
  if (!plus) return null;
  const body = plus[0].length;
  const markers = [...text.slice(body).matchAll(MARKER)].map((match) => body + match.index);
  const line: QuickAddLine = { name: text.slice(body, markers[0] ?? text.length).trim(), places: [], estimates: [] };
  markers.forEach((start, at) => {
    const end = markers[at + 1] ?? text.length;
    const part = { text: text.slice(start + 1, end).trim(), start, end };
    (text[start] === '@' ? line.places : line.estimates).push(part);
  });
  return line;
}
