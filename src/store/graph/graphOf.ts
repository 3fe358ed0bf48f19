import type { Analysis } from '../../engine';
import { buildGraph, type Graph } from './buildGraph';

const cache = new WeakMap<Analysis, Graph>();

/** The unfiltered graph of an analysis with every allowed pair as an edge, built once per analysis and shared by the inspector and the baseline diff. */
export function graphOf(analysis: Analysis): Graph {
  let graph = cache.get(analysis);
  if (!graph) {
    graph = buildGraph(analysis, { showAllFlows: true });
    cache.set(analysis, graph);
  }
  return graph;
}
