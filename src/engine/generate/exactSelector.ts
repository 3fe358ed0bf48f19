import type { LabelSelector, LabelSelectorRequirement, Workload } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';
import { identifyingLabels } from './identifyingLabels';

/** A selector for one workload, and the workloads of its namespace it cannot leave out. */
export interface ExactSelector {
  selector: LabelSelector;
  /** Workloads of the target's namespace with exactly the target's labels: no selector tells them apart. */
  twins: Workload[];
}

/** True when both workloads carry exactly the same labels. */
export function sameLabels(a: Workload, b: Workload): boolean {
  const keys = Object.keys(a.labels);
  return keys.length === Object.keys(b.labels).length && keys.every((k) => Object.hasOwn(b.labels, k) && b.labels[k] === a.labels[k]);
}

/**
 * The podSelector that selects `target` and no other workload of its namespace:
 * 1. the fewest labels that identify it (`identifyingLabels`), 2. more of its
 * labels while some neighbour still matches, 3. `DoesNotExist` for keys only the
 * remaining neighbours carry; neighbours with exactly its labels stay selected (`twins`).
 */
export function exactSelector(target: Workload, workloads: readonly Workload[]): ExactSelector {
  const neighbours = workloads.filter((w) => w.namespace === target.namespace && w.id !== target.id);
  const matchLabels: Record<string, string> = { ...identifyingLabels(target, workloads).labels };
  const matchExpressions: LabelSelectorRequirement[] = [];
  const selected = () => neighbours.filter((w) => matchesSelector({ matchLabels, matchExpressions }, w.labels));
  let left = selected();
  // 2. Add the target's label that leaves out the most neighbours still matching.
  while (left.length > 0) {
    const best = Object.keys(target.labels)
      .filter((k) => !(k in matchLabels))
      .map((k) => ({ k, out: left.filter((w) => w.labels[k] !== target.labels[k]).length }))
      .sort((a, b) => b.out - a.out)[0];
    if (!best || best.out === 0) break;
    matchLabels[best.k] = target.labels[best.k];
    left = selected();
  }
  // 3. Keys the target lacks: DoesNotExist leaves out whoever carries them.
  while (left.length > 0) {
    const counts = new Map<string, number>();
    for (const w of left) for (const k of Object.keys(w.labels)) if (!Object.hasOwn(target.labels, k)) counts.set(k, (counts.get(k) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (!best) break;
    matchExpressions.push({ key: best[0], operator: 'DoesNotExist', values: [] });
    left = selected();
  }
  return { selector: { matchLabels, matchExpressions }, twins: left.filter((w) => sameLabels(w, target)) };
}
