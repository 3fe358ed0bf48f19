import { describe, expect, it } from 'vitest';
import { connSetOf } from '../evaluate/connSet';
import type { ExposureAnalysis } from './exposureAnalysis';
import { formatExposureTxt } from './formatExposureTxt';
import { ALL_POTENTIAL, potentialConns } from './potentialConns';

const everyPod = { kind: 'entire-cluster' } as const;

describe('formatExposureTxt', () => {
  it('prints only the header when no workload is exposed', () => {
    expect(formatExposureTxt({ workloads: [] })).toBe('Exposure Analysis Result:\n');
  });

  it('pads workloads to the longest exposed name, separates egress from ingress by a blank line and lists unprotected sides last', () => {
    const analysis: ExposureAnalysis = {
      workloads: [
        { workload: 'a/x[Pod]', ingress: { isProtected: true, entries: [{ peer: everyPod, conns: potentialConns(connSetOf('TCP', 80, 80)), rules: [] }] }, egress: { isProtected: true, entries: [] } },
        { workload: 'a/longer[Pod]', ingress: { isProtected: true, entries: [] }, egress: { isProtected: false, entries: [{ peer: everyPod, conns: ALL_POTENTIAL, rules: [] }] } },
      ],
    };
    expect(formatExposureTxt(analysis)).toBe(
      [
        'Exposure Analysis Result:',
        'Egress Exposure:',
        'a/longer[Pod] \t=> \tentire-cluster : All Connections',
        '',
        'Ingress Exposure:',
        'a/x[Pod]      \t<= \tentire-cluster : TCP 80',
        '',
        'Workloads not protected by network policies:',
        'a/longer[Pod] is not protected on Egress',
        '',
      ].join('\n'),
    );
  });

  it('starts with the ingress section, without a blank line, when no egress is exposed', () => {
    const analysis: ExposureAnalysis = {
      workloads: [{ workload: 'a/x[Pod]', ingress: { isProtected: true, entries: [{ peer: { kind: 'pods', namespaceSelector: { matchLabels: {}, matchExpressions: [] }, podSelector: { matchLabels: { app: 'b' }, matchExpressions: [] } }, conns: ALL_POTENTIAL, rules: [] }] }, egress: { isProtected: true, entries: [] } }],
    };
    expect(formatExposureTxt(analysis)).toBe('Exposure Analysis Result:\nIngress Exposure:\na/x[Pod] \t<= \t[all namespaces]/[pod with {app=b}] : All Connections\n');
  });

  it('escapes control characters in names but keeps its own tabs', () => {
    const analysis: ExposureAnalysis = { workloads: [{ workload: 'a/x\u001b[Pod]', ingress: { isProtected: false, entries: [{ peer: everyPod, conns: ALL_POTENTIAL, rules: [] }] }, egress: { isProtected: true, entries: [] } }] };
    expect(formatExposureTxt(analysis)).toContain('a/x\\u001b[Pod] \t<= \tentire-cluster : All Connections\n');
  });
});
