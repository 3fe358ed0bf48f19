import type { Labels, Model, NetworkPolicy, Peer, PolicyPort, SelectorPeer, Workload } from '../model/types';
import { isInside, parseCidr, parseIP, subtractRanges, type IPRange } from '../ip/ipRange';
import { peerNamespaceMatches, peerPodMatches } from './peerMatches';
import { hasNamedPort, portConns } from './portConns';
import type { ConnSet } from './connSet';

/** Which direction of traffic a rule governs. */
export type Direction = 'ingress' | 'egress';

/** A rule compiled once: which workloads and addresses its peers admit, and its ports. */
export interface CompiledRule {
  policy: NetworkPolicy;
  direction: Direction;
  ruleIndex: number;
  /** True when `from`/`to` is empty: every pod and every address. */
  isAnyPeer: boolean;
  /** Per workload index: 1 when some peer admits that workload. */
  podMask: Uint8Array;
  /** Address ranges admitted by the rule's ipBlocks (except already removed). */
  ipRanges: IPRange[];
  ports: readonly PolicyPort[];
  /** Connections toward workload `dest` (index), or toward an address when `dest` is -1. */
  connsTo(dest: number): ConnSet;
}

/** The model compiled into matchers: per workload, the rules that govern each side. */
export interface CompiledModel {
  workloads: readonly Workload[];
  index: ReadonlyMap<string, number>;
  namespaceLabels: ReadonlyMap<string, Labels>;
  ingressPolicies: NetworkPolicy[][];
  egressPolicies: NetworkPolicy[][];
  ingressRules: CompiledRule[][];
  egressRules: CompiledRule[][];
  ingressIPRanges: IPRange[];
  egressIPRanges: IPRange[];
}

/** Address ranges of an ipBlock: `cidr` minus every `except`; empty when the CIDR is invalid. */
export function ipBlockRanges(cidr: string, except: readonly string[]): IPRange[] {
  const range = parseCidr(cidr);
  if (!range) return [];
  const holes = except.map(parseCidr).filter((r): r is IPRange => r !== undefined);
  return subtractRanges(range, holes);
}

/** True when the address lies inside one of the ranges. */
export function isInRanges(ip: IPRange, ranges: readonly IPRange[]): boolean {
  return ranges.some((r) => isInside(ip, r));
}

class SelectorCache {
  private readonly cache = new Map<string, Uint8Array>();
  constructor(
    private readonly workloads: readonly Workload[],
    private readonly byNamespace: ReadonlyMap<string, number[]>,
    private readonly nsLabels: ReadonlyMap<string, Labels>,
  ) {}

  /** Workloads matching a selector peer (semantics §5). */
  peerMask(peer: Omit<SelectorPeer, 'kind'>, policyNamespace: string): Uint8Array {
    const key = `${peer.namespaceSelector ? JSON.stringify(peer.namespaceSelector) : `=${policyNamespace}`}|${JSON.stringify(peer.podSelector ?? null)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const mask = new Uint8Array(this.workloads.length);
    for (const [ns, members] of this.byNamespace) {
      if (!peerNamespaceMatches(peer, policyNamespace, ns, this.nsLabels.get(ns) ?? {})) continue;
      for (const i of members) if (peerPodMatches(peer, this.workloads[i].labels)) mask[i] = 1;
    }
    this.cache.set(key, mask);
    return mask;
  }
}

function workloadIPs(workloads: readonly Workload[]): (IPRange | undefined)[][] {
  return workloads.map((w) => w.ips.map(parseIP));
}

/**
 * Compiles the model once (architecture habit 3): 1. index workloads by namespace,
 * 2. find the workloads each policy selects, 3. compile each rule's peers into a
 * workload mask and address ranges, 4. attach the rules to the workloads they govern.
 */
export function compileModel(model: Model): CompiledModel {
  const { workloads } = model;
  const index = new Map(workloads.map((w, i) => [w.id, i]));
  const byNamespace = new Map<string, number[]>();
  workloads.forEach((w, i) => {
    const list = byNamespace.get(w.namespace);
    if (list) list.push(i);
    else byNamespace.set(w.namespace, [i]);
  });
  const nsLabels = new Map(model.namespaces.map((n) => [n.name, n.labels]));
  const selectors = new SelectorCache(workloads, byNamespace, nsLabels);
  const ips = workloadIPs(workloads);
  const blockCache = new Map<string, IPRange[]>();
  const blockRanges = (cidr: string, except: readonly string[]): IPRange[] => {
    const key = `${cidr} ${except.join(' ')}`;
    let ranges = blockCache.get(key);
    if (!ranges) {
      ranges = ipBlockRanges(cidr, except);
      blockCache.set(key, ranges);
    }
    return ranges;
  };
  const n = workloads.length;
  const out: CompiledModel = {
    workloads,
    index,
    namespaceLabels: nsLabels,
    ingressPolicies: workloads.map(() => []),
    egressPolicies: workloads.map(() => []),
    ingressRules: workloads.map(() => []),
    egressRules: workloads.map(() => []),
    ingressIPRanges: [],
    egressIPRanges: [],
  };

  const compileRule = (policy: NetworkPolicy, direction: Direction, ruleIndex: number, peers: readonly Peer[], ports: readonly PolicyPort[]): CompiledRule => {
    const podMask = new Uint8Array(n);
    const ipRanges: IPRange[] = [];
    for (const peer of peers) {
      if (peer.kind === 'ipBlock') {
        const ranges = blockRanges(peer.cidr, peer.except);
        ipRanges.push(...ranges);
        ips.forEach((list, i) => {
          if (list.some((ip) => ip !== undefined && isInRanges(ip, ranges))) podMask[i] = 1;
        });
      } else {
        const mask = selectors.peerMask(peer, policy.namespace);
        for (let i = 0; i < n; i++) podMask[i] |= mask[i];
      }
    }
    const isAnyPeer = peers.length === 0;
    if (isAnyPeer) podMask.fill(1);
    const constant = hasNamedPort(ports) ? undefined : portConns(ports, undefined);
    const perDest = new Map<number, ConnSet>();
    const connsTo = (dest: number): ConnSet => {
      if (constant) return constant;
      let c = perDest.get(dest);
      if (!c) {
        c = portConns(ports, dest < 0 ? undefined : workloads[dest].ports);
        perDest.set(dest, c);
      }
      return c;
    };
    return { policy, direction, ruleIndex, isAnyPeer, podMask, ipRanges, ports, connsTo };
  };

  for (const policy of model.policies) {
    const subjects = selectors.peerMask({ podSelector: policy.podSelector }, policy.namespace);
    const hasIngress = policy.policyTypes.includes('Ingress');
    const hasEgress = policy.policyTypes.includes('Egress');
    const ingress = hasIngress ? policy.ingress.map((r, i) => compileRule(policy, 'ingress', i, r.peers, r.ports)) : [];
    const egress = hasEgress ? policy.egress.map((r, i) => compileRule(policy, 'egress', i, r.peers, r.ports)) : [];
    for (const r of policy.ingress) for (const p of r.peers) if (p.kind === 'ipBlock') out.ingressIPRanges.push(...blockRanges(p.cidr, p.except));
    for (const r of policy.egress) for (const p of r.peers) if (p.kind === 'ipBlock') out.egressIPRanges.push(...blockRanges(p.cidr, p.except));
    for (let i = 0; i < n; i++) {
      if (!subjects[i]) continue;
      if (hasIngress) {
        out.ingressPolicies[i].push(policy);
        out.ingressRules[i].push(...ingress);
      }
      if (hasEgress) {
        out.egressPolicies[i].push(policy);
        out.egressRules[i].push(...egress);
      }
    }
  }
  return out;
}
