import { useMemo } from 'react';
import type { JobOutcome } from './analysisClient';
import type { JobResult } from './analysisJobs';
import { useDocumentJob } from './useDocumentJob';

/** The jobs that answer about one selected object. */
type SelectionJob = 'workloadFlows' | 'workloadExposure' | 'edgeFacts' | 'flowDestinations' | 'policyReach';

/**
 * The worker's answer of `job` about object `id` on the document (see {@link useDocumentJob}); no job runs while `id`
 * is null. At 1,000 workloads the views asking this evaluated the whole document on the page: a second of main thread.
 */
export function useSelectionJob<K extends SelectionJob>(job: K, id: string | null): JobOutcome<JobResult<K>> | null {
  const options = useMemo(() => (id === null ? null : { id }), [id]);
  return useDocumentJob(job, options);
}
