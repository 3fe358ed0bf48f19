import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { buildGraph, type FlowEdgeType } from './buildGraph';

const pod = (ns: string, name: string, port = 80) => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: ${ns}, labels: { app: ${name} } }
spec: { containers: [{ name: c, image: i, ports: [{ containerPort: ${port} }] }] }
---`;

// shop/web is NetworkPolicy-isolated (ingress from monitoring only); sandbox may never reach shop (Admin Deny);
// monitoring may scrape everything (Admin Accept on every ingress); the Baseline tier admits only shop into db.
const CLUSTER = `
${pod('shop', 'web')}
${pod('shop', 'db', 5432)}
${pod('sandbox', 'toy')}
${pod('monitoring', 'prom')}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-ingress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: monitoring } } }, { podSelector: { matchLabels: { app: db } } }] }]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: sandbox-never-reaches-shop }
spec:
  tier: Admin
  priority: 10
  subject: { namespaces: { matchLabels: { kubernetes.io/metadata.name: shop } } }
  ingress:
    - name: deny-sandbox
      action: Deny
      from: [{ namespaces: { matchLabels: { kubernetes.io/metadata.name: sandbox } } }]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: monitoring-scrapes }
spec:
  tier: Admin
  priority: 20
  subject: { namespaces: {} }
  ingress:
    - name: accept-monitoring
      action: Accept
      from: [{ namespaces: { matchLabels: { kubernetes.io/metadata.name: monitoring } } }]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: db-baseline }
spec:
  tier: Baseline
  priority: 10
  subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: db } } } }
  ingress:
    - name: accept-shop
      action: Accept
      from: [{ namespaces: { matchLabels: { kubernetes.io/metadata.name: shop } } }]
    - name: deny-all
      action: Deny
      from: [{ namespaces: {} }]
`;

const TOY_EGRESS = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: toy-egress, namespace: sandbox }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8 } }, { ipBlock: { cidr: 192.168.0.0/16 } }] }]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: sandbox-to-ten }
spec:
  tier: Admin
  priority: 30
  subject: { namespaces: { matchLabels: { kubernetes.io/metadata.name: sandbox } } }
  egress: [{ name: ten, action: Accept, to: [{ networks: [10.0.0.0/8] }] }]
`;

const tierGraph = (options = {}) => buildGraph(analyze([{ name: 'c.yaml', text: CLUSTER }]), { showAllFlows: true, tierView: true, ...options });
const edge = (edges: readonly FlowEdgeType[], id: string) => edges.find((e) => e.id === id);

describe('the tier view of the canvas', () => {
  it('names the Admin Accept that opened a flow, even into a NetworkPolicy-isolated workload', () => {
    const e = edge(tierGraph().edges, 'monitoring/prom[Pod]=>shop/web[Pod]');
    expect(e?.data?.tier).toBe('admin-accept');
    expect(e?.data?.label).toBe('Admin Accept · all');
  });

  it('names NetworkPolicy when it isolates a side and no Admin rule accepted, and open when nothing governs a flow', () => {
    expect(edge(tierGraph().edges, 'shop/db[Pod]=>shop/web[Pod]')?.data?.tier).toBe('np');
    expect(edge(tierGraph().edges, 'shop/web[Pod]=>monitoring/prom[Pod]')?.data?.tier).toBe('open');
  });

  it('draws a flow an Admin Deny closed as a denied edge with the ports it denied', () => {
    const e = edge(tierGraph().edges, 'sandbox/toy[Pod]=>shop/db[Pod]');
    expect(e?.data?.kind).toBe('denied');
    expect(e?.data?.tier).toBe('admin-deny');
    expect(e?.data?.label).toBe('Admin Deny · all');
  });

  it('names Baseline when only the Baseline tier decided', () => {
    expect(edge(tierGraph().edges, 'shop/web[Pod]=>shop/db[Pod]')?.data?.tier).toBe('baseline');
    expect(edge(tierGraph().edges, 'monitoring/prom[Pod]=>shop/db[Pod]')?.data?.tier).toBe('admin-accept');
    expect(edge(tierGraph().edges, 'sandbox/toy[Pod]=>monitoring/prom[Pod]')?.data?.tier).toBe('open');
  });

  it('counts closed pairs on an aggregated edge of collapsed namespaces instead of hiding them', () => {
    const { edges } = tierGraph({ collapsedNamespaces: ['sandbox', 'shop'] });
    const e = edge(edges, 'ns:sandbox=>ns:shop');
    expect(e?.data?.kind).toBe('denied');
    expect(e?.data?.label).toBe('Admin Deny · 2 × all');
  });

  it('names the tier of flows to address blocks by the Admin rules whose networks hold them', () => {
    const { edges } = buildGraph(analyze([{ name: 'c.yaml', text: CLUSTER + TOY_EGRESS }]), { tierView: true });
    expect(edge(edges, 'sandbox/toy[Pod]=>ext:10.0.0.0/8')?.data?.tier).toBe('admin-accept');
    expect(edge(edges, 'sandbox/toy[Pod]=>ext:192.168.0.0/16')?.data?.tier).toBe('np');
  });

  it('adds no tier and no denied edge outside the tier view', () => {
    const { edges } = buildGraph(analyze([{ name: 'c.yaml', text: CLUSTER }]), { showAllFlows: true });
    expect(edges.some((e) => e.data?.tier !== undefined || e.data?.kind === 'denied')).toBe(false);
    expect(edge(edges, 'sandbox/toy[Pod]=>shop/db[Pod]')).toBeUndefined();
  });
});
