import type { Edge, Node } from '@xyflow/react';
import { externalBlocks, formatConnSet, OTHER_ADDRESSES, unionConns, visitBlockFlows, type Analysis, type ConnSet, type DecidingTier, type Namespace, type Workload } from '../../engine';
import { compactConns, compactFlow } from './compactConns';
import { ignoredPolicyMarks } from './ignoredPolicyMarks';
import { rejectedNameMarks, type RejectedNameMark } from './rejectedNameMarks';
import { tierLookup, topTier } from './tierLookup';

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
/** A workload card inside its namespace frame, with whether policies isolate each side of it, the marks of policies ignored for an error that would select it, and the names of its object the API server would reject. */
export type WorkloadNodeType = Node<
  { workload: Workload; isIngressIsolated: boolean; isEgressIsolated: boolean; ignoredPolicies?: readonly string[]; rejectedNames?: readonly RejectedNameMark[] },
  'workload'
>;
/**
 * Addresses outside the cluster: an ipBlock as written (`0.0.0.0/0 except 10.0.0.0/8`), any other address, or
 * (id {@link ADDRESSES_NODE_ID}, with `blocks`) every address block grouped into one node.
 */
export type ExternalNodeType = Node<{ label: string; isOther: boolean; blocks?: number }, 'external'>;
/** Every node the canvas draws. */
export type CanvasNode = NamespaceNodeType | NamespaceGroupNodeType | WorkloadNodeType | ExternalNodeType;

/** What an edge carries: its kind (pod to pod, external, aggregated between collapsed namespaces, or in the tier view a flow an Admin Deny closed), its labels and whether the reverse pair is drawn too. */
export interface FlowEdgeData extends Record<string, unknown> {
  kind: 'pod' | 'external' | 'aggregate' | 'denied';
  conns: ConnSet;
  /** The compact label drawn on the edge. */
  label: string;
  /** The connections as the CLI prints them. */
  connsText: string;
  /** True for an external flow where some addresses of the range may do more than the label says. */
  isPartial: boolean;
  /** True when the opposite direction is an edge too, so the two curve apart. */
  hasReverse: boolean;
  /** For an aggregated edge: how many workload pairs (or workload and address block pairs) it stands for. */
  count?: number;
  /** How the edge differs from the what-if baseline, when one is set. */
  diff?: 'added' | 'removed' | 'changed';
  /** In the tier view: the tier that decided the flow (the most decisive one of an aggregated edge's pairs). */
  tier?: DecidingTier;
  /** With observed flows shown: used (seen and allowed), unused (allowed, never seen) or wouldBreak (seen, denied). */
  observed?: 'used' | 'unused' | 'wouldBreak';
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
  /** Namespaces drawn as one node each, their workloads' flows aggregated onto it; holding {@link ADDRESSES_NODE_ID}, every address block is drawn as one node too. */
  collapsedNamespaces?: readonly string[];
  /** Say on each edge which tier decided it, and draw the flows an Admin Deny closed. */
  tierView?: boolean;
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

/**
 * The id of the one node standing for every address block when they are grouped, and the entry of
 * `collapsedNamespaces` that groups them (no namespace name holds a colon).
 */
export const ADDRESSES_NODE_ID = 'addresses:';

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

/** Edges being gathered: connections, how many pairs, and where the first pair comes in the pair-by-pair order; keyed by edge id. */
interface Gathered {
  src: string;
  dst: string;
  kind: FlowEdgeData['kind'];
  conns: ConnSet;
  isPartial: boolean;
  count: number;
  order: number;
  tier?: DecidingTier;
  /** Of an aggregated edge in the tier view: how many pairs between the same cards an Admin Deny closed. */
  closedCount?: number;
}

const isGroupNode = (id: string) => id.startsWith('ns:') || id === ADDRESSES_NODE_ID;

/** Adds `count` pairs with the same connections to the edge between the nodes drawing their ends; an edge touching a collapsed namespace or the grouped addresses aggregates. */
function gather(into: Map<string, Gathered>, src: string, dst: string, kind: 'pod' | 'external' | 'denied', conns: ConnSet, isPartial: boolean, count: number, order: number, tier?: DecidingTier) {
  const id = edgeId(src, dst);
  const found = into.get(id);
  if (found === undefined) {
    const isAggregate = kind !== 'denied' && (count > 1 || isGroupNode(src) || isGroupNode(dst));
    into.set(id, { src, dst, kind: isAggregate ? 'aggregate' : kind, conns, isPartial, count, order, ...(tier ? { tier } : {}) });
    return;
  }
  found.tier = topTier(found.tier, tier);
  if (found.kind !== 'denied') found.kind = 'aggregate';
  found.conns = unionConns(found.conns, conns);
  found.isPartial ||= isPartial;
  found.count += count;
  found.order = Math.min(found.order, order);
}

/** How the tier view names a tier on an edge. */
export const TIER_LABELS: Readonly<Record<DecidingTier, string>> = {
  'admin-deny': 'Admin Deny',
  'admin-accept': 'Admin Accept',
  np: 'NP',
  baseline: 'Baseline',
  open: 'open',
};

function labelOf(g: Gathered): string {
  const tier = g.tier ? `${TIER_LABELS[g.tier]} · ` : '';
  if (g.kind === 'external') return tier + compactFlow(g.conns, g.isPartial);
  const ports = compactConns(g.conns);
  const closed = g.closedCount ? ` · ${g.closedCount} closed by Admin Deny` : '';
  return tier + (g.kind === 'aggregate' || g.count > 1 ? `${g.count} × ${ports}` : ports) + closed;
}

/** The edges gathered, in the order of their first pair. */
function toEdges(gathered: Map<string, Gathered>): FlowEdgeType[] {
  return [...gathered.values()]
    .sort((a, b) => a.order - b.order)
    .map((g) => ({
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
        ...(g.kind === 'aggregate' || g.count > 1 ? { count: g.count } : {}),
        ...(g.tier ? { tier: g.tier } : {}),
      },
    }));
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
  const { compiled, pairColumns, connTable } = evaluation;
  const { classMembers } = compiled;
  const hidden = new Set(options.hiddenNamespaces ?? []);
  const collapsed = new Set(options.collapsedNamespaces ?? []);
  const showAll = options.showAllFlows ?? false;
  const n = compiled.workloads.length;
  // A side is decided (drawn, shielded) when a NetworkPolicy isolates it or a cluster policy has rules for it.
  const tiers = compiled.clusterTiers;
  const hasClusterRules = (side: 'ingress' | 'egress', i: number) => tiers !== undefined && (tiers.admin[side][compiled.workloadClass[i]].length > 0 || tiers.baseline[side][compiled.workloadClass[i]].length > 0);
  const ingressIsolated = compiled.ingressPolicies.map((p, i) => p.length > 0 || hasClusterRules('ingress', i));
  const egressIsolated = compiled.egressPolicies.map((p, i) => p.length > 0 || hasClusterRules('egress', i));

  const workloadsByNamespace = new Map<string, number[]>();
  compiled.workloads.forEach((workload, i) => {
    const list = workloadsByNamespace.get(workload.namespace);
    if (list) list.push(i);
    else workloadsByNamespace.set(workload.namespace, [i]);
  });

  // 1. Where each class is drawn: its collapsed namespace's card, its members' own cards, or nowhere. Members of a class share a namespace and isolation.
  const classNode = classMembers.map((members): string | null => {
    const namespace = compiled.workloads[members[0]].namespace;
    return hidden.has(namespace) ? null : collapsed.has(namespace) ? namespaceNodeId(namespace) : '';
  });
  /** The cards drawing the members of class `c`, each with the members it stands for. */
  const cardsOf = (c: number): { id: string; members: readonly number[] }[] =>
    classNode[c] === '' ? classMembers[c].map((i) => ({ id: compiled.workloads[i].id, members: [i] })) : [{ id: classNode[c] as string, members: classMembers[c] }];

  // 2. Workload pairs, class pair by class pair (only the pairs that may connect are stored), aggregated where an end is collapsed (its members' pairs counted, not visited).
  const gathered = new Map<string, Gathered>();
  const innerFlows = new Map<string, number>();
  const tierOf = options.tierView ? tierLookup(evaluation) : undefined;
  const gatherClassPair = (into: Map<string, Gathered>, a: number, b: number, kind: 'pod' | 'denied', conns: ConnSet, tier: DecidingTier | undefined) => {
    const targets = cardsOf(b);
    const sources = a === b ? targets : cardsOf(a);
    for (const from of sources) {
      for (const to of targets) {
        const count = from.members.length * to.members.length - (a === b && from === to ? from.members.length : 0);
        if (count === 0) continue;
        if (from.id !== to.id) gather(into, from.id, to.id, kind, conns, false, count, from.members[0] * n + to.members[0], tier);
        else if (kind === 'pod') innerFlows.set(from.id, (innerFlows.get(from.id) ?? 0) + count);
      }
    }
  };
  pairColumns.forEach((column, b) => {
    if (classNode[b] === null) return;
    column.sources.forEach((a, i) => {
      if (classNode[a] === null) return;
      if (!showAll && !egressIsolated[classMembers[a][0]] && !ingressIsolated[classMembers[b][0]]) return;
      const conns = connTable[column.tables[i]];
      gatherClassPair(gathered, a, b, 'pod', conns, tierOf?.ofPair(a, b, conns));
    });
  });
  // In the tier view, the flows an Admin Deny closed, unless an aggregated edge of allowed flows already joins the same cards.
  const closed = new Map<string, Gathered>();
  tierOf?.visitAdminDenied((a, b, denied) => {
    if (classNode[a] !== null && classNode[b] !== null) gatherClassPair(closed, a, b, 'denied', denied, 'admin-deny');
  });
  for (const [id, g] of closed) {
    const allowed = gathered.get(id);
    if (allowed) allowed.closedCount = g.count;
    else gathered.set(id, g);
  }

  const nodes: CanvasNode[] = [];
  const marks = ignoredPolicyMarks(analysis);
  const nameMarks = rejectedNameMarks(analysis);
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
        data: {
          workload: compiled.workloads[i],
          isIngressIsolated: ingressIsolated[i],
          isEgressIsolated: egressIsolated[i],
          ...(marks.has(compiled.workloads[i].id) ? { ignoredPolicies: marks.get(compiled.workloads[i].id) } : {}),
          ...(nameMarks.has(compiled.workloads[i].id) ? { rejectedNames: nameMarks.get(compiled.workloads[i].id) } : {}),
        },
      });
    });
  });

  // 3. External blocks (or their one grouped node) and their flows, per class: decided when the class's side is isolated.
  const externals = new Map<string, Gathered>();
  const blockIds = new Set<string>();
  if (n > 0) {
    const external = externalBlocks(model, evaluation);
    const isGrouped = collapsed.has(ADDRESSES_NODE_ID);
    external.blocks.forEach((block, index) => {
      blockIds.add(block.id);
      if (isGrouped) return;
      nodes.push({
        id: block.id,
        type: 'external',
        position: { x: 0, y: index * (EXTERNAL_CARD.height + GAP.y) },
        ...EXTERNAL_CARD,
        data: { label: block.label, isOther: block.id === OTHER_ADDRESSES },
      });
    });
    if (isGrouped) {
      const mentioned = external.blocks.length - 1;
      const label = `${mentioned} ${mentioned === 1 ? 'ipBlock' : 'ipBlocks'} and any other address`;
      nodes.push({ id: ADDRESSES_NODE_ID, type: 'external', position: { x: 0, y: 0 }, ...EXTERNAL_CARD, data: { label, isOther: false, blocks: external.blocks.length } });
    }
    // Grouped, every block's flow goes to the same node: summed per class first (once per egress row: classes alike share one), gathered once per card.
    const flowsOf = (c: number, direction: 'ingress' | 'egress') => {
      const flows: { block: number; conns: ConnSet; isPartial: boolean; blocks: number }[] = [];
      visitBlockFlows(evaluation, external, classMembers[c][0], direction, (block, conns, isPartial) => {
        const sum = isGrouped ? flows[0] : undefined;
        if (sum === undefined) flows.push({ block, conns, isPartial, blocks: 1 });
        else Object.assign(sum, { conns: unionConns(sum.conns, conns), isPartial: sum.isPartial || isPartial, blocks: sum.blocks + 1 });
      });
      return flows;
    };
    const byRow = new Map<readonly ConnSet[], ReturnType<typeof flowsOf>>();
    const egressFlowsOf = (c: number) => {
      const row = evaluation.egressRows[c];
      let flows = byRow.get(row);
      if (flows === undefined) byRow.set(row, (flows = flowsOf(c, 'egress')));
      return flows;
    };
    classMembers.forEach((members, c) => {
      if (classNode[c] === null) return;
      const cards = cardsOf(c);
      for (const direction of ['ingress', 'egress'] as const) {
        const isInbound = direction === 'ingress';
        if (!showAll && !(isInbound ? ingressIsolated : egressIsolated)[members[0]]) continue;
        const flows = isInbound ? flowsOf(c, direction) : egressFlowsOf(c);
        for (const flow of flows) {
          const at = isGrouped ? ADDRESSES_NODE_ID : external.blocks[flow.block].id;
          const tier = tierOf?.ofBlock(c, direction, isGrouped ? [0, evaluation.egressExternals.length] : external.egressSpans[flow.block], flow.conns);
          for (const card of cards) {
            const order = (flow.block * n + card.members[0]) * 2 + (isInbound ? 0 : 1);
            const count = flow.blocks * card.members.length;
            if (isInbound) gather(externals, at, card.id, 'external', flow.conns, flow.isPartial, count, order, tier);
            else gather(externals, card.id, at, 'external', flow.conns, flow.isPartial, count, order, tier);
          }
        }
      }
    });
  }
  const drafts = (options.draftCidrs ?? []).filter((cidr) => !blockIds.has(`ext:${cidr}`));
  for (const cidr of drafts) {
    nodes.push({ id: `ext:${cidr}`, type: 'external', position: { x: 0, y: 0 }, ...EXTERNAL_CARD, data: { label: cidr, isOther: false } });
  }
  return { nodes, edges: [...toEdges(gathered), ...toEdges(externals)] };
}
