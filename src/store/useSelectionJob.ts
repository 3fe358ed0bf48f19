import { useEffect, useState } from 'react';
import type { JobOutcome } from './analysisClient';
import type { JobResult } from './analysisJobs';
import { runOnDocument, useAnalysisStore } from './useAnalysisStore';

/** The jobs that answer about one selected object. */
type SelectionJob = 'workloadFlows' | 'edgeFacts' | 'flowDestinations' | 'policyReach';

/**
 * The worker's answer of `job` about object `id` on the document, asked again each time the worker answers a newer
 * version; until the first answer for `id` comes, null (the last answer stays shown while a newer one is computed).
 * No job runs while `id` is null.
 * At 1,000 workloads the inspector evaluated the whole document on the page for this: a second of main thread at the
 * first selection.
 */
export function useSelectionJob<K extends SelectionJob>(job: K, id: string | null): JobOutcome<JobResult<K>> | null {
  const version = useAnalysisStore((state) => state.answered?.version ?? 0);
  const [answer, setAnswer] = useState<{ job: K; id: string; outcome: JobOutcome<JobResult<K>> } | null>(null);
  useEffect(() => {
    if (id === null) return;
    let isWanted = true;
    void runOnDocument(job, { id }).then((outcome) => {
      if (isWanted) setAnswer({ job, id, outcome: outcome as JobOutcome<JobResult<K>> });
    });
    return () => {
      isWanted = false;
    };
  }, [job, id, version]);
  return id !== null && answer !== null && answer.job === job && answer.id === id ? answer.outcome : null;
}
