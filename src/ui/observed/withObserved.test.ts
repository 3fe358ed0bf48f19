import { describe, expect, it } from 'vitest';
import { analyze, parseObservedFlows } from '../../engine';
import { buildGraph } from '../../store/graph/buildGraph';
import { observedOverlay } from '../../store/inspect/observedOverlay';
import { withObserved } from './withObserved';

const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: i}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: i, ports: [{containerPort: 5432}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-web-to-api, namespace: shop}
spec: {podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]}
`;
const FLOWS = 'src,dst,conn\nshop/web[Pod],shop/api[Pod],TCP 8080\nshop/web[Pod],shop/db[Pod],TCP 5432\nshop/api[Pod],shop/db[Pod],TCP 5432\n';

const scene = () => {
  const analysis = analyze([{ name: 's.yaml', text: TEXT }]);
  const graph = buildGraph(analysis, { showAllFlows: true });
  return { graph, overlay: observedOverlay(analysis, parseObservedFlows(FLOWS, 'f.csv').flows) };
};
const states = (edges: ReturnType<typeof withObserved>['edges']) => Object.fromEntries(edges.map((e) => [e.id, `${e.data?.observed ?? '-'} ${e.data?.label}`]));

describe('observed flows on the canvas', () => {
  it('marks the used edge, the drawn edge a flow on another port would break, a new edge for a pair denied outright, and allowed pairs nobody used', () => {
    const { graph, overlay } = scene();
    const shown = states(withObserved(graph, overlay, 'all').edges);
    expect(shown['shop/web[Pod]=>shop/api[Pod]']).toBe('used TCP 8080');
    expect(shown['shop/web[Pod]=>shop/db[Pod]']).toBe('wouldBreak TCP 8080 · would break: TCP 5432');
    expect(shown['shop/api[Pod]=>shop/db[Pod]']).toBe('wouldBreak would break · TCP 5432');
    expect(graph.edges.some((e) => e.id === 'shop/api[Pod]=>shop/db[Pod]')).toBe(false);
    expect(shown['shop/api[Pod]=>ext:other']).toBe('- all');
  });

  it('shows one state at a time', () => {
    const { graph, overlay } = scene();
    expect(withObserved(graph, overlay, 'wouldBreak').edges.map((e) => e.id)).toEqual(['shop/web[Pod]=>shop/db[Pod]', 'shop/api[Pod]=>shop/db[Pod]']);
    expect(withObserved(graph, overlay, 'used').edges.map((e) => e.id)).toEqual(['shop/web[Pod]=>shop/api[Pod]']);
    expect(withObserved(graph, overlay, 'unused').edges.every((e) => e.data?.observed === 'unused')).toBe(true);
  });
});
