/** Maps character offsets of a text to 1-based line and column numbers. */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

/** Builds a {@link LineIndex} over `text`, whose lines end at `\n`, `\r\n` or a lone `\r` (as YAML and the editor count them). */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo] + 1 };
    },
  };
}
