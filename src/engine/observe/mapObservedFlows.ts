import type { Model, Protocol } from '../model/types';
import type { Direction } from '../evaluate/compileModel';
import { endpointResolver, type ObservedEnd, type UnknownReason } from './endpointResolver';
import type { ObservedFlow, Verdict } from './observedFlow';

/** How many records had each verdict. */
export type VerdictCounts = Partial<Record<Verdict, number>>;

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
export function endKey(end: ObservedEnd): string {
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

/**
 * Places observed flows on a model (see `endpointResolver` for the matching rules) and folds identical ones
 * (same ends, protocol and port) into one, counting records, verdicts, drop reasons and directions; flows whose pod
 * is not in the model are kept with an unknown end and listed in `unknownEnds`. Sorted by source, destination,
 * protocol and port.
 */
export function mapObservedFlows(model: Model, flows: readonly ObservedFlow[]): MappedFlows {
  const resolve = endpointResolver(model);
  const byKey = new Map<string, MappedFlow>();
  const keys = new Map<MappedFlow, string[]>();
  const unknown = new Map<string, UnknownObservedEnd>();
  const noteUnknown = (end: ObservedEnd) => {
    if (end.kind !== 'unknown') return;
    const known = unknown.get(end.label);
    if (known !== undefined) known.count++;
    else unknown.set(end.label, { label: end.label, reason: end.reason, ...(end.candidates ? { candidates: end.candidates } : {}), count: 1 });
  };
  for (const flow of flows) {
    const src = resolve(flow.src);
    const dst = resolve(flow.dst);
    noteUnknown(src);
    if (dst !== src) noteUnknown(dst);
    const srcKey = endKey(src);
    const dstKey = endKey(dst);
    const key = `${srcKey}\u0000${dstKey}\u0000${flow.protocol}\u0000${flow.port}`;
    let mapped = byKey.get(key);
    if (mapped === undefined) {
      mapped = { src, dst, protocol: flow.protocol, port: flow.port, count: 0, verdicts: {}, dropReasons: [], directions: [], firstLine: flow.line };
      byKey.set(key, mapped);
      keys.set(mapped, [srcKey, dstKey]);
    }
    mapped.count++;
    mapped.verdicts[flow.verdict] = (mapped.verdicts[flow.verdict] ?? 0) + 1;
    if (flow.dropReason !== undefined && !mapped.dropReasons.includes(flow.dropReason)) mapped.dropReasons.push(flow.dropReason);
    if (flow.direction !== undefined && !mapped.directions.includes(flow.direction)) mapped.directions.push(flow.direction);
  }
  const sorted = [...byKey.values()].sort((a, b) => {
    const [as, ad] = keys.get(a) ?? [];
    const [bs, bd] = keys.get(b) ?? [];
    return compare(as, bs) || compare(ad, bd) || compare(a.protocol, b.protocol) || a.port - b.port;
  });
  for (const flow of sorted) flow.directions.sort();
  const unknownEnds = [...unknown.values()].sort((a, b) => compare(a.label, b.label));
  return { flows: sorted, unknownEnds };
}
