import { edgeFacts } from '../../store/inspect/edgeFacts';
import { workloadFlows } from '../../store/inspect/workloadFlows';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { selectAnalysis } from '../../store/selectAnalysis';
import { useSelectionJob } from '../../store/useSelectionJob';
import type { Selection } from '../../store/useViewStore';
import { EdgeDetails } from './EdgeDetails';
import { WorkloadDetails } from './WorkloadDetails';

/** A selected workload's details from the analysis worker. */
function WorkerWorkloadDetails({ id }: { id: string }) {
  const workload = useAnalysisStore((state) => state.live.model.workloads.find((w) => w.id === id));
  const outcome = useSelectionJob('workloadFlows', id);
  const flows = outcome === null ? 'pending' : outcome.status === 'done' ? outcome.result : null;
  return <WorkloadDetails id={id} workload={workload} flows={flows} />;
}

/** A selected edge's details from the analysis worker. */
function WorkerEdgeDetails({ id }: { id: string }) {
  const outcome = useSelectionJob('edgeFacts', id);
  return <EdgeDetails id={id} facts={outcome === null ? 'pending' : outcome.status === 'done' ? outcome.result : null} />;
}

/** While the YAML has errors the canvas shows the last valid analysis: so do these details, evaluated on the page. */
function StaleDetails({ selection }: { selection: Selection }) {
  const liveFiles = useAnalysisStore((state) => state.liveFiles);
  if (liveFiles === null) return null;
  const analysis = selectAnalysis({ files: liveFiles });
  if (selection.kind === 'workload') {
    return <WorkloadDetails id={selection.id} workload={analysis.model.workloads.find((w) => w.id === selection.id)} flows={workloadFlows(analysis, selection.id) ?? null} />;
  }
  return <EdgeDetails id={selection.id} facts={edgeFacts(analysis, selection.id)} />;
}

/**
 * The details that need the engine's full evaluation (a workload's allowed peers, an edge's connections): asked of the
 * analysis worker, or while the YAML has errors evaluated on the page from the last valid files, as the canvas shows them.
 */
export function EvaluatedDetails({ selection }: { selection: Selection }) {
  const isStale = useAnalysisStore((state) => state.isStale);
  if (selection.kind !== 'workload' && selection.kind !== 'edge') return null;
  if (isStale) return <StaleDetails selection={selection} />;
  return selection.kind === 'workload' ? <WorkerWorkloadDetails key={selection.id} id={selection.id} /> : <WorkerEdgeDetails key={selection.id} id={selection.id} />;
}
