import { describe, expect, it } from 'vitest';
import { analyzeYaml, errorsOf } from '../semantics/verdicts';
import { manifest } from './manifest';

describe('manifest', () => {
  it('builds Pods, Namespaces and NetworkPolicies that decode without errors into what they say', () => {
    const analysis = analyzeYaml(
      [
        manifest.namespace('shop', 'team: shop'),
        manifest.pod('web', 'shop', 'app: web, tier: front', { ports: '{containerPort: 8080, name: http}', spec: 'hostNetwork: true', status: '{podIP: 10.0.0.5}' }),
        manifest.pod('bare', 'shop'),
        manifest.networkPolicy('flow', 'shop', '{podSelector: {}, policyTypes: [Egress]}'),
        manifest.networkPolicy('block', 'shop', '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - {}'),
      ].join('---\n'),
    );
    expect(errorsOf(analysis)).toEqual([]);
    expect(analysis.model.namespaces.find((n) => n.name === 'shop')?.labels).toMatchObject({ team: 'shop' });
    expect(analysis.model.workloads.map(({ id, labels, ports, ips, hostNetwork }) => ({ id, labels, ports, ips, hostNetwork }))).toEqual([
      { id: 'shop/web[Pod]', labels: { app: 'web', tier: 'front' }, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], ips: ['10.0.0.5'], hostNetwork: true },
      { id: 'shop/bare[Pod]', labels: {}, ports: [], ips: [], hostNetwork: false },
    ]);
    expect(analysis.model.policies.map((p) => [p.id, p.policyTypes])).toEqual([
      ['shop/flow', ['Egress']],
      ['shop/block', ['Ingress']],
    ]);
  });
});
