import { exposureAnalysis, type Analysis, type ExposureAnalysis, type WorkloadExposure } from '../../engine';

/** The exposure analysis of each analysis, computed once (the inspector and the card marks share it). */
const analyses = new WeakMap<Analysis, ExposureAnalysis>();

/** The exposure analysis of `analysis`, from the cache when it was computed already. */
export function exposureOf(analysis: Analysis): ExposureAnalysis {
  let found = analyses.get(analysis);
  if (found === undefined) analyses.set(analysis, (found = exposureAnalysis(analysis.model, analysis.evaluation)));
  return found;
}

/** What a workload card says about a protected ingress that unknown pods could still reach: how many kinds of them, and whether any pod of any namespace is one. */
export interface ExposureMark {
  peers: number;
  isClusterWide: boolean;
}

/**
 * The card marks: per workload whose ingress some policy protects, the unknown pods (not address ranges) its rules
 * would admit — pods that do not exist yet. An unprotected ingress is marked "open" already.
 */
export function exposureMarks(analysis: Analysis): Record<string, ExposureMark> {
  const marks: Record<string, ExposureMark> = Object.create(null) as Record<string, ExposureMark>;
  for (const w of exposureOf(analysis).workloads) {
    if (!w.ingress.isProtected) continue;
    const pods = w.ingress.entries.filter((e) => e.peer.kind !== 'external');
    if (pods.length > 0) marks[w.workload] = { peers: pods.length, isClusterWide: pods.some((e) => e.peer.kind === 'entire-cluster') };
  }
  return marks;
}

/** The exposure of workload `id`, or null when it is exposed to nothing (or not in the model). */
export function workloadExposure(analysis: Analysis, id: string): WorkloadExposure | null {
  return exposureOf(analysis).workloads.find((w) => w.workload === id) ?? null;
}
