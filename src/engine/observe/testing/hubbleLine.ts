/** One end of a test Hubble flow; every field optional, as in real captures. */
export interface HubbleEnd {
  namespace?: string;
  pod?: string;
  labels?: string[];
  workloads?: { name: string; kind: string }[];
  identity?: number;
  ip?: string;
}

/** The parts of a test Hubble flow; `l4` replaces the TCP/UDP/SCTP port (`{ICMPv4: {type: 8}}`, or `null` for none). */
export interface HubbleFlowParts {
  src?: HubbleEnd;
  dst?: HubbleEnd;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number;
  l4?: Record<string, unknown> | null;
  verdict?: string | number;
  dropReason?: string;
  direction?: 'INGRESS' | 'EGRESS';
  isReply?: boolean;
  /** False writes the bare flow object (no `{"flow": …}` wrapper). */
  isWrapped?: boolean;
}

function endpoint(end: HubbleEnd): Record<string, unknown> {
  return {
    ...(end.identity !== undefined ? { identity: end.identity } : {}),
    ...(end.namespace !== undefined ? { namespace: end.namespace } : {}),
    ...(end.labels !== undefined ? { labels: end.labels } : {}),
    ...(end.pod !== undefined ? { pod_name: end.pod } : {}),
    ...(end.workloads !== undefined ? { workloads: end.workloads } : {}),
  };
}

/** Test support: one line of `hubble observe -o json`, in protobuf's JSON mapping with proto field names. */
export function hubbleLine({ src = {}, dst = {}, protocol = 'TCP', port = 80, l4, verdict = 'FORWARDED', dropReason, direction, isReply, isWrapped = true }: HubbleFlowParts = {}): string {
  const ip = src.ip !== undefined || dst.ip !== undefined ? { IP: { source: src.ip, destination: dst.ip, ipVersion: 'IPv4' } } : {};
  const layer4 = l4 === null ? {} : { l4: l4 ?? { [protocol]: { source_port: 40000, destination_port: port } } };
  const flow = {
    time: '2026-12-03T08:00:00.000000000Z',
    verdict,
    ...(dropReason !== undefined ? { drop_reason_desc: dropReason } : {}),
    ...ip,
    ...layer4,
    source: endpoint(src),
    destination: endpoint(dst),
    Type: 'L3_L4',
    node_name: 'kind-worker',
    ...(direction !== undefined ? { traffic_direction: direction } : {}),
    ...(isReply !== undefined ? { is_reply: isReply } : {}),
  };
  return JSON.stringify(isWrapped ? { flow, node_name: 'kind-worker', time: flow.time } : flow);
}
