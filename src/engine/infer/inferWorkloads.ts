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
  /** The selectors solved to these labels, by their JSON text. */
  selectors: Map<string, LabelSelector>;
  from: InferredFrom[];
  fromKeys: Set<string>;
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

function addTo<G extends Group>(groups: Map<string, G>, key: string, create: () => G, selector: Solved, from: InferredFrom) {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = create()));
  group.selectors.set(selector.key, selector.selector);
  const fromKey = `${from.policy}\u0000${from.path}`;
  if (!group.fromKeys.has(fromKey)) {
    group.fromKeys.add(fromKey);
    group.from.push(from);
  }
}

/** A selector with its JSON text, and its solution with that solution's canonical text (undefined when contradictory). */
interface Solved {
  selector: LabelSelector;
  key: string;
  labels?: Labels;
  labelsKey: string;
}

/** `solveSelector` memoised by the selector's JSON text: policies repeat the same few selectors. */
function solver(): (selector: LabelSelector) => Solved {
  const memo = new Map<string, Solved>();
  return (selector) => {
    const key = JSON.stringify(selector);
    let solved = memo.get(key);
    if (!solved) {
      const labels = solveSelector(selector);
      memo.set(key, (solved = { selector, key, labels, labelsKey: labels ? canonical(labels) : '' }));
    }
    return solved;
  };
}

/** The selector a group is named after: the fewest requirements, then the first in canonical order (independent of input order). */
function simplest(selectors: Iterable<LabelSelector>): LabelSelector {
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
  const solve = solver();
  const isMatched = new Map<string, boolean>();
  for (const use of uses) {
    if (!use.namespaceSelector) continue;
    const solved = solve(use.namespaceSelector);
    const { selector, labels } = solved;
    let matched = isMatched.get(solved.key);
    if (matched === undefined) isMatched.set(solved.key, (matched = namespaces.some((n) => matchesSelector(selector, n.labels))));
    // Every namespace carries kubernetes.io/metadata.name, so a selector requiring its absence matches none.
    if (matched || !labels || selector.matchExpressions.some((r) => r.key === NAMESPACE_NAME_LABEL && r.operator === 'DoesNotExist')) continue;
    addTo(groups, solved.labelsKey, () => ({ labels, selectors: new Map(), from: [], fromKeys: new Set() }), solved, { policy: use.policy.id, path: `${use.path}.namespaceSelector` });
  }
  const taken = new Set(namespaces.map((n) => n.name));
  const inferred: Namespace[] = [];
  for (const [, group] of [...groups].sort(byKey)) {
    const pinned = group.labels[NAMESPACE_NAME_LABEL];
    const withName = (name: string) => ({ ...group.labels, [NAMESPACE_NAME_LABEL]: name });
    const isFree = (name: string) => DNS_LABEL.test(name) && !taken.has(name) && [...group.selectors.values()].every((s) => matchesSelector(s, withName(name)));
    const name = pinned !== undefined ? (isFree(pinned) ? pinned : undefined) : freeName(inferredName(simplest(group.selectors.values()), group.labels, 'other-namespace'), isFree);
    if (name === undefined) continue;
    taken.add(name);
    inferred.push({ name, labels: withName(name), isDeclared: false, isInferred: true, inferredFrom: group.from });
  }
  return inferred;
}

/** 2. workloads for each (namespace, pod selector) that no real workload matches, one per distinct solved label set. */
function inferPods(uses: readonly SelectorUse[], namespaces: readonly Namespace[], real: readonly Workload[]): Workload[] {
  const realByNamespace = new Map<string, Workload[]>();
  for (const w of real) {
    const list = realByNamespace.get(w.namespace);
    if (list) list.push(w);
    else realByNamespace.set(w.namespace, [w]);
  }
  const solve = solver();
  const targetsOf = new Map<string, string[]>();
  const isMatchedIn = new Map<string, Map<string, boolean>>();
  const groups = new Map<string, Group & { namespace: string }>();
  for (const use of uses) {
    const solved = solve(use.podSelector);
    const { selector, labels } = solved;
    if (!labels) continue;
    let targets = [use.policy.namespace];
    if (use.namespaceSelector) {
      const nsSolved = solve(use.namespaceSelector);
      let matching = targetsOf.get(nsSolved.key);
      if (!matching) targetsOf.set(nsSolved.key, (matching = namespaces.filter((n) => matchesSelector(nsSolved.selector, n.labels)).map((n) => n.name)));
      targets = matching;
    }
    let isMatched = isMatchedIn.get(solved.key);
    if (!isMatched) isMatchedIn.set(solved.key, (isMatched = new Map()));
    const matchedIn = (ns: string) => {
      let matched = isMatched.get(ns);
      if (matched === undefined) isMatched.set(ns, (matched = (realByNamespace.get(ns) ?? []).some((w) => matchesSelector(selector, w.labels))));
      return matched;
    };
    // A peer whose namespaceSelector spans several namespaces and already admits a real pod in one of them (kube-dns in
    // kube-system for `namespaceSelector: {}`) means that pod: no stand-in in every other namespace.
    if (use.namespaceSelector && targets.some(matchedIn)) continue;
    for (const ns of targets) {
      if (matchedIn(ns)) continue;
      addTo(groups, `${ns}\u0000${solved.labelsKey}`, () => ({ namespace: ns, labels, selectors: new Map(), from: [], fromKeys: new Set() }), solved, { policy: use.policy.id, path: use.path });
    }
  }
  const taken = new Set<string>();
  const inferred: Workload[] = [];
  for (const [, group] of [...groups].sort(byKey)) {
    const name = freeName(inferredName(simplest(group.selectors.values()), group.labels, 'any-pod'), (n) => !taken.has(`${group.namespace}/${n}`));
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
 * namespaceSelector matches, unless it already admits a real pod in one of
 * them) that no real workload matches there, a workload of
 * kind `Inferred` whose labels satisfy it (`solveSelector`), one per distinct
 * label set and namespace, named from the labels (`app=db` → `db`, `{}` →
 * `any-pod`). Contradictory selectors infer nothing. Real workloads always win:
 * adding one that matches makes the inferred one disappear. Inferred objects
 * already in `model` are recomputed, so the function is idempotent.
 */
export function inferWorkloads(model: Model): Model {
  const { namespaces: realNamespaces, workloads: real } = withoutInferred(model);
  const { inferredNamespaces, inferred } = inferredOf(model.policies, realNamespaces, real);
  if (inferred.length === 0 && inferredNamespaces.length === 0) return withoutInferred(model);
  return { ...model, namespaces: [...realNamespaces, ...inferredNamespaces], workloads: [...real, ...inferred] };
}

/** What inference reads of each policy, namespace and workload, as text; kept per object, which decoding reuses while it is unchanged. */
const readsOf = new WeakMap<object, string>();

function reads(object: NetworkPolicy | Namespace | Workload): string {
  let known = readsOf.get(object);
  if (known === undefined) {
    if ('podSelector' in object) known = JSON.stringify([object.id, object.namespace, object.podSelector, selectorsOf(object.ingress), selectorsOf(object.egress)]);
    else if ('kind' in object) known = JSON.stringify([object.namespace, object.labels]);
    else known = JSON.stringify([object.name, object.labels]);
    readsOf.set(object, known);
  }
  return known;
}

const selectorsOf = (rules: NetworkPolicy['ingress']) => rules.map((r) => r.peers.map((p) => (p.kind === 'selector' ? [p.podSelector, p.namespaceSelector ?? null] : null)));

/** True when inference reads the same of both lists: the same objects, or objects it reads alike. */
function readsAlike<T extends NetworkPolicy | Namespace | Workload>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || reads(x) === reads(b[i]));
}

/** The last inference and what it read. */
let last: { policies: readonly NetworkPolicy[]; namespaces: readonly Namespace[]; real: readonly Workload[]; result: { inferredNamespaces: Namespace[]; inferred: Workload[] } } | undefined;

/** The inferred namespaces and workloads, computed again only when what they are inferred from changed (an edit of ports, ipBlocks or names of nothing selected reuses them). */
function inferredOf(policies: readonly NetworkPolicy[], namespaces: readonly Namespace[], real: readonly Workload[]): { inferredNamespaces: Namespace[]; inferred: Workload[] } {
  if (last !== undefined && readsAlike(policies, last.policies) && readsAlike(namespaces, last.namespaces) && readsAlike(real, last.real)) {
    last = { ...last, policies, namespaces, real };
    return last.result;
  }
  const uses = selectorUses(policies);
  const inferredNamespaces = inferNamespaces(uses, namespaces);
  const inferred = inferPods(uses, [...namespaces, ...inferredNamespaces], real);
  last = { policies, namespaces, real, result: { inferredNamespaces, inferred } };
  return last.result;
}

/** The model without inferred workloads and namespaces: only what the input holds. */
export function withoutInferred(model: Model): Model {
  if (!model.workloads.some((w) => w.isInferred) && !model.namespaces.some((n) => n.isInferred)) return model;
  return { ...model, namespaces: model.namespaces.filter((n) => !n.isInferred), workloads: model.workloads.filter((w) => !w.isInferred) };
}
