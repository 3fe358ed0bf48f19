import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDelayedFlag } from '../shared/useDelayedFlag';
import './analysisStatus.css';

/** Work shorter than this shows no "Analysing…": typing would otherwise make it flash (and repaint) on every key. */
const SHOW_AFTER_MS = 400;

/**
 * The toolbar's progress mark: "Analysing…" while the worker works on a newer version of the document for longer than
 * a moment, or why it failed. `data-state` says `pending` at once, for tests and assistive technology.
 */
export function AnalysisStatus() {
  const isPending = useAnalysisStore((state) => state.isPending);
  const failure = useAnalysisStore((state) => state.failure);
  const isShown = useDelayedFlag(isPending, SHOW_AFTER_MS);
  const state = isPending ? 'pending' : failure !== null ? 'failed' : 'idle';
  return (
    <span role="status" className={`analysis-status analysis-status--${state}`} data-testid="analysis-status" data-state={state} aria-busy={isPending} title={failure ?? undefined}>
      {isShown && (
        <>
          <span className="analysis-status__spinner" aria-hidden="true" />
          Analysing…
        </>
      )}
      {state === 'failed' && '⚠ Analysis failed'}
    </span>
  );
}
