import { isRawMap, type RawMap } from '../decode/decodeContext';
import type { SourceFile } from '../model/types';
import { parseYamlChunk } from '../yaml/parseYamlChunk';
import { rewriteDocument } from '../yaml/rewriteDocument';
import { splitYamlDocuments } from '../yaml/splitYamlDocuments';

/** The priority a BaselineAdminNetworkPolicy (which had none) gets as a Baseline-tier ClusterNetworkPolicy: last of its tier. */
export const BASELINE_MIGRATION_PRIORITY = 1000;

const V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2';
const V1ALPHA1_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'];
const ADDRESS_PEERS = ['networks', 'nodes', 'domainNames'];

/** One file's migration: its new text, the `Kind name` of each object converted, and the new text of the documents that changed. */
export interface MigratedFile {
  file: SourceFile;
  converted: string[];
  changedDocuments: string[];
}

const asMap = (v: unknown): RawMap => (isRawMap(v) ? v : {});

/** A v1alpha1 `ports` entry as a v1alpha2 `protocols` entry: portNumber → number, portRange → range (one port → number), namedPort → destinationNamedPort. */
function protocolEntry(port: unknown): RawMap {
  const p = asMap(port);
  if (p.namedPort !== undefined) return { destinationNamedPort: p.namedPort };
  const inner = asMap(p.portNumber ?? p.portRange);
  const key = (typeof inner.protocol === 'string' ? inner.protocol : 'TCP').toLowerCase();
  if (p.portNumber !== undefined) return { [key]: { destinationPort: { number: inner.port } } };
  const destinationPort = inner.start === inner.end ? { number: inner.start } : { range: { start: inner.start, end: inner.end } };
  return { [key]: { destinationPort } };
}

/**
 * A v1alpha1 rule as v1alpha2 rules: Allow → Accept, ports → protocols. v1alpha2 rejects a named port beside
 * networks/nodes/domainNames peers; since a named port matches no address, such a rule is split in two with the same
 * action: the pod peers with every port, then the address peers without the named ports (left out when nothing remains).
 */
function convertRule(rule: unknown, peersKey: 'from' | 'to'): RawMap[] {
  const r = asMap(rule);
  const action = r.action === 'Allow' ? 'Accept' : r.action;
  const base: RawMap = { ...(r.name !== undefined ? { name: r.name } : {}), action };
  const peers = Array.isArray(r[peersKey]) ? (r[peersKey] as unknown[]) : [];
  if (!Array.isArray(r.ports)) return [{ ...base, [peersKey]: peers }];
  const protocols = r.ports.map(protocolEntry);
  const isAddress = (peer: unknown) => ADDRESS_PEERS.some((k) => asMap(peer)[k] !== undefined);
  const isNamed = (entry: RawMap) => entry.destinationNamedPort !== undefined;
  if (!protocols.some(isNamed) || !peers.some(isAddress)) return [{ ...base, [peersKey]: peers, protocols }];
  const out: RawMap[] = [];
  const podPeers = peers.filter((p) => !isAddress(p));
  const numbered = protocols.filter((e) => !isNamed(e));
  if (podPeers.length > 0) out.push({ ...base, [peersKey]: podPeers, protocols });
  if (numbered.length > 0) out.push({ ...base, ...(typeof r.name === 'string' ? { name: `${r.name}-networks` } : {}), [peersKey]: peers.filter(isAddress), protocols: numbered });
  return out;
}

/** An AdminNetworkPolicy or BaselineAdminNetworkPolicy manifest as a ClusterNetworkPolicy (v1alpha2) manifest; metadata kept. */
export function toClusterNetworkPolicy(raw: RawMap): RawMap {
  const spec = asMap(raw.spec);
  const isBaseline = raw.kind === 'BaselineAdminNetworkPolicy';
  const out: RawMap = {
    tier: isBaseline ? 'Baseline' : 'Admin',
    priority: isBaseline ? BASELINE_MIGRATION_PRIORITY : spec.priority,
    subject: spec.subject,
  };
  if (Array.isArray(spec.ingress)) out.ingress = spec.ingress.flatMap((r) => convertRule(r, 'from'));
  if (Array.isArray(spec.egress)) out.egress = spec.egress.flatMap((r) => convertRule(r, 'to'));
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'status'));
  return { ...rest, apiVersion: V1ALPHA2, kind: 'ClusterNetworkPolicy', spec: out };
}

function isV1alpha1(value: unknown): value is RawMap {
  return isRawMap(value) && typeof value.kind === 'string' && V1ALPHA1_KINDS.includes(value.kind);
}

function nameOf(raw: RawMap): string {
  const name = asMap(raw.metadata).name;
  return `${String(raw.kind)} ${typeof name === 'string' ? name : ''}`;
}

/**
 * Rewrites every AdminNetworkPolicy and BaselineAdminNetworkPolicy of a file (top-level documents and List items) as a
 * ClusterNetworkPolicy, leaving every other document's text, and the comments around converted ones, as they were.
 * Documents that do not parse are left untouched.
 */
export function migrateClusterPolicies(source: SourceFile): MigratedFile {
  const converted: string[] = [];
  const changedDocuments: string[] = [];
  const rewrite = (chunk: string, value: unknown) => {
    const text = rewriteDocument(chunk, value);
    changedDocuments.push(text);
    return text;
  };
  const text = splitYamlDocuments(source.text)
    .map((chunk) => {
      const parsed = parseYamlChunk(chunk.text);
      if (parsed.error !== undefined || parsed.values.length !== 1) return chunk.text;
      const [value] = parsed.values;
      if (isV1alpha1(value)) {
        converted.push(nameOf(value));
        return rewrite(chunk.text, toClusterNetworkPolicy(value));
      }
      if (isRawMap(value) && Array.isArray(value.items) && value.items.some(isV1alpha1)) {
        const items = value.items.map((item) => {
          if (!isV1alpha1(item)) return item;
          converted.push(nameOf(item));
          return toClusterNetworkPolicy(item);
        });
        return rewrite(chunk.text, { ...value, items });
      }
      return chunk.text;
    })
    .join('');
  return { file: { name: source.name, text }, converted, changedDocuments };
}
