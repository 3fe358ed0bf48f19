import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import type { InferredFrom, LabelSelector, Labels, Model, Namespace, NetworkPolicy, Workload } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';
import { inferredName } from './inferredName';
import { solveSelector } from './solveSelector';

/** The kind of an inferred workload, so its id reads `ns/name[Inferred]`. */
export const INFERRED_KIND = 'Inferred';

const EVERY_POD: LabelSelector = { matchLabels: {}, matchExpressions: [] };
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** One place a policy selects pods: its spec.podSelector, or a selector peer of one of its rules. */
interface SelectorUse {
  policy: NetworkPolicy;
  path: string;
  podSelector: LabelSelector;
  namespaceSelector?: LabelSelector;
}

/** Labels solved for some selectors, and where those selectors are. */
interface Group {
  labels: Labels;
  selectors: LabelSelector[];
  from: InferredFrom[];
}

function selectorUses(policies: readonly NetworkPolicy[]): SelectorUse[] {
  const uses: SelectorUse[] = [];
  for (const policy of policies) {
    uses.push({ policy, path: 'spec.podSelector', podSelector: policy.podSelector });
    for (const direction of ['ingress', 'egress'] as const) {
      policy[direction].forEach((rule, r) =>
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'selector') return;
          const path = `spec.${direction}[${r}].${direction === 'ingress' ? 'from' : 'to'}[${i}]`;
          uses.push({ policy, path, podSelector: peer.podSelector ?? EVERY_POD, ...(peer.namespaceSelector ? { namespaceSelector: peer.namespaceSelector } : {}) });
        }),
      );
    }
  }
  return uses;
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
const canonical = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(byKey));

function addTo(groups: Map<string, Group>, key: string, labels: Labels, selector: LabelSelector, from: InferredFrom) {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { labels, selectors: [], from: [] }));
  group.selectors.push(selector);
  if (!group.from.some((f) => f.policy === from.policy && f.path === from.path)) group.from.push(from);
}

/** The selector a group is named after: the fewest requirements, then the first in canonical order (independent of input order). */
function simplest(selectors: readonly LabelSelector[]): LabelSelector {
  const weight = (s: LabelSelector) => Object.keys(s.matchLabels).length + s.matchExpressions.length;
  const text = (s: LabelSelector) => JSON.stringify([Object.entries(s.matchLabels).sort(byKey), s.matchExpressions]);
  return [...selectors].sort((a, b) => weight(a) - weight(b) || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0))[0];
}

/** `base`, then `base-2`, `base-3`, … up to ten tries: the first that `isFree` accepts. */
function freeName(base: string, isFree: (name: string) => boolean): string | undefined {
  for (let n = 1; n <= 10; n++) {
    const name = n === 1 ? base : `${base.slice(0, 40)}-${n}`;
    if (isFree(name)) return name;
  }
  return undefined;
}

/** 1. namespaces for namespaceSelectors that match no namespace of the input. */
function inferNamespaces(uses: readonly SelectorUse[], namespaces: readonly Namespace[]): Namespace[] {
  const groups = new Map<string, Group>();
  for (const use of uses) {
    const selector = use.namespaceSelector;
    if (!selector || namespaces.some((n) => matchesSelector(selector, n.labels))) continue;
    // Every namespace carries kubernetes.io/metadata.name, so a selector requiring its absence matches none.
    if (selector.matchExpressions.some((r) => r.key === NAMESPACE_NAME_LABEL && r.operator === 'DoesNotExist')) continue;
    const labels = solveSelector(selector);
    if (labels) addTo(groups, canonical(labels), labels, selector, { policy: use.policy.id, path: `${use.path}.namespaceSelector` });
  }
  const taken = new Set(namespaces.map((n) => n.name));
  const inferred: Namespace[] = [];
  for (const [, group] of [...groups].sort(byKey)) {
    const pinned = group.labels[NAMESPACE_NAME_LABEL];
    const withName = (name: string) => ({ ...group.labels, [NAMESPACE_NAME_LABEL]: name });
    const isFree = (name: string) => DNS_LABEL.test(name) && !taken.has(name) && group.selectors.every((s) => matchesSelector(s, withName(name)));
    const name = pinned !== undefined ? (isFree(pinned) ? pinned : undefined) : freeName(inferredName(simplest(group.selectors), group.labels, 'other-namespace'), isFree);
    if (name === undefined) continue;
    taken.add(name);
    inferred.push({ name, labels: withName(name), isDeclared: false, isInferred: true, inferredFrom: group.from });
  }
  return inferred;
}

/** 2. workloads for each (namespace, pod selector) that no real workload matches, one per distinct solved label set. */
function inferPods(uses: readonly SelectorUse[], namespaces: readonly Namespace[], real: readonly Workload[]): Workload[] {
  const realByNamespace = new Map<string, Workload[]>();
  for (const w of real) realByNamespace.set(w.namespace, [...(realByNamespace.get(w.namespace) ?? []), w]);
  const isMatched = new Map<string, boolean>();
  const groups = new Map<string, Group & { namespace: string }>();
  for (const use of uses) {
    const labels = solveSelector(use.podSelector);
    if (!labels) continue;
    const nsSelector = use.namespaceSelector;
    const targets = nsSelector ? namespaces.filter((n) => matchesSelector(nsSelector, n.labels)).map((n) => n.name) : [use.policy.namespace];
    const selectorKey = JSON.stringify(use.podSelector);
    for (const ns of targets) {
      const memo = `${ns}\u0000${selectorKey}`;
      let matched = isMatched.get(memo);
      if (matched === undefined) isMatched.set(memo, (matched = (realByNamespace.get(ns) ?? []).some((w) => matchesSelector(use.podSelector, w.labels))));
      if (matched) continue;
      const key = `${ns}\u0000${canonical(labels)}`;
      if (!groups.has(key)) groups.set(key, { namespace: ns, labels, selectors: [], from: [] });
      addTo(groups, key, labels, use.podSelector, { policy: use.policy.id, path: use.path });
    }
  }
  const taken = new Set<string>();
  const inferred: Workload[] = [];
  for (const [, group] of [...groups].sort(byKey)) {
    const name = freeName(inferredName(simplest(group.selectors), group.labels, 'any-pod'), (n) => !taken.has(`${group.namespace}/${n}`));
    if (name === undefined) continue;
    taken.add(`${group.namespace}/${name}`);
    inferred.push({
      id: `${group.namespace}/${name}[${INFERRED_KIND}]`,
      namespace: group.namespace,
      name,
      kind: INFERRED_KIND,
      labels: group.labels,
      ports: [],
      ips: [],
      hostNetwork: false,
      isInferred: true,
      inferredFrom: group.from,
    });
  }
  return inferred.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The model with what its policies mean made visible when the input lacks the
 * workloads they select (a file of policies only): 1. a namespace, marked
 * `isInferred`, for each namespaceSelector that matches no namespace, with labels
 * satisfying it; 2. for each policy's spec.podSelector (in its namespace) and
 * each selector peer (in the policy's namespace, or in every namespace its
 * namespaceSelector matches) that no real workload matches there, a workload of
 * kind `Inferred` whose labels satisfy it (`solveSelector`), one per distinct
 * label set and namespace, named from the labels (`app=db` → `db`, `{}` →
 * `any-pod`). Contradictory selectors infer nothing. Real workloads always win:
 * adding one that matches makes the inferred one disappear. Inferred objects
 * already in `model` are recomputed, so the function is idempotent.
 */
export function inferWorkloads(model: Model): Model {
  const { namespaces: realNamespaces, workloads: real } = withoutInferred(model);
  const uses = selectorUses(model.policies);
  const inferredNamespaces = inferNamespaces(uses, realNamespaces);
  const namespaces = [...realNamespaces, ...inferredNamespaces];
  const inferred = inferPods(uses, namespaces, real);
  if (inferred.length === 0 && inferredNamespaces.length === 0) return withoutInferred(model);
  return { ...model, namespaces, workloads: [...real, ...inferred] };
}

/** The model without inferred workloads and namespaces: only what the input holds. */
export function withoutInferred(model: Model): Model {
  if (!model.workloads.some((w) => w.isInferred) && !model.namespaces.some((n) => n.isInferred)) return model;
  return { ...model, namespaces: model.namespaces.filter((n) => !n.isInferred), workloads: model.workloads.filter((w) => !w.isInferred) };
}
