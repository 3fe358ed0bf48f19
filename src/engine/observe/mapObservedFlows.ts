import type { Model, Protocol } from '../model/types';
import type { Direction } from '../evaluate/compileModel';
import { endpointResolver, type ObservedEnd, type UnknownReason } from './endpointResolver';
import type { ObservedFlow, FlowVerdict } from './observedFlow';

/** How many records had each verdict. */
export type VerdictCounts = Partial<Record<FlowVerdict, number>>;

/** One distinct observed flow: the same two ends, protocol and port, with how often and how it was seen. */
export interface MappedFlow {
  src: ObservedEnd;
  dst: ObservedEnd;
  protocol: Protocol;
  port: number;
  /** Records folded into this flow. */
  count: number;
  verdicts: VerdictCounts;
  /** The distinct drop reasons seen, in order of first appearance. */
  dropReasons: string[];
  /** Where Hubble saw it (both when each side's node reported it). */
  directions: Direction[];
  /** The line of its first record. */
  firstLine: number;
}

/** An observed end the model has no place for, with how many records involve it. */
export interface UnknownObservedEnd {
  label: string;
  reason: UnknownReason;
  candidates?: string[];
  count: number;
}

/** Observed flows deduplicated on the model, and the ends it does not hold (never dropped: their flows are in `flows` too). */
export interface MappedFlows {
  flows: MappedFlow[];
  unknownEnds: UnknownObservedEnd[];
}

/** A dedup key for an end: `w:` workload id, `a:` address, `u:` unknown label. */
export function observedEndKey(end: ObservedEnd): string {
  switch (end.kind) {
    case 'workload':
      return `w:${end.id}`;
    case 'address':
      return `a:${end.address}`;
    case 'unknown':
      return `u:${end.label}`;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const PROTOCOL_RANK: Readonly<Record<Protocol, number>> = { SCTP: 0, TCP: 1, UDP: 2 };

/**
 * Places observed flows on a model (see `endpointResolver` for the matching rules) and folds identical ones
 * (same ends, protocol and port) into one, counting records, verdicts, drop reasons and directions; flows whose pod
 * is not in the model are kept with an unknown end and listed in `unknownEnds`. A folded flow's ends (and how they
 * were matched) are those of its first record. Sorted by source, destination, protocol and port.
 */
export function mapObservedFlows(model: Model, flows: readonly ObservedFlow[]): MappedFlows {
  const resolve = endpointResolver(model);
  // 1. Each distinct end (by key) gets a number; each observed endpoint is resolved once.
  const ends: { end: ObservedEnd; key: string }[] = [];
  const endByKey = new Map<string, number>();
  const endOf = new Map<ObservedFlow['src'], { end: ObservedEnd; at: number }>();
  const resolved = (endpoint: ObservedFlow['src']): { end: ObservedEnd; at: number } => {
    let known = endOf.get(endpoint);
    if (known !== undefined) return known;
    const end = resolve(endpoint);
    const key = observedEndKey(end);
    let at = endByKey.get(key);
    if (at === undefined) {
      at = ends.length;
      ends.push({ end, key });
      endByKey.set(key, at);
    }
    endOf.set(endpoint, (known = { end, at }));
    return known;
  };
  // 2. Fold flows by (source, destination) and then (protocol, port), counting the records of unknown ends.
  const byPair = new Map<number, Map<number, MappedFlow>>();
  const ranks: { flow: MappedFlow; src: number; dst: number }[] = [];
  const unknownCounts = new Map<number, number>();
  // At most two ends per flow: pair keys stay exact integers.
  const width = 2 * flows.length + 1;
  const countUnknown = (at: number, records: number) => {
    if (ends[at].end.kind === 'unknown') unknownCounts.set(at, (unknownCounts.get(at) ?? 0) + records);
  };
  for (const flow of flows) {
    const records = flow.records ?? 1;
    const src = resolved(flow.src);
    const dst = resolved(flow.dst);
    const s = src.at;
    const d = dst.at;
    countUnknown(s, records);
    if (d !== s) countUnknown(d, records);
    const pairKey = s * width + d;
    let byPort = byPair.get(pairKey);
    if (byPort === undefined) byPair.set(pairKey, (byPort = new Map()));
    const portKey = PROTOCOL_RANK[flow.protocol] * 65536 + flow.port;
    let mapped = byPort.get(portKey);
    if (mapped === undefined) {
      mapped = { src: src.end, dst: dst.end, protocol: flow.protocol, port: flow.port, count: 0, verdicts: {}, dropReasons: [], directions: [], firstLine: flow.line };
      byPort.set(portKey, mapped);
      ranks.push({ flow: mapped, src: s, dst: d });
    }
    mapped.count += records;
    mapped.verdicts[flow.verdict] = (mapped.verdicts[flow.verdict] ?? 0) + records;
    if (flow.dropReason !== undefined && !mapped.dropReasons.includes(flow.dropReason)) mapped.dropReasons.push(flow.dropReason);
    if (flow.direction !== undefined && !mapped.directions.includes(flow.direction)) mapped.directions.push(flow.direction);
  }
  // 3. Order: ends by key once, then flows by those ranks, protocol and port.
  const order = ends.map((_, i) => i).sort((a, b) => compare(ends[a].key, ends[b].key));
  const rank = new Uint32Array(ends.length);
  order.forEach((at, r) => (rank[at] = r));
  ranks.sort((a, b) => rank[a.src] - rank[b.src] || rank[a.dst] - rank[b.dst] || PROTOCOL_RANK[a.flow.protocol] - PROTOCOL_RANK[b.flow.protocol] || a.flow.port - b.flow.port);
  const sorted = ranks.map((r) => r.flow);
  for (const flow of sorted) flow.directions.sort();
  const unknownEnds = order.flatMap((at): UnknownObservedEnd[] => {
    const { end } = ends[at];
    const count = unknownCounts.get(at);
    if (end.kind !== 'unknown' || count === undefined) return [];
    return [{ label: end.label, reason: end.reason, ...(end.candidates ? { candidates: end.candidates } : {}), count }];
  });
  return { flows: sorted, unknownEnds };
}
