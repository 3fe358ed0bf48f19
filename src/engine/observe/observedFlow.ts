import type { Protocol } from '../model/types';
import type { Direction } from '../evaluate/compileModel';

/** Hubble's flow verdicts (`flow.proto` enum `Verdict`); `VERDICT_UNKNOWN` also stands for a source that records none. */
export const FLOW_VERDICTS = ['VERDICT_UNKNOWN', 'FORWARDED', 'DROPPED', 'ERROR', 'AUDIT', 'REDIRECTED', 'TRACED', 'TRANSLATED'] as const;
/** One flow verdict. */
export type FlowVerdict = (typeof FLOW_VERDICTS)[number];

/** A Hubble workload (the pod's controller as Cilium resolved it): `{name: 'api', kind: 'Deployment'}`. */
export interface ObservedOwner {
  name: string;
  kind: string;
}

/**
 * One end of an observed flow as the source described it: a pod (Hubble: namespace with a pod name or pod labels),
 * an address (an IP, a CIDR or a `start-end` range, with the Cilium reserved identities it carried, e.g. `world`,
 * `host`), or a workload id written out (`ns/name[Kind]`, the connection-list format).
 */
export type ObservedEndpoint =
  | {
      kind: 'pod';
      namespace: string;
      /** Absent when Hubble knew the pod only by its identity's labels (a remote node's endpoint). */
      podName?: string;
      owners: readonly ObservedOwner[];
      /** The pod's Kubernetes labels (Cilium source `k8s:`, Cilium's own `io.cilium.k8s.*` and namespace labels left out). */
      labels: ReadonlyMap<string, string>;
      ip?: string;
    }
  | {
      kind: 'address';
      /** An IP, a CIDR or `start-end`; absent when the source gave no address. */
      address?: string;
      /** Cilium reserved identities of the end, without the `reserved:` prefix (`world`, `host`, `kube-apiserver`…). */
      reserved: readonly string[];
    }
  | { kind: 'workload'; id: string };

/** One observed connection attempt: initiator to responder on one protocol and destination port (replies are never kept). */
export interface ObservedFlow {
  src: ObservedEndpoint;
  dst: ObservedEndpoint;
  protocol: Protocol;
  port: number;
  verdict: FlowVerdict;
  /** Hubble's `drop_reason_desc`, e.g. `POLICY_DENIED`. */
  dropReason?: string;
  /** Where Hubble observed it: at the source's egress or at the destination's ingress. */
  direction?: Direction;
  /** 1-based line of the record in the file (of the first one, for folded records). */
  line: number;
  /** How many identical records this flow stands for (see `foldObservedFlows`); 1 when absent. */
  records?: number;
}

/** The formats {@link parseObservedFlows} reads. */
export type ObservedFormat = 'hubble' | 'connlist-json' | 'connlist-csv' | 'unknown';

/** What a file held, record by record. */
export interface ObservedFlowStats {
  format: ObservedFormat;
  /** Records read: non-blank lines, array items or CSV rows. */
  records: number;
  /** Flows kept. */
  flows: number;
  /** Hubble records in the reply direction (`is_reply`), left out. */
  replies: number;
  /** Records (or parts of a `conn`) naming no single port: ICMP, no layer 4, a port range, `All Connections`. */
  notPortFlows: number;
  /** Hubble records that are not flows (`node_status`, `lost_events`…). */
  notFlows: number;
  /** Records left out for a problem reported as an issue. */
  invalid: number;
  /** Events Hubble reported lost (`lost_events.num_events_lost`): the file misses that many flows. */
  lostEvents: number;
}
