import type { IPRange } from '../ip/ipRange';
import type { PolicyChange } from './planAllowFlow';
import { simulateChanges, type PlanContext, type SimulatedChanges } from './planEffects';

/** A plan context for the model after `changes` (the model rebuilt as `simulateChanges` rebuilds it), with the simulation. */
export function contextAfterChanges(context: PlanContext, changes: readonly PolicyChange[], cuts: readonly IPRange[] = []): { context: PlanContext; simulated: SimulatedChanges } {
  const simulated = simulateChanges(context, changes, cuts);
  const { compiled } = simulated.after;
  const model = { ...context.model, policies: [...compiled.policies], workloads: [...compiled.workloads] };
  return { context: { model, evaluation: simulated.after, inferWorkloads: context.inferWorkloads }, simulated };
}
