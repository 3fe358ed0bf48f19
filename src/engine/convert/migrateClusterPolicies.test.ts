import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BASELINE_MIGRATION_PRIORITY, migrateClusterPolicies } from './migrateClusterPolicies';

const ANP = `# cluster guardrails
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: guardrails
spec:
  priority: 10
  subject:
    namespaces: {}
  egress:
  - name: dns-and-web
    action: Allow
    to:
    - networks: [10.0.0.0/8]
    - pods:
        namespaceSelector: {}
        podSelector: {matchLabels: {app: web}}
    ports:
    - namedPort: http
    - portRange: {protocol: UDP, start: 53, end: 53}
    - portRange: {start: 8000, end: 8080}
---
apiVersion: v1
kind: Namespace
metadata:
  name: kept-as-written
`;

const BANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  ingress:
  - name: deny-all
    action: Deny
    from:
    - namespaces: {}
`;

describe('migrateClusterPolicies', () => {
  it('rewrites an AdminNetworkPolicy as an Admin-tier ClusterNetworkPolicy, keeping the header comment and the other documents', () => {
    const { file, converted } = migrateClusterPolicies({ name: 'anp.yaml', text: ANP });
    expect(converted).toEqual(['AdminNetworkPolicy guardrails']);
    expect(migrateClusterPolicies({ name: 'anp.yaml', text: ANP }).changedDocuments).toEqual([file.text.slice(0, file.text.indexOf('---\n'))]);
    expect(file.text.startsWith('# cluster guardrails\n')).toBe(true);
    expect(file.text.endsWith('kind: Namespace\nmetadata:\n  name: kept-as-written\n')).toBe(true);
    const [cnp] = file.text.split('---\n').map((d) => load(d)) as { apiVersion: string; kind: string; spec: Record<string, unknown> }[];
    expect(cnp.apiVersion).toBe('policy.networking.k8s.io/v1alpha2');
    expect(cnp.kind).toBe('ClusterNetworkPolicy');
    expect(cnp.spec.tier).toBe('Admin');
    expect(cnp.spec.priority).toBe(10);
  });

  it('splits a rule whose named port sits beside a networks peer (v1alpha2 rejects that): pods keep every port, networks keep the numbered ones', () => {
    const { file } = migrateClusterPolicies({ name: 'anp.yaml', text: ANP });
    const cnp = load(file.text.split('---\n')[0]) as { spec: { egress: unknown[] } };
    expect(cnp.spec.egress).toEqual([
      {
        name: 'dns-and-web',
        action: 'Accept',
        to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } }],
        protocols: [{ destinationNamedPort: 'http' }, { udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }],
      },
      {
        name: 'dns-and-web-networks',
        action: 'Accept',
        to: [{ networks: ['10.0.0.0/8'] }],
        protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }],
      },
    ]);
  });

  it('puts the BaselineAdminNetworkPolicy in the Baseline tier, last of it', () => {
    const { file } = migrateClusterPolicies({ name: 'banp.yaml', text: BANP });
    const cnp = load(file.text) as { metadata: { name: string }; spec: { tier: string; priority: number; ingress: { action: string }[] } };
    expect(cnp.metadata.name).toBe('default');
    expect(cnp.spec.tier).toBe('Baseline');
    expect(cnp.spec.priority).toBe(BASELINE_MIGRATION_PRIORITY);
    expect(cnp.spec.ingress[0].action).toBe('Deny');
  });

  it('leaves a file without v1alpha1 objects, and a document that does not parse, byte for byte', () => {
    const text = 'kind: Namespace\nmetadata: {name: a}\n---\nkind: AdminNetworkPolicy\nspec: [unclosed\n';
    expect(migrateClusterPolicies({ name: 'x.yaml', text })).toEqual({ file: { name: 'x.yaml', text }, converted: [], changedDocuments: [] });
  });
});
