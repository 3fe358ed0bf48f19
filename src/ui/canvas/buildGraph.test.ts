import { describe, expect, it } from 'vitest';
import threeTier from '../../../public/examples/three-tier.yaml?raw';
import { analyze } from '../../engine';
import { buildGraph, CARD } from './buildGraph';

const graph = buildGraph(analyze([{ name: 'three-tier.yaml', text: threeTier }]));
const byId = new Map(graph.nodes.map((node) => [node.id, node]));

describe('buildGraph on the bundled three-tier example', () => {
  it('draws one frame per namespace and one card per workload inside its frame', () => {
    expect(graph.nodes.filter((n) => n.type === 'namespace').map((n) => n.id)).toEqual(['ns:shop', 'ns:kube-system']);
    expect(
      graph.nodes.filter((n) => n.type === 'workload').map((n) => [n.id, n.parentId]),
    ).toEqual([
      ['shop/frontend[Deployment]', 'ns:shop'],
      ['shop/api[Deployment]', 'ns:shop'],
      ['shop/db[StatefulSet]', 'ns:shop'],
      ['kube-system/coredns[Deployment]', 'ns:kube-system'],
    ]);
  });

  it('lists every frame before the workloads it holds', () => {
    graph.nodes.forEach((node, index) => {
      if (node.parentId !== undefined) {
        expect(graph.nodes.findIndex((n) => n.id === node.parentId)).toBeLessThan(index);
      }
    });
  });

  it('keeps every workload card inside its frame', () => {
    for (const node of graph.nodes.filter((n) => n.parentId !== undefined)) {
      const frame = byId.get(node.parentId ?? '');
      expect(node.position.x).toBeGreaterThan(0);
      expect(node.position.y).toBeGreaterThan(0);
      expect(node.position.x + CARD.width).toBeLessThan(frame?.width ?? 0);
      expect(node.position.y + CARD.height).toBeLessThan(frame?.height ?? 0);
    }
  });

  it('draws an edge from frontend to api labelled with the allowed port', () => {
    const edge = graph.edges.find((e) => e.id === 'shop/frontend[Deployment]=>shop/api[Deployment]');
    expect(edge).toMatchObject({ source: 'shop/frontend[Deployment]', target: 'shop/api[Deployment]', label: 'TCP 8080' });
  });

  it('draws no edge the policies deny', () => {
    const ids = graph.edges.map((e) => e.id);
    expect(ids).not.toContain('shop/frontend[Deployment]=>shop/db[StatefulSet]');
    expect(ids).not.toContain('kube-system/coredns[Deployment]=>shop/api[Deployment]');
  });

  it('adds a node for every external range and ends every edge on a node', () => {
    expect(byId.get('0.0.0.0-255.255.255.255[External]')).toMatchObject({
      type: 'external',
      data: { range: '0.0.0.0-255.255.255.255' },
    });
    for (const edge of graph.edges) {
      expect(byId.has(edge.source), edge.source).toBe(true);
      expect(byId.has(edge.target), edge.target).toBe(true);
    }
  });
});
