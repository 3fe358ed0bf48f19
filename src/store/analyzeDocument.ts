import { analyze, type Analysis, type SourceFile } from '../engine';

/** The app's one call of the engine's `analyze`: every analysis of the document (worker or main thread) goes through here, so they share options; `previous` (an earlier analysis) makes evaluation incremental. */
export function analyzeDocument(files: readonly SourceFile[], previous?: Analysis): Analysis {
  return analyze(files, { inferWorkloads: true, ...(previous ? { previous } : {}) });
}
