import type { Direction } from '../evaluate/compileModel';
import { intersectConns, type ConnSet } from '../evaluate/connSet';
import type { Evaluation } from '../evaluate/evaluateModel';
import type { IPRange } from '../ip/ipRange';

/**
 * What every address of `range` and workload `j` may open, read from the evaluation's address pieces: `ingress`
 * from the addresses into `j`, `egress` from `j` to them; the intersection over the pieces the range overlaps.
 * Undefined when no piece holds the range's family (the evaluator cuts IPv6 pieces only when some ipBlock is IPv6).
 */
export function addressConns(ev: Evaluation, j: number, range: IPRange, direction: Direction): ConnSet | undefined {
  const pieces = direction === 'ingress' ? ev.ingressExternals : ev.egressExternals;
  const n = ev.compiled.workloads.length;
  const row = direction === 'egress' ? ev.egressRows[ev.compiled.workloadClass[j]] : undefined;
  // 1. The first piece of the range's family ending at or after its start (pieces are sorted and disjoint per family).
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid].range;
    if (p.family < range.family || (p.family === range.family && p.end < range.start)) lo = mid + 1;
    else hi = mid;
  }
  // 2. Every piece from there that starts before the range ends.
  let conns: ConnSet | undefined;
  for (let k = lo; k < pieces.length && pieces[k].range.family === range.family && pieces[k].range.start <= range.end; k++) {
    const piece = row === undefined ? ev.fromExternal[k * n + j] : row[k];
    conns = conns === undefined ? piece : intersectConns(conns, piece);
  }
  return conns;
}
