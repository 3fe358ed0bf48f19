import { isRawMap, type RawMap } from '../decode/decodeContext';

const TOP_ORDER = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA_ORDER = ['name', 'namespace', 'labels', 'annotations'];
const SERVER_FIELDS = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** `map` with the keys `first` first; the copy has no prototype, so a `__proto__` key is kept as an ordinary key. */
function ordered(map: RawMap, first: readonly string[]): RawMap {
  const out = Object.create(null) as RawMap;
  for (const k of first) if (map[k] !== undefined) out[k] = map[k];
  for (const [k, v] of Object.entries(map)) if (!first.includes(k)) out[k] = v;
  return out;
}

function cleanMetadata(raw: unknown, namespace: string | undefined): RawMap {
  const metadata: RawMap = isRawMap(raw) ? { ...raw } : {};
  for (const f of SERVER_FIELDS) delete metadata[f];
  if (isRawMap(metadata.annotations)) {
    const rest = { ...metadata.annotations };
    delete rest[LAST_APPLIED];
    if (Object.keys(rest).length > 0) metadata.annotations = rest;
    else delete metadata.annotations;
  }
  if (namespace !== undefined && metadata.namespace === undefined) metadata.namespace = namespace;
  return ordered(metadata, METADATA_ORDER);
}

function podIPs(status: RawMap): RawMap | undefined {
  const kept: RawMap = {};
  if (status.podIP !== undefined) kept.podIP = status.podIP;
  if (status.podIPs !== undefined) kept.podIPs = status.podIPs;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * A manifest ready for `kubectl apply -f`: keys in the order apiVersion, kind,
 * metadata, spec; server-set fields and `status` removed (except a Pod's IPs,
 * which the model uses and `kubectl apply` ignores); the namespace written
 * out for namespaced kinds so it cannot land in another context's namespace.
 */
export function cleanManifest(raw: RawMap, kind: string): RawMap {
  const { status, ...rest } = raw;
  const ips = kind === 'Pod' && isRawMap(status) ? podIPs(status) : undefined;
  return ordered({ ...rest, kind, metadata: cleanMetadata(raw.metadata, kind === 'Namespace' ? undefined : 'default'), ...(ips ? { status: ips } : {}) }, TOP_ORDER);
}
