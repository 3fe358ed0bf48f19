import type { Analysis } from '../../engine';
import { buildGraph, type Graph } from './buildGraph';
import { collapsedNamespacesOf } from './collapsedNamespacesOf';

/** What the canvas asks the worker to draw: its filters and switches, and the document revision they were chosen in. */
export interface GraphRequest {
  revision: number;
  hiddenNamespaces: readonly string[];
  draftCidrs: readonly string[];
  showAllFlows: boolean;
  /** Name on each edge the tier that decided it. */
  tierView: boolean;
  /** The namespaces the person collapsed (and `ADDRESSES_NODE_ID` while the address blocks are grouped), for the revision they chose it in; null lets the size decide. */
  collapsed: { revision: number; names: readonly string[] } | null;
}

/** The graph the canvas draws, the namespaces drawn collapsed, and how many errors the analysis it was drawn from had. */
export interface CanvasGraph {
  /** The request it answers (with the document revision the worker drew it for). */
  request: GraphRequest;
  graph: Graph;
  /** The namespaces drawn collapsed, and `ADDRESSES_NODE_ID` when the address blocks are drawn as one node. */
  collapsedNamespaces: readonly string[];
  errorCount: number;
}

/** The canvas graph of an analysis for a request: collapsed namespaces resolved (all of them above the size threshold unless chosen), then {@link buildGraph}. */
export function canvasGraph(analysis: Analysis, request: GraphRequest): CanvasGraph {
  const collapsedNamespaces = collapsedNamespacesOf(analysis.model, request.revision, request.collapsed);
  const graph = buildGraph(analysis, {
    hiddenNamespaces: request.hiddenNamespaces,
    draftCidrs: request.draftCidrs,
    showAllFlows: request.showAllFlows,
    tierView: request.tierView,
    collapsedNamespaces,
  });
  return { request, graph, collapsedNamespaces, errorCount: analysis.issues.filter((issue) => issue.severity === 'error').length };
}
