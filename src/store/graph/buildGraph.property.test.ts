import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateModel, externalFlows, formatConnSet, listConnections, pairConns, unionConns, NO_CONNS, type Analysis, type ConnSet, type Model } from '../../engine';
import { randomCluster } from '../../engine/testing/randomCluster';
import { ADDRESSES_NODE_ID, buildGraph, edgeId, namespaceNodeId, type GraphOptions } from './buildGraph';

interface Pair {
  src: string;
  dst: string;
  conns: ConnSet;
  isPartial: boolean;
  count: number;
  isExternal: boolean;
}

/** The graph by definition: every ordered workload pair, then every external flow, one at a time, gathered onto the nodes drawing their ends, in that order; pairs inside a collapsed namespace counted on its card. */
function pairByPair(analysis: Analysis, options: GraphOptions): { edges: string[]; innerFlows: Record<string, number> } {
  const { model, evaluation } = analysis;
  const { workloads, ingressPolicies, egressPolicies, index } = evaluation.compiled;
  const hidden = new Set(options.hiddenNamespaces ?? []);
  const collapsed = new Set(options.collapsedNamespaces ?? []);
  const nodeOf = workloads.map((w) => (hidden.has(w.namespace) ? null : collapsed.has(w.namespace) ? namespaceNodeId(w.namespace) : w.id));
  const isGroup = (id: string) => id.startsWith('ns:') || id === ADDRESSES_NODE_ID;
  const gathered = new Map<string, Pair>();
  const innerFlows: Record<string, number> = {};
  const gather = (src: string, dst: string, conns: ConnSet, isPartial: boolean, isExternal: boolean) => {
    const found = gathered.get(edgeId(src, dst));
    if (found === undefined) gathered.set(edgeId(src, dst), { src, dst, conns, isPartial, count: 1, isExternal });
    else Object.assign(found, { conns: unionConns(found.conns, conns), isPartial: found.isPartial || isPartial, count: found.count + 1 });
  };
  workloads.forEach((_, s) =>
    workloads.forEach((__, d) => {
      const from = nodeOf[s];
      const to = nodeOf[d];
      const conns = pairConns(evaluation, s, d);
      if (from === null || to === null || conns === NO_CONNS || !(options.showAllFlows || egressPolicies[s].length > 0 || ingressPolicies[d].length > 0)) return;
      if (from === to) innerFlows[from] = (innerFlows[from] ?? 0) + 1;
      else gather(from, to, conns, false, false);
    }),
  );
  const blockNode = (id: string) => (collapsed.has(ADDRESSES_NODE_ID) ? ADDRESSES_NODE_ID : id);
  for (const flow of externalFlows(model, evaluation).flows) {
    const isInbound = index.has(flow.dst);
    const i = index.get(isInbound ? flow.dst : flow.src) ?? -1;
    const at = nodeOf[i];
    if (at === null || !(options.showAllFlows || (isInbound ? ingressPolicies[i] : egressPolicies[i]).length > 0)) continue;
    if (isInbound) gather(blockNode(flow.src), at, flow.conns, flow.isPartial, true);
    else gather(at, blockNode(flow.dst), flow.conns, flow.isPartial, true);
  }
  const edges = [...gathered.values()].map((g) => {
    const isAggregate = g.count > 1 || isGroup(g.src) || isGroup(g.dst);
    const kind = isAggregate ? 'aggregate' : g.isExternal ? 'external' : 'pod';
    return `${edgeId(g.src, g.dst)} ${kind} ${formatConnSet(g.conns)}${g.isPartial ? ' partial' : ''}${isAggregate ? ` ×${g.count}` : ''}`;
  });
  return { edges, innerFlows };
}

const analysisOf = (model: Model): Analysis => {
  const evaluation = evaluateModel(model);
  return { model, issues: [], ignoredPolicies: [], evaluation, connections: listConnections(evaluation) };
};

/** A cluster and how to draw it: some namespaces hidden, some collapsed, the addresses grouped or not, decided or every flow. */
const drawnCluster = randomCluster().chain((model) => {
  const names = model.namespaces.map((ns) => ns.name);
  return fc.record({
    model: fc.constant(model),
    options: fc.record({
      hiddenNamespaces: fc.subarray(names, { maxLength: 1 }),
      collapsedNamespaces: fc.subarray([...names, ADDRESSES_NODE_ID]),
      showAllFlows: fc.boolean(),
    }),
  });
});

describe('buildGraph aggregation', () => {
  it('draws, in the same order, the edges and inner counts gathering every pair and external flow one by one would', () => {
    fc.assert(
      fc.property(drawnCluster, ({ model, options }) => {
        const analysis = analysisOf(model);
        const graph = buildGraph(analysis, options);
        const edges = graph.edges.map((e) => {
          const d = e.data;
          return `${e.id} ${d?.kind} ${d?.connsText}${d?.isPartial ? ' partial' : ''}${d?.count !== undefined ? ` ×${d.count}` : ''}`;
        });
        const innerFlows = Object.fromEntries(graph.nodes.flatMap((node) => (node.type === 'namespaceGroup' && node.data.innerFlows > 0 ? [[node.id, node.data.innerFlows]] : [])));
        expect({ edges, innerFlows }).toEqual(pairByPair(analysis, options));
      }),
      { numRuns: 300 },
    );
  });
});
