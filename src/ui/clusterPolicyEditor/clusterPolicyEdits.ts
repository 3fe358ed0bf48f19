import type { RawMap } from '../../engine';
import { asList, asMap, fieldText, parsePortText, type RuleDirection } from '../policyEditor/policyEdits';

/** The CRD's limit on rules per direction, peers per rule and protocols per rule (ClusterNetworkPolicy v1alpha2). */
export const CNP_MAX_ITEMS = 25;

/** The CRD's priority bounds. */
export const CNP_PRIORITY = { min: 0, max: 1000 } as const;

/** The peer kinds of a ClusterNetworkPolicy rule: `networks` only in egress rules. */
export type ClusterPeerKind = 'namespaces' | 'pods' | 'networks';

/** The peer kinds a rule of `direction` may hold. */
export function clusterPeerKinds(direction: RuleDirection): readonly ClusterPeerKind[] {
  return direction === 'ingress' ? ['namespaces', 'pods'] : ['namespaces', 'pods', 'networks'];
}

/** The kind of a written peer (or subject): its one known key, or undefined. */
export function clusterPeerKind(peer: unknown): ClusterPeerKind | undefined {
  const map = asMap(peer);
  return (['namespaces', 'pods', 'networks'] as const).find((key) => map[key] !== undefined);
}

/** A peer of `kind` that matches everything it can: every namespace, every pod, every address. */
export function newClusterPeer(kind: ClusterPeerKind): RawMap {
  if (kind === 'namespaces') return { namespaces: {} };
  if (kind === 'pods') return { pods: { namespaceSelector: {}, podSelector: {} } };
  return { networks: ['0.0.0.0/0'] };
}

/** A rule name not yet used in the policy's `direction` rules: `ingress-2`, `egress-1`… */
function freshRuleName(rules: readonly unknown[], direction: RuleDirection): string {
  const taken = new Set(rules.map((rule) => fieldText(asMap(rule).name)));
  let n = rules.length + 1;
  while (taken.has(`${direction}-${n}`)) n++;
  return `${direction}-${n}`;
}

/**
 * Appends a rule that hands every namespace's traffic down (`Pass`), so adding it changes nothing until its action or
 * peers are set; refused (the policy unchanged) at the CRD's limit of rules.
 */
export function addClusterRule(policy: RawMap, direction: RuleDirection): RawMap {
  const spec = asMap(policy.spec);
  const rules = asList(spec[direction]);
  if (rules.length >= CNP_MAX_ITEMS) return policy;
  const rule = { name: freshRuleName(rules, direction), action: 'Pass', [direction === 'ingress' ? 'from' : 'to']: [newClusterPeer('namespaces')] };
  return { ...policy, spec: { ...spec, [direction]: [...rules, rule] } };
}

/** Appends a peer of `kind` to a rule's `from`/`to` list, up to the CRD's limit. */
export function addClusterPeer(peers: unknown, kind: ClusterPeerKind): unknown[] {
  const list = asList(peers);
  return list.length >= CNP_MAX_ITEMS ? list : [...list, newClusterPeer(kind)];
}

/** The subject turned into `kind`, keeping its namespace selector: `namespaces: S` ↔ `pods: {namespaceSelector: S, podSelector: {}}`. */
export function setSubjectKind(subject: unknown, kind: 'namespaces' | 'pods'): RawMap {
  const map = asMap(subject);
  const namespaces = map.namespaces ?? asMap(map.pods).namespaceSelector ?? {};
  return kind === 'namespaces' ? { namespaces } : { pods: { namespaceSelector: namespaces, podSelector: asMap(map.pods).podSelector ?? {} } };
}

/** The protocol kinds of one `protocols` entry, as the editor offers them. */
export const CLUSTER_PROTOCOL_KINDS = ['tcp', 'udp', 'sctp', 'destinationNamedPort'] as const;
/** One of {@link CLUSTER_PROTOCOL_KINDS}. */
export type ClusterProtocolKind = (typeof CLUSTER_PROTOCOL_KINDS)[number];

/** One `protocols` entry as the editor's fields: the kind, a port number or name, and a range end. */
export interface ClusterProtocolFields {
  kind: ClusterProtocolKind | '';
  port: string;
  end: string;
}

/** Reads a `protocols` entry into fields (unknown shapes read as empty fields, so the issues say what is wrong). */
export function clusterProtocolFields(entry: unknown): ClusterProtocolFields {
  const map = asMap(entry);
  const kind = CLUSTER_PROTOCOL_KINDS.find((k) => map[k] !== undefined) ?? '';
  if (kind === '') return { kind, port: '', end: '' };
  if (kind === 'destinationNamedPort') return { kind, port: fieldText(map.destinationNamedPort), end: '' };
  const port = asMap(asMap(map[kind]).destinationPort);
  if (port.range !== undefined) return { kind, port: fieldText(asMap(port.range).start), end: fieldText(asMap(port.range).end) };
  return { kind, port: fieldText(port.number), end: '' };
}

/**
 * Writes fields back as a `protocols` entry: a name → `destinationNamedPort`; a port and an end → `range {start, end}`;
 * a port alone → `number`. Text that is not a number is written as typed, so validation reports it at its field.
 */
export function clusterProtocolEntry(fields: ClusterProtocolFields): RawMap {
  if (fields.kind === 'destinationNamedPort') return { destinationNamedPort: fields.port.trim() };
  const kind = fields.kind === '' ? 'tcp' : fields.kind;
  const start = parsePortText(fields.port) ?? '';
  const end = parsePortText(fields.end);
  const destinationPort = end === undefined ? { number: start } : { range: { start, end } };
  return { [kind]: { destinationPort } };
}

/** Appends a `protocols` entry (TCP 80 by default), up to the CRD's limit. */
export function addClusterProtocol(protocols: unknown): unknown[] {
  const list = asList(protocols);
  return list.length >= CNP_MAX_ITEMS ? list : [...list, { tcp: { destinationPort: { number: 80 } } }];
}
