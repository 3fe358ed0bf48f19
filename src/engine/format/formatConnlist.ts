import { formatConnSet } from '../evaluate/connSet';
import type { Connection } from '../evaluate/evaluateModel';
import { escapeControls } from './escapeControls';
import { formatConnlistTxt, sortConnections } from './formatConnlistTxt';

/** Formats of the connection list, shared by the CLI and the app. */
export const CONNLIST_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;
/** One connection-list format. */
export type ConnlistFormat = (typeof CONNLIST_FORMATS)[number];

/** Characters that make a spreadsheet read a cell as a formula (`=cmd|…`, `@SUM(…)`) when they start it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell: control characters escaped, a leading formula character neutralised with `'` (OWASP's advice), quoted when it holds a comma or quote. */
function csvField(value: string): string {
  const text = escapeControls(FORMULA_START.test(value) ? `'${value}` : value);
  return /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A Markdown table cell: `|` escaped so it cannot end the cell, control characters (line breaks among them) escaped so it cannot end the row. */
function mdField(value: string): string {
  return escapeControls(value).replaceAll('|', '\\|');
}

function dotId(value: string): string {
  return `"${escapeControls(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function formatDot(connections: readonly Connection[]): string {
  const peers = [...new Set(connections.flatMap((c) => [c.src, c.dst]))].sort();
  const lines = ['digraph connlist {', '  rankdir=LR;', '  node [shape=box, fontname="sans-serif"];'];
  for (const p of peers) lines.push(`  ${dotId(p)}${p.endsWith('[External]') ? ' [shape=ellipse, style=dashed]' : ''};`);
  for (const c of connections) lines.push(`  ${dotId(c.src)} -> ${dotId(c.dst)} [label=${dotId(formatConnSet(c.conns))}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * Renders the connection list: `txt` is netpol-analyzer's list output byte for
 * byte; json, csv, md and dot carry the same sorted lines. No format passes on a
 * control character from a name (see `escapeControls`), a CSV cell never starts
 * a formula and a Markdown cell never ends early.
 */
export function formatConnlist(format: ConnlistFormat, connections: readonly Connection[]): string {
  const sorted = sortConnections(connections);
  const rows = sorted.map((c) => ({ src: c.src, dst: c.dst, conn: formatConnSet(c.conns) }));
  switch (format) {
    case 'txt':
      return formatConnlistTxt(connections);
    case 'json':
      return `${escapeControls(JSON.stringify(rows, null, 2), true)}\n`;
    case 'csv':
      return ['src,dst,conn', ...rows.map((r) => [r.src, r.dst, r.conn].map(csvField).join(','))].join('\n') + '\n';
    case 'md':
      return ['| src | dst | conn |', '|-----|-----|------|', ...rows.map((r) => `| ${mdField(r.src)} | ${mdField(r.dst)} | ${mdField(r.conn)} |`)].join('\n') + '\n';
    case 'dot':
      return formatDot(sorted);
  }
}
