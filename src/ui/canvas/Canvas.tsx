import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  useNodesState,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
} from '@xyflow/react';
import type { Analysis } from '../../engine';
import { useViewStore, type Point } from '../../store/useViewStore';
import { ConnectFlowDialog } from '../flows/ConnectFlowDialog';
import { isValidFlowConnection } from '../flows/flowEndOf';
import { useDraftExternals } from '../palette/useDraftExternals';
import { buildGraph, structureKey, type CanvasNode, type FlowEdgeData } from './buildGraph';
import { graphDiff, type EdgeDiff } from '../baseline/graphDiff';
import { selectAnalysis } from '../../store/selectAnalysis';
import { useBaselineStore } from '../../store/useBaselineStore';
import { emphasis } from './emphasis';
import { ExternalNode } from './ExternalNode';
import { FlowEdge } from './FlowEdge';
import { NamespaceNode } from './NamespaceNode';
import { placeNodes } from './placeNodes';
import { useElkLayout } from './useElkLayout';
import { WorkloadNode } from './WorkloadNode';

const nodeTypes: NodeTypes = { namespace: NamespaceNode, workload: WorkloadNode, external: ExternalNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge };
/** Room around the graph on fit, so edges looping around the outermost nodes stay in view. */
const fitViewOptions = { padding: 0.15 };
/** How long nodes must stay still before the view is fitted when they never reach ELK's exact sizes. */
const SETTLE_MS = 300;
const miniMapSize = { width: 150, height: 100 };
const arrow = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

/** An edge's data marked against the baseline: added `+ …`, removed `− …`, changed `before → now`. */
function markDiff(data: FlowEdgeData, mark: EdgeDiff | undefined, before: string | undefined): FlowEdgeData {
  if (mark === undefined) return data;
  const label = mark === 'added' ? `+ ${data.label}` : mark === 'removed' ? `− ${data.label}` : `${before ?? ''} → ${data.label}`;
  return { ...data, diff: mark, label };
}

function miniMapColor(node: CanvasNode): string {
  if (node.type === 'namespace') return 'rgba(59, 130, 246, 0.15)';
  return node.type === 'external' ? '#d9a400' : '#7b8794';
}

/** The React Flow canvas of an analysis: ELK layout, dragged positions, filters, search and selection emphasis. */
export function Canvas({ analysis }: { analysis: Analysis }) {
  const hiddenNamespaces = useViewStore((state) => state.hiddenNamespaces);
  const dragged = useViewStore((state) => state.positions);
  const selection = useViewStore((state) => state.selection);
  const searchText = useViewStore((state) => state.searchText);
  const select = useViewStore((state) => state.select);
  const keepPositions = useViewStore((state) => state.keepPositions);
  const resetPositions = useViewStore((state) => state.resetPositions);
  const { fitView } = useReactFlow();

  const draftCidrs = useDraftExternals((state) => state.cidrs);
  const graph = useMemo(() => buildGraph(analysis, hiddenNamespaces, draftCidrs), [analysis, hiddenNamespaces, draftCidrs]);
  const key = useMemo(() => structureKey(graph), [graph]);
  const { layout, layoutKey, isLayingOut, error } = useElkLayout(graph, key);
  const [nodes, setNodes] = useNodesState<CanvasNode>([]);

  useEffect(() => {
    setNodes((previous) => placeNodes(graph.nodes, previous, layout, dragged));
  }, [graph, layout, dragged, setNodes]);

  const fittedKey = useRef<string | null>(null);
  useEffect(() => {
    if (layout === null || layoutKey === null || fittedKey.current === layoutKey) return;
    const isPlaced = nodes.every((node) => {
      const target = dragged[node.id] ?? layout.positions[node.id];
      const size = layout.frameSizes[node.id];
      const isMoved = target === undefined || (node.position.x === target.x && node.position.y === target.y);
      const isResized = size === undefined || node.hidden || (node.measured?.width === size.width && node.measured.height === size.height);
      return isMoved && isResized;
    });
    if (nodes.length === 0) return;
    const fit = () => {
      fittedKey.current = layoutKey;
      void fitView(fitViewOptions);
    };
    if (isPlaced) return fit();
    // A frame may end up another size than ELK planned (e.g. wide labels): fit once the nodes have settled anyway.
    const timer = setTimeout(fit, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [nodes, layout, layoutKey, dragged, fitView]);

  const emphasised = useMemo(() => emphasis(graph, analysis, selection, searchText), [graph, analysis, selection, searchText]);
  const shownNodes = useMemo(
    () =>
      nodes.map((node) => ({
        ...node,
        className: emphasised.nodes.get(node.id),
        zIndex: node.type === 'namespace' ? 0 : 2,
        selected:
          (selection?.kind === 'workload' && selection.id === node.id) ||
          (selection?.kind === 'namespace' && `ns:${selection.id}` === node.id),
      })),
    [nodes, emphasised, selection],
  );
  const baseline = useBaselineStore((state) => state.baseline);
  const diff = useMemo(() => (baseline ? graphDiff(buildGraph(selectAnalysis(baseline), hiddenNamespaces), graph) : null), [baseline, graph, hiddenNamespaces]);
  const shownEdges = useMemo(
    () =>
      [...graph.edges, ...(diff?.removed ?? [])].map((edge) => ({
        ...edge,
        data: edge.data && diff ? markDiff(edge.data, diff.marks.get(edge.id) ?? (graph.edges.includes(edge) ? undefined : 'removed'), diff.changes.find((c) => c.id === edge.id)?.before) : edge.data,
        className: emphasised.edges.get(edge.id),
        selected: selection?.kind === 'edge' && selection.id === edge.id,
        markerEnd: arrow,
        zIndex: 1,
      })),
    [graph, diff, emphasised, selection],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const picked = changes.find((change) => change.type === 'select' && change.selected);
      if (picked?.type === 'select') {
        const node = graph.nodes.find((n) => n.id === picked.id);
        if (node?.type === 'workload') select({ kind: 'workload', id: node.id });
        if (node?.type === 'namespace') select({ kind: 'namespace', id: node.data.namespace.name });
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
  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback(
    (_, __, moved) => keepPositions(Object.fromEntries(moved.map((node): [string, Point] => [node.id, node.position]))),
    [keepPositions],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
  const [connecting, setConnecting] = useState<Connection | null>(null);

  return (
    <>
      <ReactFlow
        className={layoutKey === null ? 'canvas canvas--unplaced' : 'canvas'}
        data-layout={isLayingOut ? 'running' : 'done'}
        nodes={shownNodes}
        edges={shownEdges}
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
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
      >
        <Background />
        <Controls>
          <ControlButton onClick={resetPositions} title="Reset layout" aria-label="Reset layout">
            ⟲
          </ControlButton>
        </Controls>
        <MiniMap pannable zoomable nodeColor={miniMapColor} style={miniMapSize} />
        {isLayingOut && (
          <Panel position="top-center" className="canvas__hint" role="status">
            Laying out…
          </Panel>
        )}
        {error !== null && (
          <Panel position="top-center" className="canvas__hint canvas__hint--error" role="alert">
            Automatic layout failed: {error}
          </Panel>
        )}
      </ReactFlow>
      {connecting && <ConnectFlowDialog source={connecting.source} target={connecting.target} onClose={() => setConnecting(null)} />}
    </>
  );
}
