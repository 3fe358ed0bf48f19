import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { formatConnSet, type Analysis, type Namespace, type Workload } from '../../engine';

/** A namespace frame: a React Flow group that holds its workloads. */
export type NamespaceNodeType = Node<{ namespace: Namespace }, 'namespace'>;
/** A workload card inside its namespace frame. */
export type WorkloadNodeType = Node<{ workload: Workload }, 'workload'>;
/** An address range outside the cluster, e.g. `0.0.0.0-255.255.255.255`. */
export type ExternalNodeType = Node<{ range: string }, 'external'>;
/** Every node the canvas draws. */
export type CanvasNode = NamespaceNodeType | WorkloadNodeType | ExternalNodeType;

/** The nodes and edges of the canvas; parents come before their children. */
export interface Graph {
  nodes: CanvasNode[];
  edges: Edge[];
}

/** Size of a workload or external card. */
export const CARD = { width: 200, height: 72 } as const;
/** Room between cards, wide enough for an edge label. */
const GAP = { x: 88, y: 56 } as const;
const FRAME_PADDING = { top: 48, side: 24, bottom: 24 } as const;
const FRAME_GAP = 96;
const EXTERNAL_SUFFIX = '[External]';

function frameSize(count: number, columns: number): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    width: 2 * FRAME_PADDING.side + columns * CARD.width + (columns - 1) * GAP.x,
    height: FRAME_PADDING.top + rows * CARD.height + (rows - 1) * GAP.y + FRAME_PADDING.bottom,
  };
}

/**
 * Turns an analysis into canvas nodes and edges: one frame per namespace with its
 * workloads in a grid, external ranges in a column on the left, one edge per allowed connection.
 */
export function buildGraph(analysis: Analysis): Graph {
  const workloadIds = new Set(analysis.model.workloads.map((w) => w.id));
  const externalIds = [
    ...new Set(analysis.connections.flatMap((c) => [c.src, c.dst]).filter((id) => !workloadIds.has(id))),
  ].sort();

  const nodes: CanvasNode[] = externalIds.map((id, index) => ({
    id,
    type: 'external',
    position: { x: 0, y: index * (CARD.height + GAP.y) },
    width: CARD.width,
    height: CARD.height,
    data: { range: id.endsWith(EXTERNAL_SUFFIX) ? id.slice(0, -EXTERNAL_SUFFIX.length) : id },
  }));

  const workloadsByNamespace = new Map<string, Workload[]>();
  for (const workload of analysis.model.workloads) {
    const siblings = workloadsByNamespace.get(workload.namespace);
    if (siblings) siblings.push(workload);
    else workloadsByNamespace.set(workload.namespace, [workload]);
  }
  let frameX = externalIds.length > 0 ? CARD.width + FRAME_GAP : 0;
  for (const namespace of analysis.model.namespaces) {
    const workloads = workloadsByNamespace.get(namespace.name) ?? [];
    const columns = Math.max(1, Math.ceil(Math.sqrt(workloads.length)));
    const size = frameSize(workloads.length, columns);
    const frameId = `ns:${namespace.name}`;
    nodes.push({
      id: frameId,
      type: 'namespace',
      position: { x: frameX, y: 0 },
      ...size,
      data: { namespace },
    });
    workloads.forEach((workload, index) => {
      nodes.push({
        id: workload.id,
        type: 'workload',
        parentId: frameId,
        extent: 'parent',
        position: {
          x: FRAME_PADDING.side + (index % columns) * (CARD.width + GAP.x),
          y: FRAME_PADDING.top + Math.floor(index / columns) * (CARD.height + GAP.y),
        },
        width: CARD.width,
        height: CARD.height,
        data: { workload },
      });
    });
    frameX += size.width + FRAME_GAP;
  }

  const edges: Edge[] = analysis.connections.map((connection) => ({
    id: `${connection.src}=>${connection.dst}`,
    source: connection.src,
    target: connection.dst,
    label: formatConnSet(connection.conns),
    markerEnd: { type: MarkerType.ArrowClosed },
  }));

  return { nodes, edges };
}
