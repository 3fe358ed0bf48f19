import type { ClusterPolicy, ClusterRule, LabelSelector, Model, NetworkPolicy, Rule, SourceRef } from '../model/types';
import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import { isEmptySelector, matchesSelector } from '../selectors/matchesSelector';
import { selectorKey } from './selectorRequirements';

/**
 * A pod the cluster does not hold but a policy rule names: any pod matching `podSelector` (absent: any pod) in any
 * namespace matching `namespaceSelector` (empty: any namespace). A NetworkPolicy peer without a namespaceSelector names
 * pods of the policy's own namespace: `namespace` is that namespace and `namespaceSelector` its name label.
 */
export interface Representative {
  /** Same key, same pods named: rules spelling one selector differently share one representative. */
  key: string;
  namespace?: string;
  namespaceSelector: LabelSelector;
  podSelector?: LabelSelector;
  /** The selectors' requirement keys (`selectorKey`), which rule selectors must equal to name it. */
  namespaceKey: string;
  podKey: string;
}

/** True when a NetworkPolicy peer names every pod of every namespace: `namespaceSelector: {}` with no or an empty podSelector. */
export function isAllNamespacesPeer(namespaceSelector: LabelSelector | undefined, podSelector: LabelSelector | undefined): boolean {
  return namespaceSelector !== undefined && isEmptySelector(namespaceSelector) && (podSelector === undefined || isEmptySelector(podSelector));
}

/** True when a cluster policy rule names every pod of every namespace through one of its peers. */
export function isAllNamespacesClusterRule(rule: ClusterRule): boolean {
  return rule.peers.some((p) => (p.kind === 'namespaces' && isEmptySelector(p.namespaceSelector)) || (p.kind === 'pods' && isEmptySelector(p.namespaceSelector) && isEmptySelector(p.podSelector)));
}

type Selectors = Omit<Representative, 'key' | 'namespaceKey' | 'podKey'>;

/**
 * The selector pairs of a NetworkPolicy rule: none when the rule names every peer or, as netpol-analyzer reads it, when
 * one of its peers names every namespace (that peer makes the rule a cluster-wide one); otherwise one per selector peer.
 */
function ruleSelectors(policy: NetworkPolicy, rule: Rule): Selectors[] {
  const out: Selectors[] = [];
  for (const peer of rule.peers) {
    if (peer.kind === 'ipBlock') continue;
    if (isAllNamespacesPeer(peer.namespaceSelector, peer.podSelector)) return [];
    out.push(
      peer.namespaceSelector === undefined
        ? { namespace: policy.namespace, namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: policy.namespace }, matchExpressions: [] }, podSelector: peer.podSelector }
        : { namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector },
    );
  }
  return out;
}

/** The selector pairs of a cluster policy rule: one per `namespaces` or `pods` peer that does not name every pod. */
function clusterRuleSelectors(rule: ClusterRule): Selectors[] {
  const out: Selectors[] = [];
  for (const peer of rule.peers) {
    if (peer.kind === 'namespaces' && !isEmptySelector(peer.namespaceSelector)) out.push({ namespaceSelector: peer.namespaceSelector });
    if (peer.kind === 'pods' && !isAllNamespacesPeer(peer.namespaceSelector, peer.podSelector)) out.push({ namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector });
  }
  return out;
}

function policySelectors(policy: NetworkPolicy | ClusterPolicy): Selectors[] {
  if ('tier' in policy) return [...policy.ingress, ...policy.egress].flatMap(clusterRuleSelectors);
  const ingress = policy.policyTypes.includes('Ingress') ? policy.ingress : [];
  const egress = policy.policyTypes.includes('Egress') ? policy.egress : [];
  return [...ingress, ...egress].flatMap((rule) => ruleSelectors(policy, rule));
}

function compareSources(a: SourceRef | undefined, b: SourceRef | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.doc - b.doc;
}

/** The pod selector of a representative a real workload can be: both selectors plain, non-empty `matchLabels`; otherwise undefined. */
function realisablePodSelector(rep: Representative): LabelSelector | undefined {
  const { podSelector, namespaceSelector } = rep;
  if (podSelector === undefined || podSelector.matchExpressions.length > 0 || namespaceSelector.matchExpressions.length > 0) return undefined;
  return isEmptySelector(podSelector) || isEmptySelector(namespaceSelector) ? undefined : podSelector;
}

/**
 * The representative peers of a model, as netpol-analyzer's exposure analysis makes them: 1. walk the policies in input
 * order (NetworkPolicies and cluster policies by file and document), ingress rules before egress rules, 2. take each
 * selector peer that does not name every pod (those make a cluster-wide exposure instead), keeping the first of each
 * key, 3. drop those a real workload already is: plain `matchLabels` selectors of both pod and namespace that the
 * workload and its namespace satisfy (any-pod, any-namespace and `matchExpressions` representatives stay).
 */
export function representativePeers(model: Model): Representative[] {
  const policies: (NetworkPolicy | ClusterPolicy)[] = [...model.policies, ...model.clusterPolicies];
  const ordered = policies.map((p, i) => ({ p, i })).sort((a, b) => compareSources(a.p.source, b.p.source) || a.i - b.i);
  const byKey = new Map<string, Representative>();
  for (const { p } of ordered) {
    for (const s of policySelectors(p)) {
      const namespaceKey = selectorKey(s.namespaceSelector);
      const podKey = selectorKey(s.podSelector);
      const key = `${namespaceKey}|${podKey}`;
      if (!byKey.has(key)) byKey.set(key, { key, ...s, namespaceKey, podKey });
    }
  }
  const labelsByNamespace = new Map<string, Readonly<Record<string, string>>[]>();
  for (const w of model.workloads) {
    if (w.isInferred) continue;
    const list = labelsByNamespace.get(w.namespace);
    if (list) list.push(w.labels);
    else labelsByNamespace.set(w.namespace, [w.labels]);
  }
  const nsLabels = new Map(model.namespaces.map((ns) => [ns.name, ns.labels]));
  const isRealised = (rep: Representative) => {
    const podSelector = realisablePodSelector(rep);
    if (podSelector === undefined) return false;
    for (const [ns, pods] of labelsByNamespace) {
      if (matchesSelector(rep.namespaceSelector, nsLabels.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns }) && pods.some((labels) => matchesSelector(podSelector, labels))) return true;
    }
    return false;
  };
  return [...byKey.values()].filter((rep) => !isRealised(rep));
}
