import type { ClusterAction, ClusterPeer, ClusterPolicy, ClusterRule, ClusterTier, ContainerPort, PolicyPort, SelectorPeer, Workload } from '../model/types';
import type { IPRange } from '../ip/ipRange';
import { ALL_CONNS, NO_CONNS, connSetOf, unionConns, type ConnSet } from './connSet';

/** A cluster policy rule compiled: which workloads and addresses it matches, and its ports toward a destination. */
export interface CompiledClusterRule {
  policy: ClusterPolicy;
  direction: 'ingress' | 'egress';
  ruleIndex: number;
  rule: ClusterRule;
  action: ClusterAction;
  /** Per workload index: 1 when a `namespaces` or `pods` peer (or a `networks` peer, by the workload's addresses) matches it. */
  podMask: Uint8Array;
  /** Address ranges of the rule's `networks` peers. */
  ipRanges: IPRange[];
  /** Connections toward workload `dest` (index), or toward an address when `dest` is -1 (a named port matches no address). */
  connsTo(dest: number): ConnSet;
}

/** Per class, the cluster rules governing each side, in evaluation order (priority, then input order, then rule order). */
export interface TierRules {
  ingress: CompiledClusterRule[][];
  egress: CompiledClusterRule[][];
}

/** The compiled Admin and Baseline tiers of a model that has cluster policies. */
export interface ClusterTiers {
  admin: TierRules;
  baseline: TierRules;
  /** Address ranges of every `networks` peer, which cut the egress address pieces. */
  egressRanges: IPRange[];
}

/** What compiling cluster tiers needs from the model's compiler: workload masks for selector and address peers, and classes. */
export interface TierCompileContext {
  workloads: readonly Workload[];
  classMembers: readonly (readonly number[])[];
  selectorMask(peer: Omit<SelectorPeer, 'kind'>): Uint8Array;
  networksMask(cidrs: readonly string[]): Uint8Array;
  networkRanges(cidr: string): IPRange[];
  emptyMask(): Uint8Array;
}

/**
 * The connections of a cluster rule's ports toward a destination's container ports: no ports is everything; a named
 * port matches the destination's container ports of that name, whatever their protocol (v1alpha1 `namedPort` and v1alpha2
 * `destinationNamedPort` carry no protocol).
 */
export function clusterPortConns(ports: readonly PolicyPort[] | undefined, destPorts: readonly ContainerPort[] | undefined): ConnSet {
  if (ports === undefined) return ALL_CONNS;
  let out = NO_CONNS;
  for (const p of ports) {
    if (typeof p.port === 'number') out = unionConns(out, connSetOf(p.protocol, p.port, p.endPort ?? p.port));
    else if (p.port === undefined) out = unionConns(out, connSetOf(p.protocol));
    else for (const c of destPorts ?? []) if (c.name === p.port) out = unionConns(out, connSetOf(c.protocol, c.containerPort, c.containerPort));
  }
  return out;
}

/** The workloads a peer (or subject) matches; host-network pods are never matched by `namespaces` or `pods` (they are not pods of the pod network). */
function peerMask(ctx: TierCompileContext, peer: ClusterPeer): Uint8Array {
  if (peer.kind === 'networks') return ctx.networksMask(peer.cidrs);
  if (peer.kind === 'uninterpreted') return ctx.emptyMask();
  const mask = ctx.selectorMask(peer.kind === 'namespaces' ? { namespaceSelector: peer.namespaceSelector } : { namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector });
  if (!ctx.workloads.some((w, i) => w.hostNetwork && mask[i] === 1)) return mask;
  return mask.map((bit, i) => (ctx.workloads[i].hostNetwork ? 0 : bit));
}

function compileRule(ctx: TierCompileContext, policy: ClusterPolicy, direction: 'ingress' | 'egress', rule: ClusterRule, ruleIndex: number): CompiledClusterRule {
  const podMask = ctx.emptyMask().slice();
  for (const peer of rule.peers) {
    const m = peerMask(ctx, peer);
    for (let i = 0; i < podMask.length; i++) podMask[i] |= m[i];
  }
  const ipRanges = rule.peers.flatMap((p) => (p.kind === 'networks' ? p.cidrs.flatMap(ctx.networkRanges) : []));
  const toAddress = clusterPortConns(rule.ports, undefined);
  const hasNamed = rule.ports?.some((p) => typeof p.port === 'string') ?? false;
  const perDest = new Map<number, ConnSet>();
  const connsTo = (dest: number): ConnSet => {
    if (dest < 0 || !hasNamed) return toAddress;
    let conns = perDest.get(dest);
    if (!conns) perDest.set(dest, (conns = clusterPortConns(rule.ports, ctx.workloads[dest].ports)));
    return conns;
  };
  return { policy, direction, ruleIndex, rule, action: rule.action, podMask, ipRanges, connsTo };
}

function tierRules(ctx: TierCompileContext, policies: readonly ClusterPolicy[]): TierRules {
  const classCount = ctx.classMembers.length;
  const out: TierRules = { ingress: Array.from({ length: classCount }, () => []), egress: Array.from({ length: classCount }, () => []) };
  // Lower priority first; equal priorities keep input order (their relative order is implementation-defined, and reported).
  const ordered = [...policies].sort((a, b) => a.priority - b.priority);
  for (const policy of ordered) {
    const subject = peerMask(ctx, policy.subject);
    const ingress = policy.ingress.map((r, i) => compileRule(ctx, policy, 'ingress', r, i));
    const egress = policy.egress.map((r, i) => compileRule(ctx, policy, 'egress', r, i));
    ctx.classMembers.forEach((members, c) => {
      if (subject[members[0]] !== 1) return;
      out.ingress[c].push(...ingress);
      out.egress[c].push(...egress);
    });
  }
  return out;
}

/** Compiles the cluster policies of a model into per-class rule lists of the Admin and Baseline tiers; undefined when there are none. */
export function compileClusterTiers(ctx: TierCompileContext, policies: readonly ClusterPolicy[]): ClusterTiers | undefined {
  if (policies.length === 0) return undefined;
  const of = (tier: ClusterTier) => tierRules(ctx, policies.filter((p) => p.tier === tier));
  const egressRanges = policies.flatMap((p) => p.egress.flatMap((r) => r.peers.flatMap((peer) => (peer.kind === 'networks' ? peer.cidrs.flatMap(ctx.networkRanges) : []))));
  return { admin: of('Admin'), baseline: of('Baseline'), egressRanges };
}
