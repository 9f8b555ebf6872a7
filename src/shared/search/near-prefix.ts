/**
 * True when `token` is within one edit (Damerau) of some prefix of `word`. Run for every
 * dictionary word a long token does not contain, on every key: it compares letters in place
 * and makes no strings.
 */
export function nearPrefix(token: string, word: string): boolean {
  const n = token.length;
  // One edit leaves the first letter, or one of the first two moved: most words fail this at once.
  const t0 = token.charCodeAt(0);
  const t1 = token.charCodeAt(1);
  const w0 = word.charCodeAt(0);
  const w1 = word.charCodeAt(1);
  if (t0 !== w0 && t1 !== w1 && t1 !== w0 && t0 !== w1) return false;
  // Compare against the prefixes one shorter, as long, and one longer than the token.
  for (let length = n - 1; length <= n + 1; length++) {
    if (length < 1 || length > word.length) continue;
    if (withinOneEdit(token, word, length)) return true;
  }
  return false;
}

/** Whether `a` is within one edit of the first `lb` letters of `b`. */
function withinOneEdit(a: string, b: string, lb: number): boolean {
  const la = a.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    // Substitution, or a swap of two neighbours.
    if (same(a, i + 1, b, i + 1, la - i - 1)) return true;
    return (
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      same(a, i + 2, b, i + 2, la - i - 2)
    );
  }
  // A letter too many in `a`, or one missing.
  return la > lb ? same(a, i + 1, b, i, la - i - 1) : same(a, i, b, i + 1, lb - i - 1);
}

/** Whether `count` letters of `a` from `from` equal those of `b` from `bFrom`. */
function same(a: string, from: number, b: string, bFrom: number, count: number): boolean {
  for (let at = 0; at < count; at++) if (a.charCodeAt(from + at) !== b.charCodeAt(bFrom + at)) return false;
  return true;
}
