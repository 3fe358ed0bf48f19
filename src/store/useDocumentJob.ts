import { useEffect, useState } from 'react';
import type { JobOutcome } from './analysisClient';
import type { JobName, JobOptions, JobResult } from './analysisJobs';
import { runOnDocument, useAnalysisStore } from './useAnalysisStore';

/**
 * The analysis worker's answer of `job` with `options` on the document, asked again each time the worker answers a
 * newer version. Until the first answer for these options comes, null; then the last answer stays while a newer one
 * is computed. No job runs while `options` is null. Give `options` a stable identity (useMemo): a new object asks again.
 */
export function useDocumentJob<K extends JobName>(job: K, options: JobOptions<K> | null): JobOutcome<JobResult<K>> | null {
  const version = useAnalysisStore((state) => state.answered?.version ?? 0);
  const [answer, setAnswer] = useState<{ job: K; options: JobOptions<K>; outcome: JobOutcome<JobResult<K>> } | null>(null);
  useEffect(() => {
    if (options === null) return;
    let isWanted = true;
    void runOnDocument(job, options).then((outcome) => {
      if (isWanted) setAnswer({ job, options, outcome });
    });
    return () => {
      isWanted = false;
    };
  }, [job, options, version]);
  return options !== null && answer !== null && answer.job === job && answer.options === options ? answer.outcome : null;
}

/** The last answer of `job` whatever its options (e.g. the cells of a window scrolled away from), or null before the first. */
export function useLastDocumentJob<K extends JobName>(job: K, options: JobOptions<K> | null): JobOutcome<JobResult<K>> | null {
  const current = useDocumentJob(job, options);
  const [last, setLast] = useState<JobOutcome<JobResult<K>> | null>(null);
  if (current !== null && current !== last) setLast(current);
  return current ?? last;
}
