/**
 * A file cut off mid-write (a full disk, a crash outside the atomic rename) is a valid JSON
 * document up to some byte. This closes what was open at the cut, so every record written
 * before it can still be read: a string value cut in the middle is kept with "…" at its end
 * (a name half written still says which change it was); otherwise the cut goes back to the
 * last point where a whole value had just ended. Anything that is not such a prefix
 * (garbage, a stray character) answers undefined: it is not a cut-off file.
 */
export function closeTruncatedJson(text: string): string | undefined {
  const stack: ('{' | '[')[] = [];
  /** Where to cut, and what was open there. */
  let safe: { at: number; open: string } | undefined;
  let inString = false;
  let escaped = false;
  /** The string being read is a value (not a key): it can be closed where it was cut. */
  let valueString = false;
  let previous = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (char === '"') {
      inString = true;
      valueString = previous === ':' || (stack.at(-1) === '[' && (previous === '[' || previous === ','));
    } else if (char === '{' || char === '[') {
      stack.push(char);
      safe = { at: index + 1, open: stack.join('') };
    } else if (char === '}' || char === ']') {
      const open = stack.pop();
      if ((char === '}' && open !== '{') || (char === ']' && open !== '[')) return undefined;
      if (stack.length === 0) return undefined; // the document ended: nothing was cut off
    } else if (char === ',') {
      safe = { at: index, open: stack.join('') };
    } else if (!/[:\-+.\deEtruefalsn]/.test(char)) {
      return undefined;
    }
    previous = char;
  }
  if (stack.length === 0) return undefined;
  const close = (open: string): string =>
    Array.from(open, (bracket) => (bracket === '{' ? '}' : ']'))
      .reverse()
      .join('');
  if (inString && valueString && !escaped) return `${text}…"${close(stack.join(''))}`;
  return safe ? text.slice(0, safe.at) + close(safe.open) : undefined;
}
