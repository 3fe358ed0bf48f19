import { matchesSelector, type Analysis } from '../../engine';

/** The marks "ignored policy ns/name: reason" of each workload (by id) that a policy left out for an error would select, where its podSelector decodes. */
export function ignoredPolicyMarks({ model, ignoredPolicies }: Pick<Analysis, 'model' | 'ignoredPolicies'>): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const policy of ignoredPolicies) {
    const { podSelector } = policy;
    if (podSelector === undefined) continue;
    for (const workload of model.workloads) {
      if (workload.namespace !== policy.namespace || !matchesSelector(podSelector, workload.labels)) continue;
      marks.set(workload.id, [...(marks.get(workload.id) ?? []), `ignored policy ${policy.id}: ${policy.reason}`]);
    }
  }
  return marks;
}
