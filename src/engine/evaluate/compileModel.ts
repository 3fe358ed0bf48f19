import type { Labels, Model, NetworkPolicy, Peer, PolicyPort, SelectorPeer, Workload } from '../model/types';
import { isInside, parseCidr, parseIP, subtractRanges, type IPRange } from '../ip/ipRange';
import { matchesSelector } from '../selectors/matchesSelector';
import { peerNamespaceMatches, peerPodMatches } from './peerMatches';
import { hasNamedPort, portConns } from './portConns';
import type { ConnSet } from './connSet';
import { workloadClasses } from './workloadClasses';
import { addressIndex, type AddressIndex } from './addressIndex';
import { isSameValue } from './isSameValue';
import { compileClusterTiers, type ClusterTiers } from './compileClusterTiers';

/** Which direction of traffic a rule governs. */
export type Direction = 'ingress' | 'egress';

/** A rule compiled once: which workloads and addresses its peers admit, and its ports. */
export interface CompiledRule {
  policy: NetworkPolicy;
  direction: Direction;
  ruleIndex: number;
  /** True when `from`/`to` is empty: every pod and every address. */
  isAnyPeer: boolean;
  /** Per workload index: 1 when some peer admits that workload (shared between rules with the same peers: never write to it). */
  podMask: Uint8Array;
  /** Address ranges admitted by the rule's ipBlocks (except already removed). */
  ipRanges: IPRange[];
  ports: readonly PolicyPort[];
  /** Connections toward workload `dest` (index), or toward an address when `dest` is -1. */
  connsTo(dest: number): ConnSet;
}

/** One policy compiled: the classes it selects and its rules. */
export interface CompiledPolicy {
  policy: NetworkPolicy;
  /** Indices of the workload classes the policy selects. */
  subjects: number[];
  hasIngress: boolean;
  hasEgress: boolean;
  /** Compiled ingress rules; empty unless `policyTypes` holds Ingress. */
  ingress: CompiledRule[];
  /** Compiled egress rules; empty unless `policyTypes` holds Egress. */
  egress: CompiledRule[];
  /** Ranges of every ipBlock in `spec.ingress`, whatever `policyTypes` says. */
  ingressBlocks: IPRange[];
  /** Ranges of every ipBlock in `spec.egress`, whatever `policyTypes` says. */
  egressBlocks: IPRange[];
}

/** What a later compile of a model with the same workloads and namespaces may reuse. */
export interface CompileCache {
  /** Parsed workload addresses, per workload. */
  ips: IPRange[][];
  /** Workloads by address, for ipBlocks. */
  findAddresses: AddressIndex;
  /** Namespaces matched, by namespaceSelector key. */
  namespaceMatches: Map<string, string[]>;
  /** Workload masks by peer (or peer list) key; they depend on workloads and namespaces only. */
  peerMasks: Map<string, Uint8Array>;
  /** ipBlock ranges by `cidr except…` key. */
  blockRanges: Map<string, IPRange[]>;
  /** The distinct ipBlock keys the classes were built for, sorted and joined. */
  blockSet: string;
  /** Same object for every compile sharing workloads, namespaces and classes, so evaluations can be patched. */
  lineage: object;
  /** Port matchers by `ports` key, valid for this lineage's classes. */
  portMatchers: Map<string, (dest: number) => ConnSet>;
}

/** The model compiled into matchers: per workload, the rules that govern each side. */
export interface CompiledModel {
  workloads: readonly Workload[];
  index: ReadonlyMap<string, number>;
  namespaceLabels: ReadonlyMap<string, Labels>;
  /** Per workload, the policies isolating its ingress (members of one class share the array). */
  ingressPolicies: NetworkPolicy[][];
  /** Per workload, the policies isolating its egress (members of one class share the array). */
  egressPolicies: NetworkPolicy[][];
  ingressRules: CompiledRule[][];
  egressRules: CompiledRule[][];
  ingressIPRanges: IPRange[];
  egressIPRanges: IPRange[];
  /** Workload index → class index: every policy treats the members of a class alike. */
  workloadClass: Uint32Array;
  /** The members of each class, ascending; the first is its representative. */
  classMembers: number[][];
  /** The model's policies, in model order. */
  policies: readonly NetworkPolicy[];
  /** Each policy of the model compiled, in model order. */
  compiledPolicies: CompiledPolicy[];
  /** Compiled against a previous model of the same lineage: the policies only one of the two has (added, removed or edited), compiled; otherwise empty. */
  changedPolicies: CompiledPolicy[];
  /** The Admin and Baseline tiers of the model's cluster policies; undefined when it has none. */
  clusterTiers?: ClusterTiers;
  /** Reusable compilation state for the next edit of the same cluster. */
  cache: CompileCache;
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

/** True when two policies evaluate alike: same namespace, podSelector, policyTypes and rules (name and source aside). */
function sameSpec(a: NetworkPolicy, b: NetworkPolicy): boolean {
  return a === b || (a.namespace === b.namespace && isSameValue(a.podSelector, b.podSelector) && isSameValue(a.policyTypes, b.policyTypes) && isSameValue(a.ingress, b.ingress) && isSameValue(a.egress, b.egress));
}

function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

function sameWorkload(a: Workload, b: Workload): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.namespace === b.namespace &&
    sameLabels(a.labels, b.labels) &&
    a.ips.length === b.ips.length &&
    a.ips.every((ip, i) => ip === b.ips[i]) &&
    a.ports.length === b.ports.length &&
    a.ports.every((p, i) => p.name === b.ports[i].name && p.containerPort === b.ports[i].containerPort && p.protocol === b.ports[i].protocol)
  );
}

/** True when both clusters have the same workloads (in order) and namespace labels, so workload masks carry over. */
function sameStructure(previous: CompiledModel, workloads: readonly Workload[], nsLabels: ReadonlyMap<string, Labels>): boolean {
  if (previous.workloads.length !== workloads.length || previous.namespaceLabels.size !== nsLabels.size) return false;
  if (!workloads.every((w, i) => sameWorkload(w, previous.workloads[i]))) return false;
  for (const [name, labels] of nsLabels) {
    const before = previous.namespaceLabels.get(name);
    if (!before || !sameLabels(before, labels)) return false;
  }
  return true;
}

function sameClasses(a: Uint32Array, b: Uint32Array): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** Per workload, which of the ipBlocks (one mask each) hold one of its addresses, as a key; '' without addresses. */
function ipKeys(ips: readonly (readonly IPRange[])[], blockMasks: readonly Uint8Array[]): string[] {
  const hits: number[][] = ips.map(() => []);
  blockMasks.forEach((mask, b) => {
    ips.forEach((list, i) => {
      if (list.length > 0 && mask[i] === 1) hits[i].push(b);
    });
  });
  return hits.map((h, i) => (ips[i].length === 0 ? '' : h.join(',')));
}

const MASKS_PER_SLAB = 64;

function selectorPeerKey(peer: Omit<SelectorPeer, 'kind'>, policyNamespace: string): string {
  return `${peer.namespaceSelector ? JSON.stringify(peer.namespaceSelector) : `=${policyNamespace}`}|${JSON.stringify(peer.podSelector ?? null)}`;
}

function blockKey(cidr: string, except: readonly string[]): string {
  return `ip:${cidr} ${except.join(' ')}`;
}

/**
 * Compiles the model once (architecture habit 3): 1. index workloads by
 * namespace, reusing `previous`'s masks when workloads and namespaces are
 * unchanged, 2. mask the workloads each ipBlock admits and group workloads into
 * classes, 3. compile each policy (or reuse it by content key): the classes it
 * selects and its rules' peer masks and port matchers, 4. attach the rules to
 * the workloads they govern.
 */
export function compileModel(model: Model, previous?: CompiledModel): CompiledModel {
  const { workloads } = model;
  const n = workloads.length;
  const index = new Map(workloads.map((w, i) => [w.id, i]));
  const byNamespace = new Map<string, number[]>();
  workloads.forEach((w, i) => {
    const list = byNamespace.get(w.namespace);
    if (list) list.push(i);
    else byNamespace.set(w.namespace, [i]);
  });
  const nsLabels = new Map(model.namespaces.map((ns) => [ns.name, ns.labels]));
  const reused = previous !== undefined && sameStructure(previous, workloads, nsLabels) ? previous.cache : undefined;
  const ips = reused?.ips ?? workloads.map((w) => w.ips.map(parseIP).filter((ip): ip is IPRange => ip !== undefined));
  const findAddresses = reused?.findAddresses ?? addressIndex(ips);
  const namespaceMatches = reused?.namespaceMatches ?? new Map<string, string[]>();
  const peerMasks = reused?.peerMasks ?? new Map<string, Uint8Array>();
  const blockCache = reused?.blockRanges ?? new Map<string, IPRange[]>();

  // 1. Masks of workloads, cached by the peer's key and cut from shared slabs (one allocation per 64 masks).
  let slab = new Uint8Array(0);
  let slabUsed = MASKS_PER_SLAB;
  const newMask = (): Uint8Array => {
    if (slabUsed === MASKS_PER_SLAB) {
      slab = new Uint8Array(n * MASKS_PER_SLAB);
      slabUsed = 0;
    }
    slabUsed++;
    return slab.subarray(n * (slabUsed - 1), n * slabUsed);
  };
  const selectorMask = (peer: Omit<SelectorPeer, 'kind'>, policyNamespace: string): Uint8Array => {
    const key = selectorPeerKey(peer, policyNamespace);
    let mask = peerMasks.get(key);
    if (mask) return mask;
    mask = newMask();
    let namespaces = [policyNamespace];
    if (peer.namespaceSelector) {
      const nsKey = JSON.stringify(peer.namespaceSelector);
      const known = namespaceMatches.get(nsKey);
      namespaces = known ?? [...byNamespace.keys()].filter((ns) => peerNamespaceMatches(peer, policyNamespace, ns, nsLabels.get(ns) ?? {}));
      if (!known) namespaceMatches.set(nsKey, namespaces);
    }
    for (const ns of namespaces) for (const i of byNamespace.get(ns) ?? []) if (peerPodMatches(peer, workloads[i].labels)) mask[i] = 1;
    peerMasks.set(key, mask);
    return mask;
  };
  const blockRanges = (cidr: string, except: readonly string[]): IPRange[] => {
    const key = blockKey(cidr, except);
    let ranges = blockCache.get(key);
    if (!ranges) {
      ranges = ipBlockRanges(cidr, except);
      blockCache.set(key, ranges);
    }
    return ranges;
  };
  const blockMask = (key: string, cidr: string, except: readonly string[]): Uint8Array => {
    let mask = peerMasks.get(key);
    if (mask) return mask;
    mask = newMask();
    for (const i of findAddresses(blockRanges(cidr, except))) mask[i] = 1;
    peerMasks.set(key, mask);
    return mask;
  };
  const peerKey = (peer: Peer, policyNamespace: string) => (peer.kind === 'ipBlock' ? blockKey(peer.cidr, peer.except) : selectorPeerKey(peer, policyNamespace));
  const peerMask = (peer: Peer, policyNamespace: string): Uint8Array =>
    peer.kind === 'ipBlock' ? blockMask(blockKey(peer.cidr, peer.except), peer.cidr, peer.except) : selectorMask(peer, policyNamespace);
  const peersMask = (peers: readonly Peer[], policyNamespace: string): Uint8Array => {
    if (peers.length === 0) {
      let all = peerMasks.get('*');
      if (!all) peerMasks.set('*', (all = newMask().fill(1)));
      return all;
    }
    if (peers.length === 1) return peerMask(peers[0], policyNamespace);
    const key = peers.map((p) => peerKey(p, policyNamespace)).join('\n');
    let mask = peerMasks.get(key);
    if (mask) return mask;
    mask = newMask();
    for (const peer of peers) {
      const m = peerMask(peer, policyNamespace);
      for (let i = 0; i < n; i++) mask[i] |= m[i];
    }
    peerMasks.set(key, mask);
    return mask;
  };

  // 2. Classes: workloads no selector, named port or ipBlock of this model can tell apart.
  const blocks = new Map<string, Uint8Array>();
  const addBlock = (cidr: string, except: readonly string[]) => {
    const key = blockKey(cidr, except);
    if (!blocks.has(key)) blocks.set(key, blockMask(key, cidr, except));
  };
  if (ips.some((list) => list.length > 0)) {
    for (const p of model.policies) {
      for (const rule of [...p.ingress, ...p.egress]) for (const peer of rule.peers) if (peer.kind === 'ipBlock') addBlock(peer.cidr, peer.except);
    }
    for (const p of model.clusterPolicies) {
      for (const rule of p.egress) for (const peer of rule.peers) if (peer.kind === 'networks') for (const cidr of peer.cidrs) addBlock(cidr, []);
    }
  }
  const blockSet = [...blocks.keys()].sort().join('\n');
  const isSameBlocks = reused !== undefined && previous !== undefined && reused.blockSet === blockSet;
  const classes = isSameBlocks ? previous : workloadClasses(workloads, ipKeys(ips, [...blocks.values()]));
  const isSameLineage = reused !== undefined && previous !== undefined && (isSameBlocks || sameClasses(previous.workloadClass, classes.workloadClass));
  const { workloadClass, classMembers } = isSameLineage ? previous : classes;
  const lineage = isSameLineage ? reused.lineage : {};
  const portMatchers = isSameLineage ? reused.portMatchers : new Map<string, (dest: number) => ConnSet>();
  // Previous policies by id (a list, in case ids repeat); whatever is left unmatched was removed or edited.
  const before = new Map<string, CompiledPolicy[]>();
  if (isSameLineage) {
    for (const c of previous.compiledPolicies) {
      const list = before.get(c.policy.id);
      if (list) list.push(c);
      else before.set(c.policy.id, [c]);
    }
  }
  const changedPolicies: CompiledPolicy[] = [];
  const classesByNamespace = new Map<string, number[]>();
  classMembers.forEach((members, c) => {
    const ns = workloads[members[0]].namespace;
    const list = classesByNamespace.get(ns);
    if (list) list.push(c);
    else classesByNamespace.set(ns, [c]);
  });

  // 3. Policies, compiled once per content key.
  const portMatcher = (ports: readonly PolicyPort[]): ((dest: number) => ConnSet) => {
    const key = JSON.stringify(ports);
    let matcher = portMatchers.get(key);
    if (matcher) return matcher;
    if (hasNamedPort(ports)) {
      const perClass = new Map<number, ConnSet>();
      const toAddress = portConns(ports, undefined);
      matcher = (dest) => {
        if (dest < 0) return toAddress;
        const c = workloadClass[dest];
        let conns = perClass.get(c);
        if (!conns) perClass.set(c, (conns = portConns(ports, workloads[dest].ports)));
        return conns;
      };
    } else {
      const constant = portConns(ports, undefined);
      matcher = () => constant;
    }
    portMatchers.set(key, matcher);
    return matcher;
  };
  const compileRule = (policy: NetworkPolicy, direction: Direction, ruleIndex: number, peers: readonly Peer[], ports: readonly PolicyPort[]): CompiledRule => ({
    policy,
    direction,
    ruleIndex,
    isAnyPeer: peers.length === 0,
    podMask: peersMask(peers, policy.namespace),
    ipRanges: peers.flatMap((p) => (p.kind === 'ipBlock' ? blockRanges(p.cidr, p.except) : [])),
    ports,
    connsTo: portMatcher(ports),
  });
  const compilePolicy = (policy: NetworkPolicy): CompiledPolicy => {
    const hasIngress = policy.policyTypes.includes('Ingress');
    const hasEgress = policy.policyTypes.includes('Egress');
    const blocks = (rules: NetworkPolicy['ingress']) => rules.flatMap((r) => r.peers.flatMap((p) => (p.kind === 'ipBlock' ? blockRanges(p.cidr, p.except) : [])));
    return {
      policy,
      subjects: (classesByNamespace.get(policy.namespace) ?? []).filter((c) => matchesSelector(policy.podSelector, workloads[classMembers[c][0]].labels)),
      hasIngress,
      hasEgress,
      ingress: hasIngress ? policy.ingress.map((r, i) => compileRule(policy, 'ingress', i, r.peers, r.ports)) : [],
      egress: hasEgress ? policy.egress.map((r, i) => compileRule(policy, 'egress', i, r.peers, r.ports)) : [],
      ingressBlocks: blocks(policy.ingress),
      egressBlocks: blocks(policy.egress),
    };
  };
  const rebind = (c: CompiledPolicy, policy: NetworkPolicy): CompiledPolicy =>
    c.policy === policy ? c : { ...c, policy, ingress: c.ingress.map((r) => ({ ...r, policy })), egress: c.egress.map((r) => ({ ...r, policy })) };

  // 4. Attach each policy's rules to the classes it selects; members share their class's arrays.
  const classCount = classMembers.length;
  const ingressPolicies: NetworkPolicy[][] = Array.from({ length: classCount }, () => []);
  const egressPolicies: NetworkPolicy[][] = Array.from({ length: classCount }, () => []);
  const ingressRules: CompiledRule[][] = Array.from({ length: classCount }, () => []);
  const egressRules: CompiledRule[][] = Array.from({ length: classCount }, () => []);
  const ingressIPRanges: IPRange[] = [];
  const egressIPRanges: IPRange[] = [];
  const compiledPolicies = model.policies.map((policy) => {
    const candidates = before.get(policy.id) ?? [];
    const k = candidates.findIndex((c) => sameSpec(c.policy, policy));
    const compiled = k >= 0 ? rebind(candidates[k], policy) : compilePolicy(policy);
    if (k >= 0) candidates.splice(k, 1);
    else if (isSameLineage) changedPolicies.push(compiled);
    ingressIPRanges.push(...compiled.ingressBlocks);
    egressIPRanges.push(...compiled.egressBlocks);
    for (const c of compiled.subjects) {
      if (compiled.hasIngress) {
        ingressPolicies[c].push(policy);
        ingressRules[c].push(...compiled.ingress);
      }
      if (compiled.hasEgress) {
        egressPolicies[c].push(policy);
        egressRules[c].push(...compiled.egress);
      }
    }
    return compiled;
  });
  // 5. Cluster policies: per class, the rules of the Admin and Baseline tiers in evaluation order.
  const clusterTiers = compileClusterTiers(
    {
      workloads,
      classMembers,
      selectorMask: (peer) => selectorMask(peer, ''),
      networksMask: (cidrs) => peersMask(cidrs.map((cidr) => ({ kind: 'ipBlock', cidr, except: [] })), ''),
      networkRanges: (cidr) => blockRanges(cidr, []),
      emptyMask: () => {
        let none = peerMasks.get('-');
        if (!none) peerMasks.set('-', (none = newMask()));
        return none;
      },
    },
    model.clusterPolicies,
  );
  if (clusterTiers) egressIPRanges.push(...clusterTiers.egressRanges);
  const perWorkload = <T>(perClass: T[]): T[] => Array.from(workloadClass, (c) => perClass[c]);
  return {
    workloads,
    index,
    namespaceLabels: nsLabels,
    ingressPolicies: perWorkload(ingressPolicies),
    egressPolicies: perWorkload(egressPolicies),
    ingressRules: perWorkload(ingressRules),
    egressRules: perWorkload(egressRules),
    ingressIPRanges,
    egressIPRanges,
    workloadClass,
    classMembers,
    policies: model.policies,
    compiledPolicies,
    changedPolicies: [...changedPolicies, ...[...before.values()].flat()],
    ...(clusterTiers ? { clusterTiers } : {}),
    cache: { ips, findAddresses, namespaceMatches, peerMasks, blockRanges: blockCache, blockSet, lineage, portMatchers },
  };
}
