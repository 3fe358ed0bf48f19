import { parseCidr } from '../ip/ipRange';
import type { ClusterAction, ClusterPeer, ClusterPolicy, ClusterPolicyKind, ClusterRule, ClusterTier, LabelSelector, PolicyPort, Protocol } from '../model/types';
import { quoteValue } from '../validate/quoteValue';
import { decodeSelector } from './decodeSelector';
import { optionalList, optionalMap, optionalString, report, sourceRef, type DecodeContext, type RawMap } from './decodeContext';

/** Limits of the CRDs: priority 0–1000; v1alpha1 allows 100 rules and 100 peers, v1alpha2 25 of each. */
const MAX_PRIORITY = 1000;
const V1ALPHA1_MAX_ITEMS = 100;
const V1ALPHA2_MAX_ITEMS = 25;
const MAX_RULE_NAME = 100;
const PROTOCOL_KEYS: readonly [string, Protocol][] = [
  ['tcp', 'TCP'],
  ['udp', 'UDP'],
  ['sctp', 'SCTP'],
];

const EMPTY_SELECTOR: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** How one kind is read: its actions (as written → v1alpha2), whether it has a tier or a priority, and its list limits. */
interface KindRules {
  actions: Readonly<Record<string, ClusterAction>>;
  maxItems: number;
  isV1alpha2: boolean;
}

const KIND_RULES: Readonly<Record<ClusterPolicyKind, KindRules>> = {
  ClusterNetworkPolicy: { actions: { Accept: 'Accept', Deny: 'Deny', Pass: 'Pass' }, maxItems: V1ALPHA2_MAX_ITEMS, isV1alpha2: true },
  AdminNetworkPolicy: { actions: { Allow: 'Accept', Deny: 'Deny', Pass: 'Pass' }, maxItems: V1ALPHA1_MAX_ITEMS, isV1alpha2: false },
  BaselineAdminNetworkPolicy: { actions: { Allow: 'Accept', Deny: 'Deny' }, maxItems: V1ALPHA1_MAX_ITEMS, isV1alpha2: false },
};

function boundedList(ctx: DecodeContext, value: unknown, path: string, max: number, min = 0): unknown[] {
  const list = optionalList(ctx, value, path);
  if (list.length > max) report(ctx, 'error', 'too-many', path, `${path}: must have at most ${max} items, has ${list.length}`);
  if (list.length < min && value !== undefined) report(ctx, 'error', 'too-few', path, `${path}: must have at least ${min} item`);
  return list;
}

function selector(ctx: DecodeContext, raw: unknown, path: string): LabelSelector {
  return decodeSelector(ctx, raw, path) ?? EMPTY_SELECTOR;
}

/** A `namespaces` or `pods` peer (also the subject); `networks`, `nodes` and `domainNames` where `direction` is egress. */
function decodePeer(ctx: DecodeContext, raw: unknown, path: string, isEgress: boolean): ClusterPeer | undefined {
  const map = optionalMap(ctx, raw, path);
  if (!map) return undefined;
  const fields = ['namespaces', 'pods', ...(isEgress ? ['networks', 'nodes', 'domainNames'] : [])].filter((f) => map[f] !== undefined && map[f] !== null);
  if (fields.length !== 1) {
    const allowed = isEgress ? 'namespaces, pods, networks, nodes or domainNames' : 'namespaces or pods';
    report(ctx, 'error', 'cluster-peer-one-of', path, `${path}: exactly one of ${allowed} must be set${fields.length > 1 ? `, found ${fields.join(' and ')}` : ''}`);
    return undefined;
  }
  const [field] = fields;
  if (field === 'namespaces') return { kind: 'namespaces', namespaceSelector: selector(ctx, map.namespaces, `${path}.namespaces`) };
  if (field === 'pods') {
    const pods = optionalMap(ctx, map.pods, `${path}.pods`) ?? {};
    if (pods.podSelector === undefined) report(ctx, 'warning', 'required', `${path}.pods`, `${path}.pods.podSelector is required by the CRD (write {} to select every pod); read as {}, as netpol-analyzer does`);
    return { kind: 'pods', namespaceSelector: selector(ctx, pods.namespaceSelector, `${path}.pods.namespaceSelector`), podSelector: selector(ctx, pods.podSelector, `${path}.pods.podSelector`) };
  }
  if (field === 'networks') {
    const cidrs: string[] = [];
    boundedList(ctx, map.networks, `${path}.networks`, V1ALPHA2_MAX_ITEMS, 1).forEach((c, i) => {
      const text = optionalString(ctx, c, `${path}.networks[${i}]`);
      if (text === undefined) return;
      if (cidrs.includes(text)) report(ctx, 'error', 'cluster-network-duplicate', `${path}.networks[${i}]`, `${path}.networks[${i}]: ${quoteValue(text)} is listed twice (networks is a set)`);
      if (parseCidr(text) === undefined) report(ctx, 'error', 'cluster-network-cidr', `${path}.networks[${i}]`, `${path}.networks[${i}]: ${quoteValue(text)} is not a CIDR (e.g. 10.0.0.0/8 or fd00::/8)`);
      else cidrs.push(text);
    });
    return { kind: 'networks', cidrs };
  }
  report(ctx, 'warning', 'cluster-peer-uninterpreted', `${path}.${field}`, `${path}.${field}: ${field} peers are not evaluated: the model has no node addresses or DNS names, so this peer matches no workload and no address (as netpol-analyzer does)`);
  return { kind: 'uninterpreted', field: field as 'nodes' | 'domainNames' };
}

function portNumber(ctx: DecodeContext, value: unknown, path: string): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return value;
  report(ctx, 'error', 'port-range', path, `${path}: must be a port number from 1 to 65535, got ${quoteValue(value)}`);
  return undefined;
}

function protocolOf(ctx: DecodeContext, value: unknown, path: string): Protocol | undefined {
  if (value === undefined || value === null) return 'TCP';
  if (value === 'TCP' || value === 'UDP' || value === 'SCTP') return value;
  report(ctx, 'error', 'port-protocol', path, `${path}: unsupported protocol ${quoteValue(value)}: must be TCP, UDP or SCTP`);
  return undefined;
}

/** A port range; v1alpha2 requires `start < end` (a single port is a `number`), v1alpha1 `start <= end`. */
function range(ctx: DecodeContext, protocol: Protocol, raw: RawMap, path: string, isStrict: boolean): PolicyPort | undefined {
  const start = portNumber(ctx, raw.start, `${path}.start`);
  const end = portNumber(ctx, raw.end, `${path}.end`);
  if (start === undefined || end === undefined) return undefined;
  if (start > end || (isStrict && start === end)) {
    const rule = isStrict ? 'must be less than' : 'must not be greater than';
    report(ctx, 'error', 'port-range-order', path, `${path}: start (${start}) ${rule} end (${end})${isStrict && start === end ? '; write one port as number' : ''}`);
    return undefined;
  }
  return { protocol, isProtocolDefaulted: false, port: start, endPort: end };
}

/** A named port: resolved on the destination pod with whatever protocol its container port declares (`protocol` is a placeholder). */
function namedPort(ctx: DecodeContext, value: unknown, path: string): PolicyPort | undefined {
  const name = optionalString(ctx, value, path);
  if (name === undefined || name === '') return undefined;
  return { protocol: 'TCP', isProtocolDefaulted: true, port: name };
}

/** v1alpha1 `ports`: each entry exactly one of portNumber {protocol, port}, namedPort, portRange {protocol, start, end}. */
function decodeV1alpha1Port(ctx: DecodeContext, raw: unknown, path: string): PolicyPort | undefined {
  const map = optionalMap(ctx, raw, path) ?? {};
  const fields = ['portNumber', 'namedPort', 'portRange'].filter((f) => map[f] !== undefined && map[f] !== null);
  if (fields.length !== 1) {
    report(ctx, 'error', 'cluster-port-one-of', path, `${path}: exactly one of portNumber, namedPort or portRange must be set`);
    return undefined;
  }
  if (fields[0] === 'namedPort') return namedPort(ctx, map.namedPort, `${path}.namedPort`);
  const key = fields[0];
  const inner = optionalMap(ctx, map[key], `${path}.${key}`) ?? {};
  const protocol = protocolOf(ctx, inner.protocol, `${path}.${key}.protocol`);
  if (protocol === undefined) return undefined;
  if (key === 'portRange') return range(ctx, protocol, inner, `${path}.portRange`, false);
  const port = portNumber(ctx, inner.port, `${path}.portNumber.port`);
  return port === undefined ? undefined : { protocol, isProtocolDefaulted: inner.protocol === undefined, port };
}

/** v1alpha2 `protocols`: each entry exactly one of tcp/udp/sctp {destinationPort: {number} | {range: {start, end}}} or destinationNamedPort. */
function decodeV1alpha2Protocol(ctx: DecodeContext, raw: unknown, path: string): PolicyPort | undefined {
  const map = optionalMap(ctx, raw, path) ?? {};
  const fields = ['tcp', 'udp', 'sctp', 'destinationNamedPort'].filter((f) => map[f] !== undefined && map[f] !== null);
  if (fields.length !== 1) {
    report(ctx, 'error', 'cluster-protocol-one-of', path, `${path}: exactly one of tcp, udp, sctp or destinationNamedPort must be set`);
    return undefined;
  }
  if (fields[0] === 'destinationNamedPort') return namedPort(ctx, map.destinationNamedPort, `${path}.destinationNamedPort`);
  const [key, protocol] = PROTOCOL_KEYS.find(([k]) => k === fields[0]) ?? PROTOCOL_KEYS[0];
  const inner = optionalMap(ctx, map[key], `${path}.${key}`) ?? {};
  const port = optionalMap(ctx, inner.destinationPort, `${path}.${key}.destinationPort`);
  if (port === undefined) {
    report(ctx, 'error', 'cluster-protocol-port', `${path}.${key}`, `${path}.${key}: destinationPort is required (leave the protocol out of the list to match every port)`);
    return undefined;
  }
  const at = `${path}.${key}.destinationPort`;
  if ((port.number === undefined) === (port.range === undefined)) {
    report(ctx, 'error', 'cluster-port-one-of', at, `${at}: exactly one of number or range must be set`);
    return undefined;
  }
  if (port.range !== undefined) return range(ctx, protocol, optionalMap(ctx, port.range, `${at}.range`) ?? {}, `${at}.range`, true);
  const number = portNumber(ctx, port.number, `${at}.number`);
  return number === undefined ? undefined : { protocol, isProtocolDefaulted: false, port: number };
}

function decodeRule(ctx: DecodeContext, raw: unknown, path: string, rules: KindRules, isEgress: boolean): ClusterRule | undefined {
  const map = optionalMap(ctx, raw, path) ?? {};
  const name = optionalString(ctx, map.name, `${path}.name`) ?? '';
  if (name.length > MAX_RULE_NAME) report(ctx, 'error', 'cluster-rule-name', `${path}.name`, `${path}.name: must be no more than ${MAX_RULE_NAME} characters, has ${name.length}`);
  const otherKey = rules.isV1alpha2 ? 'ports' : 'protocols';
  if (map[otherKey] !== undefined) {
    const field = rules.isV1alpha2 ? 'protocols (ports is the v1alpha1 field)' : 'ports (protocols is the v1alpha2 field)';
    report(ctx, 'warning', 'cluster-unknown-field', `${path}.${otherKey}`, `${path}.${otherKey}: unknown field; this version names it ${field}. The API server drops it, so the rule matches every port`);
  }
  const written = optionalString(ctx, map.action, `${path}.action`);
  // Own keys only: `constructor` or `__proto__` written as an action is no action.
  const action = written !== undefined && Object.hasOwn(rules.actions, written) ? rules.actions[written] : undefined;
  if (action === undefined) {
    report(ctx, 'error', 'cluster-action', `${path}.action`, `${path}.action: must be one of ${Object.keys(rules.actions).join(', ')}${written === undefined ? '' : `, got ${quoteValue(written)}`}`);
  }
  const peersKey = isEgress ? 'to' : 'from';
  if (map[peersKey] === undefined) report(ctx, 'error', 'required', `${path}.${peersKey}`, `${path}.${peersKey} is required`);
  const peers: ClusterPeer[] = [];
  boundedList(ctx, map[peersKey], `${path}.${peersKey}`, rules.maxItems, 1).forEach((p, i) => {
    const peer = decodePeer(ctx, p, `${path}.${peersKey}[${i}]`, isEgress);
    if (peer) peers.push(peer);
  });
  const portsKey = rules.isV1alpha2 ? 'protocols' : 'ports';
  let ports: PolicyPort[] | undefined;
  if (map[portsKey] !== undefined && map[portsKey] !== null) {
    ports = [];
    boundedList(ctx, map[portsKey], `${path}.${portsKey}`, rules.maxItems, 1).forEach((p, i) => {
      const at = `${path}.${portsKey}[${i}]`;
      const port = rules.isV1alpha2 ? decodeV1alpha2Protocol(ctx, p, at) : decodeV1alpha1Port(ctx, p, at);
      if (port) ports?.push(port);
    });
    if (rules.isV1alpha2 && ports.some((p) => typeof p.port === 'string') && peers.some((p) => p.kind === 'networks' || p.kind === 'uninterpreted')) {
      report(ctx, 'error', 'cluster-named-port-peer', `${path}.${portsKey}`, `${path}.${portsKey}: destinationNamedPort may not be used with networks, nodes or domainNames peers`);
    }
  }
  if (action === undefined) return undefined;
  return { name, action, peers, ...(ports ? { ports } : {}) };
}

function decodeTier(ctx: DecodeContext, kind: ClusterPolicyKind, spec: RawMap): ClusterTier {
  if (kind === 'AdminNetworkPolicy') return 'Admin';
  if (kind === 'BaselineAdminNetworkPolicy') return 'Baseline';
  const tier = optionalString(ctx, spec.tier, 'spec.tier');
  if (tier !== 'Admin' && tier !== 'Baseline') {
    report(ctx, 'error', 'cluster-tier', 'spec.tier', `spec.tier: must be Admin or Baseline${tier === undefined ? '' : `, got ${quoteValue(tier)}`}`);
    return 'Admin';
  }
  return tier;
}

function decodePriority(ctx: DecodeContext, kind: ClusterPolicyKind, spec: RawMap): number {
  if (kind === 'BaselineAdminNetworkPolicy') return 0;
  const p = spec.priority;
  if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= MAX_PRIORITY) return p;
  report(ctx, 'error', 'cluster-priority', 'spec.priority', `spec.priority: must be an integer from 0 to ${MAX_PRIORITY}${p === undefined ? '' : `, got ${quoteValue(p)}`}`);
  return MAX_PRIORITY;
}

/**
 * Decodes a ClusterNetworkPolicy (v1alpha2) or an AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1) into
 * the v1alpha2 vocabulary (Allow → Accept, ports → protocols, BaselineAdminNetworkPolicy → Baseline tier), reporting
 * what the CRDs reject with its field path.
 */
export function decodeClusterPolicy(ctx: DecodeContext, raw: RawMap, kind: ClusterPolicyKind, name: string): ClusterPolicy {
  const rules = KIND_RULES[kind];
  const spec = optionalMap(ctx, raw.spec, 'spec') ?? {};
  if (kind === 'BaselineAdminNetworkPolicy' && name !== '' && name !== 'default') {
    report(ctx, 'error', 'banp-name', 'metadata.name', `metadata.name: a BaselineAdminNetworkPolicy must be named "default" (there is one per cluster), got ${quoteValue(name)}`);
  }
  const tier = decodeTier(ctx, kind, spec);
  const priority = decodePriority(ctx, kind, spec);
  const subject = spec.subject === undefined ? undefined : decodePeer(ctx, spec.subject, 'spec.subject', false);
  if (spec.subject === undefined) report(ctx, 'error', 'required', 'spec.subject', 'spec.subject is required');
  const decodeRules = (direction: 'ingress' | 'egress'): ClusterRule[] =>
    boundedList(ctx, spec[direction], `spec.${direction}`, rules.maxItems)
      .map((r, i) => decodeRule(ctx, r, `spec.${direction}[${i}]`, rules, direction === 'egress'))
      .filter((r): r is ClusterRule => r !== undefined);
  const ingress = decodeRules('ingress');
  const egress = decodeRules('egress');
  return {
    id: `${kind} ${name}`,
    kind,
    name,
    tier,
    priority,
    subject: subject ?? { kind: 'namespaces', namespaceSelector: EMPTY_SELECTOR },
    ingress,
    egress,
    source: sourceRef(ctx, ''),
  };
}
