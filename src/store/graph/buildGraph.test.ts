import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { ADDRESSES_NODE_ID, buildGraph } from './buildGraph';
import { collapsedNamespacesOf } from './collapsedNamespacesOf';

const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: web, labels: { team: shop } }
---
apiVersion: v1
kind: Pod
metadata: { name: front, namespace: web, labels: { app: front } }
spec: { containers: [{ name: c, image: i, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: web, labels: { app: api } }
spec: { containers: [{ name: c, image: i, ports: [{ containerPort: 53, protocol: UDP }, { containerPort: 53 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: node-agent, namespace: ops, labels: { app: agent } }
spec: { hostNetwork: true, containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: web }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: front } } }]
      ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: front-egress, namespace: web }
spec:
  podSelector: { matchLabels: { app: front } }
  policyTypes: [Egress]
  egress:
    - to: [{ podSelector: {} }]
    - to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] } }]
      ports: [{ protocol: TCP, port: 443 }]
`;

const analysis = analyze([{ name: 'cluster.yaml', text: MANIFESTS }]);
const graph = buildGraph(analysis, { showAllFlows: true });
const byId = new Map(graph.nodes.map((node) => [node.id, node]));
const edgeById = new Map(graph.edges.map((edge) => [edge.id, edge]));

describe('buildGraph', () => {
  it('draws one frame per namespace, id ns:<name>, listed before the workloads it holds', () => {
    expect(graph.nodes.filter((n) => n.type === 'namespace').map((n) => n.id)).toEqual(['ns:web', 'ns:ops']);
    expect(graph.nodes.filter((n) => n.type === 'workload').map((n) => [n.id, n.parentId])).toEqual([
      ['web/front[Pod]', 'ns:web'],
      ['web/api[Pod]', 'ns:web'],
      ['ops/node-agent[Pod]', 'ns:ops'],
    ]);
    graph.nodes.forEach((node, index) => {
      if (node.parentId !== undefined) expect(graph.nodes.findIndex((n) => n.id === node.parentId)).toBeLessThan(index);
    });
  });

  it('marks which sides of a workload policies isolate', () => {
    expect(byId.get('web/api[Pod]')?.data).toMatchObject({ isIngressIsolated: true, isEgressIsolated: false });
    expect(byId.get('web/front[Pod]')?.data).toMatchObject({ isIngressIsolated: false, isEgressIsolated: true });
    expect(byId.get('ops/node-agent[Pod]')?.data).toMatchObject({ isIngressIsolated: false, isEgressIsolated: false });
  });

  it('marks the workloads a policy ignored for an error would select, unless its podSelector itself is broken', () => {
    const broken = `${MANIFESTS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: bad-port, namespace: web }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress: [{ ports: [{ port: 99999 }] }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: bad-selector, namespace: web }
spec:
  podSelector: { matchExpressions: [{ key: app, operator: Near, values: [front] }] }
`;
    const marked = new Map(buildGraph(analyze([{ name: 'cluster.yaml', text: broken }])).nodes.map((node) => [node.id, node.type === 'workload' ? node.data.ignoredPolicies : undefined]));
    expect(marked.get('web/api[Pod]')).toEqual([expect.stringMatching(/^ignored policy web\/bad-port: .*99999 is not a valid port/)]);
    expect(marked.get('web/front[Pod]')).toBeUndefined();
    expect(byId.get('web/api[Pod]')?.data).not.toHaveProperty('ignoredPolicies');
  });

  it('adds one external node per ipBlock as written and one for any other address', () => {
    const externals = graph.nodes.filter((n) => n.type === 'external');
    expect(externals.map((n) => [n.id, n.data])).toEqual([
      ['ext:0.0.0.0/0 except 10.0.0.0/8', { label: '0.0.0.0/0 except 10.0.0.0/8', isOther: false }],
      ['ext:other', { label: 'any other address', isOther: true }],
    ]);
  });

  it('labels each edge, id <src>=><dst>, with the compact connection set', () => {
    expect(edgeById.get('web/front[Pod]=>web/api[Pod]')).toMatchObject({
      source: 'web/front[Pod]',
      target: 'web/api[Pod]',
      data: { kind: 'pod', label: 'TCP 53, UDP 53', connsText: 'TCP 53,UDP 53' },
    });
    expect(edgeById.get('web/api[Pod]=>web/front[Pod]')?.data?.label).toBe('all');
    expect(edgeById.get('web/front[Pod]=>ext:0.0.0.0/0 except 10.0.0.0/8')?.data).toMatchObject({ kind: 'external', label: 'TCP 443', isPartial: false });
  });

  it('draws no edge the policies deny', () => {
    expect(edgeById.has('ops/node-agent[Pod]=>web/api[Pod]')).toBe(false);
    expect(edgeById.has('web/front[Pod]=>ext:other')).toBe(false);
    expect(edgeById.has('ext:other=>web/api[Pod]')).toBe(false);
  });

  it('marks both directions of a two-way pair so they curve apart, and one-way edges not', () => {
    expect(edgeById.get('web/front[Pod]=>web/api[Pod]')?.data?.hasReverse).toBe(true);
    expect(edgeById.get('web/api[Pod]=>web/front[Pod]')?.data?.hasReverse).toBe(true);
    expect(edgeById.get('ops/node-agent[Pod]=>web/front[Pod]')?.data?.hasReverse).toBe(false);
  });

  it('flags external flows that hold for only some addresses of a range', () => {
    const partial = buildGraph(
      analyze([
        {
          name: 'p.yaml',
          text: `
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: x, labels: { app: a } }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: x }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }]
    - to: [{ ipBlock: { cidr: 10.1.0.0/16 } }]
      ports: [{ port: 443 }]
`,
        },
      ]),
    );
    const edge = partial.edges.find((e) => e.id === 'x/a[Pod]=>ext:10.0.0.0/8');
    expect(edge?.data).toMatchObject({ kind: 'external', isPartial: false, label: 'all' });
    const wide = buildGraph(
      analyze([
        {
          name: 'q.yaml',
          text: `
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: x }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: x }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }]
      ports: [{ port: 53 }]
    - to: [{ ipBlock: { cidr: 0.0.0.0/0 } }]
      ports: [{ port: 443 }]
`,
        },
      ]),
    );
    expect(wide.edges.find((e) => e.id === 'x/a[Pod]=>ext:0.0.0.0/0')?.data).toMatchObject({ isPartial: true, label: 'some: TCP 443+' });
  });

  it('ends every edge on a node', () => {
    for (const edge of graph.edges) {
      expect(byId.has(edge.source), edge.source).toBe(true);
      expect(byId.has(edge.target), edge.target).toBe(true);
    }
  });

  it('leaves out a hidden namespace, its workloads and every edge touching them', () => {
    const filtered = buildGraph(analysis, { hiddenNamespaces: ['ops'], showAllFlows: true });
    const ids = new Set(filtered.nodes.map((n) => n.id));
    expect(ids.has('ns:ops') || ids.has('ops/node-agent[Pod]')).toBe(false);
    expect(ids.has('web/api[Pod]')).toBe(true);
    expect(filtered.edges.some((e) => e.id.includes('ops/'))).toBe(false);
    expect(filtered.edges.length).toBeGreaterThan(0);
  });

  it('by default draws only decided flows: a pair open on both sides is left to the cards', () => {
    const decided = buildGraph(analysis);
    const ids = new Set(decided.edges.map((e) => e.id));
    expect(ids.has('web/front[Pod]=>web/api[Pod]')).toBe(true);
    expect(ids.has('web/front[Pod]=>ext:0.0.0.0/0 except 10.0.0.0/8')).toBe(true);
    expect(ids.has('web/api[Pod]=>web/front[Pod]')).toBe(false);
    expect(ids.has('ops/node-agent[Pod]=>web/front[Pod]')).toBe(false);
    expect(ids.has('ext:other=>web/front[Pod]')).toBe(false);
    for (const edge of decided.edges) {
      const source = byId.get(edge.source);
      const target = byId.get(edge.target);
      const isDecided = (source?.type === 'workload' && source.data.isEgressIsolated) || (target?.type === 'workload' && target.data.isIngressIsolated);
      expect(isDecided, edge.id).toBe(true);
    }
    expect(decided.edges.length).toBeLessThan(graph.edges.length);
  });

  it('aggregates the flows of a collapsed namespace onto one node, with their count and ports', () => {
    const collapsed = buildGraph(analysis, { collapsedNamespaces: ['web'], showAllFlows: true });
    const group = collapsed.nodes.find((n) => n.id === 'ns:web');
    expect(group).toMatchObject({ type: 'namespaceGroup', data: { workloads: 2, ingressOpen: 1, egressOpen: 1, innerFlows: 2 } });
    expect(collapsed.nodes.some((n) => n.id === 'web/api[Pod]')).toBe(false);
    const inbound = collapsed.edges.find((e) => e.id === 'ops/node-agent[Pod]=>ns:web');
    expect(inbound?.data).toMatchObject({ kind: 'aggregate', count: 1, label: '1 × all' });
    const outbound = collapsed.edges.find((e) => e.id === 'ns:web=>ext:0.0.0.0/0 except 10.0.0.0/8');
    expect(outbound?.data).toMatchObject({ kind: 'aggregate', count: 2 });
    for (const edge of collapsed.edges) expect(edge.source === edge.target, edge.id).toBe(false);
  });

  it('groups every address block into one node, its flows aggregated with their count and ports, when the addresses are collapsed', () => {
    const grouped = buildGraph(analysis, { collapsedNamespaces: ['web', ADDRESSES_NODE_ID], showAllFlows: true });
    const externals = grouped.nodes.filter((n) => n.type === 'external');
    expect(externals.map((n) => [n.id, n.data])).toEqual([[ADDRESSES_NODE_ID, { label: '1 ipBlock and any other address', isOther: false, blocks: 2 }]]);
    // Both workloads of web reach 0.0.0.0/0 except 10.0.0.0/8 (front on TCP 443, api on everything), and api any other address.
    expect(grouped.edges.find((e) => e.id === `ns:web=>${ADDRESSES_NODE_ID}`)?.data).toMatchObject({ kind: 'aggregate', count: 3, label: '3 × all' });
    const expanded = buildGraph(analysis, { collapsedNamespaces: [ADDRESSES_NODE_ID], showAllFlows: true });
    expect(expanded.edges.find((e) => e.id === `web/front[Pod]=>${ADDRESSES_NODE_ID}`)?.data).toMatchObject({ kind: 'aggregate', count: 1, label: '1 × TCP 443' });
    expect(expanded.edges.some((e) => e.id.includes('ext:'))).toBe(false);
  });

  it('keeps a what-if range a policy already mentions out of the drafts while the addresses are grouped', () => {
    const drafted = buildGraph(analysis, { collapsedNamespaces: [ADDRESSES_NODE_ID], draftCidrs: ['0.0.0.0/0 except 10.0.0.0/8', '203.0.113.0/24'] });
    expect(drafted.nodes.filter((n) => n.type === 'external').map((n) => n.id)).toEqual([ADDRESSES_NODE_ID, 'ext:203.0.113.0/24']);
  });

  it('opens a large cluster on the namespace view with its addresses grouped, and keeps a choice made in the same revision', () => {
    const model = { namespaces: [{ name: 'a', labels: {}, isDeclared: true }], workloads: Array.from({ length: 151 }, () => analysis.model.workloads[0]) };
    expect(collapsedNamespacesOf(model, 1, null)).toEqual(['a', ADDRESSES_NODE_ID]);
    expect(collapsedNamespacesOf({ ...model, workloads: model.workloads.slice(0, 150) }, 1, null)).toEqual([]);
    expect(collapsedNamespacesOf(model, 2, { revision: 2, names: ['a'] })).toEqual(['a']);
  });

  it('draws nothing for an empty workspace', () => {
    expect(buildGraph(analyze([]))).toEqual({ nodes: [], edges: [] });
  });

  it('draws what-if address ranges no policy mentions as external nodes, once, even in an empty workspace', () => {
    const mentioned = graph.nodes.find((n) => n.type === 'external' && !n.data.isOther);
    expect(mentioned).toBeDefined();
    const drafted = buildGraph(analysis, { showAllFlows: true, draftCidrs: ['203.0.113.0/24', (mentioned?.id ?? '').slice('ext:'.length)] });
    expect(drafted.nodes.filter((n) => n.id === `ext:203.0.113.0/24`)).toMatchObject([{ type: 'external', data: { label: '203.0.113.0/24', isOther: false } }]);
    expect(drafted.nodes.filter((n) => n.id === mentioned?.id)).toHaveLength(1);
    expect(drafted.edges).toEqual(graph.edges);
    expect(buildGraph(analyze([]), { draftCidrs: ['10.0.0.0/8'] }).nodes.map((n) => n.id)).toEqual(['ext:10.0.0.0/8']);
  });
});
