import type { Evaluation } from '../evaluate/evaluateModel';
import type { Model } from '../model/types';
import type { Lint } from './lint';
import { lintDns } from './lintDns';
import { lintIsolation } from './lintIsolation';
import { lintPorts } from './lintPorts';
import { lintRedundancy } from './lintRedundancy';
import { lintSelectors } from './lintSelectors';

/** Every lint over the model and its evaluation, errors and warnings before infos. */
export function lintModel(model: Model, ev: Evaluation): Lint[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...lintDns(ev), ...lintSelectors(model, ev.compiled), ...lintPorts(ev.compiled), ...lintIsolation(model, ev.compiled), ...lintRedundancy(model, ev)].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
