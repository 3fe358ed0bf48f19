import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../engine';
import { manifest } from '../engine/testing/manifest';
import { analyzeDocument } from './analyzeDocument';
import { selectAnalysis } from './selectAnalysis';

const files = (port: number): SourceFile[] => [
  {
    name: 'a.yaml',
    text: [
      manifest.pod('web', 'shop', 'app: web', { ports: `{containerPort: ${port}}` }),
      manifest.pod('client', 'shop', 'app: client'),
      manifest.networkPolicy('web-in', 'shop', `{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: client}}}], ports: [{port: ${port}}]}]}`),
    ].join('---\n'),
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
