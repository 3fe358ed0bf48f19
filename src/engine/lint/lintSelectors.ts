import type { CompiledModel } from '../evaluate/compileModel';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import { matchesSelector } from '../selectors/matchesSelector';
import { withoutInferred } from '../infer/inferWorkloads';
import type { Model, SelectorPeer } from '../model/types';
import type { Lint } from './lint';

const admitted = (model: Model, compiled: CompiledModel, peer: SelectorPeer, ns: string) =>
  model.workloads.filter((w) => peerNamespaceMatches(peer, ns, w.namespace, compiled.namespaceLabels.get(w.namespace) ?? {}) && peerPodMatches(peer, w.labels));

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
          } else if (admitted(real, compiled, peer, p.namespace).length === 0) {
            const split = peer.namespaceSelector && peer.podSelector && admitted(real, compiled, { kind: 'selector', podSelector: peer.podSelector, namespaceSelector: { matchLabels: {}, matchExpressions: [] } }, p.namespace).length > 0;
            // podSelector alone means the policy's namespace: pods with those labels elsewhere make it a likely mistake, inferred stand-in or not.
            const elsewhere = !peer.namespaceSelector && peer.podSelector ? [...new Set(real.workloads.filter((w) => w.namespace !== p.namespace && matchesSelector(peer.podSelector!, w.labels)).map((w) => w.namespace))] : [];
            if (elsewhere.length > 0) {
              lints.push({ code: 'peer-matches-nothing', severity: 'warning', message: `${where}, peer ${i + 1}: the podSelector admits no workload in ${p.namespace} (without a namespaceSelector it means the policy's namespace only); matching pods exist in ${elsewhere.join(', ')} — add a namespaceSelector?`, objects: [p.id] });
              continue;
            }
            if (!split && admitted(model, compiled, peer, p.namespace).length > 0) continue;
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
            if (admitted(real, compiled, pod.peer, p.namespace).length === 0 && admitted(real, compiled, joined, p.namespace).length > 0) {
              lints.push({
                code: 'split-peer',
                severity: 'warning',
                message: `${where}: peers ${ns.i + 1} and ${pod.i + 1} are two peers (ORed): every pod of the selected namespaces, or matching pods in ${p.namespace} only. Written as one peer they would mean matching pods in the selected namespaces.`,
                objects: [p.id],
              });
            }
          }
        }
      });
    }
  }
  return lints;
}
