import { diffEvaluations } from '../evaluate/diffEvaluations';
import { evaluateModel, type Evaluation } from '../evaluate/evaluateModel';
import type { Model, NetworkPolicy } from '../model/types';
import type { Lint } from './lint';

/** Above this many workload × policy re-evaluations the redundancy lint stays silent (it re-evaluates once per rule). */
export const REDUNDANCY_BUDGET = 40_000;

/**
 * Policies with no effect and rules shadowed by others, judged on the union: a
 * policy (or rule) is reported when taking it away changes no connection at all.
 */
export function lintRedundancy(model: Model, ev: Evaluation): Lint[] {
  const ruleCount = model.policies.reduce((n, p) => n + p.ingress.length + p.egress.length + 1, 0);
  if (ruleCount * Math.max(1, model.workloads.length) > REDUNDANCY_BUDGET || model.workloads.length === 0) return [];
  const without = (replace: (p: NetworkPolicy) => NetworkPolicy | null) => evaluateModel({ ...model, policies: model.policies.flatMap((p) => replace(p) ?? []) });
  const lints: Lint[] = [];
  for (const policy of model.policies) {
    if (diffEvaluations(ev, without((p) => (p === policy ? null : p))).length === 0) {
      lints.push({ code: 'policy-no-effect', severity: 'info', message: `${policy.id} changes nothing: the other policies already allow and isolate exactly the same. It can be removed.`, objects: [policy.id] });
      continue;
    }
    for (const direction of ['ingress', 'egress'] as const) {
      if (!policy.policyTypes.includes(direction === 'ingress' ? 'Ingress' : 'Egress')) continue;
      policy[direction].forEach((_, r) => {
        const trimmed = (p: NetworkPolicy) => (p === policy ? { ...p, [direction]: p[direction].filter((__, k) => k !== r) } : p);
        if (diffEvaluations(ev, without(trimmed)).length === 0) {
          lints.push({ code: 'rule-shadowed', severity: 'info', message: `${policy.id} ${direction} rule ${r + 1} is shadowed: other rules already allow everything it allows.`, objects: [policy.id] });
        }
      });
    }
  }
  return lints;
}
