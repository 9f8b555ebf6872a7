/**
 * Search hits are marked with the CSS Custom Highlight API: ranges painted over the name's
 * text, which stays one text node. Marking them with elements would split each name into
 * new pieces of text on every keystroke, and shaping those is most of a keystroke's frame.
 * The ranges are static: a live Range is updated by every change to the page (a keystroke
 * rewrites a screen of rows), which cost about 3 ms a keystroke at p95 in bench:ui; a row's
 * marks are replaced whenever its text changes, so they never need to follow it.
 */
export const SEARCH_HIT = 'search-hit';

/**
 * The Svelte context key of the highlight a tree marks its rows' hits in, where it is not the
 * page's (the warm-up's rehearsal, outside the page, marks in one of its own).
 */
export const HIGHLIGHT_CONTEXT = Symbol('search highlight');

let shared: Highlight | null | undefined;

/** The page's one search highlight, registered on first use; null where the API is missing. */
function searchHighlight(): Highlight | null {
  if (shared === undefined) {
    shared =
      typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS ? new Highlight() : null;
    if (shared) CSS.highlights.set(SEARCH_HIT, shared);
  }
  return shared;
}

/** Marks `ranges` of the text node `text` (in the page's highlight, unless given another); the returned function takes the marks away again. */
export function markRanges(
  text: Node | null,
  ranges: readonly [number, number][],
  highlight: Highlight | null = searchHighlight(),
): () => void {
  if (!highlight || !text || ranges.length === 0) return () => {};
  // Offsets past the text would throw: a range that does not fit is cut to it.
  const length = text.textContent?.length ?? 0;
  const marked = ranges.map(([from, to]) => {
    const range = new StaticRange({
      startContainer: text,
      startOffset: Math.min(from, length),
      endContainer: text,
      endOffset: Math.min(to, length),
    });
    highlight.add(range);
    return range;
  });
  return () => {
    for (const range of marked) highlight.delete(range);
  };
}
