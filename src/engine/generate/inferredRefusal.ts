import type { Workload } from '../model/types';

/** Why a plan cannot hold for an end the files do not contain (a workload inferred from selectors), or undefined when no end is inferred. */
export function inferredRefusal(ends: readonly (Workload | undefined)[]): string | undefined {
  const w = ends.find((e) => e?.isInferred);
  return w ? `${w.name} is inferred from the policies' selectors (no workload in the files has its labels), and the policy this needs changes what is inferred: add the workload to the model first, then plan again.` : undefined;
}
