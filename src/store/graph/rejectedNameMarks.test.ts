import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { buildGraph, type WorkloadNodeType } from './buildGraph';
import { rejectedNameMarks } from './rejectedNameMarks';

const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: Web_1, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: i }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: c, image: i }] }
`;

describe('rejectedNameMarks', () => {
  it('marks the workload whose name the API server would reject, with the severity the engine gives it', () => {
    const analysis = analyze([{ name: 'a.yaml', text: MANIFESTS }]);
    const marks = rejectedNameMarks(analysis);
    expect([...marks.keys()]).toEqual(['shop/Web_1[Deployment]']);
    expect(marks.get('shop/Web_1[Deployment]')).toEqual([{ severity: 'warning', message: expect.stringContaining('"Web_1" is not a valid Deployment name') }]);
  });

  it('puts the mark on the card and leaves valid names unmarked', () => {
    const graph = buildGraph(analyze([{ name: 'a.yaml', text: MANIFESTS }]));
    const card = (id: string) => graph.nodes.find((node): node is WorkloadNodeType => node.id === id && node.type === 'workload');
    expect(card('shop/Web_1[Deployment]')?.data.rejectedNames).toHaveLength(1);
    expect(card('shop/api[Deployment]')?.data.rejectedNames).toBeUndefined();
  });
});
