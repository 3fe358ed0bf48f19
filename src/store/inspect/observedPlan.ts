import { applyPolicyChanges, formatConnSet, mapObservedFlows, planObservedPolicies, type Analysis, type ObservedFlow, type SourceFile } from '../../engine';

/** "Allow exactly what was observed", ready to preview: the files after the change and what it says in words. */
export interface ObservedPlanPreview {
  /** The workspace files with the changes applied (new policies beside the workloads they select). */
  after: SourceFile[];
  /** A sentence per created policy or added rule. */
  descriptions: string[];
  /** Connections opened that no observed flow needs, with why (labels or addresses no selector tells apart, DNS kept). */
  widened: string[];
  /** Observed flows the plan cannot allow, with why. */
  refused: string[];
  /** How many connections allowed today become denied (listed by the preview's graph diff). */
  tightened: number;
  /** Validation errors of the written policies (empty for a sound plan). */
  errors: string[];
}

/** The least-privilege plan for the observed flows on this analysis, applied to `files` for the preview. */
export function observedPlan(analysis: Analysis, files: readonly SourceFile[], flows: readonly ObservedFlow[], defaultDeny: boolean): ObservedPlanPreview {
  const mapped = mapObservedFlows(analysis.model, [...flows]);
  const plan = planObservedPolicies(analysis.model, analysis.evaluation, mapped, { defaultDeny, inferWorkloads: true });
  const fileOf = new Map(analysis.model.workloads.map((w) => [w.id, w.source?.file]));
  const endText = (end: (typeof mapped.flows)[number]['src']) => (end.kind === 'workload' ? end.id : end.kind === 'address' ? end.address : end.label);
  return {
    after: applyPolicyChanges(files, plan.changes, (id) => fileOf.get(id)),
    descriptions: plan.descriptions,
    widened: plan.widened.map((w) => `${w.src} → ${w.dst}: ${formatConnSet(w.after)} — ${w.reason}`),
    refused: plan.refused.map((r) => `${endText(r.flow.src)} → ${endText(r.flow.dst)} ${r.flow.protocol} ${r.flow.port}: ${r.reason}`),
    tightened: plan.tightened.length,
    errors: plan.errors,
  };
}
