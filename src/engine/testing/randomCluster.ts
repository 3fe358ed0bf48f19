import fc from 'fast-check';
import type {
  ClusterAction,
  ClusterPeer,
  ClusterPolicy,
  ClusterRule,
  ContainerPort,
  LabelSelector,
  LabelSelectorRequirement,
  Model,
  Namespace,
  NetworkPolicy,
  Peer,
  PolicyPort,
  PolicyType,
  Protocol,
  Rule,
  Workload,
} from '../model/types';

const NAMESPACE_NAMES = ['default', 'ns-a', 'ns-b', 'kube-system'];
const POD_LABELS: Record<string, string[]> = { app: ['web', 'api', 'db'], tier: ['front', 'back'], env: ['prod', 'dev'] };
const NAMESPACE_LABELS: Record<string, string[]> = { team: ['red', 'blue'], env: ['prod', 'dev'] };
const NAMESPACE_SELECTOR_LABELS: Record<string, string[]> = { ...NAMESPACE_LABELS, 'kubernetes.io/metadata.name': NAMESPACE_NAMES };
const PORT_NAMES = ['http', 'dns', 'metrics'];
const POLICY_PORT_NAMES = [...PORT_NAMES, 'nowhere'];
const PORT_NUMBERS = [1, 2, 53, 80, 443, 8080, 9090, 65534, 65535];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
const KINDS = ['Deployment', 'StatefulSet', 'Pod'];

interface Family {
  bits: number;
  prefixes: number[];
  anchors: bigint[];
}

const V4: Family = {
  bits: 32,
  prefixes: [0, 8, 16, 24, 30, 31, 32],
  anchors: [0x0a000000n, 0x0a000004n, 0x0a000100n, 0x0a010000n, 0xc0a80001n, 0xac100000n],
};
const V6: Family = {
  bits: 128,
  prefixes: [0, 8, 64, 126, 128],
  anchors: [0xfd00n << 112n, (0xfd00n << 112n) | 4n, (0xfd00n << 112n) | (1n << 64n), (0x20010db8n << 96n) | 1n],
};

function none<T>(): fc.Arbitrary<T[]> {
  return fc.constant(null).map((): T[] => []);
}

function formatAddress(family: Family, value: bigint): string {
  if (family.bits === 32) return [24n, 16n, 8n, 0n].map((s) => `${(value >> s) & 255n}`).join('.');
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((value >> s) & 0xffffn).toString(16)).join(':');
}

function maskTo(family: Family, value: bigint, prefix: number): bigint {
  const host = BigInt(family.bits - prefix);
  return (value >> host) << host;
}

/** Addresses near the anchors, so pod IPs, CIDRs and excepts keep overlapping. */
function poolAddresses(family: Family): bigint[] {
  return family.anchors.flatMap((a) => [0n, 1n, 2n, 3n].map((d) => a + d));
}

function podIP(family: Family): fc.Arbitrary<string> {
  return fc.constantFrom(...poolAddresses(family)).map((v) => formatAddress(family, v));
}

/** Usually the network address; now and then the address as given, host bits set (valid, it means the same network). */
function cidrText(family: Family, address: bigint, prefix: number): fc.Arbitrary<string> {
  return fc.constantFrom(true, true, true, false).map((isMasked) => `${formatAddress(family, isMasked ? maskTo(family, address, prefix) : address)}/${prefix}`);
}

function exceptIn(family: Family, start: bigint, prefix: number): fc.Arbitrary<string> {
  const size = 1n << BigInt(family.bits - prefix);
  const inside = poolAddresses(family).filter((v) => v >= start && v < start + size);
  const anywhere = fc.bigInt({ min: start, max: start + size - 1n });
  const address = inside.length > 0 ? fc.oneof(fc.constantFrom(...inside), anywhere) : anywhere;
  return fc.tuple(fc.integer({ min: prefix + 1, max: family.bits }), address).chain(([q, v]) => cidrText(family, v, q));
}

function ipBlock(family: Family): fc.Arbitrary<Peer> {
  return fc.tuple(fc.constantFrom(...family.prefixes), fc.constantFrom(...poolAddresses(family))).chain(([prefix, base]) => {
    const start = maskTo(family, base, prefix);
    const except = prefix === family.bits ? none<string>() : fc.array(exceptIn(family, start, prefix), { maxLength: 2 });
    return fc.tuple(cidrText(family, base, prefix), except).map(([cidr, list]): Peer => ({ kind: 'ipBlock', cidr, except: list }));
  });
}

function labels(vocabulary: Record<string, string[]>, maxKeys: number): fc.Arbitrary<Record<string, string>> {
  return fc
    .uniqueArray(fc.constantFrom(...Object.keys(vocabulary)), { maxLength: maxKeys })
    .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...vocabulary[k]))).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))));
}

function requirement(vocabulary: Record<string, string[]>): fc.Arbitrary<LabelSelectorRequirement> {
  return fc.constantFrom(...Object.keys(vocabulary), 'unused').chain((key) =>
    fc.oneof(
      fc.record({
        key: fc.constant(key),
        operator: fc.constantFrom('In' as const, 'NotIn' as const),
        values: fc.uniqueArray(fc.constantFrom(...(vocabulary[key] ?? ['x', 'y'])), { minLength: 1, maxLength: 2 }),
      }),
      fc.record({ key: fc.constant(key), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const), values: none<string>() }),
    ),
  );
}

function selector(vocabulary: Record<string, string[]>): fc.Arbitrary<LabelSelector> {
  const narrow = labels(vocabulary, 1);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null).map((): LabelSelector => ({ matchLabels: {}, matchExpressions: [] })) },
    { weight: 3, arbitrary: fc.record({ matchLabels: narrow, matchExpressions: none<LabelSelectorRequirement>() }) },
    { weight: 3, arbitrary: fc.record({ matchLabels: narrow, matchExpressions: fc.array(requirement(vocabulary), { minLength: 1, maxLength: 2 }) }) },
  );
}

function peer(): fc.Arbitrary<Peer> {
  const pods = selector(POD_LABELS);
  const namespaces = selector(NAMESPACE_SELECTOR_LABELS);
  return fc.oneof(
    { weight: 3, arbitrary: pods.map((podSelector): Peer => ({ kind: 'selector', podSelector })) },
    { weight: 3, arbitrary: namespaces.map((namespaceSelector): Peer => ({ kind: 'selector', namespaceSelector })) },
    { weight: 3, arbitrary: fc.tuple(pods, namespaces).map(([podSelector, namespaceSelector]): Peer => ({ kind: 'selector', podSelector, namespaceSelector })) },
    { weight: 2, arbitrary: ipBlock(V4) },
    { weight: 1, arbitrary: ipBlock(V6) },
  );
}

function portNumber(): fc.Arbitrary<number> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PORT_NUMBERS) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) });
}

function policyPort(): fc.Arbitrary<PolicyPort> {
  const target = fc.oneof(
    fc.constant({}),
    portNumber().map((port) => ({ port })),
    portNumber().chain((port) =>
      fc.oneof(fc.constantFrom(port, Math.min(port + 1, 65535), Math.min(port + 10, 65535), 65535), fc.integer({ min: port, max: 65535 })).map((endPort) => ({ port, endPort })),
    ),
    fc.constantFrom(...POLICY_PORT_NAMES).map((port) => ({ port })),
  );
  return fc.tuple(fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined }), target).map(([protocol, t]) => ({
    protocol: protocol ?? 'TCP',
    isProtocolDefaulted: protocol === undefined,
    ...t,
  }));
}

function rule(): fc.Arbitrary<Rule> {
  const peers = fc.oneof(none<Peer>(), fc.array(peer(), { minLength: 1, maxLength: 3 }));
  const ports = fc.oneof(none<PolicyPort>(), fc.array(policyPort(), { minLength: 1, maxLength: 3 }));
  return fc.record({ peers, ports });
}

const EXPLICIT_POLICY_TYPES: PolicyType[][] = [['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']];

function policy(namespaceNames: string[]): fc.Arbitrary<Omit<NetworkPolicy, 'id' | 'name'>> {
  return fc
    .record({
      namespace: fc.constantFrom(...namespaceNames),
      podSelector: selector(POD_LABELS),
      ingress: fc.array(rule(), { maxLength: 3 }),
      egress: fc.array(rule(), { maxLength: 3 }),
      explicit: fc.option(fc.constantFrom(...EXPLICIT_POLICY_TYPES), { nil: undefined }),
    })
    .map(({ explicit, ...p }) => ({
      ...p,
      policyTypes: explicit ?? (p.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']),
      isPolicyTypesDefaulted: explicit === undefined,
    }));
}

function containerPort(): fc.Arbitrary<ContainerPort> {
  return fc
    .tuple(fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }), portNumber(), fc.constantFrom(...PROTOCOLS))
    .map(([name, port, protocol]) => ({ ...(name !== undefined ? { name } : {}), containerPort: port, protocol }));
}

function workload(namespaceNames: string[]): fc.Arbitrary<Omit<Workload, 'id' | 'name'>> {
  const ips = fc.oneof({ weight: 3, arbitrary: none<string>() }, { weight: 2, arbitrary: podIP(V4).map((a) => [a]) }, { weight: 1, arbitrary: fc.tuple(podIP(V4), podIP(V6)) });
  return fc.record({
    namespace: fc.constantFrom(...namespaceNames),
    kind: fc.constantFrom(...KINDS),
    labels: labels(POD_LABELS, 3),
    ports: fc.uniqueArray(containerPort(), { maxLength: 3, selector: (p) => p.name ?? `${p.containerPort}/${p.protocol}` }),
    ips,
    hostNetwork: fc.boolean(),
  });
}

function namespace(name: string): fc.Arbitrary<Namespace> {
  return fc.record({ labels: labels(NAMESPACE_LABELS, 2), isDeclared: fc.boolean() }).map(({ labels: l, isDeclared }) => ({
    name,
    labels: { ...(isDeclared ? l : {}), 'kubernetes.io/metadata.name': name },
    isDeclared,
  }));
}

function clusterPeer(isEgress: boolean): fc.Arbitrary<ClusterPeer> {
  const namespaces = selector(NAMESPACE_SELECTOR_LABELS);
  const networks = fc.array(fc.oneof(ipBlock(V4), ipBlock(V6)), { minLength: 1, maxLength: 2 }).map((blocks): ClusterPeer => ({ kind: 'networks', cidrs: blocks.map((b) => (b.kind === 'ipBlock' ? b.cidr : '')) }));
  return fc.oneof(
    { weight: 3, arbitrary: namespaces.map((namespaceSelector): ClusterPeer => ({ kind: 'namespaces', namespaceSelector })) },
    { weight: 3, arbitrary: fc.tuple(namespaces, selector(POD_LABELS)).map(([namespaceSelector, podSelector]): ClusterPeer => ({ kind: 'pods', namespaceSelector, podSelector })) },
    { weight: isEgress ? 2 : 0, arbitrary: networks },
    { weight: isEgress ? 1 : 0, arbitrary: fc.constantFrom('nodes' as const, 'domainNames' as const).map((field): ClusterPeer => ({ kind: 'uninterpreted', field })) },
  );
}

/** A v1alpha2 protocol entry: a port, a range or a named port (whose protocol the container port decides). */
function clusterPort(): fc.Arbitrary<PolicyPort> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...PROTOCOLS), portNumber()).map(([protocol, port]): PolicyPort => ({ protocol, isProtocolDefaulted: false, port })),
    fc.tuple(fc.constantFrom(...PROTOCOLS), portNumber()).map(([protocol, port]): PolicyPort => ({ protocol, isProtocolDefaulted: false, port: Math.min(port, 65534), endPort: Math.min(port + 10, 65535) })),
    fc.constantFrom(...POLICY_PORT_NAMES).map((port): PolicyPort => ({ protocol: 'TCP', isProtocolDefaulted: true, port })),
  );
}

function clusterRule(actions: readonly ClusterAction[], isEgress: boolean): fc.Arbitrary<ClusterRule> {
  return fc.record({
    name: fc.constantFrom('r'),
    action: fc.constantFrom(...actions),
    peers: fc.array(clusterPeer(isEgress), { minLength: 1, maxLength: 2 }),
    ports: fc.option(fc.array(clusterPort(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  }).map(({ ports, ...rule }) => {
    // As the CRD requires: no named port beside networks, nodes or domainNames peers.
    const isAddressed = rule.peers.some((p) => p.kind === 'networks' || p.kind === 'uninterpreted');
    const kept = isAddressed ? ports?.filter((p) => typeof p.port !== 'string') : ports;
    return kept === undefined || kept.length === 0 ? rule : { ...rule, ports: kept };
  });
}

function clusterPolicy(): fc.Arbitrary<Omit<ClusterPolicy, 'id' | 'name'>> {
  return fc.constantFrom('Admin' as const, 'Baseline' as const).chain((tier) =>
    fc.record({
      kind: fc.constant('ClusterNetworkPolicy' as const),
      tier: fc.constant(tier),
      priority: fc.integer({ min: 0, max: 3 }),
      subject: clusterPeer(false),
      ingress: fc.array(clusterRule(['Accept', 'Deny', 'Pass'], false), { maxLength: 3 }),
      egress: fc.array(clusterRule(['Accept', 'Deny', 'Pass'], true), { maxLength: 3 }),
    }),
  );
}

/** Upper bounds of a random cluster's size; cluster policies (Admin and Baseline tier) only when `maxClusterPolicies` is given. */
export interface RandomClusterSize {
  maxWorkloads?: number;
  maxPolicies?: number;
  maxClusterPolicies?: number;
}

/**
 * A fast-check arbitrary of small valid models (1–4 namespaces, 1–8 workloads,
 * 0–5 defaulted policies unless `size` bounds them lower, and up to
 * `maxClusterPolicies` ClusterNetworkPolicies of either tier) drawn from a small
 * vocabulary so that selectors, named ports and ipBlocks often hit.
 */
export function randomCluster({ maxWorkloads = 8, maxPolicies = 5, maxClusterPolicies = 0 }: RandomClusterSize = {}): fc.Arbitrary<Model> {
  return fc.uniqueArray(fc.constantFrom(...NAMESPACE_NAMES), { minLength: 1, maxLength: 4 }).chain((names) =>
    fc
      .record({
        namespaces: fc.tuple(...names.map(namespace)),
        workloads: fc.integer({ min: 1, max: maxWorkloads }).chain((k) => fc.array(workload(names), { minLength: k, maxLength: k })),
        policies: fc.integer({ min: 0, max: maxPolicies }).chain((k) => fc.array(policy(names), { minLength: k, maxLength: k })),
        clusterPolicies: maxClusterPolicies > 0 ? fc.array(clusterPolicy(), { maxLength: maxClusterPolicies }) : fc.constant<Omit<ClusterPolicy, 'id' | 'name'>[]>([]),
      })
      .map(({ namespaces, workloads, policies, clusterPolicies }) => ({
        namespaces,
        workloads: workloads.map((w, i) => ({ ...w, id: `${w.namespace}/w${i}[${w.kind}]`, name: `w${i}` })),
        policies: policies.map((p, i) => ({ ...p, id: `${p.namespace}/p${i}`, name: `p${i}` })),
        clusterPolicies: clusterPolicies.map((p, i) => ({ ...p, id: `ClusterNetworkPolicy c${i}`, name: `c${i}` })),
        others: [],
      })),
  );
}
