import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { manifest } from '../../engine/testing/manifest';
import { buildGraph } from '../../store/graph/buildGraph';
import { emphasis, matchesSearch } from './emphasis';
import { policyReach } from '../../store/inspect/policyReach';

const pod = (name: string, labels: string) => manifest.pod(name, 'shop', labels);

const MANIFESTS = [
  pod('front', 'app: front, tier: web'),
  pod('api', 'app: api, tier: backend'),
  pod('db', 'app: db, tier: data'),
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-api, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress, Egress]
  ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }] }]
  egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8 } }] }]`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: nothing, namespace: shop }
spec:
  podSelector: { matchLabels: { app: none } }`,
].join('\n---\n');

const analysis = analyze([{ name: 'shop.yaml', text: MANIFESTS }]);
const graph = buildGraph(analysis, { showAllFlows: true });
const FRONT = 'shop/front[Pod]';
const API = 'shop/api[Pod]';
const DB = 'shop/db[Pod]';

describe('matchesSearch', () => {
  const api = analysis.model.workloads.find((w) => w.id === API);
  it('matches a workload by part of its name or of a key=value label, ignoring case', () => {
    expect(api && matchesSearch(api, 'AP')).toBe(true);
    expect(api && matchesSearch(api, 'tier=back')).toBe(true);
    expect(api && matchesSearch(api, 'tier=web')).toBe(false);
    expect(api && matchesSearch(api, '  ')).toBe(false);
  });
});

describe('policyReach', () => {
  it('finds the workloads a policy selects and the peers each direction admits', () => {
    const reach = policyReach(analysis, 'shop/db-from-api');
    expect([...(reach?.subjects ?? [])]).toEqual([DB]);
    expect([...(reach?.ingressPeers ?? [])]).toEqual([API]);
    expect([...(reach?.egressPeers ?? [])]).toEqual(['ext:10.0.0.0/8']);
  });

  it('reaches nothing for a policy that selects no workload, and is undefined for an unknown policy', () => {
    expect(policyReach(analysis, 'shop/nothing')).toMatchObject({ subjects: new Set(), ingressPeers: new Set() });
    expect(policyReach(analysis, 'shop/missing')).toBeUndefined();
  });
});

describe('emphasis', () => {
  it('changes nothing without a selection or search', () => {
    const { nodes, edges } = emphasis(graph, null, '');
    expect(nodes.size + edges.size).toBe(0);
  });

  it('highlights search matches and dims the other cards and their edges', () => {
    const { nodes, edges } = emphasis(graph, null, 'tier=web');
    expect(nodes.get(FRONT)).toBe('is-match');
    expect(nodes.get(API)).toBe('is-dimmed');
    expect(edges.get(`${FRONT}=>${API}`)).toBe('is-active');
    expect(edges.get(`${API}=>${DB}`)).toBe('is-dimmed');
  });

  it('brings a selected workload, its peers and its edges forward', () => {
    const { nodes, edges } = emphasis(graph, { kind: 'workload', id: DB }, '');
    expect(nodes.get(DB)).toBe('is-selected');
    expect(nodes.has(API)).toBe(false);
    expect(nodes.get(FRONT)).toBe('is-dimmed');
    expect(edges.get(`${API}=>${DB}`)).toBe('is-active');
    expect(edges.get(`${FRONT}=>${API}`)).toBe('is-dimmed');
  });

  it('marks what a selected policy selects and the peers its rules admit', () => {
    const { nodes, edges } = emphasis(graph, { kind: 'policy', id: 'shop/db-from-api' }, '', policyReach(analysis, 'shop/db-from-api'));
    expect(nodes.get(DB)).toBe('is-subject');
    expect(nodes.get(API)).toBe('is-peer');
    expect(nodes.get('ext:10.0.0.0/8')).toBe('is-peer');
    expect(nodes.get(FRONT)).toBe('is-dimmed');
    expect(edges.get(`${API}=>${DB}`)).toBe('is-active');
    expect(edges.get(`${DB}=>ext:10.0.0.0/8`)).toBe('is-active');
    expect(edges.get(`${FRONT}=>${API}`)).toBe('is-dimmed');
  });

  it('brings a selected edge and its two ends forward', () => {
    const { nodes, edges } = emphasis(graph, { kind: 'edge', id: `${FRONT}=>${API}` }, '');
    expect(edges.get(`${FRONT}=>${API}`)).toBe('is-active is-selected');
    expect(nodes.has(FRONT) || nodes.has(API)).toBe(false);
    expect(nodes.get(DB)).toBe('is-dimmed');
  });

  it('ignores a selection that is no longer in the graph', () => {
    expect(emphasis(graph, { kind: 'workload', id: 'gone/x[Pod]' }, '').nodes.size).toBe(0);
    expect(emphasis(graph, { kind: 'policy', id: 'gone/p' }, '', policyReach(analysis, 'gone/p')).nodes.size).toBe(0);
  });
});

describe('emphasis of a selected namespace', () => {
  const twoTeams = analyze([
    {
      name: 'teams.yaml',
      text: [
        pod('web', 'app: web').replace('namespace: shop', 'namespace: front'),
        pod('api', 'app: api'),
        pod('db', 'app: db').replace('namespace: shop', 'namespace: data'),
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-from-front, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: front } } }] }]`,
      ].join('\n---\n'),
    },
  ]);

  it('keeps a selected collapsed namespace and its peers bright, and dims the others', () => {
    const collapsed = buildGraph(twoTeams, { collapsedNamespaces: ['front', 'shop', 'data'] });
    const marks = emphasis(collapsed, { kind: 'namespace', id: 'shop' }, '').nodes;
    expect(marks.get('ns:shop')).toBe('is-selected');
    expect(marks.get('ns:front')).toBeUndefined();
    expect(marks.get('ns:data')).toBe('is-dimmed');
  });
});
