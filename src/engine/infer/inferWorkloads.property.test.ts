import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import type { LabelSelector, Model, NetworkPolicy, SelectorPeer, Workload } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';
import { randomCluster } from '../testing/randomCluster';
import { inferWorkloads } from './inferWorkloads';

const SEED = 20_240_801;
const RUNS = 200;

/** Brute force, independent of `solveSelector`: does some label set satisfy the selector? Tries, per key it names, absence, every value it mentions and one fresh value. */
function isSatisfiable(selector: LabelSelector): boolean {
  const keys = [...new Set([...Object.keys(selector.matchLabels), ...selector.matchExpressions.map((r) => r.key)])];
  const options = keys.map((k) => [undefined, 'fresh-value', ...(k in selector.matchLabels ? [selector.matchLabels[k]] : []), ...selector.matchExpressions.filter((r) => r.key === k).flatMap((r) => r.values)]);
  const search = (i: number, labels: Record<string, string>): boolean => {
    if (i === keys.length) return matchesSelector(selector, labels);
    return options[i].some((v) => search(i + 1, v === undefined ? labels : { ...labels, [keys[i]]: v }));
  };
  return search(0, {});
}

/** Every place a policy selects pods, as a selector peer evaluated from the policy's namespace. */
function uses(p: NetworkPolicy): { path: string; peer: Omit<SelectorPeer, 'kind'> }[] {
  const out: { path: string; peer: Omit<SelectorPeer, 'kind'> }[] = [{ path: 'spec.podSelector', peer: { podSelector: p.podSelector } }];
  for (const direction of ['ingress', 'egress'] as const) {
    p[direction].forEach((rule, r) =>
      rule.peers.forEach((peer, i) => {
        if (peer.kind === 'selector') out.push({ path: `spec.${direction}[${r}].${direction === 'ingress' ? 'from' : 'to'}[${i}]`, peer });
      }),
    );
  }
  return out;
}

const policiesOnly = (): fc.Arbitrary<Model> => randomCluster().map((m) => ({ ...m, workloads: [] }));
const nsLabels = (m: Model, ns: string) => m.namespaces.find((n) => n.name === ns)?.labels ?? {};
const admits = (m: Model, p: NetworkPolicy, peer: Omit<SelectorPeer, 'kind'>, w: Workload) => peerNamespaceMatches(peer, p.namespace, w.namespace, nsLabels(m, w.namespace)) && peerPodMatches(peer, w.labels);

describe('inferWorkloads on random policies-only models', () => {
  it('every inferred workload and namespace matches each selector it was inferred from', () => {
    fc.assert(
      fc.property(policiesOnly(), (model) => {
        const inferred = inferWorkloads(model);
        const policy = (id: string) => model.policies.find((p) => p.id === id)!;
        const useAt = (id: string, path: string) => uses(policy(id)).find((u) => u.path === path)!.peer;
        for (const w of inferred.workloads) {
          expect(w.isInferred).toBe(true);
          for (const f of w.inferredFrom ?? []) expect(admits(inferred, policy(f.policy), useAt(f.policy, f.path), w)).toBe(true);
        }
        for (const n of inferred.namespaces.filter((x) => x.isInferred)) {
          for (const f of n.inferredFrom ?? []) expect(matchesSelector(useAt(f.policy, f.path.replace(/\.namespaceSelector$/, '')).namespaceSelector!, n.labels)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('afterwards every satisfiable selector matches a workload in each namespace it applies to', () => {
    fc.assert(
      fc.property(policiesOnly(), (model) => {
        const inferred = inferWorkloads(model);
        for (const p of model.policies) {
          for (const { path, peer } of uses(p)) {
            const nsSelector = peer.namespaceSelector;
            const podSelector = peer.podSelector ?? { matchLabels: {}, matchExpressions: [] };
            const namespaces = nsSelector ? inferred.namespaces.filter((n) => matchesSelector(nsSelector, n.labels)) : inferred.namespaces.filter((n) => n.name === p.namespace);
            // A namespaceSelector may stay unmatched only when it cannot be met, or when it pins kubernetes.io/metadata.name (a taken or impossible name).
            if (nsSelector && namespaces.length === 0) expect(!isSatisfiable(nsSelector) || JSON.stringify(nsSelector).includes('kubernetes.io/metadata.name'), `${p.id} ${path}`).toBe(true);
            if (!isSatisfiable(podSelector)) continue;
            for (const n of namespaces) expect(inferred.workloads.some((w) => w.namespace === n.name && matchesSelector(podSelector, w.labels)), `${p.id} ${path} in ${n.name}`).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('adding real workloads like the inferred ones (and declaring their namespaces) makes every inferred one disappear', () => {
    fc.assert(
      fc.property(policiesOnly(), (model) => {
        const inferred = inferWorkloads(model);
        const realCopies = inferred.workloads.map((w, i): Workload => ({ ...w, id: `${w.namespace}/real-${i}[Deployment]`, name: `real-${i}`, kind: 'Deployment', isInferred: undefined, inferredFrom: undefined }));
        const namespaces = inferred.namespaces.map((n) => ({ ...n, isInferred: undefined, inferredFrom: undefined }));
        const withReal = inferWorkloads({ ...model, namespaces, workloads: realCopies });
        expect(withReal.workloads.filter((w) => w.isInferred)).toEqual([]);
        expect(withReal.namespaces.filter((n) => n.isInferred)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('one real copy of an inferred workload replaces exactly that one', () => {
    fc.assert(
      fc.property(
        policiesOnly().filter((m) => inferWorkloads(m).workloads.length > 0),
        fc.nat(),
        (model, pick) => {
          const inferred = inferWorkloads(model);
          const target = inferred.workloads[pick % inferred.workloads.length];
          const copy: Workload = { ...target, id: `${target.namespace}/real[Pod]`, name: 'real', kind: 'Pod', isInferred: undefined, inferredFrom: undefined };
          const after = inferWorkloads({ ...model, namespaces: inferred.namespaces.map((n) => ({ ...n, isInferred: undefined, inferredFrom: undefined })), workloads: [copy] });
          expect(after.workloads.filter((w) => w.isInferred && w.namespace === target.namespace && JSON.stringify(w.labels) === JSON.stringify(target.labels))).toEqual([]);
          expect(after.workloads.map((w) => w.id)).toContain(copy.id);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('ids do not depend on the order of the policies', () => {
    fc.assert(
      fc.property(policiesOnly(), (model) => {
        const ids = (m: Model) => inferWorkloads(m).workloads.map((w) => w.id).sort();
        expect(ids({ ...model, policies: [...model.policies].reverse() })).toEqual(ids(model));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
