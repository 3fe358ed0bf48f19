import type { Labels, Workload } from '../model/types';

const PREFERRED_KEYS = ['app.kubernetes.io/name', 'app', 'k8s-app', 'name', 'component', 'tier', 'role'];

function selects(labels: Labels, w: Workload): boolean {
  return Object.entries(labels).every(([k, v]) => w.labels[k] === v);
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

/**
 * The fewest labels of `target` that select it and no other workload of its
 * namespace (well-known keys such as `app` first); all its labels when no subset
 * is unique, with `isUnique` false.
 */
export function identifyingLabels(target: Workload, workloads: readonly Workload[]): { labels: Labels; isUnique: boolean } {
  const neighbours = workloads.filter((w) => w.namespace === target.namespace && w.id !== target.id);
  const keys = Object.keys(target.labels).sort((a, b) => {
    const ra = PREFERRED_KEYS.indexOf(a);
    const rb = PREFERRED_KEYS.indexOf(b);
    return (ra < 0 ? PREFERRED_KEYS.length : ra) - (rb < 0 ? PREFERRED_KEYS.length : rb) || (a < b ? -1 : a > b ? 1 : 0);
  });
  for (let size = 1; size <= Math.min(keys.length, 3); size++) {
    for (const subset of subsets(keys, size)) {
      const labels = Object.fromEntries(subset.map((k) => [k, target.labels[k]]));
      if (!neighbours.some((w) => selects(labels, w))) return { labels, isUnique: true };
    }
  }
  return { labels: { ...target.labels }, isUnique: !neighbours.some((w) => selects(target.labels, w)) };
}
