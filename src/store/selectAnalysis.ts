import { analyze, type Analysis, type SourceFile } from '../engine';
import type { DocumentState } from './useDocumentStore';

const cache = new WeakMap<readonly SourceFile[], Analysis>();

/** The engine's analysis of the document, computed once per version of its files. */
export function selectAnalysis(state: Pick<DocumentState, 'files'>): Analysis {
  let analysis = cache.get(state.files);
  if (analysis === undefined) {
    analysis = analyze(state.files);
    cache.set(state.files, analysis);
  }
  return analysis;
}
