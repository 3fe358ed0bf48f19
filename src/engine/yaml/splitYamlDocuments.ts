/** A piece of a YAML stream that parses on its own: one document, or a few joined by `...`. */
export interface YamlChunk {
  /** Character offset of the chunk in the file; chunks start at a line start and cover the file in order. */
  offset: number;
  text: string;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const DOCUMENT_END = /^\.\.\.(?:[ \t]|$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#|$)/;

/**
 * Where the directives (`%YAML`, `%TAG`) just before the marker that ends `chunk` begin, or
 * -1. Directives belong to the next document; they are directives only outside a document:
 * at the start of the stream (`isStreamStart`) or after a `...` line. Between them and the
 * marker there may be only comments and blank lines (`--- |` content may start with `%`).
 * Reads lines backwards from the end, so a chunk ending in content costs one line.
 */
function trailingDirectives(chunk: string, isStreamStart: boolean): number {
  let first = -1;
  let end = chunk.length;
  while (end > 0) {
    // 1. Drop the line break (`\n`, `\r\n` or `\r`), 2. find where the line starts.
    const last = chunk.charCodeAt(end - 1);
    let contentEnd = last === 10 || last === 13 ? end - 1 : end;
    if (last === 10 && chunk.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const start = contentEnd > 0 ? Math.max(chunk.lastIndexOf('\n', contentEnd - 1), chunk.lastIndexOf('\r', contentEnd - 1)) + 1 : 0;
    const line = chunk.slice(start, contentEnd).replace(/^\uFEFF/, '');
    if (line.startsWith('%')) first = start;
    else if (DOCUMENT_END.test(line)) return first;
    else if (!BLANK_OR_COMMENT.test(line)) return -1;
    end = start;
  }
  return isStreamStart ? first : -1;
}

/**
 * Where the `---` directives-end markers are, after the start: at a line start (after `\n` or `\r`, as YAML breaks
 * lines), then a space, a tab, a line break or the end. Scans with `indexOf` (a lookbehind regex over a 10 MB file is
 * several times slower).
 */
function markerOffsets(text: string, from: number, to: number): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf('---', from + 1); i >= 0 && i < to; i = text.indexOf('---', i + 1)) if (isMarkerAt(text, i)) offsets.push(i);
  return offsets;
}

/** True when `---` at `i` (after the start) is a marker: after a line break, then a space, a tab, a line break or the end. */
function isMarkerAt(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 3);
  return (before === LF || before === CR) && text.startsWith('---', i) && (i + 3 === text.length || after === SPACE || after === TAB || after === LF || after === CR);
}

/** True when the split of `text` starts a chunk at `offset` with its own `---` marker (no directives before it move into it). */
export function isChunkStart(text: string, offset: number): boolean {
  return offset > 0 && isMarkerAt(text, offset) && trailingDirectives(text.slice(0, offset), true) < 0;
}

/**
 * Splits a YAML stream before each `---` marker at a line start, so each chunk parses
 * alone to the documents the whole stream has there (YAML 1.2 forbids `---` at a line
 * start inside any node: a block scalar, a quoted or a flow one ends before it). 1. cut at
 * every marker, 2. move directives that precede a marker into the chunk they belong to.
 * Given `from` and `to`, offsets where the whole stream's split starts a chunk with its
 * marker ({@link isChunkStart}, or its start and end), gives the chunks between them alike.
 */
export function splitYamlDocuments(text: string, from = 0, to = text.length): YamlChunk[] {
  const cuts = [from, ...markerOffsets(text, from, to)];
  cuts.push(to);
  const chunks: YamlChunk[] = [];
  let start = from;
  for (let i = 1; i < cuts.length; i++) {
    let end = cuts[i];
    if (i < cuts.length - 1) {
      const directives = trailingDirectives(text.slice(cuts[i - 1], end), i === 1 && from === 0);
      if (directives >= 0) end = Math.max(start, cuts[i - 1] + directives);
    }
    if (end > start) chunks.push({ offset: start, text: text.slice(start, end) });
    start = Math.max(start, end);
  }
  return chunks;
}
