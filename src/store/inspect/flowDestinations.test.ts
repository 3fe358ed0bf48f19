import { describe, expect, it } from 'vitest';
import type { CanvasNode, Graph } from '../graph/buildGraph';
import { flowDestinations } from './flowDestinations';

const at = { x: 0, y: 0 };
const workload = (namespace: string, name: string, kind: string, isInferred = false): CanvasNode =>
  ({ id: `${namespace}/${name}[${isInferred ? 'Inferred' : kind}]`, type: 'workload', position: at, data: { workload: { namespace, name, kind, isInferred }, isIngressIsolated: true, isEgressIsolated: true } }) as unknown as CanvasNode;
const graph: Graph = {
  nodes: [
    { id: 'ns:shop', type: 'namespace', position: at, data: { namespace: { name: 'shop', labels: {}, isDeclared: true } } } as CanvasNode,
    workload('shop', 'frontend', 'Deployment'),
    workload('shop', 'api', 'Deployment'),
    workload('shop', 'db', 'Pod', true),
    { id: 'ext:10.0.0.0/8', type: 'external', position: at, data: { label: '10.0.0.0/8', isOther: false } } as CanvasNode,
    { id: 'addresses:', type: 'external', position: at, data: { label: '3 address blocks', isOther: false, blocks: 3 } } as CanvasNode,
  ],
  edges: [],
};

describe('flowDestinations', () => {
  it('offers every other workload, then the address ranges, as a drag would accept them', () => {
    expect(flowDestinations(graph, 'shop/frontend[Deployment]')).toEqual([
      { value: 'shop/api[Deployment]', label: 'shop/api · Deployment' },
      { value: 'shop/db[Inferred]', label: 'shop/db · inferred' },
      { value: 'ext:10.0.0.0/8', label: 'addresses 10.0.0.0/8' },
    ]);
  });

  it('never offers the source itself, a namespace frame or the grouped address blocks', () => {
    const values = flowDestinations(graph, 'shop/api[Deployment]').map((choice) => choice.value);
    expect(values).not.toContain('shop/api[Deployment]');
    expect(values).not.toContain('ns:shop');
    expect(values).not.toContain('addresses:');
  });
});
