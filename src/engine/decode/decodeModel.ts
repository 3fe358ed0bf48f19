import { CLUSTER_POLICY_KINDS, WORKLOAD_KINDS, type ClusterPolicy, type ClusterPolicyKind, type Issue, type LabelSelector, type Model, type Namespace, type NetworkPolicy, type OtherObject, type SourceFile, type Workload } from '../model/types';
import { parseYamlFile, type YamlDocument } from '../yaml/parseYamlFile';
import { sharedYamlChunkCache } from '../yaml/yamlChunkCache';
import { decodePolicy } from './decodePolicy';
import { decodeClusterPolicy } from './decodeClusterPolicy';
import { expandLists } from './expandLists';
import { decodeWorkload } from './decodeWorkload';
import { validateName } from '../validate/validateName';
import { decodeLabels } from './decodeLabels';
import { optionalMap, optionalString, report, reportFindings, sourceRef, type DecodeContext, type RawMap } from './decodeContext';

/** The label every namespace carries with its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A NetworkPolicy left out of the model for an error: its id, namespace, the first error, and its podSelector when that decodes. */
export interface IgnoredPolicy {
  id: string;
  namespace: string;
  reason: string;
  podSelector?: LabelSelector;
}

/** The decoded model, the issues met, which objects (by `Kind ns/name`) have errors, and the policies left out for them. */
export interface DecodedModel {
  model: Model;
  issues: Issue[];
  invalidObjects: ReadonlySet<string>;
  ignoredPolicies: IgnoredPolicy[];
}

function namespaceOf(labels: Record<string, string>, name: string, isDeclared: boolean, ctx?: DecodeContext): Namespace {
  return {
    name,
    labels: { ...labels, [NAMESPACE_NAME_LABEL]: name },
    isDeclared,
    ...(ctx ? { source: sourceRef(ctx, '') } : {}),
  };
}

function mergeWorkload(into: Workload, extra: Workload): Workload {
  const ports = [...into.ports];
  for (const p of extra.ports) {
    if (!ports.some((q) => q.containerPort === p.containerPort && q.protocol === p.protocol && q.name === p.name)) ports.push(p);
  }
  return { ...into, ports, ips: [...new Set([...into.ips, ...extra.ips])], hostNetwork: into.hostNetwork || extra.hostNetwork };
}

/** What one object decodes to on its own; whether its name repeats an earlier object's is checked across objects. */
interface DecodedObject {
  /** `Kind ns/name`, or `Kind name` for a Namespace. */
  object: string;
  name: string;
  /** Issues before the name check: metadata of the wrong type, or no name. */
  leading: Issue[];
  /** Issues after it: the name's format, labels, the content. */
  trailing: Issue[];
  hasError: boolean;
  /** The model object, of the kind the object is modelled as. */
  decoded:
    | { kind: 'namespace'; value: Namespace }
    | { kind: 'workload'; value: Workload }
    | { kind: 'policy'; value: NetworkPolicy }
    | { kind: 'clusterPolicy'; value: ClusterPolicy }
    | { kind: 'other'; value: OtherObject };
  /** Where the object is, to report a duplicate name (with another issue sink: the object's issues are shared). */
  ctx: DecodeContext;
}

/** A document decoded: the issues of its structure (not an object, no kind) and its objects. */
interface DecodedDocument {
  issues: Issue[];
  objects: DecodedObject[];
}

/** Documents decoded, by document object: a document parsed through the shared cache and placed alike is the same object, so an edit decodes only what it changed. */
const decodedDocuments = new WeakMap<YamlDocument, DecodedDocument>();

const isError = (issue: Issue) => issue.severity === 'error';

/** An error that leaves a policy's podSelector undecided: at `spec` or under `spec.podSelector`. */
const isSelectorError = (issue: Issue) => issue.severity === 'error' && (issue.path === 'spec' || issue.path === 'spec.podSelector' || (issue.path?.startsWith('spec.podSelector.') ?? false));

function ignoredPolicy(policy: NetworkPolicy, issues: readonly Issue[]): IgnoredPolicy {
  const reason = issues.find(isError)?.message ?? `${policy.id} is defined more than once`;
  return { id: policy.id, namespace: policy.namespace, reason, ...(issues.some(isSelectorError) ? {} : { podSelector: policy.podSelector }) };
}

function decodeObject(doc: YamlDocument, base: string, raw: RawMap, kind: string): DecodedObject {
  const issues: Issue[] = [];
  const probe: DecodeContext = { doc, base, object: kind, issues };
  const metadata = optionalMap(probe, raw.metadata, 'metadata') ?? {};
  const name = optionalString(probe, metadata.name, 'metadata.name') ?? '';
  const isClusterPolicy = (CLUSTER_POLICY_KINDS as readonly string[]).includes(kind);
  const isNamespaced = kind !== 'Namespace' && !isClusterPolicy;
  const namespace = isNamespaced ? optionalString(probe, metadata.namespace, 'metadata.namespace') || 'default' : '';
  const object = isNamespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
  const ctx: DecodeContext = { doc, base, object, issues };
  for (const issue of issues) issue.object = object;
  if (name === '') report(ctx, 'error', 'required', 'metadata.name', 'metadata.name is required');
  const leading = issues.splice(0);
  const isWorkload = (WORKLOAD_KINDS as readonly string[]).includes(kind);
  const isModelled = kind === 'Namespace' || kind === 'NetworkPolicy' || isWorkload || isClusterPolicy;
  if (isModelled) reportFindings(ctx, validateName(kind, name, isNamespaced ? namespace : undefined));
  const labels = isModelled && kind !== 'Pod' ? decodeLabels(ctx, metadata.labels, 'metadata.labels') : {};
  let decoded: DecodedObject['decoded'];
  if (kind === 'Namespace') decoded = { kind: 'namespace', value: namespaceOf(labels, name, true, ctx) };
  else if (isWorkload) decoded = { kind: 'workload', value: decodeWorkload(ctx, raw, kind, name, namespace) };
  else if (kind === 'NetworkPolicy') decoded = { kind: 'policy', value: decodePolicy(ctx, raw, name, namespace) };
  else if (isClusterPolicy) decoded = { kind: 'clusterPolicy', value: decodeClusterPolicy(ctx, raw, kind as ClusterPolicyKind, name) };
  else {
    decoded = { kind: 'other', value: { kind, name, ...(isNamespaced ? { namespace } : {}), source: sourceRef(ctx, '') } };
    report(ctx, 'info', 'ignored-kind', '', `${kind} is not part of NetworkPolicy analysis; kept aside`);
  }
  return { object, name, leading, trailing: issues, hasError: leading.some(isError) || issues.some(isError), decoded, ctx };
}

function decodeDocument(doc: YamlDocument): DecodedDocument {
  let decoded = decodedDocuments.get(doc);
  if (decoded === undefined) {
    const issues: Issue[] = [];
    const objects = expandLists(doc, issues).map(({ base, raw, kind }) => decodeObject(doc, base, raw, kind));
    decoded = { issues, objects };
    decodedDocuments.set(doc, decoded);
  }
  return decoded;
}

/** Warns when a cluster policy has the priority of an earlier one of its tier: which of the two applies first is implementation-defined. */
function reportSharedPriority(policy: ClusterPolicy, earlier: readonly ClusterPolicy[], ctx: DecodeContext): void {
  if (policy.kind === 'BaselineAdminNetworkPolicy') return;
  const other = earlier.find((p) => p.tier === policy.tier && p.priority === policy.priority && p.kind !== 'BaselineAdminNetworkPolicy');
  if (!other) return;
  const message = `spec.priority: ${other.id} has the same priority (${policy.priority}) in the ${policy.tier} tier; which of the two applies first is implementation-defined (netpol-analyzer refuses it): give them distinct priorities`;
  report(ctx, 'warning', 'cluster-shared-priority', 'spec.priority', message);
}

/**
 * Decodes files of Kubernetes manifests into the model: 1. parse YAML/JSON,
 * 2. expand `List` kinds, 3. decode each object, recording issues with their
 * field path and line (each document once while it is unchanged and in the
 * same place), 4. check names across objects, 5. add namespaces that are
 * referenced but not declared.
 */
export function decodeModel(files: readonly SourceFile[]): DecodedModel {
  const issues: Issue[] = [];
  const invalidObjects = new Set<string>();
  const namespaces = new Map<string, Namespace>();
  const workloads = new Map<string, Workload>();
  const policies: NetworkPolicy[] = [];
  const clusterPolicies: ClusterPolicy[] = [];
  const ignoredPolicies: IgnoredPolicy[] = [];
  const others: Model['others'] = [];
  const seen = new Set<string>();

  for (const file of files) {
    const parsed = parseYamlFile(file, sharedYamlChunkCache);
    issues.push(...parsed.issues);
    for (const doc of parsed.documents) {
      const decoded = decodeDocument(doc);
      issues.push(...decoded.issues);
      for (const o of decoded.objects) {
        issues.push(...o.leading);
        const isDuplicate = o.name !== '' && seen.has(o.object);
        if (isDuplicate) report({ ...o.ctx, issues }, 'error', 'duplicate-name', 'metadata.name', `${o.object} is defined more than once`);
        seen.add(o.object);
        issues.push(...o.trailing);
        const isValid = !o.hasError && !isDuplicate;
        if (!isValid) invalidObjects.add(o.object);
        if (o.decoded.kind === 'other') others.push(o.decoded.value);
        else if (!isValid && o.decoded.kind === 'policy') ignoredPolicies.push(ignoredPolicy(o.decoded.value, [...o.leading, ...o.trailing]));
        else if (!isValid) continue;
        else if (o.decoded.kind === 'namespace') namespaces.set(o.decoded.value.name, o.decoded.value);
        else if (o.decoded.kind === 'policy') policies.push(o.decoded.value);
        else if (o.decoded.kind === 'clusterPolicy') {
          reportSharedPriority(o.decoded.value, clusterPolicies, { ...o.ctx, issues });
          clusterPolicies.push(o.decoded.value);
        }
        else {
          const w = o.decoded.value;
          const existing = workloads.get(w.id);
          workloads.set(w.id, existing ? mergeWorkload(existing, w) : w);
        }
      }
    }
  }
  for (const ns of [...workloads.values(), ...policies].map((o) => o.namespace)) {
    if (!namespaces.has(ns)) namespaces.set(ns, namespaceOf({}, ns, false));
  }
  return {
    model: { namespaces: [...namespaces.values()], workloads: [...workloads.values()], policies, clusterPolicies, others },
    issues,
    invalidObjects,
    ignoredPolicies,
  };
}
