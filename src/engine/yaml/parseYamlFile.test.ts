import fc from 'fast-check';
import { CORE_SCHEMA, constructFromEvents, loadAll, parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../decode/decodeModel';
import type { Issue, SourceFile } from '../model/types';
import { lineIndex } from './lineIndex';
import { offsetsByPath } from './parseYamlChunk';
import { noteYamlEdit, parseYamlFile, type ParsedFile, type YamlDocument } from './parseYamlFile';
import { createYamlChunkCache, sharedYamlChunkCache } from './yamlChunkCache';

/** The parser before per-document memoisation: the whole file at once, then `---` chunks when it fails. */
function parseWholeFile(source: SourceFile): ParsedFile {
  const lines = lineIndex(source.text);
  const parentPath = (path: string) => {
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? '' : path.slice(0, cut);
  };
  const make = (text: string, base: number, lineOffset: number): YamlDocument[] => {
    const events = parseEvents(text, { filename: source.name });
    const values = constructFromEvents(events, { source: text, filename: source.name, schema: CORE_SCHEMA });
    const offsets = offsetsByPath(text, events);
    return values.map((value, i) => {
      const map = offsets[i] ?? new Map<string, number>();
      return {
        file: source.name,
        index: base + i,
        value,
        locate(path: string) {
          let p = path;
          while (!map.has(p) && p !== '') p = parentPath(p);
          return lines.position((map.get(p) ?? 0) + lineOffset);
        },
      };
    });
  };
  try {
    return { documents: make(source.text, 0, 0), issues: [] };
  } catch {
    const documents: YamlDocument[] = [];
    const issues: Issue[] = [];
    let offset = 0;
    for (const chunk of source.text.split(/^(?=---(?:\s|$))/m)) {
      const lineShift = lines.position(offset).line - 1;
      try {
        documents.push(...make(chunk, documents.length, offset).filter((d) => d.value !== null));
      } catch (err) {
        const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
        issues.push({
          severity: 'error',
          code: 'yaml-syntax',
          message: `YAML syntax error: ${e.reason ?? e.message ?? String(err)}`,
          file: source.name,
          line: e.mark ? e.mark.line + 1 + lineShift : undefined,
          column: e.mark ? e.mark.column + 1 : undefined,
        });
      }
      offset += chunk.length;
    }
    return { documents, issues };
  }
}

function parsesWhole(text: string): boolean {
  try {
    loadAll(text, { schema: CORE_SCHEMA });
    return true;
  } catch {
    return false;
  }
}

function pathsOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => pathsOf(v, `${path}[${i}]`))];
  if (typeof value === 'object' && value !== null) return [path, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, path === '' ? k : `${path}.${k}`))];
  return [path];
}

/** Everything a caller can see of a parse: documents (value, index, where every field path is) and issues. */
function observe(parsed: ParsedFile) {
  return {
    issues: parsed.issues,
    documents: parsed.documents.map((d) => ({
      file: d.file,
      index: d.index,
      value: d.value,
      places: [...pathsOf(d.value), 'no.such[3].path'].map((p) => [p, d.locate(p)]),
    })),
  };
}

const FRAGMENTS = [
  'a: 1\n',
  'kind: Pod\nmetadata: {name: web, namespace: shop}\n',
  'list:\n  - 1\n  - {c: d}\n',
  'key: |\n  text\n  ---\n',
  '--- |\nfoo\n',
  '---\n',
  '--- # comment\n',
  '--- value\n',
  '...\n',
  '# comment\n',
  '\n',
  'bad: [1,\n',
  'x: "unterminated\n',
  '  indented: 1\n',
  'a: &x 1\nb: *x\n',
  'c: *x\n',
  '---',
  'tail: 1',
  'a: 1\r\n',
  '---\r\n',
  '- 1\n- 2\n',
  'dup: 1\ndup: 2\n',
  '{"json": [1, 2]}\n',
  '%YAML 1.2\n',
  '...\n%YAML 1.2\n---\n',
  'a: x\u2028--- y\n',
  '---\u00a0z\n',
  'b: 1\r',
  '---\r',
  '--- \t',
  '...\r\n%YAML 1.2\r\n---\r\n',
  '%TAG !e! tag:example.com,2000:\n',
  '# c\r',
  '  - x\n',
];

describe('parseYamlFile', () => {
  it('sees the same documents, places and issues as parsing the whole file at once, on random streams', () => {
    const cache = createYamlChunkCache({ maxChunks: 64 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }), (parts) => {
        const source = { name: 'f.yaml', text: parts.join('') };
        // Where the old fallback (taken when any document was broken) cut differently on purpose: it split a
        // directive (%YAML, %TAG) off its document, and cut at `---` after a U+2028 or before a U+00A0, which YAML does not.
        fc.pre(!(/%|\u2028|\u00a0/.test(source.text) && !parsesWhole(source.text)));
        const expected = observe(parseWholeFile(source));
        expect(observe(parseYamlFile(source))).toEqual(expected);
        expect(observe(parseYamlFile(source, cache))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  /** Random files edited 1–3 times (each edit noted to the splitter or not), parsed through a cache after each edit. */
  function editedParsesMatchFresh(isNoted: boolean, maxCut: number, params: fc.Parameters<[string, [number, number, string][]]>): void {
    const cache = createYamlChunkCache();
    const name = isNoted ? 'n.yaml' : 'e.yaml';
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat(maxCut), fc.constantFrom('', '-', '---', '\n', '\r', ' ', '%YAML 1.2\n', ...FRAGMENTS));
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 3 }), (before, edits) => {
        let after = before;
        parseYamlFile({ name, text: before }, cache);
        for (const [at, cut, insert] of edits) {
          const from = at % (after.length + 1);
          const to = Math.min(after.length, from + cut);
          const edited = `${after.slice(0, from)}${insert}${after.slice(to)}`;
          if (isNoted) noteYamlEdit(after, edited, from, to);
          after = edited;
          expect(observe(parseYamlFile({ name, text: after }, cache))).toEqual(observe(parseYamlFile({ name, text: after })));
        }
      }),
      params,
    );
  }

  it('after an edit, reusing the chunks the edit left in place, sees what a fresh parse of the edited file sees', () => {
    editedParsesMatchFresh(false, 40, { numRuns: 1000 });
  });

  it('after a noted edit (found by its range, not by comparing the texts), sees what a fresh parse of the edited file sees', () => {
    editedParsesMatchFresh(true, 200, { seed: 20261203, numRuns: 1000 });
  });

  it('after an edit that moves a chunk boundary next to the chunks it reuses, sees what a fresh parse sees', () => {
    const edits = [
      ['# comment\n  - x\na: 1\r\n---', '# comment\n  - x\na: 1\r\n------\r\n1\r\n---'],
      ['\n--- value\n', '\n%TAG !e! tag:example.com,2000:\n\n--- value\n'],
      ['a: 1\n---\nb: 2\n---\nc: 3\n', 'a: 1\n---\nb: 2\n...\n%YAML 1.2\n---\nc: 3\n'],
    ];
    for (const [before, after] of edits) {
      const cache = createYamlChunkCache();
      parseYamlFile({ name: 'e.yaml', text: before }, cache);
      expect(observe(parseYamlFile({ name: 'e.yaml', text: after }, cache))).toEqual(observe(parseYamlFile({ name: 'e.yaml', text: after })));
    }
  });

  it('places issues of the third document on the same lines and columns as before', () => {
    const text = [
      'kind: Namespace\nmetadata: {name: a}\n',
      '---\nkind: Namespace\nmetadata: {name: b}\n',
      '---\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: a\nspec:\n  podSelector: {}\n  policyTypes: [Ingres]\n',
    ].join('');
    const decoded = decodeModel([{ name: 'f.yaml', text }]);
    const issue = decoded.issues.find((i) => i.path === 'spec.policyTypes[0]');
    expect(issue).toMatchObject({ file: 'f.yaml', line: 13, column: 17 });

    const broken = { name: 'f.yaml', text: text.replace('policyTypes: [Ingres]', 'policyTypes: [Ingres') };
    const parsed = parseYamlFile(broken);
    expect(parsed.issues).toEqual(parseWholeFile(broken).issues);
    expect(parsed.issues).toMatchObject([{ code: 'yaml-syntax', line: 14, column: 1 }]);
    expect(parsed.documents.map((d) => d.index)).toEqual([0, 1]);
    expect(parsed.documents[1].locate('metadata.name')).toEqual({ line: 5, column: 12 });
  });

  it('keeps a leading %YAML directive with its document when another document is broken (the old fallback reported it as an error)', () => {
    const source = { name: 'f.yaml', text: '%YAML 1.2\n---\na: 1\n---\nbad: [\n' };
    expect(parseWholeFile(source).issues.map((i) => i.line)).toEqual([2, 6]);
    const parsed = parseYamlFile(source);
    expect(parsed.issues).toMatchObject([{ code: 'yaml-syntax', line: 6 }]);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }]);
  });

  it('counts lines across CRLF and lone CR line ends as before', () => {
    for (const text of ['a: 1\r\n---\r\nb:\r\n  c: 2\r\n', 'a: 1\r---\rb:\r  c: 2\r', 'a: 1\r---\rb: [\r']) {
      const source = { name: 'f.yaml', text };
      expect(observe(parseYamlFile(source, createYamlChunkCache()))).toEqual(observe(parseWholeFile(source)));
    }
  });

  it('re-parses only the edited document when one of 300 changes', () => {
    const docs = Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: pod-${i}, namespace: shop, labels: {app: a${i}}}\n`);
    const text = docs.join('---\n');
    const before = { ...sharedYamlChunkCache.stats };
    const first = decodeModel([{ name: 'pods.yaml', text }]);
    expect(sharedYamlChunkCache.stats.parses - before.parses).toBe(300);
    const edited = text.replace('labels: {app: a150}', 'labels: {app: b150}');
    const second = decodeModel([{ name: 'pods.yaml', text: edited }]);
    expect(sharedYamlChunkCache.stats.parses - before.parses).toBe(301);
    expect(first.model.workloads[150].labels).toEqual({ app: 'a150' });
    expect(second.model.workloads[150].labels).toEqual({ app: 'b150' });
    expect(second.model.workloads[149]).toEqual(first.model.workloads[149]);
  });

  it('shares frozen values through a cache and gives fresh, editable ones without', () => {
    const source = { name: 'f.yaml', text: 'a: [1]\n---\nb: 2\n' };
    const cache = createYamlChunkCache();
    const cached = parseYamlFile(source, cache).documents[0].value as { a: number[] };
    expect(parseYamlFile(source, cache).documents[0].value).toBe(cached);
    expect(() => cached.a.push(2)).toThrow(TypeError);
    const fresh = parseYamlFile(source).documents[0].value as { a: number[] };
    fresh.a.push(2);
    expect(parseYamlFile(source).documents[0].value).toEqual({ a: [1] });
  });

  it('forgets the least recently used chunks beyond its bounds', () => {
    const cache = createYamlChunkCache({ maxChunks: 2 });
    for (const text of ['a: 1\n', 'b: 1\n', 'a: 1\n', 'c: 1\n', 'a: 1\n', 'b: 1\n']) cache.parse(text);
    expect(cache.stats).toEqual({ parses: 4, hits: 2 });
    const small = createYamlChunkCache({ maxChars: 10 });
    for (const text of ['a: 1\n', 'b: 1\n', 'a: 1\n', 'c: 1\n', 'a: 1\n']) small.parse(text);
    expect(small.stats).toEqual({ parses: 3, hits: 2 });
  });
});

describe('parseYamlFile line numbers', () => {
  it('counts a lone CR as a line end, as YAML and the editor do: an issue names the line it is on', () => {
    const text = 'apiVersion: networking.k8s.io/v1\rkind: NetworkPolicy\rmetadata:\r  name: p\rspec:\r  podSelector: {}\r  policyTypes: [Ingres]\r';
    const issue = decodeModel([{ name: 'cr.yaml', text }]).issues.find((i) => i.code === 'policy-type');
    expect(issue).toMatchObject({ line: 7, column: 17 });
    expect(text.split(/\r\n|\r|\n/)[6]).toBe('  policyTypes: [Ingres]');
  });

  it('counts lines alike when lone CR, CRLF and LF are mixed, with a syntax error after them', () => {
    const text = 'kind: Namespace\r\nmetadata:\r  name: a\n---\rkind: Namespace\rmetadata: {name: [\r';
    const parsed = parseYamlFile({ name: 'mixed.yaml', text });
    expect(parsed.documents[0].locate('metadata.name')).toEqual({ line: 3, column: 3 });
    expect(parsed.issues).toMatchObject([{ code: 'yaml-syntax', line: 7 }]);
  });
});
