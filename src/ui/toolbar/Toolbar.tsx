import { selectAnalysis } from '../../store/selectAnalysis';
import { useDocumentStore } from '../../store/useDocumentStore';

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The top bar: the app's name and what the open document holds. */
export function Toolbar() {
  const { model, connections, issues } = useDocumentStore(selectAnalysis);
  return (
    <header className="toolbar">
      <h1 className="toolbar__title">netpol-canvas</h1>
      <span className="toolbar__summary" data-testid="document-summary">
        {[
          count(model.workloads.length, 'workload'),
          count(model.policies.length, 'policy', 'policies'),
          count(connections.length, 'allowed connection'),
          count(issues.length, 'issue'),
        ].join(' · ')}
      </span>
    </header>
  );
}
