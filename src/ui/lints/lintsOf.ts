import { lintModel, type Analysis, type Lint } from '../../engine';
import type { Selection } from '../../store/useViewStore';

const cache = new WeakMap<Analysis, Lint[]>();

/** The lints of an analysis, computed once per analysis. */
export function lintsOf(analysis: Analysis): Lint[] {
  let lints = cache.get(analysis);
  if (!lints) {
    lints = lintModel(analysis.model, analysis.evaluation);
    cache.set(analysis, lints);
  }
  return lints;
}

/** What selecting an object named in a lint selects: a workload `ns/name[Kind]`, a namespace `ns:<name>`, else a policy `ns/name`. */
export function selectionOf(id: string): Selection {
  if (id.startsWith('ns:')) return { kind: 'namespace', id: id.slice(3) };
  return id.endsWith(']') ? { kind: 'workload', id } : { kind: 'policy', id };
}
