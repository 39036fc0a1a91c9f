/**
 * One character read for another: the shape of most OCR slips in a word of a fixed vocabulary.
 */

/** Where `a` and `b` (the same length, UTF-16) differ, when they differ in exactly one character; else -1. Pure. */
export function oneSubstitution(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}
