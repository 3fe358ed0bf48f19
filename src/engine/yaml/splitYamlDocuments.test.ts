import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitYamlDocuments } from './splitYamlDocuments';

const texts = (text: string) => splitYamlDocuments(text).map((c) => c.text);

describe('splitYamlDocuments', () => {
  it.each<[string, string, string[]]>([
    ['one document, no marker', 'a: 1\nb: 2\n', ['a: 1\nb: 2\n']],
    ['a marker before each document', '---\na: 1\n---\nb: 2\n', ['---\na: 1\n', '---\nb: 2\n']],
    ['a first document without marker', 'a: 1\n---\nb: 2\n', ['a: 1\n', '---\nb: 2\n']],
    ['`--- # comment`', 'a: 1\n--- # next\nb: 2\n', ['a: 1\n', '--- # next\nb: 2\n']],
    ['`--- value` on the marker line', '--- one\n--- |\n  two\n--- {c: 3}\n', ['--- one\n', '--- |\n  two\n', '--- {c: 3}\n']],
    ['an indented `---` inside a block scalar', 'a: |\n  x\n  ---\n  y\n---\nb: 2\n', ['a: |\n  x\n  ---\n  y\n', '---\nb: 2\n']],
    ['`---` at column 0 ending a top-level block scalar', '--- |\nfoo\n---\nbar\n', ['--- |\nfoo\n', '---\nbar\n']],
    ['`---x` and `----` are not markers', 'a: |\n  x\n---x: 1\n----: 2\n', ['a: |\n  x\n---x: 1\n----: 2\n']],
    ['a leading `%YAML` directive', '%YAML 1.2\n---\na: 1\n---\nb: 2\n', ['%YAML 1.2\n---\na: 1\n', '---\nb: 2\n']],
    ['a comment before a leading directive', '# head\n%YAML 1.2\n---\na: 1\n', ['# head\n', '%YAML 1.2\n---\na: 1\n']],
    ['a directive after `...` goes with the next document', 'a: 1\n...\n# c\n%YAML 1.2\n---\nb: 2\n', ['a: 1\n...\n# c\n', '%YAML 1.2\n---\nb: 2\n']],
    ['`%` content of a top-level block scalar stays', '--- |\n%foo\n---\nb\n', ['--- |\n%foo\n', '---\nb\n']],
    ['`...` without a following marker stays in one chunk', 'a: 1\n...\nb: 2\n', ['a: 1\n...\nb: 2\n']],
    ['only a space, tab or line break after `---` makes a marker', 'a: x\n---\u00a0b: 1\nc: d\u2028--- e\n', ['a: x\n---\u00a0b: 1\nc: d\u2028--- e\n']],
    ['lone CR line ends', 'a: 1\r---\rb: 2\r', ['a: 1\r', '---\rb: 2\r']],
    ['CRLF line ends', 'a: 1\r\n---\r\nb: 2\r\n', ['a: 1\r\n', '---\r\nb: 2\r\n']],
    ['no trailing newline', 'a: 1\n---\nb: 2', ['a: 1\n', '---\nb: 2']],
    ['a final bare marker', 'a: 1\n---', ['a: 1\n', '---']],
    ['empty documents', '---\n---\n', ['---\n', '---\n']],
    ['an empty file', '', []],
  ])('%s', (_, text, chunks) => {
    expect(texts(text)).toEqual(chunks);
    expect(texts(text).join('')).toBe(text);
    const parts = splitYamlDocuments(text);
    parts.forEach((p, i) => expect(p.offset).toBe(i === 0 ? 0 : parts[i - 1].offset + parts[i - 1].text.length));
    expect(parts.flatMap((p) => loadAll(p.text))).toEqual(loadAll(text));
  });
});
