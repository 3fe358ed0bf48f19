/** One replacement turning a text into another: the range `from..to` of the old text becomes `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** Texts are compared this many characters at a time first (string equality runs at memory speed; a loop of charCodeAt took ~10 ms per 2 MB). */
const CHUNK = 4096;

/** How many characters `a` and `b` share at their start. */
function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  while (at + CHUNK <= limit && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters `a` and `b` share at their end, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** A change known to turn `base` into some newer text. */
export interface KnownEdit {
  base: string;
  change: TextChange;
}

/** The last change a caller already knew (the editor knows what was typed), so it need not be found again. */
let noted: { before: string; after: string; change: TextChange } | null = null;

/**
 * Tells {@link textChange} that `change` turns `before` into `after`. The text the editor hands on is a rope of slices:
 * comparing it character by character would first copy it whole (~6 ms at 2 MB, ~20 ms on a loaded machine).
 */
export function noteTextChange(before: string, after: string, change: TextChange): void {
  noted = { before, after, change };
}

/**
 * One replacement that turns `before` into `after`, or null if equal: the noted one for these strings, else the smallest
 * (common prefix and suffix kept).
 */
export function textChange(before: string, after: string): TextChange | null {
  // The very strings noted (not equal copies): checked by length first, so other texts are not compared in full here.
  if (noted !== null && noted.before.length === before.length && noted.after.length === after.length && noted.before === before && noted.after === after) return noted.change;
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, limit);
  const end = commonSuffix(before, after, limit - start);
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
