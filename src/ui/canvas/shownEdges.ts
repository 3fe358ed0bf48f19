import { MarkerType } from '@xyflow/react';
import type { EdgeDiff, EdgeChange } from '../baseline/graphDiff';
import type { FlowEdgeData, FlowEdgeType, Graph } from '../../store/graph/buildGraph';
import type { Selection } from '../../store/useViewStore';

/** Above this many edges a graph is a tangle: only the edges of the selection are drawn. */
export const EDGE_BUDGET = 400;
const arrow = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
/** No edge to mount, always the same array: React Flow takes a new array in again even when it is empty. */
const NO_EDGES: FlowEdgeType[] = [];

/** What the canvas knows when it picks the edges to mount. */
export interface EdgeScene {
  graph: Graph;
  /** The graph against the baseline, when one is set. */
  diff: { marks: ReadonlyMap<string, EdgeDiff>; removed: FlowEdgeType[]; changes: EdgeChange[] } | null;
  /** Class names from the selection and the search, by edge id. */
  emphasis: ReadonlyMap<string, string>;
  selection: Selection | null;
  /** The nodes in focus, or null when everything is shown. */
  focus: ReadonlySet<string> | null;
  showAllFlows: boolean;
}

/** True when the graph has more edges than a person can read and not every flow was asked for. */
export function isOverBudget(graph: Graph, showAllFlows: boolean): boolean {
  return !showAllFlows && graph.edges.length > EDGE_BUDGET;
}

/** True when the edge `source → target` belongs to the selected node, namespace or edge. */
function touches(selection: Selection | null, source: string, target: string): boolean {
  if (selection === null) return false;
  if (selection.kind === 'edge') return selection.id === `${source}=>${target}`;
  if (selection.kind === 'policy') return false;
  const id = selection.kind === 'namespace' ? `ns:${selection.id}` : selection.id;
  const inNamespace = (end: string) => selection.kind === 'namespace' && end.startsWith(`${selection.id}/`);
  return source === id || target === id || inNamespace(source) || inNamespace(target);
}

/** An edge's data marked against the baseline: added `+ …`, removed `− …`, changed `before → now`. */
function markDiff(data: FlowEdgeData, mark: EdgeDiff | undefined, before: string | undefined): FlowEdgeData {
  if (mark === undefined) return data;
  const label = mark === 'added' ? `+ ${data.label}` : mark === 'removed' ? `− ${data.label}` : `${before ?? ''} → ${data.label}`;
  return { ...data, diff: mark, label };
}

/**
 * The edges the canvas mounts: those between nodes in focus, or, over the budget, only the selection's; edges left out
 * are not handed to React Flow at all (a hidden edge still costs a component and a store subscription each). Edges are
 * no Tab stops: the keyboard reaches them from their node (the inspector lists a workload's flows as buttons).
 */
export function shownEdges({ graph, diff, emphasis, selection, focus, showAllFlows }: EdgeScene): FlowEdgeType[] {
  const overBudget = isOverBudget(graph, showAllFlows);
  const isShown = (edge: FlowEdgeType) => (focus !== null ? focus.has(edge.source) && focus.has(edge.target) : !overBudget || touches(selection, edge.source, edge.target));
  const before = new Map(diff?.changes.map((change) => [change.id, change.before]));
  const mark = (edge: FlowEdgeType, removed: boolean): FlowEdgeType => ({
    ...edge,
    data: edge.data && diff ? markDiff(edge.data, removed ? 'removed' : diff.marks.get(edge.id), before.get(edge.id)) : edge.data,
    className: emphasis.get(edge.id),
    selected: selection?.kind === 'edge' && selection.id === edge.id,
    markerEnd: arrow,
    zIndex: 1,
    // Not a Tab stop each (60 of them came before the first card): an edge is reached from its node, in the inspector.
    focusable: false,
    ariaLabel: `Connection ${edge.source} → ${edge.target}${edge.data ? `: ${edge.data.label}` : ''}`,
  });
  const shown = [...graph.edges.filter(isShown).map((edge) => mark(edge, false)), ...(diff?.removed ?? []).filter(isShown).map((edge) => mark(edge, true))];
  return shown.length === 0 ? NO_EDGES : shown;
}
