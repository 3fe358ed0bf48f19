import type { ClusterAction, ClusterTier, Labels, Peer, PolicyPort, Protocol, Workload } from '../model/types';
import { parseIP, type IPRange } from '../ip/ipRange';
import { ipBlockRanges, isInRanges, type CompiledModel, type CompiledRule, type Direction } from './compileModel';
import { peerNamespaceMatches, peerPodMatches } from './peerMatches';
import type { CompiledClusterRule } from './compileClusterTiers';
import { hasConn } from './connSet';

/** One end of a connection to explain: a workload id, or an IP address outside the cluster. */
export type Endpoint = { workload: string } | { ip: string };

/** The question: may `src` open a connection to `dst` on `protocol`/`port`? */
export interface ExplainQuery {
  src: Endpoint;
  dst: Endpoint;
  protocol: Protocol;
  port: number;
}

/** Why one port entry of a rule does or does not match. */
export interface PortVerdict {
  index: number;
  isMatch: boolean;
  /** For a named port: the number it resolves to on the destination, or undefined when it does not resolve. */
  resolvedPort?: number;
  reason: 'protocol-differs' | 'port-differs' | 'named-port-unresolved' | 'named-port-to-address' | 'match';
}

/** Why one peer of a rule does or does not admit the remote end. */
export interface PeerVerdict {
  index: number;
  isMatch: boolean;
  reason: 'namespace-differs' | 'pod-differs' | 'address-outside' | 'address-excepted' | 'not-an-address' | 'not-a-pod' | 'match';
}

/** How one rule of an isolating policy judges the connection. */
export interface RuleVerdict {
  policy: string;
  direction: Direction;
  ruleIndex: number;
  /** True when the rule's `from`/`to` is empty (any peer). */
  isAnyPeer: boolean;
  /** True when the rule's `ports` is empty (any port). */
  isAnyPort: boolean;
  peers: PeerVerdict[];
  ports: PortVerdict[];
  isPeerMatch: boolean;
  isPortMatch: boolean;
  isAllowing: boolean;
}

/** The first rule of a cluster tier that matches the connection on one side. */
export interface TierMatch {
  tier: ClusterTier;
  /** `Kind name` of the cluster policy. */
  policy: string;
  priority: number;
  ruleIndex: number;
  ruleName: string;
  action: ClusterAction;
}

/** Which layer decided a side: an Admin rule (Accept/Deny), the NetworkPolicies isolating it, a Baseline rule, or the default allow. */
export type SideDecider = 'admin' | 'networkpolicy' | 'baseline' | 'default';

/** What one side (the source's egress or the destination's ingress) says. */
export interface SideExplanation {
  direction: Direction;
  /** The workload whose policies govern this side; undefined for an external address (never governed). */
  workload?: string;
  isIsolated: boolean;
  /** Policies that select the workload for this direction (and so isolate it). */
  isolatingPolicies: string[];
  /** Every rule of the isolating policies, with its verdict. */
  rules: RuleVerdict[];
  /** The first matching Admin-tier rule (Pass included), when a cluster policy has one. */
  admin?: TierMatch;
  /** The first matching Baseline-tier rule, when the Baseline tier was reached and has one. */
  baseline?: TierMatch;
  decidedBy: SideDecider;
  isAllowed: boolean;
}

/** The verdict for a query and why, per side (semantics §3: both sides must allow). */
export interface Explanation {
  query: ExplainQuery;
  isAllowed: boolean;
  egress: SideExplanation;
  ingress: SideExplanation;
}

interface Remote {
  workload?: Workload;
  ip?: IPRange;
}

function peerVerdict(peer: Peer, index: number, policyNamespace: string, remote: Remote, nsLabels: ReadonlyMap<string, Labels>): PeerVerdict {
  if (peer.kind === 'ipBlock') {
    const ips = remote.ip ? [remote.ip] : (remote.workload?.ips ?? []).map(parseIP).filter((r): r is IPRange => r !== undefined);
    if (ips.length === 0) return { index, isMatch: false, reason: 'not-an-address' };
    const ranges = ipBlockRanges(peer.cidr, peer.except);
    if (ips.some((ip) => isInRanges(ip, ranges))) return { index, isMatch: true, reason: 'match' };
    const whole = ipBlockRanges(peer.cidr, []);
    return { index, isMatch: false, reason: ips.some((ip) => isInRanges(ip, whole)) ? 'address-excepted' : 'address-outside' };
  }
  const w = remote.workload;
  if (!w) return { index, isMatch: false, reason: 'not-a-pod' };
  if (!peerNamespaceMatches(peer, policyNamespace, w.namespace, nsLabels.get(w.namespace) ?? {})) return { index, isMatch: false, reason: 'namespace-differs' };
  if (!peerPodMatches(peer, w.labels)) return { index, isMatch: false, reason: 'pod-differs' };
  return { index, isMatch: true, reason: 'match' };
}

function portVerdict(p: PolicyPort, index: number, query: ExplainQuery, dest: Workload | undefined): PortVerdict {
  if (p.protocol !== query.protocol) return { index, isMatch: false, reason: 'protocol-differs' };
  if (typeof p.port === 'string') {
    if (!dest) return { index, isMatch: false, reason: 'named-port-to-address' };
    const named = dest.ports.find((c) => c.name === p.port && c.protocol === p.protocol);
    if (!named) return { index, isMatch: false, reason: 'named-port-unresolved' };
    const isMatch = named.containerPort === query.port;
    return { index, isMatch, resolvedPort: named.containerPort, reason: isMatch ? 'match' : 'port-differs' };
  }
  const isMatch = p.port === undefined || (query.port >= p.port && query.port <= (p.endPort ?? p.port));
  return { index, isMatch, reason: isMatch ? 'match' : 'port-differs' };
}

function ruleVerdict(rule: CompiledRule, query: ExplainQuery, remote: Remote, dest: Workload | undefined, nsLabels: ReadonlyMap<string, Labels>): RuleVerdict {
  const source = rule.direction === 'ingress' ? rule.policy.ingress[rule.ruleIndex] : rule.policy.egress[rule.ruleIndex];
  const peers = source.peers.map((p, i) => peerVerdict(p, i, rule.policy.namespace, remote, nsLabels));
  const ports = source.ports.map((p, i) => portVerdict(p, i, query, dest));
  const isPeerMatch = rule.isAnyPeer || peers.some((p) => p.isMatch);
  const isPortMatch = ports.length === 0 || ports.some((p) => p.isMatch);
  return {
    policy: rule.policy.id,
    direction: rule.direction,
    ruleIndex: rule.ruleIndex,
    isAnyPeer: rule.isAnyPeer,
    isAnyPort: ports.length === 0,
    peers,
    ports,
    isPeerMatch,
    isPortMatch,
    isAllowing: isPeerMatch && isPortMatch,
  };
}

function resolve(compiled: CompiledModel, end: Endpoint): Remote & { index?: number } {
  if ('ip' in end) return { ip: parseIP(end.ip) };
  const index = compiled.index.get(end.workload);
  return index === undefined ? {} : { index, workload: compiled.workloads[index] };
}

/** The first rule of a tier's list (already in evaluation order) whose peers admit the remote end and whose ports hold the queried port. */
function firstMatch(rules: readonly CompiledClusterRule[] | undefined, remote: Remote & { index?: number }, destIndex: number, query: ExplainQuery): TierMatch | undefined {
  const rule = rules?.find((r) => {
    const isPeer = remote.index !== undefined ? r.podMask[remote.index] === 1 : remote.ip !== undefined && isInRanges(remote.ip, r.ipRanges);
    return isPeer && hasConn(r.connsTo(destIndex), query.protocol, query.port);
  });
  if (!rule) return undefined;
  const { policy } = rule;
  return { tier: policy.tier, policy: policy.id, priority: policy.priority, ruleIndex: rule.ruleIndex, ruleName: rule.rule.name, action: rule.action };
}

function side(
  compiled: CompiledModel,
  direction: Direction,
  self: Remote & { index?: number },
  remote: Remote & { index?: number },
  query: ExplainQuery,
  dest: (Remote & { index?: number }) | undefined,
  nsLabels: ReadonlyMap<string, Labels>,
): SideExplanation {
  if (self.index === undefined) return { direction, isIsolated: false, isolatingPolicies: [], rules: [], decidedBy: 'default', isAllowed: true };
  const destIndex = dest?.index ?? -1;
  const tiers = compiled.clusterTiers;
  const c = compiled.workloadClass[self.index];
  const admin = firstMatch(tiers?.admin[direction][c], remote, destIndex, query);
  const base = sideOf(compiled, direction, self, remote, query, dest?.workload, nsLabels);
  if (admin && admin.action !== 'Pass') return { ...base, admin, decidedBy: 'admin', isAllowed: admin.action === 'Accept' };
  const withAdmin = admin ? { ...base, admin } : base;
  if (base.isIsolated) return { ...withAdmin, decidedBy: 'networkpolicy' };
  const baseline = firstMatch(tiers?.baseline[direction][c], remote, destIndex, query);
  if (!baseline) return withAdmin;
  return { ...withAdmin, baseline, decidedBy: 'baseline', isAllowed: baseline.action !== 'Deny' };
}

function sideOf(compiled: CompiledModel, direction: Direction, self: Remote & { index?: number }, remote: Remote, query: ExplainQuery, dest: Workload | undefined, nsLabels: ReadonlyMap<string, Labels>): SideExplanation {
  if (self.index === undefined) return { direction, isIsolated: false, isolatingPolicies: [], rules: [], decidedBy: 'default', isAllowed: true };
  const policies = direction === 'ingress' ? compiled.ingressPolicies[self.index] : compiled.egressPolicies[self.index];
  const rules = (direction === 'ingress' ? compiled.ingressRules[self.index] : compiled.egressRules[self.index]).map((r) => ruleVerdict(r, query, remote, dest, nsLabels));
  const isIsolated = policies.length > 0;
  return {
    direction,
    workload: self.workload?.id,
    isIsolated,
    isolatingPolicies: policies.map((p) => p.id),
    rules,
    decidedBy: isIsolated ? 'networkpolicy' : 'default',
    isAllowed: !isIsolated || rules.some((r) => r.isAllowing),
  };
}

/**
 * Explains one connection: for the source's egress side and the destination's
 * ingress side, the first matching rule of the Admin tier, whether NetworkPolicies
 * isolate it, by which policies, and how every rule of those policies judges the
 * connection (peer by peer, port by port), then the Baseline tier's first match.
 */
export function explainConnection(compiled: CompiledModel, query: ExplainQuery): Explanation {
  const src = resolve(compiled, query.src);
  const dst = resolve(compiled, query.dst);
  const egress = side(compiled, 'egress', src, dst, query, dst, compiled.namespaceLabels);
  const ingress = side(compiled, 'ingress', dst, src, query, dst, compiled.namespaceLabels);
  return { query, isAllowed: egress.isAllowed && ingress.isAllowed, egress, ingress };
}
