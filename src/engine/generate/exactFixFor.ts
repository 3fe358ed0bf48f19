import type { Workload } from '../model/types';
import { sameLabels } from './exactSelector';
import type { ExactFix } from './planEffects';

const FIX_KEYS = ['app.kubernetes.io/instance', 'netpol-canvas.io/workload'];

function labelValue(name: string): string {
  return name.slice(0, 63).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'workload';
}

/**
 * The label that would tell the first of `unclear` (a real workload sharing all
 * its labels with another of its namespace) apart, as a what-if edit; undefined
 * when the plan is exact already or only inferred workloads are unclear.
 */
export function exactFixFor(unclear: readonly Workload[], workloads: readonly Workload[], isNeeded: boolean): ExactFix | undefined {
  const w = unclear.find((u) => !u.isInferred);
  if (!isNeeded || !w) return undefined;
  const twins = workloads.filter((t) => t.namespace === w.namespace && t.id !== w.id && sameLabels(t, w));
  const key = FIX_KEYS.find((k) => !Object.hasOwn(w.labels, k)) ?? FIX_KEYS[1];
  const value = labelValue(w.name);
  return {
    workload: w.id,
    labels: { [key]: value },
    description: `Add the label ${key}=${value} to ${w.name} (${twins.map((t) => t.name).join(', ')} ${twins.length === 1 ? 'has' : 'have'} exactly its labels), then plan again: the plan becomes exact.`,
  };
}
