import { noteYamlEdit, type Analysis, type SourceFile } from '../engine';
import { analyzeDocument } from './analyzeDocument';
import { ANALYSIS_JOBS, type AnalysisJob, type AnalysisSummary, type FilesPatch, type JobName, type JobRequest, type JobResponse } from './analysisJobs';
import { encodeSummary } from './summaryDelta';

/** How many summaries the host remembers as bases for the next ones. */
const KEPT_SUMMARIES = 3;

/** `files` with `patch` applied, or null when it does not fit them. */
function patched(files: readonly SourceFile[], patch: FilesPatch): SourceFile[] | null {
  const file = files[patch.file];
  if (file === undefined || patch.from < 0 || patch.from > patch.to || patch.to > file.text.length) return null;
  const text = file.text.slice(0, patch.from) + patch.insert + file.text.slice(patch.to);
  noteYamlEdit(file.text, text, patch.from, patch.to);
  return files.map((f, i) => (i === patch.file ? { name: f.name, text } : f));
}

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
  const summaries = new Map<number, AnalysisSummary>();
  let nextSummary = 1;
  return {
    handle(request) {
      const { id, version, patch } = request;
      try {
        if (request.files !== undefined && (cached === null || cached.version !== version)) cached = { version, files: request.files, analysis: null };
        if (patch !== undefined && (cached === null || cached.version !== version)) {
          const files = cached !== null && cached.version === patch.base ? patched(cached.files, patch) : null;
          if (files === null) return { id, version, isOk: false, error: `version ${version} is a patch of version ${patch.base}, which the host does not hold` };
          cached = { version, files, analysis: null };
        }
        if (cached === null || cached.version !== version) return { id, version, isOk: false, error: `no files for version ${version}` };
        if (cached.analysis === null) {
          cached.analysis = analyse(cached.files, last);
          last = cached.analysis;
        }
        const job = jobs[request.job] as AnalysisJob<JobName> | undefined;
        if (job === undefined) return { id, version, isOk: false, error: `unknown job ${String(request.job)}` };
        const result = job(cached.analysis, request.options, cached.files);
        if (request.job !== 'analyze') return { id, version, isOk: true, result };
        const summary = result as AnalysisSummary;
        const base = request.summaryBase === undefined ? undefined : summaries.get(request.summaryBase);
        const summaryId = nextSummary++;
        const delta = encodeSummary(summary, summaryId, base === undefined ? null : { id: request.summaryBase as number, summary: base });
        summaries.set(summaryId, summary);
        for (const kept of summaries.keys()) if (summaries.size > KEPT_SUMMARIES) summaries.delete(kept);
        return { id, version, isOk: true, result: delta };
      } catch (error) {
        return { id, version, isOk: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
