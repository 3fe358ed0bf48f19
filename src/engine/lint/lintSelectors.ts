import type { CompiledModel } from '../evaluate/compileModel';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import { matchesSelector } from '../selectors/matchesSelector';
import { withoutInferred } from '../infer/inferWorkloads';
import { peerToRaw, ruleToRaw } from '../generate/ruleToRaw';
import type { Model, Rule, SelectorPeer } from '../model/types';
import type { Lint } from './lint';

/** The rule with the namespaceSelector peer `ns` and the podSelector peer `pod` joined into one peer in `ns`'s place. */
function joinedRule(rule: Rule, ns: number, pod: number, joined: SelectorPeer, direction: 'ingress' | 'egress'): Record<string, unknown> {
  const raw = ruleToRaw(rule, direction);
  const key = direction === 'ingress' ? 'from' : 'to';
  return { ...raw, [key]: rule.peers.flatMap((peer, i) => (i === pod ? [] : [peerToRaw(i === ns ? joined : peer)])) };
}

const byNamespaceCache = new WeakMap<Model, Map<string, Model['workloads'][number][]>>();

/** True when the selector peer of a policy in `ns` admits some workload of the model (namespaces matched once each). */
function admitsAny(model: Model, compiled: CompiledModel, peer: SelectorPeer, ns: string): boolean {
  let byNamespace = byNamespaceCache.get(model);
  if (!byNamespace) {
    byNamespace = new Map();
    for (const w of model.workloads) {
      const list = byNamespace.get(w.namespace);
      if (list) list.push(w);
      else byNamespace.set(w.namespace, [w]);
    }
    byNamespaceCache.set(model, byNamespace);
  }
  for (const [name, workloads] of byNamespace) {
    if (peerNamespaceMatches(peer, ns, name, compiled.namespaceLabels.get(name) ?? {}) && workloads.some((w) => peerPodMatches(peer, w.labels))) return true;
  }
  return false;
}

/**
 * Selectors that match nothing: a policy whose podSelector selects no workload,
 * a namespaceSelector matching no namespace, a selector peer admitting no pod;
 * and the one-dash mistake both ways — a namespaceSelector peer next to a
 * podSelector peer that only makes sense joined, or a joined peer that only makes
 * sense split. All are judged on the real workloads and namespaces: a selector
 * that only inferred ones match (a file of policies without workloads) is not
 * reported here but summed up by `lintInferred`.
 */
export function lintSelectors(model: Model, compiled: CompiledModel): Lint[] {
  const lints: Lint[] = [];
  const real = withoutInferred(model);
  for (const p of model.policies) {
    if (!model.workloads.some((w) => w.namespace === p.namespace && matchesSelector(p.podSelector, w.labels))) lints.push({ code: 'policy-selects-nothing', severity: 'warning', message: `${p.id} selects no workload in ${p.namespace}: it has no effect.`, objects: [p.id] });
    for (const direction of ['ingress', 'egress'] as const) {
      p[direction].forEach((rule, r) => {
        const where = `${p.id} ${direction} rule ${r + 1}`;
        const selectorPeers = rule.peers.flatMap((peer, i) => (peer.kind === 'selector' ? [{ peer, i }] : []));
        for (const { peer, i } of selectorPeers) {
          const matchesNamespace = (m: Model) => m.namespaces.some((n) => matchesSelector(peer.namespaceSelector!, n.labels));
          if (peer.namespaceSelector && !matchesNamespace(real)) {
            if (!matchesNamespace(model)) lints.push({ code: 'namespace-selector-matches-nothing', severity: 'warning', message: `${where}, peer ${i + 1}: the namespaceSelector matches no namespace.`, objects: [p.id] });
          } else if (!admitsAny(real, compiled, peer, p.namespace)) {
            const split = peer.namespaceSelector && peer.podSelector && admitsAny(real, compiled, { kind: 'selector', podSelector: peer.podSelector, namespaceSelector: { matchLabels: {}, matchExpressions: [] } }, p.namespace);
            // podSelector alone means the policy's namespace: pods with those labels elsewhere make it a likely mistake, inferred stand-in or not.
            const elsewhere = !peer.namespaceSelector && peer.podSelector ? [...new Set(real.workloads.filter((w) => w.namespace !== p.namespace && matchesSelector(peer.podSelector!, w.labels)).map((w) => w.namespace))] : [];
            if (elsewhere.length > 0) {
              lints.push({ code: 'peer-matches-nothing', severity: 'warning', message: `${where}, peer ${i + 1}: the podSelector admits no workload in ${p.namespace} (without a namespaceSelector it means the policy's namespace only); matching pods exist in ${elsewhere.join(', ')} — add a namespaceSelector?`, objects: [p.id] });
              continue;
            }
            if (!split && admitsAny(model, compiled, peer, p.namespace)) continue;
            lints.push(
              split
                ? { code: 'joined-peer-matches-nothing', severity: 'warning', message: `${where}, peer ${i + 1}: namespaceSelector and podSelector in one peer admit no pod (both must hold); the pods exist in other namespaces — did you mean two peers?`, objects: [p.id] }
                : { code: 'peer-matches-nothing', severity: 'warning', message: `${where}, peer ${i + 1}: the selector admits no workload.`, objects: [p.id] },
            );
          }
        }
        const nsOnly = selectorPeers.filter(({ peer }) => peer.namespaceSelector && !peer.podSelector);
        const podOnly = selectorPeers.filter(({ peer }) => peer.podSelector && !peer.namespaceSelector);
        for (const ns of nsOnly) {
          for (const pod of podOnly) {
            const joined: SelectorPeer = { kind: 'selector', namespaceSelector: ns.peer.namespaceSelector, podSelector: pod.peer.podSelector };
            if (!admitsAny(real, compiled, pod.peer, p.namespace) && admitsAny(real, compiled, joined, p.namespace)) {
              lints.push({
                code: 'split-peer',
                severity: 'warning',
                message: `${where}: peers ${ns.i + 1} and ${pod.i + 1} are two peers (ORed): every pod of the selected namespaces, or matching pods in ${p.namespace} only. Written as one peer they would mean matching pods in the selected namespaces.`,
                objects: [p.id],
                fix: { description: `Join peers ${ns.i + 1} and ${pod.i + 1} of ${where} into one peer (namespaceSelector and podSelector under one dash).`, changes: [{ kind: 'replace-rule', policy: p.id, direction, ruleIndex: r, rule: joinedRule(rule, ns.i, pod.i, joined, direction) }] },
              });
            }
          }
        }
      });
    }
  }
  return lints;
}
