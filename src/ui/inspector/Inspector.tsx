import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import { useViewStore, type Selection } from '../../store/useViewStore';
import { EdgeDetails } from './EdgeDetails';
import { NamespaceDetails } from './NamespaceDetails';
import { PolicyEditor } from '../policyEditor/PolicyEditor';
import { WorkloadDetails } from './WorkloadDetails';
import { NamespaceEditor } from '../modelEditor/NamespaceEditor';
import { WorkloadEditor } from '../modelEditor/WorkloadEditor';
import { ExplainPanel } from '../explain/ExplainPanel';
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
  const { analysis } = useLiveAnalysis();
  const selection = useViewStore((state) => state.selection);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {selection === null && <p className="inspector__hint">Select a workload, a namespace or an edge on the canvas, or a policy in the navigator.</p>}
      {selection?.kind === 'workload' && <WorkloadEditor key={selection.id} id={selection.id} />}
      {selection?.kind === 'workload' && <WorkloadDetails analysis={analysis} id={selection.id} />}
      {selection?.kind === 'policy' && <PolicyEditor id={selection.id} />}
      {selection?.kind === 'edge' && <EdgeDetails analysis={analysis} id={selection.id} />}
      {selection?.kind === 'namespace' && <NamespaceEditor key={selection.id} name={selection.id} />}
      {selection?.kind === 'namespace' && <NamespaceDetails analysis={analysis} name={selection.id} />}
      <ExplainPanel key={selection?.kind === 'edge' || selection?.kind === 'workload' ? `explain:${selection.id}` : 'explain'} {...explainEnds(selection)} />
    </aside>
  );
}
