import type { Edge, Node } from '@xyflow/react';
import { externalFlows, formatConnSet, OTHER_ADDRESSES, type Analysis, type ConnSet, type Namespace, type Workload } from '../../engine';
import { compactConns, compactFlow } from './compactConns';

/** A namespace frame: a React Flow group that holds its workloads. */
export type NamespaceNodeType = Node<{ namespace: Namespace }, 'namespace'>;
/** A workload card inside its namespace frame, with whether policies isolate each side of it. */
export type WorkloadNodeType = Node<{ workload: Workload; isIngressIsolated: boolean; isEgressIsolated: boolean }, 'workload'>;
/** Addresses outside the cluster: an ipBlock as written (`0.0.0.0/0 except 10.0.0.0/8`) or any other address. */
export type ExternalNodeType = Node<{ label: string; isOther: boolean }, 'external'>;
/** Every node the canvas draws. */
export type CanvasNode = NamespaceNodeType | WorkloadNodeType | ExternalNodeType;

/** What an edge carries: its kind (pod to pod or external), its labels and whether the reverse pair is drawn too. */
export interface FlowEdgeData extends Record<string, unknown> {
  kind: 'pod' | 'external';
  conns: ConnSet;
  /** The compact label drawn on the edge. */
  label: string;
  /** The connections as the CLI prints them. */
  connsText: string;
  /** True for an external flow where some addresses of the range may do more than the label says. */
  isPartial: boolean;
  /** True when the opposite direction is an edge too, so the two curve apart. */
  hasReverse: boolean;
  /** How the edge differs from the what-if baseline, when one is set. */
  diff?: 'added' | 'removed' | 'changed';
}

/** An allowed-flow edge, id `<src>=><dst>`. */
export type FlowEdgeType = Edge<FlowEdgeData, 'flow'>;

/** The nodes and edges of the canvas; frames come before the workloads they hold. */
export interface Graph {
  nodes: CanvasNode[];
  edges: FlowEdgeType[];
}

/** Estimated size of a workload or external card before the browser measures it. */
export const CARD = { width: 200, height: 96 } as const;
/** Room a frame keeps around its cards; the top holds the namespace name and labels. */
export const FRAME_PADDING = { top: 48, side: 24, bottom: 24 } as const;
const GAP = { x: 120, y: 40 } as const;
const FRAME_GAP = 96;

/** The id of the frame of namespace `name`. */
export function namespaceNodeId(name: string): string {
  return `ns:${name}`;
}

/** The id of the edge from `src` to `dst`. */
export function edgeId(src: string, dst: string): string {
  return `${src}=>${dst}`;
}

function frameSize(count: number, columns: number): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    width: 2 * FRAME_PADDING.side + columns * CARD.width + (columns - 1) * GAP.x,
    height: FRAME_PADDING.top + rows * CARD.height + (rows - 1) * GAP.y + FRAME_PADDING.bottom,
  };
}

interface Flow {
  src: string;
  dst: string;
  kind: FlowEdgeData['kind'];
  conns: ConnSet;
  isPartial: boolean;
}

/**
 * Turns an analysis into canvas nodes and edges: one frame per namespace holding its
 * workloads, one node per external address block, one edge per ordered pair that may
 * connect. Hidden namespaces keep their place but their frame, workloads and edges are
 * hidden. Positions are a simple grid until the automatic layout replaces them.
 * `draftCidrs` are what-if address ranges no policy mentions yet, drawn as external nodes too.
 */
export function buildGraph(analysis: Analysis, hiddenNamespaces: readonly string[] = [], draftCidrs: readonly string[] = []): Graph {
  const { model, evaluation } = analysis;
  const { compiled } = evaluation;
  const hidden = new Set(hiddenNamespaces);
  const workloadsByNamespace = new Map<string, Workload[]>();
  for (const workload of model.workloads) {
    const siblings = workloadsByNamespace.get(workload.namespace);
    if (siblings) siblings.push(workload);
    else workloadsByNamespace.set(workload.namespace, [workload]);
  }

  const nodes: CanvasNode[] = [];
  let frameX = CARD.width + FRAME_GAP;
  for (const namespace of model.namespaces) {
    const workloads = workloadsByNamespace.get(namespace.name) ?? [];
    const columns = Math.max(1, Math.ceil(Math.sqrt(workloads.length)));
    const size = frameSize(workloads.length, columns);
    const frameId = namespaceNodeId(namespace.name);
    const isHidden = hidden.has(namespace.name);
    nodes.push({ id: frameId, type: 'namespace', position: { x: frameX, y: 0 }, ...size, hidden: isHidden, data: { namespace } });
    workloads.forEach((workload, index) => {
      const i = compiled.index.get(workload.id) ?? -1;
      nodes.push({
        id: workload.id,
        type: 'workload',
        parentId: frameId,
        extent: 'parent',
        hidden: isHidden,
        position: {
          x: FRAME_PADDING.side + (index % columns) * (CARD.width + GAP.x),
          y: FRAME_PADDING.top + Math.floor(index / columns) * (CARD.height + GAP.y),
        },
        data: {
          workload,
          isIngressIsolated: (compiled.ingressPolicies[i]?.length ?? 0) > 0,
          isEgressIsolated: (compiled.egressPolicies[i]?.length ?? 0) > 0,
        },
      });
    });
    frameX += size.width + FRAME_GAP;
  }

  const hiddenWorkloads = new Set(model.workloads.filter((w) => hidden.has(w.namespace)).map((w) => w.id));
  const isHidden = (id: string) => hiddenWorkloads.has(id);
  const workloadIds = new Set(model.workloads.map((w) => w.id));
  const flows: Flow[] = analysis.connections
    .filter((c) => workloadIds.has(c.src) && workloadIds.has(c.dst))
    .map((c): Flow => ({ ...c, kind: 'pod', isPartial: false }));

  if (model.workloads.length > 0) {
    const external = externalFlows(model, evaluation);
    external.blocks.forEach((block, index) => {
      nodes.push({
        id: block.id,
        type: 'external',
        position: { x: 0, y: index * (CARD.height + GAP.y) },
        data: { label: block.label, isOther: block.id === OTHER_ADDRESSES },
      });
    });
    for (const flow of external.flows) flows.push({ ...flow, kind: 'external' });
  }
  const externalCount = nodes.filter((n) => n.type === 'external').length;
  const drafts = draftCidrs.filter((cidr) => !nodes.some((n) => n.id === `ext:${cidr}`));
  drafts.forEach((cidr, index) => {
    nodes.push({ id: `ext:${cidr}`, type: 'external', position: { x: 0, y: (externalCount + index) * (CARD.height + GAP.y) }, data: { label: cidr, isOther: false } });
  });

  const ids = new Set(flows.map((f) => edgeId(f.src, f.dst)));
  const edges: FlowEdgeType[] = flows.map(({ src, dst, kind, conns, isPartial }) => ({
    id: edgeId(src, dst),
    type: 'flow',
    source: src,
    target: dst,
    hidden: isHidden(src) || isHidden(dst),
    data: {
      kind,
      conns,
      label: kind === 'external' ? compactFlow(conns, isPartial) : compactConns(conns),
      connsText: formatConnSet(conns),
      isPartial,
      hasReverse: ids.has(edgeId(dst, src)),
    },
  }));
  return { nodes, edges };
}

/** A key that changes exactly when the set of nodes, their frames or the set of edges changes: when the layout must run again. */
export function structureKey(graph: Graph): string {
  return JSON.stringify([graph.nodes.map((n) => `${n.id}<${n.parentId ?? ''}`), graph.edges.map((e) => e.id)]);
}
