import { analyze, type Analysis, type SourceFile } from '../engine';

/** The app's one call of the engine's `analyze`: every analysis of the document (worker or main thread) goes through here, so they share options. */
export function analyzeDocument(files: readonly SourceFile[]): Analysis {
  return analyze(files, { inferWorkloads: true });
}
