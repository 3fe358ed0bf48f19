import type { Protocol } from '../model/types';
import { hasConn, isEmptyConns, subtractConns, type ConnSet } from '../evaluate/connSet';
import { pairConns, type Evaluation } from '../evaluate/evaluateModel';
import { addressConns } from './addressConns';
import { addressRange } from './addressBlocks';
import type { ObservedEnd } from './endpointResolver';
import { observedEndKey, type MappedFlow, type MappedFlows } from './mapObservedFlows';

/** What the current policies say of an observed flow: it stays allowed, it would be denied, or the model cannot tell. */
export type ObservedState = 'allowed' | 'wouldBreak' | 'notEvaluated';

/**
 * Why a flow is not evaluated: an end the model lacks; a workload to itself (replicas, which the evaluation leaves
 * out, semantics §3); two addresses (no policy governs them); from the node itself (`reserved:host`, not governed,
 * semantics §8); an address of a family the evaluation has no pieces for (IPv6 with no IPv6 ipBlock).
 */
export type NotEvaluatedReason = 'unknownEnd' | 'sameWorkload' | 'betweenAddresses' | 'fromNode' | 'addressNotEvaluated';

/** An observed flow with its state. */
export interface ClassifiedFlow extends MappedFlow {
  state: ObservedState;
  reason?: NotEvaluatedReason;
}

/** Distinct flows and records of one state. */
export interface StateTotals {
  flows: number;
  records: number;
}

/** The observed flows between two ends, with the pair's state: `wouldBreak` when any flow would break, else `allowed` when any is allowed. */
export interface ObservedPair {
  src: ObservedEnd;
  dst: ObservedEnd;
  state: ObservedState;
  /** Distinct flows per state. */
  flows: Record<ObservedState, number>;
  records: number;
}

/** An allowed workload pair with connections never observed: a candidate to tighten. */
export interface UnobservedConnection {
  src: string;
  dst: string;
  allowed: ConnSet;
  /** The allowed connections no observed flow used (all of `allowed` when `isUnused`). */
  unobserved: ConnSet;
  /** True when nothing at all was observed between the two. */
  isUnused: boolean;
}

/** Observed flows judged against an evaluation. */
export interface ObservedClassification {
  flows: ClassifiedFlow[];
  totals: Record<ObservedState, StateTotals>;
  pairs: ObservedPair[];
  /** Pairs partly used first (all of them), then unused pairs up to the limit, in evaluation order. */
  unobserved: UnobservedConnection[];
  /** Workload pairs with some allowed connection never observed. */
  unobservedCount: number;
  /** Of those, the pairs with nothing observed at all. */
  unusedCount: number;
}

/** Options of {@link classifyObservedFlows}. */
export interface ClassifyOptions {
  /** Most unused pairs listed in `unobserved` (all are counted); default 10,000. */
  unusedLimit?: number;
}

function judge(ev: Evaluation, flow: MappedFlow): { state: ObservedState; reason?: NotEvaluatedReason } {
  const { src, dst, protocol, port } = flow;
  const { index } = ev.compiled;
  if (src.kind === 'address' && src.reserved.includes('host')) return { state: 'notEvaluated', reason: 'fromNode' };
  if (src.kind === 'unknown' || dst.kind === 'unknown') return { state: 'notEvaluated', reason: 'unknownEnd' };
  if (src.kind === 'address' && dst.kind === 'address') return { state: 'notEvaluated', reason: 'betweenAddresses' };
  const s = src.kind === 'workload' ? index.get(src.id) : undefined;
  const d = dst.kind === 'workload' ? index.get(dst.id) : undefined;
  let conns: ConnSet | undefined;
  if (s !== undefined && d !== undefined) {
    if (s === d) return { state: 'notEvaluated', reason: 'sameWorkload' };
    conns = pairConns(ev, s, d);
  } else if (s !== undefined && dst.kind === 'address') {
    const range = addressRange(dst.address);
    conns = range === undefined ? undefined : addressConns(ev, s, range, 'egress');
    if (conns === undefined) return { state: 'notEvaluated', reason: 'addressNotEvaluated' };
  } else if (d !== undefined && src.kind === 'address') {
    const range = addressRange(src.address);
    conns = range === undefined ? undefined : addressConns(ev, d, range, 'ingress');
    if (conns === undefined) return { state: 'notEvaluated', reason: 'addressNotEvaluated' };
  } else return { state: 'notEvaluated', reason: 'unknownEnd' };
  return { state: hasConn(conns, protocol, port) ? 'allowed' : 'wouldBreak' };
}

const WORSE: Record<ObservedState, number> = { wouldBreak: 2, allowed: 1, notEvaluated: 0 };
const PROTOCOL_OF: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

/** The connections of single ports given as `protocol index × 65536 + port`, sorted ascending. */
function connsOfPorts(sorted: readonly number[]): ConnSet {
  const ranges: Record<Protocol, number[]> = { SCTP: [], TCP: [], UDP: [] };
  for (const code of sorted) {
    const list = ranges[PROTOCOL_OF[code >> 16]];
    const port = code & 0xffff;
    if (list.length > 0 && list[list.length - 1] + 1 >= port) list[list.length - 1] = port;
    else list.push(port, port);
  }
  return ranges;
}

/**
 * Judges each observed flow against the evaluation (`pairConns` between workloads, the address pieces for an
 * address): `allowed` when the current policies allow its protocol and port, `wouldBreak` when they deny it,
 * `notEvaluated` (with why) when the model cannot tell. Then lists the allowed workload pairs whose connections were
 * not all observed, the candidates to tighten. Every observed record counts, whatever its verdict: a dropped
 * attempt is still traffic someone wants.
 */
export function classifyObservedFlows(ev: Evaluation, mapped: MappedFlows, { unusedLimit = 10_000 }: ClassifyOptions = {}): ObservedClassification {
  const { index, workloads, classMembers } = ev.compiled;
  const n = workloads.length;
  const totals: Record<ObservedState, StateTotals> = { allowed: { flows: 0, records: 0 }, wouldBreak: { flows: 0, records: 0 }, notEvaluated: { flows: 0, records: 0 } };
  // Ends numbered by key (equal ends may be distinct objects), remembered per object.
  const endIds = new Map<ObservedEnd, number>();
  const keyIds = new Map<string, number>();
  const endId = (end: ObservedEnd): number => {
    let id = endIds.get(end);
    if (id === undefined) {
      const key = observedEndKey(end);
      id = keyIds.get(key) ?? keyIds.size;
      keyIds.set(key, id);
      endIds.set(end, id);
    }
    return id;
  };
  const width = 2 * mapped.flows.length + 1;
  const pairs = new Map<number, ObservedPair>();
  const observed = new Map<number, number[]>();
  const flows = mapped.flows.map((flow): ClassifiedFlow => {
    const verdict = judge(ev, flow);
    totals[verdict.state].flows++;
    totals[verdict.state].records += flow.count;
    // 1. The pair's state and counts, 2. what was observed between two workloads.
    const key = endId(flow.src) * width + endId(flow.dst);
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, (pair = { src: flow.src, dst: flow.dst, state: verdict.state, flows: { allowed: 0, wouldBreak: 0, notEvaluated: 0 }, records: 0 }));
    pair.flows[verdict.state]++;
    pair.records += flow.count;
    if (WORSE[verdict.state] > WORSE[pair.state]) pair.state = verdict.state;
    const s = flow.src.kind === 'workload' ? index.get(flow.src.id) : undefined;
    const d = flow.dst.kind === 'workload' ? index.get(flow.dst.id) : undefined;
    if (s !== undefined && d !== undefined && s !== d) {
      const at = s * n + d;
      const code = PROTOCOL_OF.indexOf(flow.protocol) * 65536 + flow.port;
      const list = observed.get(at);
      if (list === undefined) observed.set(at, [code]);
      else list.push(code);
    }
    const classified: ClassifiedFlow = { src: flow.src, dst: flow.dst, protocol: flow.protocol, port: flow.port, count: flow.count, verdicts: flow.verdicts, dropReasons: flow.dropReasons, directions: flow.directions, firstLine: flow.firstLine, state: verdict.state };
    if (verdict.reason !== undefined) classified.reason = verdict.reason;
    return classified;
  });
  // 3. Pairs partly used: allowed connections beyond what was observed.
  const unobserved: UnobservedConnection[] = [];
  for (const at of [...observed.keys()].sort((a, b) => a - b)) {
    const s = Math.floor(at / n);
    const d = at % n;
    const allowed = pairConns(ev, s, d);
    if (isEmptyConns(allowed)) continue;
    const seen = connsOfPorts((observed.get(at) ?? []).sort((a, b) => a - b));
    const rest = subtractConns(allowed, seen);
    if (!isEmptyConns(rest)) unobserved.push({ src: workloads[s].id, dst: workloads[d].id, allowed, unobserved: rest, isUnused: false });
  }
  // 4. Pairs never used, class by class (only the classes that may connect are visited).
  let unusedCount = 0;
  ev.pairColumns.forEach((column, b) => {
    column.sources.forEach((a, i) => {
      const allowed = ev.connTable[column.tables[i]];
      if (isEmptyConns(allowed)) return;
      for (const s of classMembers[a]) {
        for (const d of classMembers[b]) {
          if (s === d || observed.has(s * n + d)) continue;
          unusedCount++;
          if (unusedCount <= unusedLimit) unobserved.push({ src: workloads[s].id, dst: workloads[d].id, allowed, unobserved: allowed, isUnused: true });
        }
      }
    });
  });
  const partlyUsed = unobserved.length - Math.min(unusedCount, unusedLimit);
  return { flows, totals, pairs: [...pairs.values()], unobserved, unobservedCount: partlyUsed + unusedCount, unusedCount };
}
