import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../engine';
import { analyzeDocument } from './analyzeDocument';
import { selectAnalysis } from './selectAnalysis';

const files = (port: number): SourceFile[] => [
  {
    name: 'a.yaml',
    text: `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: c, image: i, ports: [{ containerPort: ${port} }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: shop, labels: { app: client } }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-in, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: client } } }], ports: [{ port: ${port} }] }]
`,
  },
];

describe('selectAnalysis', () => {
  it('answers each version once, and an edited version (made from the one before) as a fresh analysis would', () => {
    const first = { files: files(80) };
    expect(selectAnalysis(first)).toBe(selectAnalysis(first));
    const edited = { files: files(8080) };
    expect(selectAnalysis(edited).connections).toEqual(analyzeDocument(edited.files).connections);
    expect(selectAnalysis(edited).connections).not.toEqual(selectAnalysis(first).connections);
  });
});
