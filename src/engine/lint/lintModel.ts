import type { Evaluation } from '../evaluate/evaluateModel';
import type { Model } from '../model/types';
import type { Lint } from './lint';
import { lintClusterTiers } from './lintClusterTiers';
import { lintDns } from './lintDns';
import { lintInferred } from './lintInferred';
import { lintIsolation } from './lintIsolation';
import { lintOneSidedAllows } from './lintOneSidedAllows';
import { lintPorts } from './lintPorts';
import { lintRedundancy } from './lintRedundancy';
import { lintSelectors } from './lintSelectors';

/**
 * Every lint over the model and its evaluation, errors and warnings before
 * infos. Redundancy and one-sided allows are judged on the real workloads only:
 * one inferred workload per selector cannot show that a rule is shadowed for
 * every pod it stands for.
 */
export function lintModel(model: Model, ev: Evaluation): Lint[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const context = { model, evaluation: ev, inferWorkloads: model.workloads.some((w) => w.isInferred) };
  return [...lintDns(context), ...lintSelectors(model, ev.compiled), ...lintPorts(ev.compiled), ...lintIsolation(model, ev.compiled), ...lintOneSidedAllows(ev.compiled), ...lintRedundancy(ev), ...lintInferred(model), ...lintClusterTiers(model, ev.compiled)].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
