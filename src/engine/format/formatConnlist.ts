import { formatConnSet } from '../evaluate/connSet';
import type { Connection } from '../evaluate/evaluateModel';
import { formatConnlistTxt, sortConnections } from './formatConnlistTxt';

/** Formats of the connection list, shared by the CLI and the app. */
export const CONNLIST_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;
/** One connection-list format. */
export type ConnlistFormat = (typeof CONNLIST_FORMATS)[number];

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function dotId(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
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
 * byte; json, csv, md and dot carry the same sorted lines.
 */
export function formatConnlist(format: ConnlistFormat, connections: readonly Connection[]): string {
  const sorted = sortConnections(connections);
  const rows = sorted.map((c) => ({ src: c.src, dst: c.dst, conn: formatConnSet(c.conns) }));
  switch (format) {
    case 'txt':
      return formatConnlistTxt(connections);
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'csv':
      return ['src,dst,conn', ...rows.map((r) => [r.src, r.dst, r.conn].map(csvField).join(','))].join('\n') + '\n';
    case 'md':
      return ['| src | dst | conn |', '|-----|-----|------|', ...rows.map((r) => `| ${r.src} | ${r.dst} | ${r.conn} |`)].join('\n') + '\n';
    case 'dot':
      return formatDot(sorted);
  }
}
