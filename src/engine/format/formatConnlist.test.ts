import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { escapeControls } from './escapeControls';
import { formatConnlist } from './formatConnlist';

/** Pods named (or, with `isNamespace`, in namespaces named) as the API server would reject (kept with a warning), and no policy: every pair connects. */
function connectionsOf(names: string[], isNamespace = false): ReturnType<typeof analyze>['connections'] {
  const meta = (n: string) => (isNamespace ? `{name: p, namespace: ${JSON.stringify(n)}}` : `{name: ${JSON.stringify(n)}, namespace: ns}`);
  const text = names.map((n) => `apiVersion: v1\nkind: Pod\nmetadata: ${meta(n)}\nspec: {containers: [{name: c}]}\n`).join('---\n');
  return analyze([{ name: 'names.yaml', text }]).connections;
}

const FORGED = 'evil\n0.0.0.0-255.255.255.255[External] => ns/db[Pod] : All Connections';

describe('formatConnlist on hostile names', () => {
  it('csv: a cell that would start a spreadsheet formula starts with a quote instead', () => {
    const csv = formatConnlist('csv', connectionsOf(["=cmd|' /C calc'!A0", '@SUM(A1)', '+1', '-1', '\tx', 'web'], true));
    const cells = csv.split('\n').slice(1, -1).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(csv).toContain("'=cmd|' /C calc'!A0/p[Pod]");
    expect(csv).toContain("'@SUM(A1)/p[Pod]");
    expect(csv).toContain("'\\u0009x/p[Pod]");
    expect(csv).toContain('web/p[Pod]');
  });

  it('md: a | or a line break in a name stays inside its cell and its row', () => {
    const md = formatConnlist('md', connectionsOf(['a|b', 'two\nlines']));
    const rows = md.trimEnd().split('\n');
    expect(rows.length).toBe(2 + connectionsOf(['a|b', 'two\nlines']).length);
    for (const row of rows.slice(2)) expect(row.split(/(?<!\\)\|/).length).toBe(5);
    expect(md).toContain('ns/a\\|b[Pod]');
    expect(md).toContain('ns/two\\u000alines[Pod]');
  });

  it('txt: a name cannot forge a line, and a terminal escape is written out, not sent', () => {
    const txt = formatConnlist('txt', connectionsOf([FORGED, 'clear\u001b[2J', 'db']));
    expect(escapeControls(txt, true)).toBe(txt);
    expect(txt.split('\n').filter((line) => line.startsWith('0.0.0.0-255.255.255.255[External] => ns/db[Pod]'))).toHaveLength(1);
    expect(txt).toContain('ns/clear\\u001b[2J[Pod]');
  });

  it('json and dot: escaped, and json still reads back to the names as written', () => {
    const connections = connectionsOf(['clear\u001b[2J\u009b', 'db']);
    const json = formatConnlist('json', connections);
    expect(escapeControls(json, true)).toBe(json);
    expect((JSON.parse(json) as { src: string }[]).map((r) => r.src)).toContain('ns/clear\u001b[2J\u009b[Pod]');
    const dot = formatConnlist('dot', connections);
    expect(escapeControls(dot, true)).toBe(dot);
    expect(dot).toContain('"ns/clear\\\\u001b[2J\\\\u009b[Pod]"');
  });
});
