import { useAnalysisStore } from '../../store/useAnalysisStore';
import './analysisStatus.css';

/** The toolbar's progress mark: "Analysing…" while the worker works on a newer version of the document, or why it failed. */
export function AnalysisStatus() {
  const isPending = useAnalysisStore((state) => state.isPending);
  const failure = useAnalysisStore((state) => state.failure);
  const state = isPending ? 'pending' : failure !== null ? 'failed' : 'idle';
  return (
    <span role="status" className={`analysis-status analysis-status--${state}`} data-testid="analysis-status" data-state={state} aria-busy={isPending} title={failure ?? undefined}>
      {state === 'pending' && (
        <>
          <span className="analysis-status__spinner" aria-hidden="true" />
          Analysing…
        </>
      )}
      {state === 'failed' && '⚠ Analysis failed'}
    </span>
  );
}
