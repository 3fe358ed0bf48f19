/** What a piece of a YAML line is, for colouring without a parser. */
export type YamlTokenKind = 'key' | 'string' | 'literal' | 'comment' | 'meta' | 'punctuation';

/** A coloured piece of one line: `from`/`to` are offsets in the line. */
export interface YamlToken {
  from: number;
  to: number;
  kind: YamlTokenKind;
}

/** Lines are coloured up to this many characters; the rest stays plain (a 1 MB line costs no more than a short one). */
const MAX_COLOURED = 2_000;

const LITERAL = /^(?:true|false|null|~|[-+]?(?:\d[\d_]*)(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/i;

/** Where a comment starts in `text` from `from` (a `#` at the start or after a space, outside quotes), or -1. */
function commentStart(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return -1;
}

/** The value after a key (or a dash): quoted → string, number/bool/null → literal, anchors, aliases, tags and block indicators → meta. */
function valueToken(text: string, from: number, to: number): YamlToken | null {
  let start = from;
  while (start < to && (text[start] === ' ' || text[start] === '\t')) start++;
  let end = to;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (start >= end) return null;
  const value = text.slice(start, end);
  const first = value[0];
  if (first === '"' || first === "'") return { from: start, to: end, kind: 'string' };
  if (first === '&' || first === '*' || first === '!' || /^[|>][-+0-9]*$/.test(value)) return { from: start, to: end, kind: 'meta' };
  if (first === '[' || first === '{') return null;
  return { from: start, to: end, kind: LITERAL.test(value) ? 'literal' : 'string' };
}

/**
 * The coloured pieces of one YAML line, read on its own: keys, scalar values, comments, document markers and sequence
 * dashes. It colours what a block-style manifest holds; flow collections and the inside of block scalars stay plain.
 */
export function yamlLineTokens(line: string): YamlToken[] {
  const text = line.length > MAX_COLOURED ? line.slice(0, MAX_COLOURED) : line;
  const tokens: YamlToken[] = [];
  const marker = /^(---|\.\.\.)(?=\s|$)/.exec(text);
  let at = 0;
  if (marker !== null) {
    tokens.push({ from: 0, to: marker[0].length, kind: 'meta' });
    at = marker[0].length;
  }
  const comment = commentStart(text, at);
  const end = comment === -1 ? text.length : comment;
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  while (at < end && text[at] === '-' && (at + 1 === end || text[at + 1] === ' ')) {
    tokens.push({ from: at, to: at + 1, kind: 'punctuation' });
    at++;
    while (at < end && text[at] === ' ') at++;
  }
  const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},][^#]*?)\s*:(?=\s|$)/.exec(text.slice(at, end));
  if (marker === null && key !== null) {
    tokens.push({ from: at, to: at + key[1].length, kind: 'key' });
    const colon = at + key[0].length - 1;
    tokens.push({ from: colon, to: colon + 1, kind: 'punctuation' });
    at = colon + 1;
  }
  const value = marker === null ? valueToken(text, at, end) : null;
  if (value !== null) tokens.push(value);
  if (comment !== -1) tokens.push({ from: comment, to: text.length, kind: 'comment' });
  return tokens;
}
