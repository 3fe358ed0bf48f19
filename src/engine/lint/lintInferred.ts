import type { Model } from '../model/types';
import type { Lint } from './lint';

/**
 * One info per file whose policies select workloads the input lacks: how many
 * workloads were inferred from their selectors (instead of a "selects no
 * workload" warning per selector); adding the real workloads replaces them.
 */
export function lintInferred(model: Model): Lint[] {
  const fileOf = new Map(model.policies.map((p) => [p.id, p.source?.file ?? '']));
  const byFile = new Map<string, { workloads: string[]; names: string[]; policies: Set<string> }>();
  for (const file of fileOf.values()) if (!byFile.has(file)) byFile.set(file, { workloads: [], names: [], policies: new Set() });
  for (const w of model.workloads) {
    if (!w.isInferred) continue;
    for (const file of new Set((w.inferredFrom ?? []).map((f) => fileOf.get(f.policy) ?? ''))) {
      let entry = byFile.get(file);
      if (!entry) byFile.set(file, (entry = { workloads: [], names: [], policies: new Set() }));
      entry.workloads.push(w.id);
      entry.names.push(`${w.namespace}/${w.name}`);
      for (const f of w.inferredFrom ?? []) if (fileOf.get(f.policy) === file) entry.policies.add(f.policy);
    }
  }
  return [...byFile].filter(([, { workloads }]) => workloads.length > 0).map(([file, { workloads, names, policies }]) => ({
    code: 'workloads-inferred',
    severity: 'info' as const,
    message: `Policies without workloads${file ? ` in ${file}` : ''}: ${workloads.length} workload${workloads.length === 1 ? '' : 's'} inferred from their selectors (${names.join(', ')}), drawn dashed and marked inferred. Add the real workloads to replace them.`,
    objects: [...workloads, ...policies],
  }));
}
