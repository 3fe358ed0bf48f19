/** The three protocols a NetworkPolicy port may name. */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
/** A NetworkPolicy port protocol. */
export type Protocol = (typeof PROTOCOLS)[number];

/** The two values `spec.policyTypes` may hold. */
export const POLICY_TYPES = ['Ingress', 'Egress'] as const;
/** A NetworkPolicy policy type. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/** The kinds that contribute a workload to the model. */
export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;

/** Where an object or node came from: file, document index and 1-based line/column. */
export interface SourceRef {
  file: string;
  doc: number;
  line: number;
  column: number;
}

/** A string-keyed label map. */
export type Labels = Readonly<Record<string, string>>;

/** One `matchExpressions` requirement of a label selector. */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** A Kubernetes LabelSelector; `{}` (both parts empty) matches everything. */
export interface LabelSelector {
  matchLabels: Labels;
  matchExpressions: LabelSelectorRequirement[];
}

/** Where an inferred workload or namespace comes from: a policy id and the field path of the selector (or peer) it satisfies. */
export interface InferredFrom {
  policy: string;
  path: string;
}

/** A namespace with its labels (always including `kubernetes.io/metadata.name`). */
export interface Namespace {
  name: string;
  labels: Labels;
  /** False when the namespace is only referenced, never declared. */
  isDeclared: boolean;
  source?: SourceRef;
  /** True when no input declares or references it: made up to satisfy a namespaceSelector that matches no namespace. */
  isInferred?: boolean;
  /** For an inferred namespace: the selectors it was made up for. */
  inferredFrom?: InferredFrom[];
}

/** A container port as declared in a pod template. */
export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
}

/** One workload node: a Pod or the pod template of a controller, named `ns/name[Kind]`. */
export interface Workload {
  id: string;
  namespace: string;
  name: string;
  kind: string;
  labels: Labels;
  ports: ContainerPort[];
  ips: string[];
  hostNetwork: boolean;
  source?: SourceRef;
  /** True when no input object contributes it: made up (kind `Inferred`) to satisfy a selector that matches no real workload. */
  isInferred?: boolean;
  /** For an inferred workload: the selectors it was made up for. */
  inferredFrom?: InferredFrom[];
}

/** One entry of a rule's `ports` list after defaulting. */
export interface PolicyPort {
  protocol: Protocol;
  isProtocolDefaulted: boolean;
  /** Absent: every port of the protocol. A string is a named container port. */
  port?: number | string;
  endPort?: number;
}

/** A `podSelector`/`namespaceSelector` peer; an absent selector is `undefined`. */
export interface SelectorPeer {
  kind: 'selector';
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}

/** An `ipBlock` peer. */
export interface IPBlockPeer {
  kind: 'ipBlock';
  cidr: string;
  except: string[];
}

/** One item of a rule's `from`/`to` list. */
export type Peer = SelectorPeer | IPBlockPeer;

/** An ingress or egress rule; empty `peers` means any peer, empty `ports` any port. */
export interface Rule {
  peers: Peer[];
  ports: PolicyPort[];
}

/** A NetworkPolicy after defaulting (semantics §2). */
export interface NetworkPolicy {
  id: string;
  namespace: string;
  name: string;
  podSelector: LabelSelector;
  policyTypes: PolicyType[];
  isPolicyTypesDefaulted: boolean;
  ingress: Rule[];
  egress: Rule[];
  source?: SourceRef;
}

/** What a cluster policy rule does with the traffic it matches: Accept and Deny are final, Pass skips the rest of its tier. */
export type ClusterAction = 'Accept' | 'Deny' | 'Pass';

/** The tier a cluster policy is evaluated in: Admin before NetworkPolicy, Baseline after it. */
export type ClusterTier = 'Admin' | 'Baseline';

/** The kinds of cluster-scoped policy the engine reads (policy.networking.k8s.io). */
export const CLUSTER_POLICY_KINDS = ['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'] as const;
/** A cluster-scoped policy kind. */
export type ClusterPolicyKind = (typeof CLUSTER_POLICY_KINDS)[number];

/**
 * A cluster policy peer (or subject): `namespaces` (every pod of the namespaces the selector matches), `pods`
 * (namespaceSelector and podSelector), `networks` (CIDRs, egress only), or a peer the engine cannot place on a
 * workload or address (`nodes`, `domainNames`): it matches nothing, as in netpol-analyzer (nodes are not pods, and the
 * model knows no node addresses or DNS names).
 */
export type ClusterPeer =
  | { kind: 'namespaces'; namespaceSelector: LabelSelector }
  | { kind: 'pods'; namespaceSelector: LabelSelector; podSelector: LabelSelector }
  | { kind: 'networks'; cidrs: string[] }
  | { kind: 'uninterpreted'; field: 'nodes' | 'domainNames' };

/** One ingress or egress rule of a cluster policy; `ports` undefined means every port of every protocol. */
export interface ClusterRule {
  name: string;
  action: ClusterAction;
  peers: ClusterPeer[];
  ports?: PolicyPort[];
}

/** A ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy or BaselineAdminNetworkPolicy (v1alpha1), in the v1alpha2 vocabulary (Allow read as Accept). */
export interface ClusterPolicy {
  /** `Kind name`, e.g. `AdminNetworkPolicy cluster-guardrails`. */
  id: string;
  kind: ClusterPolicyKind;
  name: string;
  tier: ClusterTier;
  /** 0–1000, lower first; a BaselineAdminNetworkPolicy has none (one per cluster): 0. */
  priority: number;
  /** The pods the policy applies to: a `namespaces` or `pods` peer. */
  subject: ClusterPeer;
  ingress: ClusterRule[];
  egress: ClusterRule[];
  source?: SourceRef;
}

/** An object of a kind the engine does not model, kept aside. */
export interface OtherObject {
  kind: string;
  name: string;
  namespace?: string;
  source: SourceRef;
}

/** How serious an issue is. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the input, located by file, line and field path. */
export interface Issue {
  severity: Severity;
  code: string;
  message: string;
  file: string;
  line?: number;
  column?: number;
  /** `Kind ns/name` of the object concerned, when there is one. */
  object?: string;
  /** Field path inside the object, e.g. `spec.ingress[0].from[1].ipBlock.cidr`. */
  path?: string;
}

/** The whole what-if cluster: namespaces, workloads and policies. */
export interface Model {
  namespaces: Namespace[];
  workloads: Workload[];
  policies: NetworkPolicy[];
  /** Cluster-scoped policies of the Admin and Baseline tiers, in input order. */
  clusterPolicies: ClusterPolicy[];
  others: OtherObject[];
}

/** One input file. */
export interface SourceFile {
  name: string;
  text: string;
}
