import type { Analysis, SourceFile } from '../engine';
import { analyzeDocument } from './analyzeDocument';

const cache = new WeakMap<readonly SourceFile[], Analysis>();
/** The analysis made last, handed to the next one so that an edit re-evaluates only what it can change. */
let last: Analysis | undefined;

/**
 * The engine's full analysis of the document on the main thread, computed once per version of its files, each from
 * the one before (at 1,000 workloads an edit costs ~50 ms instead of a full second). Only for views that need the
 * evaluation itself (explain, matrix, flow plans, baseline diff) and only while they are shown; everything else reads
 * the worker's results from `useAnalysisStore`.
 */
export function selectAnalysis(state: { files: readonly SourceFile[] }): Analysis {
  let analysis = cache.get(state.files);
  if (analysis === undefined) {
    analysis = analyzeDocument(state.files, last);
    cache.set(state.files, analysis);
    last = analysis;
  }
  return analysis;
}
