import fc from 'fast-check';
import { CORE_SCHEMA, dump, loadAll, parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { realisticClusterYaml } from '../testing/realisticClusterYaml';
import { parseBlockYaml } from './parseBlockYaml';
import { offsetsByPath } from './parseYamlChunk';
import { splitYamlDocuments } from './splitYamlDocuments';

/** A value with its types, key order, -0 and NaN made visible. */
function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(show).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${show(v)}`).join(',')}}`;
  if (typeof value === 'number') return Object.is(value, -0) ? 'num:-0' : `num:${value}`;
  return `${typeof value}:${String(value)}`;
}

/** What js-yaml makes of a text: its documents and where each root starts, or the error it throws. */
function jsYaml(text: string): { values: string[]; roots: (number | undefined)[] } | 'error' {
  try {
    const values = loadAll(text, { schema: CORE_SCHEMA }).map(show);
    return { values, roots: offsetsByPath(text, parseEvents(text, {})).map((offsets) => offsets.get('')) };
  } catch {
    return 'error';
  }
}

/** Checks `text`: the fast parser either leaves it to js-yaml or gives exactly one document equal to js-yaml's, rooted at the same place. */
function agrees(text: string): boolean {
  const fast = parseBlockYaml(text);
  if (fast === undefined) return false;
  expect(jsYaml(text)).toEqual({ values: [show(fast.value)], roots: [fast.root] });
  return true;
}

const KEYS = ['a', 'b', 'name', 'app.kubernetes.io/name', 'x-y', '1', '0x1F', '1.5', 'true', 'null', '~', 'k b', 'a:b', 'a#b', 'a[0]', 'Yes', 'on', '.inf', '-k', 'é', "'q'", '"q"', '{}', '[]', '__proto__', '<<'];
const SCALARS = [
  'web', 'hello world', '8080', '-1', '+1', '0', '007', '0o17', '0x1f', '1e3', '1.5', '.5', '.inf', '-.Inf', '.NaN', 'true', 'False', 'TRUE', 'yes', 'null', 'Null', '~', '',
  '10.0.0.0/8', 'http://x:80/p', 'a: b', 'a:', 'a #b', 'a#b', '#c', '-', '- a', '? q', ': v', '[a]', '{a: 1}', '{}', '[]', '*x', '&x', '!t', '|', '>', '%p', '@a', '`b`',
  "it's", 'say "hi"', 'back\\slash', 'tab\there', 'é', ' lead', 'trail ', '\u00a0nb', 'a,b', 'x]',
];

/** JSON-like values with keys and scalars chosen to sit on the edges of the subset. */
const values = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...SCALARS, 1, -0, 2.5, true, null),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
  ),
})).node;

/** Writes a value in block style: sequences indented or not, compact mappings in them, plain or quoted scalars, comments and blank lines between. */
function write(value: unknown, style: { indent: number; isSeqIndented: boolean; quote: 'plain' | 'single' | 'double'; comments: boolean }): string {
  const scalar = (v: unknown) => {
    if (typeof v !== 'string') return Object.is(v, -0) ? '-0' : String(v);
    return style.quote === 'single' ? `'${v}'` : style.quote === 'double' ? `"${v}"` : v;
  };
  const lines: string[] = [];
  const emit = (v: unknown, indent: number, prefix: string): void => {
    const pad = ' '.repeat(indent);
    if (Array.isArray(v) && v.length > 0) {
      if (prefix !== '') lines.push(`${prefix}`);
      const at = prefix === '' || !style.isSeqIndented ? indent : indent + style.indent;
      for (const item of v) emitEntry(item, at);
      return;
    }
    if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      if (prefix !== '') lines.push(prefix);
      const at = prefix === '' ? indent : indent + style.indent;
      for (const [k, x] of Object.entries(v)) {
        if (style.comments) lines.push(`${' '.repeat(at)}# about ${k}`, '');
        emit(x, at, `${' '.repeat(at)}${k}:`);
      }
      return;
    }
    const text = Array.isArray(v) ? '[]' : v !== null && typeof v === 'object' ? '{}' : scalar(v);
    lines.push(prefix === '' ? `${pad}${text}` : `${prefix} ${text}`);
  };
  const emitEntry = (item: unknown, at: number): void => {
    const dash = `${' '.repeat(at)}-`;
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
      const [first, ...rest] = Object.entries(item);
      emit(first[1], at + 2, `${dash} ${first[0]}:`);
      for (const [k, x] of rest) emit(x, at + 2, `${' '.repeat(at + 2)}${k}:`);
      return;
    }
    emit(item, at, dash);
  };
  emit(value, 0, '');
  return `${lines.join('\n')}\n`;
}

const styles = fc.record({ indent: fc.constantFrom(1, 2, 4), isSeqIndented: fc.boolean(), quote: fc.constantFrom('plain' as const, 'single' as const, 'double' as const), comments: fc.boolean() });
const EDITS = [' ', '  ', ':', ': ', '-', '- ', '#', ' #', '"', "'", '\t', '\r', '{', '[', '\n', 'a', '1', '---\n', '...\n', '&', '|\n'];

describe('parseBlockYaml', () => {
  it('gives what js-yaml gives, or leaves the text to it, on values written in block style (LF or CRLF)', () => {
    fc.assert(
      fc.property(values, styles, fc.boolean(), fc.boolean(), (value, style, hasMarker, isCrlf) => {
        const text = `${hasMarker ? '---\n' : ''}${write(value, style)}`;
        agrees(isCrlf ? text.replace(/\n/g, '\r\n') : text);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what js-yaml gives, or leaves the text to it, after random edits', () => {
    const texts = fc.tuple(values, styles).map(([value, style]) => write(value, style));
    fc.assert(
      fc.property(texts, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EDITS), fc.nat(3))), (text, edits) => {
        let edited = text;
        for (const [at, insert, cut] of edits) {
          const k = at % (edited.length + 1);
          edited = `${edited.slice(0, k)}${insert}${edited.slice(k + cut)}`;
        }
        agrees(edited);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads what js-yaml writes and the documents of a generated cluster itself', () => {
    fc.assert(
      fc.property(values, (value) => {
        agrees(dump(value, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true }));
      }),
      { numRuns: 1000 },
    );
    const chunks = splitYamlDocuments(realisticClusterYaml({ workloads: 60 }).all);
    expect(chunks.filter((chunk) => agrees(chunk.text))).toHaveLength(chunks.length);
  });

  it('leaves anchors, block scalars, flow collections, comments after content, duplicate keys and bad indentation to js-yaml', () => {
    for (const text of ['a:\n    b: 1\n  c: 2\n', 'a: 1\n  b: 2\n', '- a\n  b\n', 'a:\n  - x\n  b: 1\n', 'a: &x 1\nb: *x\n', 'a: |\n  text\n', 'a: [1, 2]\n', 'a: {b: 1}\n', 'a: 1 # one\n', 'a: 1\na: 2\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n', 'just a scalar\n', '']) {
      expect(parseBlockYaml(text), text).toBeUndefined();
    }
  });

  it('freezes every mapping and sequence it makes when asked, and only then', () => {
    const frozen = parseBlockYaml('a:\n  - b: {}\n', true)?.value as { a: { b: object }[] };
    expect([frozen, frozen.a, frozen.a[0], frozen.a[0].b].every(Object.isFrozen)).toBe(true);
    const fresh = parseBlockYaml('a:\n  - b: {}\n')?.value as { a: { b: object }[] };
    expect([fresh, fresh.a, fresh.a[0], fresh.a[0].b].some(Object.isFrozen)).toBe(false);
  });
});
