import type { Protocol } from '../model/types';
import type { Direction } from '../evaluate/compileModel';
import { isIPAddress } from '../ip/ipRange';
import type { IssueSink } from './issueSink';
import { FLOW_VERDICTS, type ObservedEndpoint, type ObservedFlow, type ObservedOwner, type FlowVerdict } from './observedFlow';
import { isJsonObject, readField, type JsonObject } from './readField';
import { describeValue } from './describeValue';

/** What one Hubble record comes to: a flow, a record left out for a counted reason, or an invalid record (reported). */
export type HubbleRecord =
  | { kind: 'flow'; flow: ObservedFlow }
  | { kind: 'reply' }
  | { kind: 'notPortFlow' }
  | { kind: 'notFlow'; lostEvents: number }
  | { kind: 'invalid' };

/** An endpoint already read, with the labels and owners it was read from. */
interface CachedEndpoint {
  labels: readonly unknown[];
  owners: readonly unknown[];
  endpoint: ObservedEndpoint;
}

/** Endpoints already read, by address, namespace, pod and identity: a capture repeats the same few pods thousands of times. */
export type EndpointCache = Map<string, CachedEndpoint[]>;

/** Cilium's reserved numeric identities, for an endpoint that carries the number without its `reserved:` label. */
const RESERVED_IDENTITIES: Readonly<Record<number, string>> = {
  1: 'host',
  2: 'world',
  3: 'unmanaged',
  4: 'health',
  5: 'init',
  6: 'remote-node',
  7: 'kube-apiserver',
  8: 'ingress',
  9: 'world-ipv4',
  10: 'world-ipv6',
};

const LAYER4: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const DIRECTIONS: Readonly<Record<string, Direction | undefined>> = { INGRESS: 'ingress', EGRESS: 'egress', 1: 'ingress', 2: 'egress' };
const NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
/** Other Hubble responses than a flow (`GetFlowsResponse.response_types`). */
const NOT_FLOW_FIELDS = ['node_status', 'lost_events', 'agent_event', 'debug_event'];
/** Fields only a flow has: a record with one of them and no `flow` wrapper is a bare flow (`-o json` in some versions). */
const FLOW_FIELDS = ['source', 'destination', 'IP', 'l4', 'verdict', 'traffic_direction'];

/** Reads records of one line, reporting each problem with its field path; `failed` says whether one made the record unusable. */
interface RecordContext {
  sink: IssueSink;
  line: number;
  prefix: string;
  failed: boolean;
}

function fail(ctx: RecordContext, field: string, message: string): void {
  ctx.failed = true;
  ctx.sink.add('error', 'observed-field', ctx.line, `${ctx.prefix}${field}`, message);
}

function warn(ctx: RecordContext, field: string, message: string): void {
  ctx.sink.add('warning', 'observed-field', ctx.line, `${ctx.prefix}${field}`, message);
}

function optionalString(ctx: RecordContext, obj: JsonObject, name: string, path: string): string | undefined {
  const value = readField(obj, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  fail(ctx, path, `must be a string, not ${describeValue(value)}`);
  return undefined;
}

function optionalObject(ctx: RecordContext, obj: JsonObject, name: string, path: string): JsonObject | undefined {
  const value = readField(obj, name);
  if (value === undefined || value === null) return undefined;
  if (isJsonObject(value)) return value;
  fail(ctx, path, 'must be an object');
  return undefined;
}

function verdictOf(ctx: RecordContext, flow: JsonObject): FlowVerdict {
  const value = readField(flow, 'verdict');
  if (value === undefined || value === null) return 'VERDICT_UNKNOWN';
  const verdict = typeof value === 'number' ? FLOW_VERDICTS[value] : FLOW_VERDICTS.find((v) => v === value);
  if (verdict !== undefined) return verdict;
  warn(ctx, 'verdict', `unknown verdict ${describeValue(value)}: read as VERDICT_UNKNOWN`);
  return 'VERDICT_UNKNOWN';
}

function directionOf(ctx: RecordContext, flow: JsonObject): Direction | undefined {
  const value = readField(flow, 'traffic_direction');
  if (value === undefined || value === null || value === 'TRAFFIC_DIRECTION_UNKNOWN' || value === 0) return undefined;
  const direction = (typeof value === 'string' || typeof value === 'number') && Object.hasOwn(DIRECTIONS, value) ? DIRECTIONS[value] : undefined;
  if (direction === undefined) warn(ctx, 'traffic_direction', `unknown traffic direction ${describeValue(value)}: ignored`);
  return direction;
}

function isReply(ctx: RecordContext, flow: JsonObject): boolean {
  const value = readField(flow, 'is_reply');
  if (value === undefined || value === null) return readField(flow, 'reply') === true;
  if (typeof value === 'boolean') return value;
  fail(ctx, 'is_reply', 'must be true or false');
  return false;
}

function dropReasonOf(ctx: RecordContext, flow: JsonObject): string | undefined {
  const value = readField(flow, 'drop_reason_desc');
  if (value === undefined || value === null || value === 'DROP_REASON_UNKNOWN' || value === 0) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return `${value}`;
  warn(ctx, 'drop_reason_desc', 'must be a drop reason name or number: ignored');
  return undefined;
}

/** The protocol and destination port, or undefined when the flow names none (ICMP, no `l4`); a bad port fails the record. */
function portOf(ctx: RecordContext, flow: JsonObject): { protocol: Protocol; port: number } | undefined {
  const l4 = optionalObject(ctx, flow, 'l4', 'l4');
  if (l4 === undefined) return undefined;
  const protocol = LAYER4.find((p) => Object.hasOwn(l4, p));
  if (protocol === undefined) return undefined;
  const ports = l4[protocol];
  if (!isJsonObject(ports)) {
    fail(ctx, `l4.${protocol}`, 'must be an object');
    return undefined;
  }
  const port = readField(ports, 'destination_port');
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) return { protocol, port };
  const shown = port === undefined ? 'is missing' : `${describeValue(port)} is not a port (1–65535)`;
  fail(ctx, `l4.${protocol}.destination_port`, `the destination port ${shown}`);
  return undefined;
}

function addressOf(ctx: RecordContext, flow: JsonObject, end: 'source' | 'destination'): string | undefined {
  const ip = optionalObject(ctx, flow, 'IP', 'IP');
  if (ip === undefined) return undefined;
  const address = optionalString(ctx, ip, end, `IP.${end}`);
  if (address === undefined || isIPAddress(address)) return address;
  fail(ctx, `IP.${end}`, `${describeValue(address)} is not an IP address`);
  return undefined;
}

function ownersOf(ctx: RecordContext, endpoint: JsonObject, path: string): ObservedOwner[] {
  const value = readField(endpoint, 'workloads');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fail(ctx, `${path}.workloads`, 'must be a list');
    return [];
  }
  const owners: ObservedOwner[] = [];
  value.forEach((item: unknown, i) => {
    const at = `${path}.workloads[${i}]`;
    if (!isJsonObject(item)) return fail(ctx, at, 'must be an object with name and kind');
    const name = optionalString(ctx, item, 'name', `${at}.name`);
    const kind = optionalString(ctx, item, 'kind', `${at}.kind`);
    if (name !== undefined && kind !== undefined) owners.push({ name, kind });
  });
  return owners;
}

/** Splits Cilium labels (`source:key=value`, `reserved:world`) into pod labels, reserved identities and the namespace label. */
function labelsOf(ctx: RecordContext, endpoint: JsonObject, path: string): { labels: Map<string, string>; reserved: string[]; namespace?: string } {
  const labels = new Map<string, string>();
  const reserved: string[] = [];
  let namespace: string | undefined;
  const value = readField(endpoint, 'labels');
  if (value === undefined || value === null) return { labels, reserved };
  if (!Array.isArray(value)) {
    fail(ctx, `${path}.labels`, 'must be a list of strings');
    return { labels, reserved };
  }
  value.forEach((label: unknown, i) => {
    if (typeof label !== 'string') return fail(ctx, `${path}.labels[${i}]`, 'must be a string');
    const eq = label.indexOf('=');
    const colon = label.indexOf(':');
    const hasSource = colon >= 0 && (eq < 0 || colon < eq);
    const source = hasSource ? label.slice(0, colon) : 'k8s';
    const rest = hasSource ? label.slice(colon + 1) : label;
    const key = eq < 0 ? rest : rest.slice(0, rest.indexOf('='));
    const labelValue = eq < 0 ? '' : label.slice(eq + 1);
    if (source === 'reserved') reserved.push(key);
    else if (source !== 'k8s' || key === '') return;
    else if (key === NAMESPACE_LABEL) namespace = labelValue;
    else if (!key.startsWith('io.cilium.k8s.')) labels.set(key, labelValue);
  });
  return { labels, reserved, namespace };
}

/** True when two owner lists read the same: each `{name, kind}` pair equal. */
function sameOwners(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!isJsonObject(x) || !isJsonObject(y) || readField(x, 'name') !== readField(y, 'name') || readField(x, 'kind') !== readField(y, 'kind')) return false;
  }
  return true;
}

/** The endpoint read before from the same address, namespace, pod, identity, labels and owners (compared, not serialised). */
function cachedEndpoint(cached: readonly CachedEndpoint[] | undefined, labels: readonly unknown[], owners: readonly unknown[]): ObservedEndpoint | undefined {
  for (const c of cached ?? []) {
    if (c.labels.length === labels.length && c.labels.every((l, i) => l === labels[i]) && sameOwners(c.owners, owners)) return c.endpoint;
  }
  return undefined;
}

function endpointOf(ctx: RecordContext, flow: JsonObject, end: 'source' | 'destination', cache: EndpointCache): ObservedEndpoint {
  const ip = addressOf(ctx, flow, end);
  const raw = optionalObject(ctx, flow, end, end) ?? {};
  const rawLabels = readField(raw, 'labels');
  const rawOwners = readField(raw, 'workloads');
  const namespace = readField(raw, 'namespace');
  const pod = readField(raw, 'pod_name');
  const identity = readField(raw, 'identity');
  // Only an endpoint whose fields have their types is looked up: any other is read in full, so its problems are reported.
  const isTyped =
    (rawLabels === undefined || Array.isArray(rawLabels)) &&
    (rawOwners === undefined || Array.isArray(rawOwners)) &&
    (namespace === undefined || typeof namespace === 'string') &&
    (pod === undefined || typeof pod === 'string') &&
    (identity === undefined || typeof identity === 'number');
  const key = isTyped ? `${ip}\u0000${namespace}\u0000${pod}\u0000${identity}` : undefined;
  const labelList: readonly unknown[] = Array.isArray(rawLabels) ? rawLabels : [];
  const ownerList: readonly unknown[] = Array.isArray(rawOwners) ? rawOwners : [];
  const known = key === undefined ? undefined : cachedEndpoint(cache.get(key), labelList, ownerList);
  if (known !== undefined) return known;
  const failedBefore = ctx.failed;
  const { labels, reserved, namespace: labelNamespace } = labelsOf(ctx, raw, end);
  const podNamespace = optionalString(ctx, raw, 'namespace', `${end}.namespace`) ?? labelNamespace;
  const podName = optionalString(ctx, raw, 'pod_name', `${end}.pod_name`);
  const owners = ownersOf(ctx, raw, end);
  if (reserved.length === 0 && typeof identity === 'number' && Object.hasOwn(RESERVED_IDENTITIES, identity)) reserved.push(RESERVED_IDENTITIES[identity]);
  const endpoint: ObservedEndpoint =
    podNamespace !== undefined && reserved.length === 0
      ? { kind: 'pod', namespace: podNamespace, ...(podName !== undefined ? { podName } : {}), owners, labels, ...(ip !== undefined ? { ip } : {}) }
      : { kind: 'address', ...(ip !== undefined ? { address: ip } : {}), reserved };
  if (key !== undefined && ctx.failed === failedBefore) {
    const entry = { labels: labelList, owners: ownerList, endpoint };
    const list = cache.get(key);
    if (list === undefined) cache.set(key, [entry]);
    else list.push(entry);
  }
  return endpoint;
}

/**
 * Reads one record of `hubble observe -o json` / `-o jsonpb` (a `GetFlowsResponse`, `{"flow": {…}}`, or a bare flow)
 * in protobuf's JSON mapping, snake_case or lowerCamelCase: replies, flows without a TCP/UDP/SCTP destination port and
 * non-flow responses are left out and counted; every problem is reported with its field path.
 */
export function parseHubbleRecord(value: unknown, line: number, sink: IssueSink, cache: EndpointCache): HubbleRecord {
  if (!isJsonObject(value)) {
    sink.add('error', 'observed-record', line, undefined, 'a Hubble record must be a JSON object');
    return { kind: 'invalid' };
  }
  const wrapped = readField(value, 'flow');
  if (wrapped === undefined || wrapped === null) {
    const other = NOT_FLOW_FIELDS.find((f) => readField(value, f) !== undefined);
    if (other !== undefined) {
      const body = readField(value, other);
      // uint64 fields are strings in protobuf's JSON mapping.
      const lost = Number(other === 'lost_events' && isJsonObject(body) ? readField(body, 'num_events_lost') : 0);
      return { kind: 'notFlow', lostEvents: Number.isSafeInteger(lost) && lost > 0 ? lost : 0 };
    }
    if (!FLOW_FIELDS.some((f) => readField(value, f) !== undefined)) {
      sink.add('error', 'observed-record', line, 'flow', 'not a Hubble flow: no flow field, and no source, destination, IP or l4');
      return { kind: 'invalid' };
    }
  } else if (!isJsonObject(wrapped)) {
    sink.add('error', 'observed-record', line, 'flow', 'must be an object');
    return { kind: 'invalid' };
  }
  const flow = isJsonObject(wrapped) ? wrapped : value;
  const ctx: RecordContext = { sink, line, prefix: flow === value ? '' : 'flow.', failed: false };
  const reply = isReply(ctx, flow);
  const port = portOf(ctx, flow);
  if (ctx.failed) return { kind: 'invalid' };
  if (reply) return { kind: 'reply' };
  if (port === undefined) return { kind: 'notPortFlow' };
  const verdict = verdictOf(ctx, flow);
  const dropReason = dropReasonOf(ctx, flow);
  const direction = directionOf(ctx, flow);
  const src = endpointOf(ctx, flow, 'source', cache);
  const dst = endpointOf(ctx, flow, 'destination', cache);
  if (ctx.failed) return { kind: 'invalid' };
  const observed: ObservedFlow = { src, dst, protocol: port.protocol, port: port.port, verdict, line };
  if (dropReason !== undefined) observed.dropReason = dropReason;
  if (direction !== undefined) observed.direction = direction;
  return { kind: 'flow', flow: observed };
}
