import { useMemo } from 'react';
import type { ObservedOverlay } from '../../store/inspect/observedOverlay';
import { useLastDocumentJob } from '../../store/useDocumentJob';
import { useObservedStore } from '../../store/useObservedStore';

/** The observed flows judged against the document by the analysis worker (again after each edit), or null while none are shown. */
export function useObservedOverlay(): ObservedOverlay | null {
  const observed = useObservedStore((state) => state.observed);
  const options = useMemo(() => (observed === null ? null : { flows: observed.flows }), [observed]);
  const outcome = useLastDocumentJob('observedOverlay', options);
  return observed !== null && outcome?.status === 'done' ? outcome.result : null;
}
