import type { LabelSelectorRequirement, Workload } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';
import { sameLabels } from './exactSelector';

/** Groups of workloads that one requirement keeps while it leaves the target out. */
export interface ExclusionGroups {
  groups: { requirement: LabelSelectorRequirement; members: Workload[] }[];
  /** Workloads with exactly the target's labels: every requirement that leaves the target out leaves them out too. */
  twins: Workload[];
}

/**
 * Covers `keep` with requirements that the target fails and the group's members
 * pass (`k NotIn [target's value]`, `k Exists` for a key the target lacks),
 * greedily, the requirement keeping the most first; workloads with exactly the
 * target's labels cannot be kept (`twins`).
 */
export function exclusionGroups(target: Workload, keep: readonly Workload[]): ExclusionGroups {
  const candidates: LabelSelectorRequirement[] = [];
  const keys = new Set([...Object.keys(target.labels), ...keep.flatMap((w) => Object.keys(w.labels))]);
  for (const k of [...keys].sort()) {
    candidates.push(Object.hasOwn(target.labels, k) ? { key: k, operator: 'NotIn', values: [target.labels[k]] } : { key: k, operator: 'Exists', values: [] });
  }
  const passes = (r: LabelSelectorRequirement, w: Workload) => matchesSelector({ matchLabels: {}, matchExpressions: [r] }, w.labels);
  let left = keep.filter((w) => !sameLabels(w, target));
  const groups: ExclusionGroups['groups'] = [];
  while (left.length > 0) {
    const best = candidates.map((requirement) => ({ requirement, members: left.filter((w) => passes(requirement, w)) })).sort((a, b) => b.members.length - a.members.length)[0];
    if (!best || best.members.length === 0) break;
    groups.push(best);
    left = left.filter((w) => !best.members.includes(w));
  }
  return { groups, twins: keep.filter((w) => sameLabels(w, target)) };
}
