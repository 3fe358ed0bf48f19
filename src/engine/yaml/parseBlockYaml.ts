import { CORE_SCHEMA } from 'js-yaml';

/** A document parsed by {@link parseBlockYaml}: its value and the offset where its root node starts. */
export interface BlockYamlDocument {
  value: unknown;
  root: number;
}

/** Thrown inside the parser when the text leaves the subset; caught by {@link parseBlockYaml}. */
class Unsupported extends Error {}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
/** Characters a plain scalar may not start with (YAML 1.2 c-indicator), `-` included: `-1` and `-x` are left to js-yaml. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** First characters of the plain scalars the core schema may read as something else than a string (null, bool, int, float). */
const RESOLVABLE = new Set([...'~nNtTfF+-.0123456789'].map((c) => c.charCodeAt(0)));
/** Anything but line breaks (`\n`, `\r\n`) and printable characters (tabs, lone carriage returns, control characters, no-break spaces, Unicode line separators, BOMs, surrogates) leaves the subset. */
const OUTSIDE = /[^\n\r\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|\r(?!\n)/;
const CR = 13;
/** js-yaml rejects this many nested collections (its `maxDepth`). */
const MAX_DEPTH = 100;

/** The content lines of a chunk: where each starts (after its indentation) and ends (before trailing spaces), and its indentation. */
interface Lines {
  start: number[];
  end: number[];
  indent: number[];
}

function scanLines(text: string): Lines {
  const lines: Lines = { start: [], end: [], indent: [] };
  let isFirst = true;
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let start = from;
    while (start < to && text.charCodeAt(start) === SPACE) start++;
    let end = to > from && text.charCodeAt(to - 1) === CR ? to - 1 : to;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    if (start < end && text.charCodeAt(start) !== HASH) {
      const isMarker = start === from && text.startsWith('---', start);
      if (isMarker && (!isFirst || end !== start + 3)) throw new Unsupported();
      if (!isMarker) {
        if (start === from && (text.startsWith('...', start) || text.charCodeAt(start) === 37)) throw new Unsupported();
        lines.start.push(start);
        lines.end.push(end);
        lines.indent.push(start - from);
      }
      isFirst = false;
    }
    from = to + 1;
  }
  return lines;
}

/** A plain or simply quoted scalar from `start` to `end` (one line, no comment), resolved as js-yaml's core schema does. */
function scalarAt(text: string, start: number, end: number): unknown {
  const first = text.charCodeAt(start);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    const close = text.indexOf(text[start], start + 1);
    if (close !== end - 1) throw new Unsupported();
    const inner = text.slice(start + 1, close);
    if (first === DOUBLE_QUOTE && inner.includes('\\')) throw new Unsupported();
    return inner;
  }
  const source = text.slice(start, end);
  if (source === '{}') return {};
  if (source === '[]') return [];
  if (INDICATORS.has(first) || source.includes(' #') || source.includes(': ') || source.charCodeAt(source.length - 1) === COLON) throw new Unsupported();
  return RESOLVABLE.has(first) ? CORE_SCHEMA.resolveImplicitScalarTag(source).value : source;
}

/** Where the key of a `key: value` entry starting at `start` ends (its colon), or -1 when the line holds no such entry. */
function keyEnd(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) return -1;
  for (let i = text.indexOf(':', start); i >= 0 && i < end; i = text.indexOf(':', i + 1)) {
    if (i + 1 === end || text.charCodeAt(i + 1) === SPACE) return i;
  }
  return -1;
}

/** True when the content at `start` is a sequence entry: `-` then a space or the end of the line. */
function isEntry(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === DASH && (start + 1 === end || text.charCodeAt(start + 1) === SPACE);
}

/** A recursive-descent parser over the content lines; `next` is the first line not yet read. */
class BlockParser {
  next = 0;
  /** Collections open: at {@link MAX_DEPTH} the text is left to js-yaml, which reports it (and recursion stays shallow). */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
    /** Applied to every mapping and sequence made: `Object.freeze`, or nothing. */
    private readonly made: <T extends object>(value: T) => T,
  ) {}

  /** The block starting at line `i` (its first content), indented `indent`. */
  block(i: number, indent: number): unknown {
    const { start, end } = this.lines;
    if (isEntry(this.text, start[i], end[i])) return this.sequence(i, indent);
    return this.mapping(i, start[i], indent);
  }

  /** The value after an entry's indicator, from `from` on line `i` of a node indented `indent`. */
  private value(i: number, from: number, indent: number, isSequenceAllowed: boolean): unknown {
    const { end } = this.lines;
    this.next = i + 1;
    if (from < end[i]) {
      const value = scalarAt(this.text, from, end[i]);
      return typeof value === 'object' && value !== null ? this.made(value) : value;
    }
    if (this.next === end.length) return null;
    const below = this.lines.indent[this.next];
    if (below > indent) return this.block(this.next, below);
    if (below === indent && isSequenceAllowed && isEntry(this.text, this.lines.start[this.next], end[this.next])) return this.sequence(this.next, indent);
    return null;
  }

  /** Opens a collection; leaves the subset when it nests deeper than js-yaml allows. */
  private enter(): void {
    if (++this.depth >= MAX_DEPTH) throw new Unsupported();
  }

  /** Closes a collection and returns it made. */
  private leave<T extends object>(value: T): T {
    this.depth--;
    return this.made(value);
  }

  private mapping(i: number, from: number, indent: number): Record<string, unknown> {
    const { text, lines } = this;
    this.enter();
    const out: Record<string, unknown> = {};
    for (let line = i, at = from; ; ) {
      const colon = keyEnd(text, at, lines.end[line]);
      if (colon < 0 || INDICATORS.has(text.charCodeAt(at)) || text.charCodeAt(colon - 1) === SPACE) throw new Unsupported();
      const key = String(scalarAt(text, at, colon));
      if (key === '__proto__' || key === '<<' || Object.hasOwn(out, key)) throw new Unsupported();
      let from = colon + 1;
      while (from < lines.end[line] && text.charCodeAt(from) === SPACE) from++;
      out[key] = this.value(line, from, indent, true);
      if (this.next === lines.end.length || lines.indent[this.next] < indent) return this.leave(out);
      if (lines.indent[this.next] > indent) throw new Unsupported();
      line = this.next;
      at = lines.start[line];
    }
  }

  private sequence(i: number, indent: number): unknown[] {
    const { text, lines } = this;
    this.enter();
    const out: unknown[] = [];
    for (let line = i; ; ) {
      let from = lines.start[line] + 1;
      while (from < lines.end[line] && text.charCodeAt(from) === SPACE) from++;
      const column = indent + from - lines.start[line];
      if (from < lines.end[line] && isEntry(text, from, lines.end[line])) throw new Unsupported();
      if (from < lines.end[line] && keyEnd(text, from, lines.end[line]) >= 0) out.push(this.mapping(line, from, column));
      else out.push(this.value(line, from, indent, false));
      if (this.next === lines.end.length || lines.indent[this.next] < indent) return this.leave(out);
      if (lines.indent[this.next] > indent) throw new Unsupported();
      if (!isEntry(text, lines.start[this.next], lines.end[this.next])) return this.leave(out);
      line = this.next;
    }
  }
}

/**
 * Parses one YAML document written in the plain block style of kubectl and most
 * manifests (block mappings and sequences, one-line plain or simply quoted
 * scalars, `{}` and `[]`) to exactly what js-yaml's core schema gives, several
 * times faster; anything else (flow collections, block scalars, anchors, tags,
 * comments after content, multi-line scalars, tabs, duplicate keys, several
 * documents…) gives undefined, for js-yaml to parse. With `isFrozen`, every
 * mapping and sequence is frozen as it is made (for values shared through a cache).
 */
export function parseBlockYaml(text: string, isFrozen = false): BlockYamlDocument | undefined {
  if (OUTSIDE.test(text)) return undefined;
  try {
    const lines = scanLines(text);
    if (lines.start.length === 0) return undefined;
    const parser = new BlockParser(text, lines, isFrozen ? Object.freeze : (value) => value);
    const value = parser.block(0, lines.indent[0]);
    return parser.next === lines.start.length ? { value, root: lines.start[0] } : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
