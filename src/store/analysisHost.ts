import type { Analysis, SourceFile } from '../engine';
import { analyzeDocument } from './analyzeDocument';
import { ANALYSIS_JOBS, type AnalysisJob, type JobName, type JobRequest, type JobResponse } from './analysisJobs';

/** Runs jobs on the newest version of the files it was sent, analysing each version once. */
export interface AnalysisHost {
  handle(request: JobRequest): JobResponse;
}

/** A host for the worker (or the in-process fallback): keeps the files and the lazily computed analysis of the newest version. */
export function createAnalysisHost(jobs: { [K in JobName]: AnalysisJob<K> } = ANALYSIS_JOBS, analyse: (files: readonly SourceFile[]) => Analysis = analyzeDocument): AnalysisHost {
  let cached: { version: number; files: readonly SourceFile[]; analysis: Analysis | null } | null = null;
  return {
    handle(request) {
      const { id, version } = request;
      try {
        if (request.files !== undefined && (cached === null || cached.version !== version)) cached = { version, files: request.files, analysis: null };
        if (cached === null || cached.version !== version) return { id, version, isOk: false, error: `no files for version ${version}` };
        cached.analysis ??= analyse(cached.files);
        const job = jobs[request.job] as AnalysisJob<JobName> | undefined;
        if (job === undefined) return { id, version, isOk: false, error: `unknown job ${String(request.job)}` };
        return { id, version, isOk: true, result: job(cached.analysis, request.options, cached.files) };
      } catch (error) {
        return { id, version, isOk: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
