import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { useAnalysisStore, drawGraph } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore, type Point } from '../../store/useViewStore';
import { ConnectFlowDialog } from '../flows/ConnectFlowDialog';
import { isValidFlowConnection } from '../flows/flowEndOf';
import { useDraftExternals } from '../palette/useDraftExternals';
import { buildGraph, type CanvasNode, type Graph } from '../../store/graph/buildGraph';
import { graphDiff } from '../baseline/graphDiff';
import { selectAnalysis } from '../../store/selectAnalysis';
import { useBaselineStore } from '../../store/useBaselineStore';
import { CanvasControls } from './CanvasControls';
import { CanvasLegend } from './CanvasLegend';
import { emphasis } from './emphasis';
import { ExternalNode } from './ExternalNode';
import { FlowEdge } from './FlowEdge';
import { FAR_ZOOM } from './farZoom';
import { focusOf } from './focusOf';
import { NamespaceActionsContext } from './NamespaceActionsContext';
import { NamespaceGroupNode } from './NamespaceGroupNode';
import { NamespaceNode } from './NamespaceNode';
import { placeNodes } from './placeNodes';
import { isOverBudget, shownEdges } from './shownEdges';
import { policyReach } from './policyReach';
import { useCanvasLayout } from './useCanvasLayout';
import { useNamespaceExpansion } from './useNamespaceExpansion';
import { WorkloadNode } from './WorkloadNode';

const nodeTypes: NodeTypes = { namespace: NamespaceNode, namespaceGroup: NamespaceGroupNode, workload: WorkloadNode, external: ExternalNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge };
/** Above this many nodes and edges, only those in view are rendered. */
const VIRTUALISE_AT = 300;
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
  const focusDepth = useViewStore((state) => state.focusDepth);
  const layoutRound = useViewStore((state) => state.layoutRound);
  const select = useViewStore((state) => state.select);
  const keepPositions = useViewStore((state) => state.keepPositions);
  const resetPositions = useViewStore((state) => state.resetPositions);
  const revision = useDocumentStore((state) => state.revision);
  const chosenCollapsed = useViewStore((state) => state.collapsedNamespaces);
  const { fitView, getViewport, setCenter } = useReactFlow();
  const draftCidrs = useDraftExternals((state) => state.cidrs);
  useEffect(() => {
    drawGraph({ revision, hiddenNamespaces, draftCidrs, showAllFlows, collapsed: chosenCollapsed });
  }, [revision, hiddenNamespaces, draftCidrs, showAllFlows, chosenCollapsed]);
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
  const fitOptions = useMemo(() => ({ padding: 0.1, maxZoom: 1.2, ...(focus ? { nodes: [...focus].map((id) => ({ id })) } : {}) }), [focus]);

  // Fit the view when a full layout lands, when the focus changes and when the pane is resized; otherwise leave the view alone.
  const fitted = useRef<string | null>(null);
  const fitKey = `${scope}|${focus ? [...focus].join(',') : ''}`;
  useEffect(() => {
    if (layout === null || isLayingOut || nodes.length === 0 || fitted.current === fitKey) return;
    // Wait until the nodes React Flow holds stand where the layout put them.
    const isPlaced = nodes.every((node) => {
      const target = dragged[node.id] ?? layout.positions[node.id];
      return target === undefined || (node.position.x === target.x && node.position.y === target.y);
    });
    if (!isPlaced) return;
    fitted.current = fitKey;
    void fitView(fitOptions);
  }, [layout, isLayingOut, nodes, dragged, fitKey, fitOptions, fitView]);
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = wrapper.current;
    if (element === null) return;
    let size = `${element.clientWidth}x${element.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const next = `${element.clientWidth}x${element.clientHeight}`;
      if (next === size) return;
      size = next;
      if (fitted.current !== null) void fitView(fitOptions);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fitView, fitOptions]);

  // A node an edit added off screen: fit the view so the person sees it (nothing moves, only the view).
  const known = useRef<{ scope: string; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (layout === null || isLayingOut || nodes.length === 0) return;
    // Only nodes the layout has placed count: one still at its grid guess is not where it will be.
    const ids = new Set(nodes.filter((node) => layout.positions[node.id] !== undefined).map((node) => node.id));
    const before = known.current;
    known.current = { scope, ids };
    const element = wrapper.current;
    if (before === null || before.scope !== scope || element === null) return;
    const { x: tx, y: ty, zoom } = getViewport();
    // Where the layout (or a drag) puts a node: the nodes React Flow holds may not have caught up yet.
    const placed = (id: string) => dragged[id] ?? layout.positions[id] ?? { x: 0, y: 0 };
    const absolute = (node: CanvasNode) => {
      const parent = node.parentId === undefined ? { x: 0, y: 0 } : placed(node.parentId);
      const at = placed(node.id);
      return { x: at.x + parent.x, y: at.y + parent.y };
    };
    const isOffScreen = nodes.some((node) => {
      if (before.ids.has(node.id) || !ids.has(node.id)) return false;
      const { x, y } = absolute(node);
      return x * zoom + tx < 0 || y * zoom + ty < 0 || (x + (node.width ?? 0)) * zoom + tx > element.clientWidth || (y + (node.height ?? 0)) * zoom + ty > element.clientHeight;
    });
    if (isOffScreen) void fitView(fitOptions);
  }, [layout, isLayingOut, nodes, dragged, scope, fitOptions, fitView, getViewport]);

  // Bring a selected node into view, keeping the zoom, when the selection changes without focus.
  const selectedNode = selection?.kind === 'workload' ? selection.id : selection?.kind === 'namespace' ? `ns:${selection.id}` : null;
  useEffect(() => {
    if (selectedNode === null || focus !== null) return;
    const node = nodes.find((n) => n.id === selectedNode);
    const element = wrapper.current;
    if (!node || !element) return;
    const parent = node.parentId ? nodes.find((n) => n.id === node.parentId) : undefined;
    const x = node.position.x + (parent?.position.x ?? 0) + (node.width ?? 0) / 2;
    const y = node.position.y + (parent?.position.y ?? 0) + (node.height ?? 0) / 2;
    const { x: tx, y: ty, zoom } = getViewport();
    const screenX = x * zoom + tx;
    const screenY = y * zoom + ty;
    if (screenX < 0 || screenY < 0 || screenX > element.clientWidth || screenY > element.clientHeight) void setCenter(x, y, { zoom, duration: 200 });
    // Only a new selection moves the view, not every node update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedNode]);

  // A policy's reach needs the evaluation: computed on this thread only while a policy is selected.
  const liveFiles = useAnalysisStore((state) => state.liveFiles);
  const reach = useMemo(
    () => (selection?.kind === 'policy' && liveFiles ? policyReach(selectAnalysis({ files: liveFiles }), selection.id) : undefined),
    [selection, liveFiles],
  );
  const emphasised = useMemo(() => emphasis(graph, selection, searchText, reach), [graph, selection, searchText, reach]);
  const shownNodes = useMemo(
    () =>
      nodes.map((node) => ({
        ...node,
        className: emphasised.nodes.get(node.id),
        hidden: focus !== null && !focus.has(node.id),
        zIndex: node.type === 'namespace' ? 0 : 2,
        selected:
          (selection?.kind === 'workload' && selection.id === node.id) ||
          (selection?.kind === 'namespace' && `ns:${selection.id}` === node.id),
      })),
    [nodes, emphasised, selection, focus],
  );
  const baseline = useBaselineStore((state) => state.baseline);
  const diff = useMemo(
    () => (baseline ? graphDiff(buildGraph(selectAnalysis(baseline), { hiddenNamespaces, draftCidrs, showAllFlows, collapsedNamespaces: collapsed }), graph) : null),
    [baseline, graph, hiddenNamespaces, draftCidrs, showAllFlows, collapsed],
  );
  const edges = useMemo(
    () => shownEdges({ graph, diff, emphasis: emphasised.edges, selection, focus, showAllFlows }),
    [graph, diff, emphasised, selection, focus, showAllFlows],
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
  const isFar = useStore((state) => state.transform[2] < FAR_ZOOM);
  const actions = useMemo(() => ({ expand: expansion.expand, collapse: expansion.collapse }), [expansion.expand, expansion.collapse]);
  const classes = ['canvas', layout === null ? 'canvas--unplaced' : '', isFar ? 'canvas--far' : ''].filter(Boolean).join(' ');

  return (
    <NamespaceActionsContext.Provider value={actions}>
      <div ref={wrapper} className="canvas-wrapper">
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
          <Controls fitViewOptions={fitOptions}>
            <ControlButton onClick={resetPositions} title="Reset layout" aria-label="Reset layout">
              ⟲
            </ControlButton>
          </Controls>
          <MiniMap pannable zoomable nodeColor={miniMapColor} style={miniMapSize} />
          <Panel position="top-left">
            <CanvasControls graph={graph} isOverBudget={isOverBudget(graph, showAllFlows)} collapsedCount={collapsed.length} namespaceCount={names.length} onExpandAll={expansion.expandAll} onCollapseAll={expansion.collapseAll} />
          </Panel>
          <Panel position="bottom-left" className="canvas__legend-panel">
            <CanvasLegend />
          </Panel>
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
