import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { buildGraph } from '../../store/graph/buildGraph';
import { graphDiff } from './graphDiff';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: x, labels: {app: a}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: x, labels: {app: b}}
spec: {containers: [{name: c}]}
`;
const policy = (port: number) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: b-in, namespace: x}
spec: {podSelector: {matchLabels: {app: b}}, ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: ${port}}]}]}
`;
const graph = (text: string) => buildGraph(analyze([{ name: 'x.yaml', text }]), { showAllFlows: true });

describe('graphDiff', () => {
  it('marks changed and added edges, and keeps removed ones to draw as ghosts', () => {
    const { marks, removed, changes } = graphDiff(graph(PODS + policy(80)), graph(PODS + policy(443)));
    expect(marks.get('x/a[Pod]=>x/b[Pod]')).toBe('changed');
    expect(changes).toContainEqual({ kind: 'changed', id: 'x/a[Pod]=>x/b[Pod]', before: 'TCP 80', after: 'TCP 443' });
    expect(removed).toEqual([]);
    const opened = graphDiff(graph(PODS + policy(80)), graph(PODS));
    expect(opened.marks.get('ext:other=>x/b[Pod]')).toBe('added');
    const closed = graphDiff(graph(PODS), graph(PODS + policy(80)));
    expect(closed.removed.map((e) => e.id)).toEqual(['ext:other=>x/b[Pod]']);
    expect(closed.changes.map((c) => c.kind)).toEqual(['removed', 'changed']);
  });

  it('finds nothing between equal workspaces', () => {
    expect(graphDiff(graph(PODS), graph(PODS)).changes).toEqual([]);
  });
});
