/**
 * The offsets at which the items of the top-level JSON array in `text` start, found by one scan that follows strings
 * and nesting (so a parsed array's items can be given their lines); meant for text `JSON.parse` accepted.
 */
export function arrayItemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let isExpecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (depth === 1 && isExpecting && c !== 0x5d) {
      offsets.push(i);
      isExpecting = false;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1) isExpecting = true;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) isExpecting = true;
  }
  return offsets;
}
