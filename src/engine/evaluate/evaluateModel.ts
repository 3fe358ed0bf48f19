import type { Model } from '../model/types';
import { formatRange, partition, type IPRange } from '../ip/ipRange';
import { ALL_CONNS, NO_CONNS, intersectConns, isEmptyConns, unionConns, type ConnSet } from './connSet';
import { compileModel, isInRanges, type CompiledModel, type CompiledRule } from './compileModel';

/** A range of addresses outside the cluster, as a peer of connections. */
export interface ExternalPeer {
  /** `start-end[External]`, e.g. `0.0.0.0-255.255.255.255[External]`. */
  id: string;
  range: IPRange;
}

/** One allowed connection between two peers (workload ids or external ids). */
export interface Connection {
  src: string;
  dst: string;
  conns: ConnSet;
}

/** The full result of evaluating a model. */
export interface Evaluation {
  compiled: CompiledModel;
  /** Address pieces that can initiate connections into the cluster. */
  ingressExternals: ExternalPeer[];
  /** Address pieces the cluster's workloads can connect to. */
  egressExternals: ExternalPeer[];
  /** Allowed connections from workload `i` to workload `j`: `connTable[pairs[i * n + j]]` (0 = none); see {@link pairConns}. */
  pairs: Uint32Array;
  /** The distinct connection sets `pairs` points into; entry 0 is the empty set. */
  connTable: ConnSet[];
  /** Allowed connections from ingress external `k` to workload `j` at `fromExternal[k * n + j]`. */
  fromExternal: ConnSet[];
  /** Allowed connections from workload `i` to egress external `k` at `toExternal[i * m + k]`. */
  toExternal: ConnSet[];
}

/** Allowed connections from workload index `s` to workload index `d`. */
export function pairConns(ev: Evaluation, s: number, d: number): ConnSet {
  return ev.connTable[ev.pairs[s * ev.compiled.workloads.length + d]];
}

/** Per rule, which pieces it admits: computed once rather than per piece × workload. */
function pieceMasks(rules: readonly CompiledRule[][], pieces: readonly ExternalPeer[]): Map<CompiledRule, Uint8Array> {
  const masks = new Map<CompiledRule, Uint8Array>();
  for (const list of rules) {
    for (const r of list) {
      if (masks.has(r)) continue;
      masks.set(r, Uint8Array.from(pieces, (p) => (r.isAnyPeer || isInRanges(p.range, r.ipRanges) ? 1 : 0)));
    }
  }
  return masks;
}

/** What one side allows: the union over the rules of every policy selecting it (semantics §3). */
export function sideConns(isolated: boolean, rules: readonly CompiledRule[], admits: (r: CompiledRule) => boolean, dest: number): ConnSet {
  if (!isolated) return ALL_CONNS;
  let out = NO_CONNS;
  for (const r of rules) {
    if (admits(r)) {
      out = unionConns(out, r.connsTo(dest));
      if (out === ALL_CONNS) break;
    }
  }
  return out;
}

function externals(ranges: readonly IPRange[]): ExternalPeer[] {
  const families: (4 | 6)[] = ranges.some((r) => r.family === 6) ? [4, 6] : [4];
  return families.flatMap((f) => partition(f, ranges)).map((range) => ({ id: `${formatRange(range)}[External]`, range }));
}

/**
 * Evaluates every ordered pair of workloads and every workload against the
 * external address pieces: a connection is allowed when the source's egress
 * side and the destination's ingress side both allow it (semantics §3).
 */
export function evaluateModel(model: Model): Evaluation {
  const compiled = compileModel(model);
  const n = compiled.workloads.length;
  const ingressIsolated = compiled.ingressPolicies.map((p) => p.length > 0);
  const egressIsolated = compiled.egressPolicies.map((p) => p.length > 0);
  const pairs = new Uint32Array(n * n);
  const connTable: ConnSet[] = [NO_CONNS];
  const tableIds = new Map<ConnSet, number>([[NO_CONNS, 0]]);
  // Most pairs meet the same few rule results: remember each intersection (and its table id) by identity.
  const pairIds = new Map<ConnSet, Map<ConnSet, number>>();
  const idOf = (out: ConnSet, into: ConnSet): number => {
    let row = pairIds.get(out);
    if (!row) pairIds.set(out, (row = new Map()));
    let id = row.get(into);
    if (id === undefined) {
      const conns = intersectConns(out, into);
      id = isEmptyConns(conns) ? 0 : tableIds.get(conns);
      if (id === undefined) {
        id = connTable.length;
        connTable.push(conns);
        tableIds.set(conns, id);
      }
      row.set(into, id);
    }
    return id;
  };
  // 1. For each source, 2. the egress it allows toward each destination, 3. met with that destination's ingress from it.
  for (let s = 0; s < n; s++) {
    const egress = compiled.egressRules[s];
    const isEgressIsolated = egressIsolated[s];
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      let out = ALL_CONNS;
      if (isEgressIsolated) {
        out = NO_CONNS;
        for (const r of egress) if (r.podMask[d] === 1 && (out = unionConns(out, r.connsTo(d))) === ALL_CONNS) break;
        if (out === NO_CONNS || isEmptyConns(out)) continue;
      }
      let into = ALL_CONNS;
      if (ingressIsolated[d]) {
        into = NO_CONNS;
        for (const r of compiled.ingressRules[d]) if (r.podMask[s] === 1 && (into = unionConns(into, r.connsTo(d))) === ALL_CONNS) break;
      }
      pairs[s * n + d] = idOf(out, into);
    }
  }
  const ingressExternals = externals(compiled.ingressIPRanges);
  const egressExternals = externals(compiled.egressIPRanges);
  const ingressMasks = pieceMasks(compiled.ingressRules, ingressExternals);
  const egressMasks = pieceMasks(compiled.egressRules, egressExternals);
  const fromExternal = ingressExternals.flatMap((_, k) =>
    compiled.workloads.map((__, d) => sideConns(ingressIsolated[d], compiled.ingressRules[d], (r) => ingressMasks.get(r)?.[k] === 1, d)),
  );
  const m = egressExternals.length;
  const toExternal: ConnSet[] = [];
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < m; k++) {
      toExternal.push(sideConns(egressIsolated[s], compiled.egressRules[s], (r) => egressMasks.get(r)?.[k] === 1, -1));
    }
  }
  return { compiled, ingressExternals, egressExternals, pairs, connTable, fromExternal, toExternal };
}

/** Every allowed connection of an evaluation, workload pairs first, then to and from external ranges. */
export function listConnections(ev: Evaluation): Connection[] {
  const { workloads } = ev.compiled;
  const n = workloads.length;
  const out: Connection[] = [];
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const id = ev.pairs[s * n + d];
      if (id !== 0) out.push({ src: workloads[s].id, dst: workloads[d].id, conns: ev.connTable[id] });
    }
    ev.egressExternals.forEach((ext, k) => {
      const conns = ev.toExternal[s * ev.egressExternals.length + k];
      if (!isEmptyConns(conns)) out.push({ src: workloads[s].id, dst: ext.id, conns });
    });
  }
  ev.ingressExternals.forEach((ext, k) => {
    for (let d = 0; d < n; d++) {
      const conns = ev.fromExternal[k * n + d];
      if (!isEmptyConns(conns)) out.push({ src: ext.id, dst: workloads[d].id, conns });
    }
  });
  return out;
}
