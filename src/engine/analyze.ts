import { decodeModel, type IgnoredPolicy } from './decode/decodeModel';
import { evaluateModel, listConnections, type Connection, type Evaluation } from './evaluate/evaluateModel';
import { inferWorkloads } from './infer/inferWorkloads';
import type { Issue, Model, SourceFile } from './model/types';

/** Everything the app and the CLI need from a set of files. */
export interface Analysis {
  /** The decoded model; objects the API server would reject are left out (see `issues`). */
  model: Model;
  issues: Issue[];
  /** The NetworkPolicies left out of the model for an error, with what they would select. */
  ignoredPolicies: IgnoredPolicy[];
  evaluation: Evaluation;
  /** Every allowed connection, listed on first use (the app's views need only `countConnections`). */
  readonly connections: Connection[];
}

/**
 * How to analyse: `inferWorkloads` adds the workloads policies select but the input lacks (the app does; the CLI does not);
 * `previous`, the analysis of the document before an edit, lets evaluation recompute only what the edit can change.
 */
export interface AnalyzeOptions {
  inferWorkloads?: boolean;
  previous?: Analysis;
}

/** Decodes files into a model (with inferred workloads when asked) and evaluates every allowed connection. */
export function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Analysis {
  const { model: decoded, issues, ignoredPolicies } = decodeModel(files);
  const model = options.inferWorkloads ? inferWorkloads(decoded) : decoded;
  const evaluation = evaluateModel(model, options.previous?.evaluation);
  let connections: Connection[] | undefined;
  return {
    model,
    issues,
    ignoredPolicies,
    evaluation,
    get connections() {
      return (connections ??= listConnections(evaluation));
    },
  };
}
