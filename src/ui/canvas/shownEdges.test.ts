import { describe, expect, it } from 'vitest';
import { connSetOf } from '../../engine';
import type { FlowEdgeType, Graph } from '../../store/graph/buildGraph';
import { EDGE_BUDGET, shownEdges, type EdgeScene } from './shownEdges';

const edge = (source: string, target: string, label = 'TCP 80'): FlowEdgeType => ({
  id: `${source}=>${target}`,
  source,
  target,
  type: 'flow',
  data: { kind: 'pod', conns: connSetOf('TCP', 80, 80), label, connsText: label, isPartial: false, hasReverse: false },
});

/** A star of `n` clients around one server in namespace `shop`, plus one edge between two other namespaces. */
function star(n: number): Graph {
  const edges = Array.from({ length: n }, (_, i) => edge(`shop/client-${i}[Pod]`, 'shop/server[Pod]'));
  edges.push(edge('ops/backup[Pod]', 'data/db[Pod]'));
  return { nodes: [], edges };
}

const scene = (graph: Graph, over: Partial<EdgeScene> = {}): EdgeScene => ({ graph, diff: null, emphasis: new Map(), selection: null, focus: null, showAllFlows: false, ...over });
const ids = (edges: FlowEdgeType[]) => edges.map((e) => e.id);

describe('shownEdges', () => {
  it('mounts every edge of a graph within the budget, with an arrow and the emphasis class', () => {
    const graph = star(10);
    const edges = shownEdges(scene(graph, { emphasis: new Map([['shop/client-0[Pod]=>shop/server[Pod]', 'is-dimmed']]) }));
    expect(ids(edges)).toEqual(ids(graph.edges));
    expect(edges[0]).toMatchObject({ className: 'is-dimmed', markerEnd: { type: 'arrowclosed' } });
  });

  it('over the budget mounts nothing until something is selected, then only the selection’s edges', () => {
    const graph = star(EDGE_BUDGET + 1);
    expect(shownEdges(scene(graph))).toEqual([]);
    // Always the same empty list, so that React Flow does not take a new one in on every graph.
    expect(shownEdges(scene(star(EDGE_BUDGET + 2)))).toBe(shownEdges(scene(graph)));
    expect(ids(shownEdges(scene(graph, { selection: { kind: 'workload', id: 'shop/client-7[Pod]' } })))).toEqual(['shop/client-7[Pod]=>shop/server[Pod]']);
    expect(shownEdges(scene(graph, { selection: { kind: 'workload', id: 'shop/server[Pod]' } }))).toHaveLength(EDGE_BUDGET + 1);
    expect(ids(shownEdges(scene(graph, { selection: { kind: 'namespace', id: 'data' } })))).toEqual(['ops/backup[Pod]=>data/db[Pod]']);
    expect(ids(shownEdges(scene(graph, { selection: { kind: 'edge', id: 'ops/backup[Pod]=>data/db[Pod]' } })))).toEqual(['ops/backup[Pod]=>data/db[Pod]']);
  });

  it('over the budget mounts every edge when every flow was asked for', () => {
    expect(shownEdges(scene(star(EDGE_BUDGET + 1), { showAllFlows: true }))).toHaveLength(EDGE_BUDGET + 2);
  });

  it('in focus mounts only the edges between nodes in focus, whatever the budget', () => {
    const graph = star(EDGE_BUDGET + 1);
    const focus = new Set(['shop/server[Pod]', 'shop/client-1[Pod]', 'shop/client-2[Pod]']);
    expect(ids(shownEdges(scene(graph, { focus })))).toEqual(['shop/client-1[Pod]=>shop/server[Pod]', 'shop/client-2[Pod]=>shop/server[Pod]']);
  });

  it('marks edges against the baseline: added and changed in place, removed ones appended', () => {
    const graph = star(2);
    const gone = edge('ops/old[Pod]', 'data/db[Pod]', 'TCP 22');
    const diff = {
      marks: new Map([
        ['shop/client-0[Pod]=>shop/server[Pod]', 'added' as const],
        ['shop/client-1[Pod]=>shop/server[Pod]', 'changed' as const],
      ]),
      removed: [gone],
      changes: [{ kind: 'changed' as const, id: 'shop/client-1[Pod]=>shop/server[Pod]', before: 'TCP 443', after: 'TCP 80' }],
    };
    const labels = shownEdges(scene(graph, { diff })).map((e) => [e.id, e.data?.label, e.data?.diff]);
    expect(labels).toEqual([
      ['shop/client-0[Pod]=>shop/server[Pod]', '+ TCP 80', 'added'],
      ['shop/client-1[Pod]=>shop/server[Pod]', 'TCP 443 → TCP 80', 'changed'],
      ['ops/backup[Pod]=>data/db[Pod]', 'TCP 80', undefined],
      ['ops/old[Pod]=>data/db[Pod]', '− TCP 22', 'removed'],
    ]);
  });
});
