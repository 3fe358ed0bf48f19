import type { Analysis, SourceFile } from '../engine';
import { analyzeDocument } from './analyzeDocument';
import { ANALYSIS_JOBS, type AnalysisJob, type JobName, type JobRequest, type JobResponse } from './analysisJobs';

/** Runs jobs on the newest version of the files it was sent, analysing each version once. */
export interface AnalysisHost {
  handle(request: JobRequest): JobResponse;
}

/**
 * A host for the worker (or the in-process fallback): keeps the files and the lazily computed analysis of the newest
 * version, and hands the last analysis made to the next one, so an edit re-evaluates only what it can change.
 */
export function createAnalysisHost(
  jobs: { [K in JobName]: AnalysisJob<K> } = ANALYSIS_JOBS,
  analyse: (files: readonly SourceFile[], previous?: Analysis) => Analysis = analyzeDocument,
): AnalysisHost {
  let cached: { version: number; files: readonly SourceFile[]; analysis: Analysis | null } | null = null;
  let last: Analysis | undefined;
  return {
    handle(request) {
      const { id, version } = request;
      try {
        if (request.files !== undefined && (cached === null || cached.version !== version)) cached = { version, files: request.files, analysis: null };
        if (cached === null || cached.version !== version) return { id, version, isOk: false, error: `no files for version ${version}` };
        if (cached.analysis === null) {
          cached.analysis = analyse(cached.files, last);
          last = cached.analysis;
        }
        const job = jobs[request.job] as AnalysisJob<JobName> | undefined;
        if (job === undefined) return { id, version, isOk: false, error: `unknown job ${String(request.job)}` };
        return { id, version, isOk: true, result: job(cached.analysis, request.options, cached.files) };
      } catch (error) {
        return { id, version, isOk: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
