import type { ObservedOverlay } from '../../store/inspect/observedOverlay';
import { useObservedStore, type ObservedFilter } from '../../store/useObservedStore';
import { useViewStore } from '../../store/useViewStore';
import { ObservedPlanButton } from './ObservedPlanButton';
import './observed.css';

const SHOWN_BREAKING = 5;

/** Observed traffic at a glance over the canvas: what would break (loudest, with the flows), what is used, what is allowed but never used; each count filters the canvas to its state; and the least-privilege policies for it. */
export function ObservedSummary({ overlay }: { overlay: ObservedOverlay | null }) {
  const observed = useObservedStore((state) => state.observed);
  const importing = useObservedStore((state) => state.importing);
  const importError = useObservedStore((state) => state.importError);
  const filter = useObservedStore((state) => state.filter);
  const setFilter = useObservedStore((state) => state.setFilter);
  const clearObserved = useObservedStore((state) => state.clearObserved);
  const select = useViewStore((state) => state.select);
  if (observed === null && importing === null && importError === null) return null;
  const choice = (value: ObservedFilter, text: string, className = '') => (
    <button type="button" className={`observed__filter ${className}`} aria-pressed={filter === value} onClick={() => setFilter(filter === value ? 'all' : value)}>
      {text}
    </button>
  );
  const { totals } = overlay ?? { totals: null };
  return (
    <section className="observed" aria-label="Observed traffic" data-testid="observed-summary">
      {importing !== null && (
        <p role="status" className="observed__status">
          Reading {importing}…
        </p>
      )}
      {importError !== null && (
        <p role="alert" className="observed__error">
          {importError}
        </p>
      )}
      {observed !== null && (
        <>
          <div className="observed__head">
            <span className="observed__file" title={`${observed.stats.records} records, ${observed.stats.replies} replies left out, ${observed.issues.length} problems`}>
              Observed: {observed.fileName}
            </span>
            {totals === null ? (
              <span role="status">judging…</span>
            ) : (
              <span role="group" aria-label="Show flows by state" className="observed__filters">
                {choice('wouldBreak', `⚠ ${totals.wouldBreak} would break`, totals.wouldBreak > 0 ? 'observed__filter--breaking' : '')}
                {choice('used', `${totals.used} used`)}
                {choice('unused', `${totals.unused} allowed, never used`)}
                {totals.notEvaluated > 0 && (
                  <span className="observed__muted" title={`${totals.unknownEnds} with a pod the manifests do not hold; the others from the node itself, between addresses or within one workload`}>
                    {totals.notEvaluated} not judged
                  </span>
                )}
              </span>
            )}
            <button type="button" className="policy-editor__icon" aria-label="Stop showing observed flows" title="Stop showing observed flows" onClick={clearObserved}>
              ×
            </button>
          </div>
          {overlay !== null && overlay.breaking.length > 0 && (
            <ul className="observed__breaking" aria-label="Flows that would break">
              {overlay.breaking.slice(0, SHOWN_BREAKING).map((b, i) => (
                <li key={i}>
                  {b.edge ? (
                    <button type="button" className="link-button" onClick={() => select({ kind: 'edge', id: b.edge as string })}>
                      {b.src} → {b.dst}
                    </button>
                  ) : (
                    `${b.src} → ${b.dst}`
                  )}{' '}
                  {b.conn} ({b.records} {b.records === 1 ? 'record' : 'records'})
                </li>
              ))}
              {overlay.breaking.length > SHOWN_BREAKING && <li className="observed__muted">and {overlay.breaking.length - SHOWN_BREAKING} more</li>}
            </ul>
          )}
          {overlay !== null && overlay.unknownEnds.length > 0 && (
            <details className="observed__unknown">
              <summary>
                {overlay.unknownEnds.length} observed {overlay.unknownEnds.length === 1 ? 'pod is' : 'pods are'} not in the manifests
              </summary>
              <ul aria-label="Observed pods not in the manifests">
                {overlay.unknownEnds.map((u) => (
                  <li key={u.label}>
                    {u.label}: {u.why}, {u.records} {u.records === 1 ? 'record' : 'records'}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ObservedPlanButton />
        </>
      )}
    </section>
  );
}
