import type { Analysis, SourceFile } from '../engine';
import { analyzeDocument } from './analyzeDocument';

const cache = new WeakMap<readonly SourceFile[], Analysis>();

/**
 * The engine's full analysis of the document on the main thread, computed once per version of its files. Only for
 * views that need the evaluation itself (explain, matrix, flow plans, baseline diff) and only while they are shown;
 * everything else reads the worker's results from `useAnalysisStore`.
 */
export function selectAnalysis(state: { files: readonly SourceFile[] }): Analysis {
  let analysis = cache.get(state.files);
  if (analysis === undefined) {
    analysis = analyzeDocument(state.files);
    cache.set(state.files, analysis);
  }
  return analysis;
}
