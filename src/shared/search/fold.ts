/** Lower case without accents: "Überarbeitung" → "uberarbeitung" (one letter stays one letter). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most names are printable ASCII: nothing to take apart. The rest go letter by letter,
  // each distinct letter taken apart once (several times faster than the whole name each time).
  if (ASCII.test(lower)) return lower;
  let folded = '';
  for (const letter of lower) folded += letter.charCodeAt(0) < 128 ? letter : foldLetter(letter);
  return folded;
}

const foldedLetters = new Map<string, string>();

function foldLetter(letter: string): string {
  let folded = foldedLetters.get(letter);
  if (folded === undefined) {
    folded = letter.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    foldedLetters.set(letter, folded);
  }
  return folded;
}

const ASCII = /^[ -~]*$/;
