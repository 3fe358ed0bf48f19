import { decodeModel } from './decode/decodeModel';
import { evaluateModel, listConnections, type Connection, type Evaluation } from './evaluate/evaluateModel';
import type { Issue, Model, SourceFile } from './model/types';

/** Everything the app and the CLI need from a set of files. */
export interface Analysis {
  /** The decoded model; objects the API server would reject are left out (see `issues`). */
  model: Model;
  issues: Issue[];
  evaluation: Evaluation;
  connections: Connection[];
}

/** Decodes files into a model and evaluates every allowed connection. */
export function analyze(files: readonly SourceFile[]): Analysis {
  const { model, issues } = decodeModel(files);
  const evaluation = evaluateModel(model);
  return { model, issues, evaluation, connections: listConnections(evaluation) };
}
