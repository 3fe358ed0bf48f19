import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  useNodesState,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
} from '@xyflow/react';
import { useObservedStore } from '../../store/useObservedStore';
import { ObservedSummary } from '../observed/ObservedSummary';
import { useObservedOverlay } from '../observed/useObservedOverlay';
import { withObserved } from '../observed/withObserved';
import { useAnalysisStore, drawGraph } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore, type Point } from '../../store/useViewStore';
import { ConnectFlowDialog } from '../flows/ConnectFlowDialog';
import { isValidFlowConnection } from '../../store/graph/flowEndOf';
import { useDraftExternals } from '../palette/useDraftExternals';
import { ADDRESSES_NODE_ID, buildGraph, type CanvasNode, type Graph } from '../../store/graph/buildGraph';
import { graphDiff } from '../baseline/graphDiff';
import { selectAnalysis } from '../../store/selectAnalysis';
import { useSelectionJob } from '../../store/useSelectionJob';
import { useBaselineStore } from '../../store/useBaselineStore';
import { CanvasControls } from './CanvasControls';
import { CanvasLegend } from './CanvasLegend';
import { CanvasOverview } from './CanvasOverview';
import { emphasis } from './emphasis';
import { ExternalNode } from './ExternalNode';
import { FlowEdge } from './FlowEdge';
import { cardTextScale, FAR_ZOOM } from './farZoom';
import { focusOf } from './focusOf';
import { NamespaceActionsContext } from './NamespaceActionsContext';
import { NamespaceGroupNode } from './NamespaceGroupNode';
import { NamespaceNode } from './NamespaceNode';
import { placeNodes } from './placeNodes';
import { isOverBudget, shownEdges } from './shownEdges';
import { shownNode } from './shownNode';
import { useCanvasFit } from './useCanvasFit';
import { useCanvasLayout } from './useCanvasLayout';
import { useNamespaceExpansion } from './useNamespaceExpansion';
import { WorkloadNode } from './WorkloadNode';

const nodeTypes: NodeTypes = { namespace: NamespaceNode, namespaceGroup: NamespaceGroupNode, workload: WorkloadNode, external: ExternalNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge };
/** Above this many nodes and edges, only those in view are rendered. */
const VIRTUALISE_AT = 300;
/** Above this many nodes, a view zoomed out below {@link FAR_ZOOM} draws the overview instead of mounting the nodes. */
const OVERVIEW_AT = 300;
/** Above this many nodes the graph no longer fits at a readable zoom, and a minimap helps find one's way. */
const MINIMAP_AT = 40;
/** The zoom a click on the overview zooms in to: cards are read at full detail. */
const PICK_ZOOM = 0.8;
const miniMapSize = { width: 150, height: 100 };

const versions = new WeakMap<Graph, number>();
let lastVersion = 0;
/** A number that grows with every graph the canvas shows (a hook for benchmarks: `data-graph-version`). */
function versionOf(graph: Graph): number {
  let version = versions.get(graph);
  if (version === undefined) {
    version = ++lastVersion;
    versions.set(graph, version);
  }
  return version;
}

function miniMapColor(node: CanvasNode): string {
  if (node.type === 'namespace') return 'rgba(59, 130, 246, 0.15)';
  if (node.type === 'namespaceGroup') return 'rgba(59, 130, 246, 0.5)';
  return node.type === 'external' ? '#d9a400' : '#7b8794';
}

const EMPTY_GRAPH: Graph = { nodes: [], edges: [] };
const NONE: readonly string[] = [];

/** The React Flow canvas of the graph the analysis worker draws: stable two-level layout, decided flows (or every flow), collapsed namespaces, filters, focus, search and selection emphasis. */
export function Canvas() {
  const hiddenNamespaces = useViewStore((state) => state.hiddenNamespaces);
  const dragged = useViewStore((state) => state.positions);
  const selection = useViewStore((state) => state.selection);
  const searchText = useViewStore((state) => state.searchText);
  const showAllFlows = useViewStore((state) => state.showAllFlows);
  const tierView = useViewStore((state) => state.tierView);
  const focusDepth = useViewStore((state) => state.focusDepth);
  const layoutRound = useViewStore((state) => state.layoutRound);
  const select = useViewStore((state) => state.select);
  const keepPositions = useViewStore((state) => state.keepPositions);
  const resetPositions = useViewStore((state) => state.resetPositions);
  const revision = useDocumentStore((state) => state.revision);
  const chosenCollapsed = useViewStore((state) => state.collapsedNamespaces);
  const draftCidrs = useDraftExternals((state) => state.cidrs);
  useEffect(() => {
    drawGraph({ revision, hiddenNamespaces, draftCidrs, showAllFlows, tierView, collapsed: chosenCollapsed });
  }, [revision, hiddenNamespaces, draftCidrs, showAllFlows, tierView, chosenCollapsed]);
  const drawn = useAnalysisStore((state) => state.canvas?.graph);
  // Until the worker has answered the newest version, what is drawn may be out of date.
  const isAnalysing = useAnalysisStore((state) => state.isPending || state.canvas === null);
  const graph = drawn?.graph ?? EMPTY_GRAPH;
  const collapsed = drawn?.collapsedNamespaces ?? NONE;
  const namespaces = useAnalysisStore((state) => state.live.model.namespaces);
  const names = useMemo(() => namespaces.map((namespace) => namespace.name), [namespaces]);
  const expansion = useNamespaceExpansion(collapsed, names);
  // The scope of the graph shown (not of the view's newest wishes, which the worker may not have answered yet).
  const drawnFor = drawn?.request;
  const scope = `${drawnFor?.revision ?? -1}|${layoutRound}|${[...(drawnFor?.hiddenNamespaces ?? [])].sort().join(',')}|${[...collapsed].sort().join(',')}`;
  const { layout, isLayingOut } = useCanvasLayout(graph, scope);
  const [nodes, setNodes] = useNodesState<CanvasNode>([]);

  useEffect(() => {
    setNodes((previous) => placeNodes(graph.nodes, previous, layout, dragged));
  }, [graph, layout, dragged, setNodes]);

  const focus = useMemo(() => focusOf(graph, selection, focusDepth), [graph, selection, focusDepth]);
  const wrapper = useRef<HTMLDivElement>(null);
  const selectedNode = selection?.kind === 'workload' ? selection.id : selection?.kind === 'namespace' ? `ns:${selection.id}` : null;
  const fit = useCanvasFit({ nodes, layout, isLayingOut, dragged, scope, focus, selectedNode, wrapper });

  // A policy's reach needs the evaluation: the analysis worker answers it while a policy is selected.
  const reachOutcome = useSelectionJob('policyReach', selection?.kind === 'policy' || selection?.kind === 'clusterPolicy' ? selection.id : null);
  const reach = reachOutcome?.status === 'done' ? (reachOutcome.result ?? undefined) : undefined;
  const isFar = useStore((state) => state.transform[2] < FAR_ZOOM);
  const isOverview = isFar && nodes.length > OVERVIEW_AT;
  const { setCenter } = useReactFlow();
  const pick = useCallback(
    (node: CanvasNode) => {
      if (node.type === 'workload') select({ kind: 'workload', id: node.id });
      if (node.type === 'namespace' || node.type === 'namespaceGroup') select({ kind: 'namespace', id: node.data.namespace.name });
      const parent = node.parentId === undefined ? undefined : nodes.find((n) => n.id === node.parentId);
      void setCenter(node.position.x + (parent?.position.x ?? 0) + (node.width ?? 0) / 2, node.position.y + (parent?.position.y ?? 0) + (node.height ?? 0) / 2, { zoom: PICK_ZOOM, duration: 300 });
    },
    [nodes, select, setCenter],
  );
  const emphasised = useMemo(() => emphasis(graph, selection, searchText, reach), [graph, selection, searchText, reach]);
  const shownNodes = useMemo(
    () =>
      nodes.map((node) =>
        shownNode(node, {
          className: emphasised.nodes.get(node.id),
          // Not mounted until the layout has placed it (it would be invisible anyway), nor in the overview or out of focus.
          hidden: layout === null || isOverview || (focus !== null && !focus.has(node.id)),
          selected: (selection?.kind === 'workload' && selection.id === node.id) || (selection?.kind === 'namespace' && `ns:${selection.id}` === node.id),
        }),
      ),
    [nodes, emphasised, selection, focus, isOverview, layout],
  );
  const baseline = useBaselineStore((state) => state.baseline);
  const diff = useMemo(
    () => (baseline ? graphDiff(buildGraph(selectAnalysis(baseline), { hiddenNamespaces, draftCidrs, showAllFlows, tierView, collapsedNamespaces: collapsed }), graph) : null),
    [baseline, graph, hiddenNamespaces, draftCidrs, showAllFlows, tierView, collapsed],
  );
  const overlay = useObservedOverlay();
  const observedFilter = useObservedStore((state) => state.filter);
  const edgeGraph = useMemo(() => (overlay ? withObserved(graph, overlay, observedFilter) : graph), [graph, overlay, observedFilter]);
  const edges = useMemo(
    () => shownEdges({ graph: edgeGraph, diff, emphasis: emphasised.edges, selection, focus, showAllFlows }),
    [edgeGraph, diff, emphasised, selection, focus, showAllFlows],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const picked = changes.find((change) => change.type === 'select' && change.selected);
      if (picked?.type === 'select') {
        const node = graph.nodes.find((n) => n.id === picked.id);
        if (node?.type === 'workload') select({ kind: 'workload', id: node.id });
        if (node?.type === 'namespace' || node?.type === 'namespaceGroup') select({ kind: 'namespace', id: node.data.namespace.name });
      }
      setNodes((current) => applyNodeChanges(changes.filter((change) => change.type !== 'select'), current));
    },
    [graph, select, setNodes],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picked = changes.find((change) => change.type === 'select' && change.selected);
      if (picked?.type === 'select') select({ kind: 'edge', id: picked.id });
    },
    [select],
  );
  // A drag pins the moved nodes, and the frames and address blocks where they stand, so a reload shows the same picture.
  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback(
    (_, __, moved) =>
      keepPositions(Object.fromEntries([...nodes.filter((node) => node.parentId === undefined), ...moved].map((node): [string, Point] => [node.id, node.position]))),
    [keepPositions, nodes],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
  const [connecting, setConnecting] = useState<Connection | null>(null);
  const actions = useMemo(() => ({ expand: expansion.expand, collapse: expansion.collapse }), [expansion.expand, expansion.collapse]);
  const textScale = useStore((state) => cardTextScale(state.transform[2]));
  const isMedium = textScale !== null && textScale > 1;
  const classes = ['canvas', layout === null ? 'canvas--unplaced' : '', isFar ? 'canvas--far' : '', isMedium ? 'canvas--medium' : ''].filter(Boolean).join(' ');
  const wrapperStyle = useMemo(() => ({ '--card-text-scale': String(textScale ?? 1) }) as CSSProperties, [textScale]);

  return (
    <NamespaceActionsContext.Provider value={actions}>
      <div ref={wrapper} className="canvas-wrapper" style={wrapperStyle}>
        <ReactFlow
          className={classes}
          data-layout={isLayingOut || isAnalysing ? 'running' : 'done'}
          data-graph-version={versionOf(graph)}
          nodes={shownNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onPaneClick={onPaneClick}
          onConnect={setConnecting}
          isValidConnection={isValidFlowConnection}
          deleteKeyCode={null}
          zIndexMode="manual"
          colorMode="system"
          onlyRenderVisibleElements={nodes.length + graph.edges.length > VIRTUALISE_AT}
          minZoom={0.05}
        >
          <Background />
          <Controls onFitView={fit}>
            <ControlButton onClick={resetPositions} title="Reset layout" aria-label="Reset layout">
              ⟲
            </ControlButton>
          </Controls>
          {nodes.length > MINIMAP_AT && <MiniMap pannable zoomable nodeColor={miniMapColor} style={miniMapSize} />}
          <Panel position="top-left">
            <CanvasControls graph={graph} isOverBudget={isOverBudget(graph, showAllFlows)} collapsedCount={collapsed.filter((id) => id !== ADDRESSES_NODE_ID).length} namespaceCount={names.length} onExpandAll={expansion.expandAll} onCollapseAll={expansion.collapseAll} />
            <ObservedSummary overlay={overlay} />
          </Panel>
          <Panel position="bottom-left" className="canvas__legend-panel">
            <CanvasLegend />
          </Panel>
          {isOverview && <CanvasOverview nodes={nodes} selected={selectedNode} onPick={pick} />}
          {isOverview && (
            <Panel position="bottom-center" className="canvas__hint" role="status">
              Overview of {nodes.length} nodes: zoom in, or click one, to see it in full
            </Panel>
          )}
          {isLayingOut && (
            <Panel position="top-center" className="canvas__hint" role="status">
              Laying out…
            </Panel>
          )}
          {layout?.fallback !== undefined && (
            <Panel position="top-center" className="canvas__hint canvas__hint--error" role="alert">
              Automatic layout failed ({layout.fallback}): nodes are arranged in a grid
            </Panel>
          )}
        </ReactFlow>
      </div>
      {connecting && <ConnectFlowDialog source={connecting.source} target={connecting.target} onClose={() => setConnecting(null)} />}
    </NamespaceActionsContext.Provider>
  );
}
