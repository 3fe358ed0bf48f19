import { addressBlocks, classifyObservedFlows, connSetOf, externalBlocks, formatConnSet, mapObservedFlows, unionConns, NO_CONNS, type Analysis, type ConnSet, type ObservedEnd, type ObservedFlow } from '../../engine';
import { edgeId } from '../graph/buildGraph';

/** What was observed on one canvas edge: `used` (allowed and seen) or `wouldBreak` (seen, but the policies deny it). */
export type ObservedEdgeState = 'used' | 'wouldBreak';

/** Observed traffic between two canvas nodes (workloads or address blocks). */
export interface ObservedEdge {
  id: string;
  source: string;
  target: string;
  state: ObservedEdgeState;
  /** The observed connections that state is about (those that would break, or those used). */
  conns: string;
  records: number;
}

/** A flow that would break, as the summary lists it. */
export interface BreakingFlow {
  src: string;
  dst: string;
  conn: string;
  records: number;
  /** The canvas edge it is drawn as, when both ends are canvas nodes. */
  edge?: string;
}

/** Observed flows laid over the canvas: counts per state, the edges they mark, and the flows that would break. */
export interface ObservedOverlay {
  totals: { used: number; wouldBreak: number; notEvaluated: number; unknownEnds: number; unused: number; partlyUsed: number };
  edges: ObservedEdge[];
  /** Edges of allowed workload pairs nothing was observed on: candidates to tighten (up to the classification's limit). */
  unusedEdges: string[];
  /** The flows that would break, most records first, then by source (at most {@link BREAKING_LISTED}). */
  breaking: BreakingFlow[];
  /** Observed pods the manifests do not hold (or match ambiguously), with their records: listed, never dropped (at most {@link BREAKING_LISTED}). */
  unknownEnds: { label: string; why: string; records: number }[];
}

/** Why an observed end has no place on the canvas, in words. */
const UNKNOWN_WHY = { notInModel: 'not in the manifests', ambiguous: 'matches several workloads', noAddress: 'no pod and no address' } as const;

/** How many would-break flows (and unknown ends) the summary lists by name. */
export const BREAKING_LISTED = 200;

/** The canvas node an observed end is drawn as: its workload, or the first address block holding its address. */
function nodeOf(end: ObservedEnd, blocksOf: (address: string) => string[]): string | undefined {
  if (end.kind === 'workload') return end.id;
  if (end.kind === 'address') return blocksOf(end.address)[0];
  return undefined;
}

function endText(end: ObservedEnd): string {
  return end.kind === 'workload' ? end.id : end.kind === 'address' ? end.address : end.label;
}

/**
 * Observed flows judged against the analysis (mapped onto its workloads, then classified) and gathered per canvas
 * edge: an edge is `wouldBreak` when any flow on it would break, else `used`; allowed pairs nothing used are listed
 * as unused edges.
 */
export function observedOverlay(analysis: Analysis, flows: readonly ObservedFlow[]): ObservedOverlay {
  const { model, evaluation } = analysis;
  const mapped = mapObservedFlows(model, [...flows]);
  const classification = classifyObservedFlows(evaluation, mapped);
  const external = externalBlocks(model, evaluation);
  const blocks = new Map<string, string[]>();
  const blocksOf = (address: string) => {
    let found = blocks.get(address);
    if (found === undefined) blocks.set(address, (found = addressBlocks(external, address)));
    return found;
  };
  const gathered = new Map<string, { source: string; target: string; state: ObservedEdgeState; used: ConnSet; breaking: ConnSet; records: number }>();
  const breaking: BreakingFlow[] = [];
  let unknownEnds = 0;
  for (const flow of classification.flows) {
    if (flow.reason === 'unknownEnd') unknownEnds++;
    if (flow.state === 'notEvaluated') continue;
    const source = nodeOf(flow.src, blocksOf);
    const target = nodeOf(flow.dst, blocksOf);
    const conn = connSetOf(flow.protocol, flow.port, flow.port);
    const id = source !== undefined && target !== undefined ? edgeId(source, target) : undefined;
    if (flow.state === 'wouldBreak') breaking.push({ src: endText(flow.src), dst: endText(flow.dst), conn: formatConnSet(conn), records: flow.count, ...(id ? { edge: id } : {}) });
    if (id === undefined || source === undefined || target === undefined) continue;
    let edge = gathered.get(id);
    if (edge === undefined) gathered.set(id, (edge = { source, target, state: 'used', used: NO_CONNS, breaking: NO_CONNS, records: 0 }));
    edge.records += flow.count;
    if (flow.state === 'wouldBreak') {
      edge.state = 'wouldBreak';
      edge.breaking = unionConns(edge.breaking, conn);
    } else edge.used = unionConns(edge.used, conn);
  }
  const unusedEdges = classification.unobserved.filter((u) => u.isUnused).map((u) => edgeId(u.src, u.dst));
  return {
    totals: {
      used: classification.totals.allowed.flows,
      wouldBreak: classification.totals.wouldBreak.flows,
      notEvaluated: classification.totals.notEvaluated.flows,
      unknownEnds,
      unused: classification.unusedCount,
      partlyUsed: classification.unobservedCount - classification.unusedCount,
    },
    edges: [...gathered].map(([id, e]) => ({ id, source: e.source, target: e.target, state: e.state, conns: formatConnSet(e.state === 'wouldBreak' ? e.breaking : e.used), records: e.records })),
    unusedEdges,
    unknownEnds: mapped.unknownEnds.slice(0, BREAKING_LISTED).map((u) => ({ label: u.label, why: UNKNOWN_WHY[u.reason] + (u.candidates ? ` (${u.candidates.join(', ')})` : ''), records: u.count })),
    breaking: breaking.sort((a, b) => b.records - a.records || (a.src < b.src ? -1 : a.src > b.src ? 1 : 0)).slice(0, BREAKING_LISTED),
  };
}
