import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import type { Selection } from '../../store/useViewStore';
import { EdgeDetails } from './EdgeDetails';
import { WorkloadDetails } from './WorkloadDetails';

/**
 * The details that need the engine's full evaluation (a workload's allowed peers, an edge's connections): mounted only
 * while such a selection is shown, as they analyse the document on the main thread (memoised per version of the files).
 */
export function EvaluatedDetails({ selection }: { selection: Selection }) {
  const { analysis } = useLiveAnalysis();
  if (selection.kind === 'workload') return <WorkloadDetails analysis={analysis} id={selection.id} />;
  if (selection.kind === 'edge') return <EdgeDetails analysis={analysis} id={selection.id} />;
  return null;
}
