import { useMemo } from 'react';
import type { Analysis, Issue, SourceFile } from '../engine';
import { selectAnalysis } from './selectAnalysis';
import { useDocumentStore } from './useDocumentStore';

/** What the views draw: the newest analysis (or worker summary) without errors, and whether the text has moved on since. */
export interface Live<T> {
  /** The analysis of the current files, or while they have errors the last one that had none. */
  analysis: T;
  /** True when `analysis` is an earlier one because the current files have errors. */
  isStale: boolean;
  /** How many error-severity issues the current files have. */
  errorCount: number;
}

/** The live engine analysis, as the canvas computes it on the main thread until it reads the worker's results. */
export type LiveAnalysis = Live<Analysis>;

/** The live analysis after `current`, given the one shown before it (null when starting afresh). */
export function nextLiveAnalysis<T extends { issues: readonly Issue[] }>(previous: Live<T> | null, current: T): Live<T> {
  const errorCount = current.issues.filter((issue) => issue.severity === 'error').length;
  if (errorCount === 0 || previous === null) return { analysis: current, isStale: false, errorCount };
  const lastValid = previous.isStale || previous.errorCount === 0 ? previous.analysis : null;
  return lastValid === null ? { analysis: current, isStale: false, errorCount } : { analysis: lastValid, isStale: true, errorCount };
}

const cache = new WeakMap<readonly SourceFile[], LiveAnalysis>();
let latest: { revision: number; live: LiveAnalysis } | null = null;

/** The live analysis of one version of the files; a new revision (a new document) forgets the last valid model. */
function liveAnalysisOf(files: SourceFile[], revision: number): LiveAnalysis {
  let live = cache.get(files);
  if (live === undefined) {
    const previous = latest !== null && latest.revision === revision ? latest.live : null;
    live = nextLiveAnalysis(previous, selectAnalysis({ files }));
    cache.set(files, live);
  }
  latest = { revision, live };
  return live;
}

/** The analysis the views show: the current one, or while the YAML has errors the last valid one (`isStale`). */
export function useLiveAnalysis(): LiveAnalysis {
  const files = useDocumentStore((state) => state.files);
  const revision = useDocumentStore((state) => state.revision);
  return useMemo(() => liveAnalysisOf(files, revision), [files, revision]);
}
