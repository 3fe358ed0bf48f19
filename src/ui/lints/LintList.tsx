import { useState } from 'react';
import { applyPolicyChanges, type Lint, type SourceFile } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { ChangePreview } from '../design/ChangePreview';
import { selectionOf } from './selectionOf';
import './lintList.css';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** Findings shown at first, and added by each "Show more": a 5,000-workload cluster has hundreds, each with several buttons. */
const PAGE = 50;

/** The navigator's "Findings (N)": likely mistakes across all policies, each with its objects and a one-click fix where safe. */
export function LintList() {
  const model = useAnalysisStore((state) => state.live.model);
  const lints = useAnalysisStore((state) => state.findings);
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const select = useViewStore((state) => state.select);
  const [fixing, setFixing] = useState<{ lint: Lint; after: SourceFile[] } | null>(null);
  const [shownCount, setShownCount] = useState(PAGE);
  const hiddenCount = lints.length - shownCount;
  const fileOf = (id: string) => model.workloads.find((w) => w.id === id)?.source?.file;

  return (
    <section className="lint-list" aria-labelledby="lint-list-heading">
      <h2 id="lint-list-heading" className="lint-list__heading">
        Findings ({lints.length})
      </h2>
      {lints.length === 0 ? (
        <p className="lint-list__empty">No likely mistakes found.</p>
      ) : (
        <ul className="lint-list__items">
          {lints.slice(0, shownCount).map((lint, i) => (
            <li key={`${lint.code}:${i}`} className={`lint lint--${lint.severity}`} data-lint={lint.code}>
              <p className="lint__message">
                <span aria-hidden="true">{MARK[lint.severity]}</span> {lint.message}
              </p>
              <div className="lint__actions">
                {lint.objects.slice(0, 4).map((id) => (
                  <button key={id} type="button" className="lint__object" onClick={() => select(selectionOf(id))}>
                    {id}
                  </button>
                ))}
                {lint.fix && (
                  <button type="button" className="lint__fix" onClick={() => setFixing({ lint, after: applyPolicyChanges(files, lint.fix?.changes ?? [], fileOf) })}>
                    Fix
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {hiddenCount > 0 && (
        <button type="button" className="lint-list__more" onClick={() => setShownCount(shownCount + PAGE)}>
          {hiddenCount > PAGE ? `Show ${PAGE} more (${hiddenCount} not shown)` : `Show the other ${hiddenCount}`}
        </button>
      )}
      {fixing && (
        <ChangePreview
          title="Fix this finding"
          descriptions={[fixing.lint.fix?.description ?? '']}
          before={files}
          after={fixing.after}
          onCancel={() => setFixing(null)}
          onApply={() => {
            const fix = fixing.lint.fix;
            applyEdit((current) => applyPolicyChanges(current, fix?.changes ?? [], fileOf));
            setFixing(null);
          }}
        />
      )}
    </section>
  );
}
