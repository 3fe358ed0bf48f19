import ipaddr from 'ipaddr.js';
import type { ClusterAction, ClusterPeer, ClusterPolicy, ClusterTier, LabelSelector, Labels, Model, NetworkPolicy, Peer, PolicyPort, Protocol, Rule, Workload } from '../model/types';

/** One end of a connection for the naive evaluator: a workload by index, or one IP address outside the cluster. */
export type NaiveEndpoint = { kind: 'workload'; index: number } | { kind: 'address'; ip: string };

const PROTOCOL_ORDER: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];
const LOWEST_PORT = 1;
const HIGHEST_PORT = 65535;

function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  for (const req of selector.matchExpressions) {
    const has = Object.hasOwn(labels, req.key);
    if (req.operator === 'In' && !(has && req.values.includes(labels[req.key]))) return false;
    if (req.operator === 'NotIn' && has && req.values.includes(labels[req.key])) return false;
    if (req.operator === 'Exists' && !has) return false;
    if (req.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function namespaceLabels(model: Model, name: string): Labels {
  const ns = model.namespaces.find((n) => n.name === name);
  return { ...(ns?.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

const parsedAddresses = new Map<string, ipaddr.IPv4 | ipaddr.IPv6>();
const parsedCidrs = new Map<string, [ipaddr.IPv4 | ipaddr.IPv6, number]>();

function memo<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  let value = cache.get(text);
  if (value === undefined) {
    value = parse(text);
    cache.set(text, value);
  }
  return value;
}

function addressInCidr(ip: string, cidr: string): boolean {
  const addr = memo(parsedAddresses, ip, ipaddr.parse);
  const range = memo(parsedCidrs, cidr, ipaddr.parseCIDR);
  return addr.kind() === range[0].kind() && addr.match(range);
}

function addressesOf(model: Model, end: NaiveEndpoint): string[] {
  return end.kind === 'address' ? [end.ip] : model.workloads[end.index].ips;
}

function peerMatches(model: Model, peer: Peer, policy: NetworkPolicy, end: NaiveEndpoint): boolean {
  if (peer.kind === 'ipBlock') {
    return addressesOf(model, end).some((ip) => addressInCidr(ip, peer.cidr) && !peer.except.some((e) => addressInCidr(ip, e)));
  }
  if (end.kind === 'address') return false;
  const w = model.workloads[end.index];
  const isNamespaceOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, namespaceLabels(model, w.namespace)) : w.namespace === policy.namespace;
  const isPodOk = peer.podSelector ? selectorMatches(peer.podSelector, w.labels) : true;
  return isNamespaceOk && isPodOk;
}

function portMatches(p: PolicyPort, protocol: Protocol, port: number, dst: NaiveEndpoint, model: Model): boolean {
  if (p.protocol !== protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') return port >= p.port && port <= (p.endPort ?? p.port);
  if (dst.kind === 'address') return false;
  const name = p.port;
  return model.workloads[dst.index].ports.some((c) => c.name === name && c.protocol === protocol && c.containerPort === port);
}

function ruleMatches(model: Model, rule: Rule, policy: NetworkPolicy, peer: NaiveEndpoint, dst: NaiveEndpoint, protocol: Protocol, port: number): boolean {
  const isPeerOk = rule.peers.length === 0 || rule.peers.some((p) => peerMatches(model, p, policy, peer));
  const isPortOk = rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, protocol, port, dst, model));
  return isPeerOk && isPortOk;
}

function clusterPeerMatches(model: Model, peer: ClusterPeer, end: NaiveEndpoint): boolean {
  if (peer.kind === 'networks') return addressesOf(model, end).some((ip) => peer.cidrs.some((c) => addressInCidr(ip, c)));
  if (peer.kind === 'uninterpreted' || end.kind === 'address') return false;
  const w = model.workloads[end.index];
  if (w.hostNetwork) return false;
  if (!selectorMatches(peer.namespaceSelector, namespaceLabels(model, w.namespace))) return false;
  return peer.kind === 'namespaces' || selectorMatches(peer.podSelector, w.labels);
}

function clusterPortMatches(ports: readonly PolicyPort[] | undefined, protocol: Protocol, port: number, dst: NaiveEndpoint, model: Model): boolean {
  if (ports === undefined) return true;
  return ports.some((p) => {
    if (typeof p.port !== 'string') return p.protocol === protocol && (p.port === undefined || (port >= p.port && port <= (p.endPort ?? p.port)));
    return dst.kind === 'workload' && model.workloads[dst.index].ports.some((c) => c.name === p.port && c.protocol === protocol && c.containerPort === port);
  });
}

/** The action of the first rule of `tier` (by priority, then input order, then rule order) that matches, or undefined. */
function tierAction(model: Model, tier: ClusterTier, subject: Workload, direction: 'Ingress' | 'Egress', peer: NaiveEndpoint, dst: NaiveEndpoint, protocol: Protocol, port: number): ClusterAction | undefined {
  const self: NaiveEndpoint = { kind: 'workload', index: model.workloads.indexOf(subject) };
  const ordered: ClusterPolicy[] = model.clusterPolicies.filter((p) => p.tier === tier).sort((a, b) => a.priority - b.priority);
  for (const policy of ordered) {
    if (!clusterPeerMatches(model, policy.subject, self)) continue;
    for (const rule of direction === 'Ingress' ? policy.ingress : policy.egress) {
      if (rule.peers.some((p) => clusterPeerMatches(model, p, peer)) && clusterPortMatches(rule.ports, protocol, port, dst, model)) return rule.action;
    }
  }
  return undefined;
}

function sideAllows(
  model: Model,
  subject: Workload,
  direction: 'Ingress' | 'Egress',
  peer: NaiveEndpoint,
  dst: NaiveEndpoint,
  protocol: Protocol,
  port: number,
): boolean {
  const admin = tierAction(model, 'Admin', subject, direction, peer, dst, protocol, port);
  if (admin === 'Accept' || admin === 'Deny') return admin === 'Accept';
  let isIsolated = false;
  for (const policy of model.policies) {
    if (policy.namespace !== subject.namespace || !policy.policyTypes.includes(direction)) continue;
    if (!selectorMatches(policy.podSelector, subject.labels)) continue;
    isIsolated = true;
    const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
    if (rules.some((r) => ruleMatches(model, r, policy, peer, dst, protocol, port))) return true;
  }
  return !isIsolated && tierAction(model, 'Baseline', subject, direction, peer, dst, protocol, port) !== 'Deny';
}

/**
 * True when `src` may open a `protocol`/`port` connection to `dst`: the source's
 * egress side and the destination's ingress side must both allow it, each side
 * allowing everything unless some policy selecting it isolates it (semantics §3);
 * before that, the first matching Admin-tier rule decides (Accept, Deny) or passes,
 * and a side no NetworkPolicy isolates is denied only by a Baseline-tier Deny.
 */
export function naiveIsAllowed(model: Model, src: NaiveEndpoint, dst: NaiveEndpoint, protocol: Protocol, port: number): boolean {
  const isEgressOk = src.kind === 'address' || sideAllows(model, model.workloads[src.index], 'Egress', dst, dst, protocol, port);
  const isIngressOk = dst.kind === 'address' || sideAllows(model, model.workloads[dst.index], 'Ingress', src, dst, protocol, port);
  return isEgressOk && isIngressOk;
}

/** Every port where the allowed set of any pair may start or stop, sorted: 1, 65535 and each port, endPort and container port with its neighbours. */
export function naiveProbePorts(model: Model): number[] {
  const points = new Set<number>([LOWEST_PORT, HIGHEST_PORT]);
  const around = (p: number) => [p - 1, p, p + 1].forEach((q) => points.add(q));
  for (const policy of model.policies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const p of rule.ports) {
        if (typeof p.port === 'number') around(p.port);
        if (p.endPort !== undefined) around(p.endPort);
      }
    }
  }
  for (const policy of model.clusterPolicies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const p of rule.ports ?? []) {
        if (typeof p.port === 'number') around(p.port);
        if (p.endPort !== undefined) around(p.endPort);
      }
    }
  }
  for (const w of model.workloads) for (const c of w.ports) around(c.containerPort);
  return [...points].filter((p) => p >= LOWEST_PORT && p <= HIGHEST_PORT).sort((a, b) => a - b);
}

/**
 * The connections from `src` to `dst` in `formatConnSet` form, found by asking
 * `naiveIsAllowed` at every probe port of every protocol.
 */
export function naiveEvaluate(model: Model, src: NaiveEndpoint, dst: NaiveEndpoint, probes: readonly number[] = naiveProbePorts(model)): string {
  // Why probing suffices: each rule's ports allow, per protocol, intervals
  // [a, b] with a and b among 1, 65535, a port, an endPort or a container port
  // (named ports). Unions and intersections of such sets create no new edges,
  // so whether a port is allowed can only change at some a or at some b + 1,
  // and every one of those is a probe. Hence the answer is constant from one
  // probe up to the port before the next, and the probe decides that stretch.
  const groups: string[] = [];
  let isAll = true;
  for (const protocol of PROTOCOL_ORDER) {
    const ranges: [number, number][] = [];
    probes.forEach((start, k) => {
      if (!naiveIsAllowed(model, src, dst, protocol, start)) return;
      const end = k + 1 < probes.length ? probes[k + 1] - 1 : HIGHEST_PORT;
      const last = ranges[ranges.length - 1];
      if (last && last[1] + 1 === start) last[1] = end;
      else ranges.push([start, end]);
    });
    const isFull = ranges.length === 1 && ranges[0][0] === LOWEST_PORT && ranges[0][1] === HIGHEST_PORT;
    isAll &&= isFull;
    if (ranges.length > 0) groups.push(`${protocol} ${ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`);
  }
  return isAll ? 'All Connections' : groups.join(',');
}
