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
  /** Allowed connections from workload `i` to workload `j` at `pairs[i * n + j]`. */
  pairs: ConnSet[];
  /** Allowed connections from ingress external `k` to workload `j` at `fromExternal[k * n + j]`. */
  fromExternal: ConnSet[];
  /** Allowed connections from workload `i` to egress external `k` at `toExternal[i * m + k]`. */
  toExternal: ConnSet[];
}

function ruleMatchesIP(rule: CompiledRule, ip: IPRange): boolean {
  return rule.isAnyPeer || isInRanges(ip, rule.ipRanges);
}

/** What one side allows: the union over the rules of every policy selecting it (semantics §3). */
function sideConns(isolated: boolean, rules: readonly CompiledRule[], admits: (r: CompiledRule) => boolean, dest: number): ConnSet {
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
  const pairs: ConnSet[] = new Array<ConnSet>(n * n).fill(NO_CONNS);
  for (let s = 0; s < n; s++) {
    const egress = compiled.egressRules[s];
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      const out = sideConns(egressIsolated[s], egress, (r) => r.podMask[d] === 1, d);
      if (isEmptyConns(out)) continue;
      const into = sideConns(ingressIsolated[d], compiled.ingressRules[d], (r) => r.podMask[s] === 1, d);
      pairs[s * n + d] = intersectConns(out, into);
    }
  }
  const ingressExternals = externals(compiled.ingressIPRanges);
  const egressExternals = externals(compiled.egressIPRanges);
  const fromExternal = ingressExternals.flatMap((ext) =>
    compiled.workloads.map((_, d) => sideConns(ingressIsolated[d], compiled.ingressRules[d], (r) => ruleMatchesIP(r, ext.range), d)),
  );
  const m = egressExternals.length;
  const toExternal: ConnSet[] = [];
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < m; k++) {
      toExternal.push(sideConns(egressIsolated[s], compiled.egressRules[s], (r) => ruleMatchesIP(r, egressExternals[k].range), -1));
    }
  }
  return { compiled, ingressExternals, egressExternals, pairs, fromExternal, toExternal };
}

/** Every allowed connection of an evaluation, workload pairs first, then to and from external ranges. */
export function listConnections(ev: Evaluation): Connection[] {
  const { workloads } = ev.compiled;
  const n = workloads.length;
  const out: Connection[] = [];
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const conns = ev.pairs[s * n + d];
      if (!isEmptyConns(conns)) out.push({ src: workloads[s].id, dst: workloads[d].id, conns });
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
