import { formatConnSet } from '../evaluate/connSet';
import type { Connection } from '../evaluate/evaluateModel';
import { escapeControls } from './escapeControls';

/** True for peers netpol-analyzer prints: workloads and IPv4 external ranges. */
export function isAnalyzerPeer(id: string): boolean {
  return !id.endsWith('[External]') || !id.includes(':');
}

/** Connections sorted by source then destination, comparing strings by code unit as Go does. */
export function sortConnections(connections: readonly Connection[]): Connection[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...connections].sort((a, b) => cmp(a.src, b.src) || cmp(a.dst, b.dst));
}

/** netpol-analyzer's `list` txt output: one `src => dst : conns` line per connection, sorted; a control character in a name is escaped (`\u001b`), so a name cannot forge a line. */
export function formatConnlistTxt(connections: readonly Connection[]): string {
  return sortConnections(connections.filter((c) => isAnalyzerPeer(c.src) && isAnalyzerPeer(c.dst)))
    .map((c) => `${escapeControls(c.src)} => ${escapeControls(c.dst)} : ${formatConnSet(c.conns)}\n`)
    .join('');
}
