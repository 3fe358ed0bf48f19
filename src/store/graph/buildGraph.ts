import type { Edge, Node } from '@xyflow/react';
import { externalFlows, formatConnSet, OTHER_ADDRESSES, pairConns, unionConns, NO_CONNS, type Analysis, type ConnSet, type Namespace, type Workload } from '../../engine';
import { compactConns, compactFlow } from './compactConns';

/** A namespace frame: a React Flow group that holds its workloads. */
export type NamespaceNodeType = Node<{ namespace: Namespace }, 'namespace'>;
/** What a collapsed namespace stands for: how many workloads, and how many of them each side leaves open. */
export interface NamespaceSummary extends Record<string, unknown> {
  namespace: Namespace;
  workloads: number;
  ingressOpen: number;
  egressOpen: number;
  /** Workload pairs inside the namespace that may connect (and are drawn in the current mode). */
  innerFlows: number;
}
/** A collapsed namespace: one card standing for all its workloads, their flows aggregated onto it. */
export type NamespaceGroupNodeType = Node<NamespaceSummary, 'namespaceGroup'>;
/** A workload card inside its namespace frame, with whether policies isolate each side of it. */
export type WorkloadNodeType = Node<{ workload: Workload; isIngressIsolated: boolean; isEgressIsolated: boolean }, 'workload'>;
/** Addresses outside the cluster: an ipBlock as written (`0.0.0.0/0 except 10.0.0.0/8`) or any other address. */
export type ExternalNodeType = Node<{ label: string; isOther: boolean }, 'external'>;
/** Every node the canvas draws. */
export type CanvasNode = NamespaceNodeType | NamespaceGroupNodeType | WorkloadNodeType | ExternalNodeType;

/** What an edge carries: its kind (pod to pod, external, or aggregated between collapsed namespaces), its labels and whether the reverse pair is drawn too. */
export interface FlowEdgeData extends Record<string, unknown> {
  kind: 'pod' | 'external' | 'aggregate';
  conns: ConnSet;
  /** The compact label drawn on the edge. */
  label: string;
  /** The connections as the CLI prints them. */
  connsText: string;
  /** True for an external flow where some addresses of the range may do more than the label says. */
  isPartial: boolean;
  /** True when the opposite direction is an edge too, so the two curve apart. */
  hasReverse: boolean;
  /** For an aggregated edge: how many workload (or address) pairs it stands for. */
  count?: number;
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

/** How the graph is drawn. */
export interface GraphOptions {
  /** Namespaces left out, with their workloads and edges. */
  hiddenNamespaces?: readonly string[];
  /** What-if address ranges no policy mentions yet, drawn as external nodes too. */
  draftCidrs?: readonly string[];
  /** Draw every allowed pair; otherwise only the connections some policy decided (an isolated side). */
  showAllFlows?: boolean;
  /** Namespaces drawn as one node each, their workloads' flows aggregated onto it. */
  collapsedNamespaces?: readonly string[];
}

/** The fixed size of a workload card (CSS keeps it), so layout never waits for the browser to measure. */
export const CARD = { width: 200, height: 112 } as const;
/** The fixed size of a collapsed namespace card. */
const GROUP_CARD = { width: 220, height: 92 } as const;
/** The fixed size of an external address card. */
const EXTERNAL_CARD = { width: 200, height: 64 } as const;
/** Room a frame keeps around its cards; the top holds the namespace name and labels. */
export const FRAME_PADDING = { top: 48, side: 24, bottom: 24 } as const;
/** Space between cards in the simple grid placement. */
export const GAP = { x: 80, y: 40 } as const;

/** The id of the node of namespace `name` (its frame, or its card when collapsed). */
export function namespaceNodeId(name: string): string {
  return `ns:${name}`;
}

/** The id of the edge from `src` to `dst`. */
export function edgeId(src: string, dst: string): string {
  return `${src}=>${dst}`;
}

/** The size of a frame holding `count` cards in `columns` columns. */
function frameSize(count: number, columns: number): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    width: 2 * FRAME_PADDING.side + columns * CARD.width + (columns - 1) * GAP.x,
    height: FRAME_PADDING.top + rows * CARD.height + (rows - 1) * GAP.y + FRAME_PADDING.bottom,
  };
}

/** Edges being gathered: connections and how many pairs, keyed by edge id. */
interface Gathered {
  src: string;
  dst: string;
  kind: FlowEdgeData['kind'];
  conns: ConnSet;
  isPartial: boolean;
  count: number;
}

/** Adds one pair's connections to the edge between the nodes drawing its ends; an edge touching a collapsed namespace aggregates. */
function gather(into: Map<string, Gathered>, src: string, dst: string, kind: 'pod' | 'external', conns: ConnSet, isPartial: boolean) {
  const id = edgeId(src, dst);
  const found = into.get(id);
  if (found === undefined) {
    const isAggregate = src.startsWith('ns:') || dst.startsWith('ns:');
    into.set(id, { src, dst, kind: isAggregate ? 'aggregate' : kind, conns, isPartial, count: 1 });
    return;
  }
  found.kind = 'aggregate';
  found.conns = unionConns(found.conns, conns);
  found.isPartial ||= isPartial;
  found.count += 1;
}

function labelOf(g: Gathered): string {
  if (g.kind === 'external') return compactFlow(g.conns, g.isPartial);
  const ports = compactConns(g.conns);
  return g.kind === 'aggregate' ? `${g.count} × ${ports}` : ports;
}

/**
 * Turns an analysis into canvas nodes and edges: a frame per namespace holding its
 * workloads (or one card per collapsed namespace), one node per external address
 * block, and an edge per ordered pair that may connect. Unless `showAllFlows`, only
 * connections some policy decided are drawn: a pair whose source is not
 * egress-isolated and whose destination is not ingress-isolated is open on both
 * sides, and the cards say so instead. Flows of collapsed namespaces are aggregated
 * per pair of nodes, with their count and the union of their ports. Positions are a
 * placeholder grid; the layout places the nodes.
 */
export function buildGraph(analysis: Analysis, options: GraphOptions = {}): Graph {
  const { model, evaluation } = analysis;
  const { compiled } = evaluation;
  const hidden = new Set(options.hiddenNamespaces ?? []);
  const collapsed = new Set(options.collapsedNamespaces ?? []);
  const showAll = options.showAllFlows ?? false;
  const n = compiled.workloads.length;
  const ingressIsolated = compiled.ingressPolicies.map((p) => p.length > 0);
  const egressIsolated = compiled.egressPolicies.map((p) => p.length > 0);

  const workloadsByNamespace = new Map<string, number[]>();
  compiled.workloads.forEach((workload, i) => {
    const list = workloadsByNamespace.get(workload.namespace);
    if (list) list.push(i);
    else workloadsByNamespace.set(workload.namespace, [i]);
  });

  // 1. Where each workload is drawn: its own card, its collapsed namespace's card, or nowhere.
  const nodeOf: (string | null)[] = compiled.workloads.map((w) =>
    hidden.has(w.namespace) ? null : collapsed.has(w.namespace) ? namespaceNodeId(w.namespace) : w.id,
  );
  const isDecided = (s: number, d: number) => showAll || egressIsolated[s] || ingressIsolated[d];

  // 2. Workload pairs, aggregated where an end is collapsed.
  const gathered = new Map<string, Gathered>();
  const innerFlows = new Map<string, number>();
  for (let s = 0; s < n; s++) {
    const from = nodeOf[s];
    if (from === null) continue;
    for (let d = 0; d < n; d++) {
      const to = nodeOf[d];
      if (to === null || s === d || !isDecided(s, d)) continue;
      const conns = pairConns(evaluation, s, d);
      if (conns === NO_CONNS) continue;
      if (from === to) innerFlows.set(from, (innerFlows.get(from) ?? 0) + 1);
      else gather(gathered, from, to, 'pod', conns, false);
    }
  }

  const nodes: CanvasNode[] = [];
  model.namespaces.forEach((namespace, k) => {
    if (hidden.has(namespace.name)) return;
    const members = workloadsByNamespace.get(namespace.name) ?? [];
    const id = namespaceNodeId(namespace.name);
    if (collapsed.has(namespace.name)) {
      nodes.push({
        id,
        type: 'namespaceGroup',
        position: { x: 0, y: k * (GROUP_CARD.height + GAP.y) },
        ...GROUP_CARD,
        data: {
          namespace,
          workloads: members.length,
          ingressOpen: members.filter((i) => !ingressIsolated[i]).length,
          egressOpen: members.filter((i) => !egressIsolated[i]).length,
          innerFlows: innerFlows.get(id) ?? 0,
        },
      });
      return;
    }
    const columns = Math.max(1, Math.ceil(Math.sqrt(members.length)));
    nodes.push({ id, type: 'namespace', position: { x: 0, y: 0 }, ...frameSize(members.length, columns), data: { namespace } });
    members.forEach((i, index) => {
      nodes.push({
        id: compiled.workloads[i].id,
        type: 'workload',
        parentId: id,
        extent: 'parent',
        position: {
          x: FRAME_PADDING.side + (index % columns) * (CARD.width + GAP.x),
          y: FRAME_PADDING.top + Math.floor(index / columns) * (CARD.height + GAP.y),
        },
        ...CARD,
        data: { workload: compiled.workloads[i], isIngressIsolated: ingressIsolated[i], isEgressIsolated: egressIsolated[i] },
      });
    });
  });

  // 3. External blocks and their flows: decided when the workload's side is isolated.
  if (n > 0) {
    const external = externalFlows(model, evaluation);
    external.blocks.forEach((block, index) => {
      nodes.push({
        id: block.id,
        type: 'external',
        position: { x: 0, y: index * (EXTERNAL_CARD.height + GAP.y) },
        ...EXTERNAL_CARD,
        data: { label: block.label, isOther: block.id === OTHER_ADDRESSES },
      });
    });
    for (const flow of external.flows) {
      const isInbound = compiled.index.has(flow.dst);
      const i = compiled.index.get(isInbound ? flow.dst : flow.src) ?? -1;
      const at = nodeOf[i];
      if (at === null || at === undefined) continue;
      if (!showAll && !(isInbound ? ingressIsolated[i] : egressIsolated[i])) continue;
      if (isInbound) gather(gathered, flow.src, at, 'external', flow.conns, flow.isPartial);
      else gather(gathered, at, flow.dst, 'external', flow.conns, flow.isPartial);
    }
  }
  const drafts = (options.draftCidrs ?? []).filter((cidr) => !nodes.some((node) => node.id === `ext:${cidr}`));
  for (const cidr of drafts) {
    nodes.push({ id: `ext:${cidr}`, type: 'external', position: { x: 0, y: 0 }, ...EXTERNAL_CARD, data: { label: cidr, isOther: false } });
  }

  const edges: FlowEdgeType[] = [...gathered.values()].map((g) => ({
    id: edgeId(g.src, g.dst),
    type: 'flow',
    source: g.src,
    target: g.dst,
    data: {
      kind: g.kind,
      conns: g.conns,
      label: labelOf(g),
      connsText: formatConnSet(g.conns),
      isPartial: g.isPartial,
      hasReverse: gathered.has(edgeId(g.dst, g.src)),
      ...(g.kind === 'aggregate' ? { count: g.count } : {}),
    },
  }));
  return { nodes, edges };
}
