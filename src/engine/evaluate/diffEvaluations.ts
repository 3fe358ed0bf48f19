import { formatRange, partition, isInside, type IPRange } from '../ip/ipRange';
import { NO_CONNS, equalConns, isEmptyConns, type ConnSet } from './connSet';
import type { Evaluation, ExternalPeer } from './evaluateModel';
import { listConnections } from './evaluateModel';

/** How a connection differs between two evaluations. */
export interface ConnectionChange {
  kind: 'added' | 'removed' | 'changed';
  src: string;
  dst: string;
  before: ConnSet;
  after: ConnSet;
}

function key(src: string, dst: string): string {
  return `${src}\u0000${dst}`;
}

function workloadPairs(ev: Evaluation): Map<string, ConnSet> {
  const out = new Map<string, ConnSet>();
  for (const c of listConnections(ev)) if (!c.src.endsWith('[External]') && !c.dst.endsWith('[External]')) out.set(key(c.src, c.dst), c.conns);
  return out;
}

/** Connections with address pieces, re-cut on the pieces of both evaluations so ranges line up. */
function externalPairs(ev: Evaluation, pieces: readonly IPRange[]): Map<string, ConnSet> {
  const out = new Map<string, ConnSet>();
  const { workloads } = ev.compiled;
  const n = workloads.length;
  const m = ev.egressExternals.length;
  const find = (list: readonly ExternalPeer[], p: IPRange) => list.findIndex((e) => isInside(p, e.range));
  for (const p of pieces) {
    const id = `${formatRange(p)}[External]`;
    const k = find(ev.ingressExternals, p);
    const e = find(ev.egressExternals, p);
    workloads.forEach((w, j) => {
      const into = k >= 0 ? ev.fromExternal[k * n + j] : NO_CONNS;
      if (!isEmptyConns(into)) out.set(key(id, w.id), into);
      const out2 = e >= 0 ? ev.toExternal[j * m + e] : NO_CONNS;
      if (!isEmptyConns(out2)) out.set(key(w.id, id), out2);
    });
  }
  return out;
}

function refinedPieces(a: Evaluation, b: Evaluation): IPRange[] {
  const ranges = [...a.ingressExternals, ...a.egressExternals, ...b.ingressExternals, ...b.egressExternals].map((e) => e.range);
  const families = [...new Set(ranges.map((r) => r.family))];
  return families.flatMap((f) => partition(f, ranges));
}

/**
 * The connections added, removed and changed from `before` to `after`, workload
 * pairs and address pieces alike (pieces re-cut so both sides use the same ranges),
 * sorted by source then destination.
 */
export function diffEvaluations(before: Evaluation, after: Evaluation): ConnectionChange[] {
  const pieces = refinedPieces(before, after);
  const a = new Map([...workloadPairs(before), ...externalPairs(before, pieces)]);
  const b = new Map([...workloadPairs(after), ...externalPairs(after, pieces)]);
  const changes: ConnectionChange[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const [src, dst] = k.split('\u0000');
    const was = a.get(k) ?? NO_CONNS;
    const now = b.get(k) ?? NO_CONNS;
    if (equalConns(was, now)) continue;
    const kind = isEmptyConns(was) ? 'added' : isEmptyConns(now) ? 'removed' : 'changed';
    changes.push({ kind, src, dst, before: was, after: now });
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return changes.sort((x, y) => cmp(x.src, y.src) || cmp(x.dst, y.dst));
}
