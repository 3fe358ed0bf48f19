import type { CompiledClusterRule } from '../evaluate/compileClusterTiers';
import type { CompiledModel, Direction } from '../evaluate/compileModel';
import { isEmptyConns, subtractConns, unionConns, NO_CONNS, type ConnSet } from '../evaluate/connSet';
import type { ClusterPolicy, Model } from '../model/types';
import type { Lint } from './lint';

/** Above this many workloads × rules the shadowing check (workload by workload) is left out: findings must stay cheap. */
const SHADOW_BUDGET = 2_000_000;

const ruleLabel = (r: CompiledClusterRule) => `${r.policy.id} ${r.direction} rule ${r.ruleIndex + 1}${r.rule.name === '' ? '' : ` "${r.rule.name}"`}`;

/** The classes a policy's rules of one direction apply to (where its compiled rules appear). */
function subjectClasses(lists: readonly CompiledClusterRule[][], policy: ClusterPolicy): number[] {
  return lists.flatMap((rules, c) => (rules.some((r) => r.policy === policy) ? [c] : []));
}

/**
 * True when every connection the rule could match, toward every workload it names, is decided by earlier rules of the
 * same list in every class it applies to: it never decides anything. Rules with `networks` peers are not judged.
 */
function isShadowed(rule: CompiledClusterRule, lists: readonly CompiledClusterRule[][], classes: readonly number[], compiled: CompiledModel): boolean {
  if (rule.ipRanges.length > 0 || !rule.podMask.includes(1)) return false;
  const n = compiled.workloads.length;
  return classes.every((c) => {
    const rules = lists[c];
    const earlier = rules.slice(0, rules.indexOf(rule));
    const self = compiled.classMembers[c][0];
    for (let j = 0; j < n; j++) {
      if (rule.podMask[j] !== 1) continue;
      const dest = rule.direction === 'ingress' ? self : j;
      let decided: ConnSet = NO_CONNS;
      for (const e of earlier) if (e.podMask[j] === 1) decided = unionConns(decided, e.connsTo(dest));
      if (!isEmptyConns(subtractConns(rule.connsTo(dest), decided))) return false;
    }
    return true;
  });
}

/**
 * Findings about the cluster tiers: v1alpha1 objects to migrate, Admin Pass rules with nothing below them (the
 * traffic falls to the default allow, as if accepted), and rules that earlier rules of their tier always decide first.
 */
export function lintClusterTiers(model: Model, compiled: CompiledModel): Lint[] {
  const tiers = compiled.clusterTiers;
  if (!tiers) return [];
  const lints: Lint[] = [];
  for (const p of model.clusterPolicies) {
    if (p.kind !== 'ClusterNetworkPolicy') {
      lints.push({ code: 'cluster-v1alpha1', severity: 'info', message: `${p.id} is v1alpha1: ClusterNetworkPolicy (v1alpha2) replaces it; Migrate in the Cluster policies list converts it with the same connections.`, objects: [p.id] });
    }
  }
  const budget = compiled.workloads.length * model.clusterPolicies.reduce((k, p) => k + p.ingress.length + p.egress.length, 0);
  for (const direction of ['ingress', 'egress'] as Direction[]) {
    for (const tier of ['admin', 'baseline'] as const) {
      const lists = tiers[tier][direction];
      for (const policy of model.clusterPolicies.filter((p) => (p.tier === 'Admin') === (tier === 'admin'))) {
        const classes = subjectClasses(lists, policy);
        if (classes.length === 0) continue;
        const rules = lists[classes[0]].filter((r) => r.policy === policy);
        for (const rule of rules) {
          const isIsolatedBelow = (c: number) => {
            const rep = compiled.classMembers[c][0];
            return (direction === 'ingress' ? compiled.ingressPolicies[rep] : compiled.egressPolicies[rep]).length > 0 || tiers.baseline[direction][c].length > 0;
          };
          if (tier === 'admin' && rule.action === 'Pass' && !classes.some(isIsolatedBelow)) {
            lints.push({ code: 'cluster-pass-nothing-below', severity: 'warning', message: `${ruleLabel(rule)} passes, but no NetworkPolicy or Baseline rule governs the ${direction} of the pods it applies to: the traffic falls to the default allow, as if accepted.`, objects: [policy.id] });
          }
          if (budget <= SHADOW_BUDGET && isShadowed(rule, lists, classes, compiled)) {
            lints.push({ code: 'cluster-rule-shadowed', severity: 'warning', message: `${ruleLabel(rule)} never decides anything: earlier rules of the ${policy.tier} tier match every pod and port it names first.`, objects: [policy.id] });
          }
        }
      }
    }
  }
  return lints;
}
