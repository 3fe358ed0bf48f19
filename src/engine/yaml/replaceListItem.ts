import { dumpYaml } from './dumpYaml';
import { parseYamlChunk } from './parseYamlChunk';

/** A line after an item that is no part of it: blank or a comment (it introduces what follows). */
const TRIVIA = /^[ \t]*(?:#.*)?\r?$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The List document `chunk` with only its item `index` rewritten to `item` (or removed when null), so the other items
 * keep their text and comments; undefined when the item is not written as a block sequence entry (`- …`) or is the
 * last one to remove, for the caller to rewrite the whole document. 1. Find the entry's `-` line from the item's
 * offset, 2. extend it over the lines indented deeper, less the comments and blank lines at its end, 3. splice.
 */
export function replaceListItem(chunk: string, index: number, item: unknown): string | undefined {
  const parsed = parseYamlChunk(chunk);
  const offset = parsed.offsets()[0]?.get(`items[${index}]`);
  const value = parsed.values[0] as { items?: unknown[] } | undefined;
  if (offset === undefined || parsed.error !== undefined || (item === null && (value?.items?.length ?? 0) <= 1)) return undefined;
  const lineStart = chunk.lastIndexOf('\n', offset - 1) + 1;
  const entry = /^([ \t]*)-[ \t]+$/.exec(chunk.slice(lineStart, offset));
  if (entry === null) return undefined;
  const dashColumn = entry[1].length;
  const contentColumn = offset - lineStart;
  const lines = chunk.slice(lineStart).split('\n');
  let end = 1;
  while (end < lines.length && (lines[end].trim() === '' || indentOf(lines[end]) > dashColumn)) end++;
  while (end > 1 && TRIVIA.test(lines[end - 1])) end--;
  const before = chunk.slice(0, lineStart);
  const after = lines.slice(end).join('\n');
  if (item === null) return `${before}${after}`;
  const written = dumpYaml([item])
    .replace(/\n$/, '')
    .split('\n')
    .map((line, i) => (i === 0 ? `${entry[1]}-${' '.repeat(contentColumn - dashColumn - 1)}${line}` : `${' '.repeat(contentColumn)}${line}`))
    .join('\n');
  return `${before}${written}\n${after}`;
}
