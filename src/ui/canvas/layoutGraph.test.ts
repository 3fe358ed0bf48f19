import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { buildGraph, type CanvasNode, type Graph } from '../../store/graph/buildGraph';
import { ELK_LIMITS, layoutGraph } from './layoutGraph';

const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: shop, environment: production, cost-center: retail-web } }
---
${['front', 'api', 'db', 'cache']
  .map((name) => `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: shop, labels: { app: ${name} } }\nspec: { containers: [{ name: c, image: i }] }`)
  .join('\n---\n')}
---
apiVersion: v1
kind: Pod
metadata: { name: dns, namespace: kube-system, labels: { app: dns } }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }] }]
  egress: [{ to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] } }] }]
  policyTypes: [Ingress, Egress]
`;

const graph = buildGraph(analyze([{ name: 'shop.yaml', text: MANIFESTS }]));

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxes(g: Graph, layout: { positions: Record<string, { x: number; y: number }>; frameSizes: Record<string, { width: number; height: number }> }) {
  return (id: string): Box => {
    const node = g.nodes.find((n) => n.id === id) as CanvasNode;
    const { x, y } = layout.positions[id];
    const size = node.type === 'namespace' ? layout.frameSizes[id] : { width: node.width ?? 0, height: node.height ?? 0 };
    return { id, x, y, ...size };
  };
}

function expectNoOverlap(g: Graph, boxOf: (id: string) => Box) {
  const groups = new Map<string, Box[]>();
  for (const node of g.nodes) {
    const key = node.parentId ?? 'root';
    groups.set(key, [...(groups.get(key) ?? []), boxOf(node.id)]);
  }
  for (const list of groups.values()) {
    for (const [i, a] of list.entries()) for (const b of list.slice(i + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
  }
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutGraph', async () => {
  const layout = await layoutGraph(new ELK(), graph);
  const boxOf = boxes(graph, layout);

  it('places every node', () => {
    expect(Object.keys(layout.positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  });

  it('keeps every workload inside its frame, below the header', () => {
    for (const node of graph.nodes.filter((n) => n.parentId !== undefined)) {
      const card = boxOf(node.id);
      const frame = layout.frameSizes[node.parentId ?? ''];
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.y).toBeGreaterThanOrEqual(48);
      expect(card.x + card.width).toBeLessThanOrEqual(frame.width);
      expect(card.y + card.height).toBeLessThanOrEqual(frame.height);
    }
  });

  it('overlaps no two cards in a frame and no two top-level nodes', () => {
    expectNoOverlap(graph, boxOf);
  });

  it('makes a frame wide enough for its namespace labels', () => {
    expect(layout.frameSizes['ns:shop'].width).toBeGreaterThan(400);
  });
});

describe('layoutGraph on a cluster without policies', async () => {
  const pods = Array.from({ length: 9 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i}, namespace: open }\nspec: { containers: [{ name: c, image: i }] }`);
  const open = buildGraph(analyze([{ name: 'open.yaml', text: pods.join('\n---\n') }]));
  const layout = await layoutGraph(new ELK(), open);

  it('sets workloads that every other one may call in a grid, not in one column', () => {
    const xs = new Set(open.nodes.filter((n) => n.type === 'workload').map((n) => layout.positions[n.id].x));
    const ys = new Set(open.nodes.filter((n) => n.type === 'workload').map((n) => layout.positions[n.id].y));
    expect(xs.size).toBe(3);
    expect(ys.size).toBe(3);
  });
});

describe('layoutGraph beyond what ELK handles well', async () => {
  const pods = Array.from({ length: ELK_LIMITS.nodes + 20 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i}, namespace: big }\nspec: { containers: [{ name: c, image: i }] }`);
  const big = buildGraph(analyze([{ name: 'big.yaml', text: pods.join('\n---\n') }]));
  const calls: number[] = [];
  const elk = new ELK();
  const counting: Pick<InstanceType<typeof ELK>, 'layout'> = {
    layout: (root) => {
      calls.push(root.children?.length ?? 0);
      return elk.layout(root);
    },
  };
  const layout = await layoutGraph(counting, big);

  it('sets a namespace too big for ELK in a grid without calling ELK for it, and overlaps nothing', () => {
    expect(calls.every((count) => count <= ELK_LIMITS.nodes)).toBe(true);
    expectNoOverlap(big, boxes(big, layout));
    expect(layout.fallback).toBeUndefined();
  });
});

describe('layoutGraph when ELK fails', async () => {
  const failing = { layout: () => Promise.reject(new Error('Maximum call stack size exceeded')) };
  const layout = await layoutGraph(failing, graph);

  it('falls back to a grid that places every node without overlap, and says why', () => {
    expect(Object.keys(layout.positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expectNoOverlap(graph, boxes(graph, layout));
    expect(layout.fallback).toBe('Maximum call stack size exceeded');
  });
});
