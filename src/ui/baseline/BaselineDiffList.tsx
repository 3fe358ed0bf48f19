import { useMemo } from 'react';
import { selectAnalysis } from '../../store/selectAnalysis';
import { useBaselineStore } from '../../store/useBaselineStore';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { graphOf } from '../../store/graph/graphOf';
import { graphDiff } from './graphDiff';
import './baseline.css';

const MARK = { added: '+', removed: '−', changed: '~' } as const;

function endName(id: string): string {
  return id.startsWith('ext:') ? id.slice(4) : id;
}

/** The navigator's "Changes since baseline (N)": each edge added, removed or changed; a click selects it and explains it. */
export function BaselineDiffList() {
  const baseline = useBaselineStore((state) => state.baseline);
  const liveFiles = useAnalysisStore((state) => state.liveFiles);
  const select = useViewStore((state) => state.select);
  // The evaluation is computed on this thread only while a baseline is set.
  const changes = useMemo(() => (baseline && liveFiles ? graphDiff(graphOf(selectAnalysis(baseline)), graphOf(selectAnalysis({ files: liveFiles }))).changes : []), [baseline, liveFiles]);
  if (!baseline) return null;
  return (
    <section className="baseline-diff" aria-labelledby="baseline-diff-heading">
      <h2 id="baseline-diff-heading" className="baseline-diff__heading">
        Changes since baseline ({changes.length})
      </h2>
      <p className="baseline-diff__label">Baseline: {baseline.label}</p>
      {changes.length === 0 ? (
        <p className="baseline-diff__empty">No edge differs from the baseline.</p>
      ) : (
        <ul className="baseline-diff__items">
          {changes.map((c) => {
            const [src, dst] = c.id.split('=>');
            const conns = c.kind === 'changed' ? `${c.before} → ${c.after}` : c.kind === 'added' ? c.after : c.before;
            return (
              <li key={c.id}>
                <button type="button" className={`baseline-diff__item baseline-diff__item--${c.kind}`} data-change={c.kind} onClick={() => select({ kind: 'edge', id: c.id })}>
                  <span aria-hidden="true">{MARK[c.kind]}</span> {c.kind}: {endName(src)} → {endName(dst)} <code>{conns}</code>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
