import { useMemo, useState } from 'react';
import { applyPolicyChanges, groupLints, type Lint, type SourceFile } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { ChangePreview } from '../design/ChangePreview';
import { LintFlowFix } from './LintFlowFix';
import { LintGroupItem } from './LintGroupItem';
import './lintList.css';

/** Entries (findings or groups of them) shown at first, and added by each "Show more": a 5,000-workload cluster has hundreds, each with several buttons. */
const PAGE = 50;

/** The navigator's "Findings (N)": likely mistakes across all policies, grouped by code and object, each with its objects and a one-click fix where safe. */
export function LintList() {
  const model = useAnalysisStore((state) => state.live.model);
  const lints = useAnalysisStore((state) => state.findings);
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const groups = useMemo(() => groupLints(lints), [lints]);
  const [fixing, setFixing] = useState<{ lint: Lint; after: SourceFile[] } | null>(null);
  const [flowFix, setFlowFix] = useState<NonNullable<Lint['allowFlow']> | null>(null);
  const [shownCount, setShownCount] = useState(PAGE);
  const hiddenCount = groups.length - shownCount;
  const fileOf = (id: string) => model.workloads.find((w) => w.id === id)?.source?.file;
  const onFix = (lint: Lint) => {
    if (lint.fix) setFixing({ lint, after: applyPolicyChanges(files, lint.fix.changes, fileOf) });
    else if (lint.allowFlow) setFlowFix(lint.allowFlow);
  };

  return (
    <section className="lint-list" aria-labelledby="lint-list-heading">
      <h2 id="lint-list-heading" className="lint-list__heading">
        Findings ({lints.length})
      </h2>
      {lints.length === 0 ? (
        <p className="lint-list__empty">No likely mistakes found.</p>
      ) : (
        <ul className="lint-list__items">
          {groups.slice(0, shownCount).map((group) => (
            <LintGroupItem key={group.key} group={group} onFix={onFix} />
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
      {flowFix && <LintFlowFix flow={flowFix} onClose={() => setFlowFix(null)} />}
    </section>
  );
}
