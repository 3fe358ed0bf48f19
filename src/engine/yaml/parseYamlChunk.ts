import { CORE_SCHEMA, EVENT_ID, constructFromEvents, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { aliasExpansionError } from './aliasExpansionError';
import { parseBlockYaml } from './parseBlockYaml';

/** The syntax error of a chunk, as js-yaml reported it (line and column 0-based, within the chunk). */
export interface ChunkError {
  message: string;
  mark?: { line: number; column: number };
}

/** What parsing one chunk of a YAML stream gave. */
export interface ParsedChunk {
  /** The values of the chunk's documents (none when `error` is set). */
  values: readonly unknown[];
  /** Per document, the offset in the chunk where its root node starts (undefined when it has no position). */
  roots: readonly (number | undefined)[];
  /** Per document, the offset in the chunk where the node at each field path starts: read again from the text on first use (only issues need it). */
  offsets(): readonly ReadonlyMap<string, number>[];
  /** Offsets in the chunk where its lines start: 0, then one after each `\n`, `\r\n` or lone `\r`. */
  lineStarts: readonly number[];
  error?: ChunkError;
}

interface Frame {
  path: string;
  isMap: boolean;
  index: number;
  key?: string;
  keyOffset: number;
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function nodeStart(ev: Event): number {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return ev.valueStart >= 0 ? ev.valueStart : ev.tagStart >= 0 ? ev.tagStart : ev.anchorStart;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return ev.start;
    case EVENT_ID.ALIAS:
      return ev.anchorStart;
    default:
      return -1;
  }
}

/** Per document of `events` (parsed from `text`): 1. walks the flat event stream, 2. records the start offset of every node by field path. */
export function offsetsByPath(text: string, events: Event[]): Map<string, number>[] {
  const docs: Map<string, number>[] = [];
  let offsets = new Map<string, number>();
  const stack: Frame[] = [];
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      offsets = new Map();
      docs.push(offsets);
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    let path = '';
    let offset = nodeStart(ev);
    if (top && top.isMap && top.key === undefined) {
      top.key = ev.type === EVENT_ID.SCALAR ? getScalarValue(text, ev) : '?';
      top.keyOffset = offset;
      if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) stack.push({ path: '?', isMap: ev.type === EVENT_ID.MAPPING, index: 0, keyOffset: -1 });
      continue;
    }
    if (top && top.isMap) {
      path = childPath(top.path, top.key ?? '?');
      if (top.keyOffset >= 0) offset = top.keyOffset;
      top.key = undefined;
    } else if (top) {
      path = `${top.path}[${top.index}]`;
      top.index++;
    }
    if (offset >= 0 && !offsets.has(path)) offsets.set(path, offset);
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) {
      stack.push({ path, isMap: ev.type === EVENT_ID.MAPPING, index: 0, keyOffset: -1 });
    }
  }
  return docs;
}

/** Where the lines of `text` start: 0, then after each `\n`, `\r\n` or lone `\r` (the line breaks of YAML, js-yaml's marks and the editor). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line and column of `offset`, by `lineStarts`. */
function markAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - lineStarts[lo] };
}

/** The longest syntax message kept (js-yaml's are a line; this bounds what a message can carry of the input). */
const MESSAGE_MAX = 300;

/** Per document of `events`, where its root node starts (what {@link offsetsByPath} gives for the path `''`). */
function rootOffsets(events: Event[]): (number | undefined)[] {
  const roots: (number | undefined)[] = [];
  for (let i = 0; i < events.length; i++) {
    if (events[i].type !== EVENT_ID.DOCUMENT) continue;
    const root = i + 1 < events.length ? nodeStart(events[i + 1]) : -1;
    roots.push(root >= 0 ? root : undefined);
  }
  return roots;
}

/** The offsets of every field path, computed once when first asked for. */
function lazyOffsets(text: string): () => Map<string, number>[] {
  let offsets: Map<string, number>[] | undefined;
  return () => (offsets ??= offsetsByPath(text, parseEvents(text, {})));
}

/**
 * Parses one chunk of a YAML stream (see `splitYamlDocuments`) as js-yaml's core schema does (plain block YAML by
 * {@link parseBlockYaml}, the rest by js-yaml); a syntax error, or aliases beyond {@link aliasExpansionError}'s bounds,
 * is returned, not thrown. `isFrozen` lets the block parser
 * freeze the values as it makes them (the rest the caller freezes).
 */
export function parseYamlChunk(text: string, isFrozen = false): ParsedChunk {
  const lineStarts = lineStartsOf(text);
  const block = parseBlockYaml(text, isFrozen);
  if (block !== undefined) return { values: [block.value], roots: [block.root], offsets: lazyOffsets(text), lineStarts };
  try {
    const events = parseEvents(text, {});
    const tooMany = aliasExpansionError(text, events);
    if (tooMany !== undefined) return { values: [], roots: [], offsets: () => [], lineStarts, error: { message: tooMany.message, mark: markAt(lineStarts, tooMany.offset) } };
    const values = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
    return { values, roots: rootOffsets(events), offsets: lazyOffsets(text), lineStarts };
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
    const message = `${e.reason ?? e.message ?? 'unreadable YAML'}`.slice(0, MESSAGE_MAX);
    const error: ChunkError = { message, ...(e.mark ? { mark: { line: e.mark.line, column: e.mark.column } } : {}) };
    return { values: [], roots: [], offsets: () => [], lineStarts, error };
  }
}
