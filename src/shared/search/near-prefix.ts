/** True when `token` is within one edit (Damerau) of some prefix of `word`. */
export function nearPrefix(token: string, word: string): boolean {
  const n = token.length;
  // One edit leaves the first letter, or one of the first two moved: most words fail this at once.
  const [t0, t1, w0, w1] = [token.charCodeAt(0), token.charCodeAt(1), word.charCodeAt(0), word.charCodeAt(1)];
  if (t0 !== w0 && t1 !== w1 && t1 !== w0 && t0 !== w1) return false;
  // Compare against the prefixes one shorter, as long, and one longer than the token.
  for (let length = n - 1; length <= n + 1; length++) {
    if (length < 1 || length > word.length) continue;
    if (withinOneEdit(token, word.slice(0, length))) return true;
  }
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // Substitution, or a swap of two neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
