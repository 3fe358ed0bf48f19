import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { ObservedPlanPreview } from '../../store/inspect/observedPlan';
import { runBesideCanvas } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useObservedStore } from '../../store/useObservedStore';
import { ChangePreview } from '../design/ChangePreview';

/** "Allow exactly what was observed…": the least-privilege policies for the observed flows (default-deny per namespace, DNS kept, when chosen), previewed with what becomes denied (over the whole page, not inside the canvas), applied as one undo step. */
export function ObservedPlanButton() {
  const observed = useObservedStore((state) => state.observed);
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const [defaultDeny, setDefaultDeny] = useState(true);
  const [plan, setPlan] = useState<ObservedPlanPreview | 'planning' | string | null>(null);
  if (observed === null) return null;
  const ask = () => {
    setPlan('planning');
    void runBesideCanvas('observedPlan', { flows: observed.flows, defaultDeny }).then((outcome) => setPlan(outcome.status === 'done' ? outcome.result : `Could not plan: ${outcome.status === 'error' ? outcome.message : 'the document changed meanwhile; ask again'}`));
  };
  const preview = typeof plan === 'object' && plan !== null ? plan : null;
  return (
    <div className="observed__plan">
      <button type="button" onClick={ask} disabled={plan === 'planning'}>
        {plan === 'planning' ? 'Planning…' : 'Allow exactly what was observed…'}
      </button>
      <label className="observed__muted">
        <input type="checkbox" checked={defaultDeny} onChange={(event) => setDefaultDeny(event.target.checked)} /> default-deny the observed namespaces (DNS kept)
      </label>
      {typeof plan === 'string' && plan !== 'planning' && <span role="alert">{plan}</span>}
      {preview &&
        createPortal(
          <ChangePreview
            title="Allow exactly what was observed"
            descriptions={[
              ...(preview.descriptions.length === 0 ? ['Nothing to change: every observed flow is allowed already.'] : preview.descriptions),
              ...preview.refused.map((r) => `Cannot allow ${r}`),
              ...preview.errors.map((e) => `Error: ${e}`),
            ]}
            sideEffects={preview.widened}
            before={files}
            after={preview.after}
            onCancel={() => setPlan(null)}
            onApply={() => {
              applyEdit(() => preview.after);
              setPlan(null);
            }}
          />,
          document.body,
        )}
    </div>
  );
}
