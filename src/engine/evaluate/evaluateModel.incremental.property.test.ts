import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelSelector, Model, NetworkPolicy, Peer, PolicyPort, Rule } from '../model/types';
import { randomCluster } from '../testing/randomCluster';
import { formatConnSet } from './connSet';
import { evaluateModel, listConnections, pairConns, type Evaluation } from './evaluateModel';

const EDIT_KINDS = [
  'podSelector',
  'policyTypes',
  'addRule',
  'removeRule',
  'addPeer',
  'removePeer',
  'addPort',
  'removePort',
  'addPolicy',
  'removePolicy',
  'relabelWorkload',
] as const;

interface Edit {
  kind: (typeof EDIT_KINDS)[number];
  /** Picks (policy, direction, rule, item) by index modulo what exists. */
  at: number[];
  /** Rebuild every object, as decoding the edited YAML again would. */
  isRedecoded: boolean;
}

const EMPTY_SELECTOR: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** Selectors, rules, peers and ports to draw edits from: those of a second random cluster. */
function parts(donor: Model) {
  const rules = donor.policies.flatMap((p) => [...p.ingress, ...p.egress]);
  return {
    selectors: [EMPTY_SELECTOR, ...donor.policies.map((p) => p.podSelector)],
    rules: [{ peers: [], ports: [] } as Rule, ...rules],
    peers: [{ kind: 'selector', podSelector: EMPTY_SELECTOR } as Peer, ...rules.flatMap((r) => r.peers)],
    ports: [{ protocol: 'TCP', isProtocolDefaulted: true } as PolicyPort, ...rules.flatMap((r) => r.ports)],
    policies: donor.policies,
  };
}

const pick = <T,>(list: readonly T[], k: number): T => list[k % list.length];

function editRules(p: NetworkPolicy, at: number[], change: (rules: Rule[], r: number) => Rule[]): NetworkPolicy {
  const isIngress = at[1] % 2 === 0;
  const rules = isIngress ? p.ingress : p.egress;
  const next = change([...rules], rules.length === 0 ? -1 : at[2] % rules.length);
  return isIngress ? { ...p, ingress: next } : { ...p, egress: next };
}

/** Applies one edit: usually to one policy (or adding/removing one), now and then to a workload's labels. */
function applyEdit(model: Model, donor: Model, { kind, at, isRedecoded }: Edit): Model {
  const from = parts(donor);
  const policies = [...model.policies];
  const i = policies.length === 0 ? -1 : at[0] % policies.length;
  const edit = (change: (p: NetworkPolicy) => NetworkPolicy) => {
    if (i >= 0) policies[i] = change(policies[i]);
  };
  const withRule = (change: (rule: Rule) => Rule) => (rules: Rule[], r: number) => (r < 0 ? rules : rules.map((rule, k) => (k === r ? change(rule) : rule)));
  switch (kind) {
    case 'podSelector':
      edit((p) => ({ ...p, podSelector: pick(from.selectors, at[3]) }));
      break;
    case 'policyTypes':
      edit((p) => ({ ...p, policyTypes: pick([['Ingress'], ['Egress'], ['Ingress', 'Egress']] as const, at[3]).slice(), isPolicyTypesDefaulted: false }));
      break;
    case 'addRule':
      edit((p) => editRules(p, at, (rules) => [...rules, pick(from.rules, at[3])]));
      break;
    case 'removeRule':
      edit((p) => editRules(p, at, (rules, r) => rules.filter((_, k) => k !== r)));
      break;
    case 'addPeer':
      edit((p) => editRules(p, at, withRule((rule) => ({ ...rule, peers: [...rule.peers, pick(from.peers, at[3])] }))));
      break;
    case 'removePeer':
      edit((p) => editRules(p, at, withRule((rule) => ({ ...rule, peers: rule.peers.slice(1) }))));
      break;
    case 'addPort':
      edit((p) => editRules(p, at, withRule((rule) => ({ ...rule, ports: [...rule.ports, pick(from.ports, at[3])] }))));
      break;
    case 'removePort':
      edit((p) => editRules(p, at, withRule((rule) => ({ ...rule, ports: rule.ports.slice(1) }))));
      break;
    case 'addPolicy': {
      const namespace = pick(model.namespaces, at[1]).name;
      const base = from.policies.length > 0 ? pick(from.policies, at[3]) : { podSelector: EMPTY_SELECTOR, policyTypes: ['Ingress' as const], isPolicyTypesDefaulted: false, ingress: [], egress: [] };
      const name = `added-${policies.length}`;
      policies.splice(i < 0 ? 0 : i, 0, { ...base, id: `${namespace}/${name}`, namespace, name });
      break;
    }
    case 'removePolicy':
      if (i >= 0) policies.splice(i, 1);
      break;
    case 'relabelWorkload': {
      const w = at[0] % model.workloads.length;
      const workloads = model.workloads.map((x, k) => (k === w ? { ...x, labels: { ...x.labels, app: 'relabelled' } } : x));
      return isRedecoded ? structuredClone({ ...model, workloads, policies }) : { ...model, workloads, policies };
    }
  }
  return isRedecoded ? structuredClone({ ...model, policies }) : { ...model, policies };
}

/** Everything an evaluation answers, in printable form, plus whether its compiled policies are the model's own objects. */
function answers(model: Model, ev: Evaluation): unknown {
  const n = model.workloads.length;
  const pairs: string[] = [];
  for (let s = 0; s < n; s++) for (let d = 0; d < n; d++) pairs.push(formatConnSet(pairConns(ev, s, d)));
  const { compiled } = ev;
  return {
    pairs,
    ingressExternals: ev.ingressExternals.map((e) => e.id),
    egressExternals: ev.egressExternals.map((e) => e.id),
    fromExternal: ev.fromExternal.map(formatConnSet),
    toExternal: ev.toExternal.map(formatConnSet),
    connections: listConnections(ev).map((c) => `${c.src} => ${c.dst}: ${formatConnSet(c.conns)}`),
    ingressPolicies: compiled.ingressPolicies.map((list) => list.map((p) => p.id)),
    egressPolicies: compiled.egressPolicies.map((list) => list.map((p) => p.id)),
    rules: [...compiled.ingressRules, ...compiled.egressRules].map((list) => list.map((r) => `${r.policy.id}#${r.direction}${r.ruleIndex}:${model.policies.includes(r.policy)}`)),
  };
}

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  at: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  isRedecoded: fc.boolean(),
});

describe('evaluateModel(model, previous) after an edit', () => {
  it('answers exactly as a full evaluation of the edited model, edit after edit', () => {
    fc.assert(
      fc.property(randomCluster(), randomCluster(), fc.array(edit, { minLength: 1, maxLength: 3 }), (model, donor, edits) => {
        let current = model;
        let evaluation = evaluateModel(model);
        for (const e of edits) {
          current = applyEdit(current, donor, e);
          evaluation = evaluateModel(current, evaluation);
          expect(answers(current, evaluation)).toEqual(answers(current, evaluateModel(current)));
        }
      }),
      { numRuns: 400, seed: 8_5_2026 },
    );
  });

  it('patches rather than recomputes when a policy edit leaves workloads and ipBlocks alone', () => {
    const keepsClasses = fc.record({ kind: fc.constantFrom('podSelector' as const, 'policyTypes' as const, 'addPort' as const, 'removePort' as const), at: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), isRedecoded: fc.boolean() });
    fc.assert(
      fc.property(randomCluster(), randomCluster(), keepsClasses, (model, donor, e) => {
        const before = evaluateModel(model);
        const after = evaluateModel(applyEdit(model, donor, e), before);
        expect(after.compiled.cache.lineage).toBe(before.compiled.cache.lineage);
      }),
      { numRuns: 100, seed: 1202 },
    );
  });
});
