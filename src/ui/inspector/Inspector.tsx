import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore, type Selection } from '../../store/useViewStore';
import { EvaluatedDetails } from './EvaluatedDetails';
import { ExposureDetails } from './ExposureDetails';
import { NamespaceDetails } from './NamespaceDetails';
import { ClusterPolicyEditor } from '../clusterPolicyEditor/ClusterPolicyEditor';
import { PolicyEditor } from '../policyEditor/PolicyEditor';
import { NamespaceEditor } from '../modelEditor/NamespaceEditor';
import { WorkloadEditor } from '../modelEditor/WorkloadEditor';
import { ExplainPanel } from '../explain/ExplainPanel';
import { AllowFlowButton } from '../flows/AllowFlowButton';
import { AllowFlowHost } from '../flows/AllowFlowHost';
import './inspector.css';

/** Where the explanation starts: a selected edge's two ends, or a selected workload as the source. */
function explainEnds(selection: Selection | null): { from?: string; to?: string } {
  if (selection?.kind === 'workload') return { from: selection.id };
  if (selection?.kind !== 'edge') return {};
  const [from, to] = selection.id.split('=>');
  return { from, to };
}

/** The right-hand column: what is selected, in detail. */
export function Inspector() {
  const model = useAnalysisStore((state) => state.live.model);
  const selection = useViewStore((state) => state.selection);
  // An inferred workload has no object in the files to edit: its details say where it comes from instead.
  const isInferred = selection?.kind === 'workload' && model.workloads.some((w) => w.id === selection.id && w.isInferred);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {selection === null && <p className="inspector__hint">Select a workload, a namespace or an edge on the canvas, or a policy in the navigator.</p>}
      {selection?.kind === 'workload' && (
        <div className="inspector__actions">
          <AllowFlowButton source={selection.id} />
        </div>
      )}
      {selection?.kind === 'workload' && !isInferred && <WorkloadEditor key={selection.id} id={selection.id} />}
      {selection?.kind === 'policy' && <PolicyEditor id={selection.id} />}
      {selection?.kind === 'clusterPolicy' && <ClusterPolicyEditor key={selection.id} id={selection.id} />}
      {selection?.kind === 'namespace' && <NamespaceEditor key={selection.id} name={selection.id} />}
      {selection?.kind === 'namespace' && <NamespaceDetails model={model} name={selection.id} />}
      {(selection?.kind === 'workload' || selection?.kind === 'edge') && <EvaluatedDetails selection={selection} />}
      {selection?.kind === 'workload' && <ExposureDetails key={`exposure:${selection.id}`} id={selection.id} />}
      <AllowFlowHost />
      <ExplainPanel key={selection?.kind === 'edge' || selection?.kind === 'workload' ? `explain:${selection.id}` : 'explain'} {...explainEnds(selection)} />
    </aside>
  );
}
