import { describe, expect, it } from 'vitest';
import { analyze, dumpYaml, type RawMap } from '../../engine';
import { CNP_MAX_ITEMS, addClusterPeer, addClusterProtocol, addClusterRule, clusterProtocolEntry, clusterProtocolFields, setSubjectKind } from './clusterPolicyEdits';

const cnp = (spec: Record<string, unknown>): RawMap => ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'p' }, spec: { tier: 'Admin', priority: 10, subject: { namespaces: {} }, ...spec } });
const issuesOf = (raw: unknown) => analyze([{ name: 'p.yaml', text: dumpYaml([raw]) }]).issues.filter((i) => i.severity === 'error');

describe('editing a ClusterNetworkPolicy', () => {
  it('adds a valid rule that passes every namespace down, named after its direction and position', () => {
    const once = addClusterRule(cnp({}), 'egress');
    const twice = addClusterRule(once, 'egress');
    expect((twice.spec as { egress: unknown[] }).egress).toEqual([
      { name: 'egress-1', action: 'Pass', to: [{ namespaces: {} }] },
      { name: 'egress-2', action: 'Pass', to: [{ namespaces: {} }] },
    ]);
    expect(issuesOf(twice)).toEqual([]);
  });

  it('stops adding rules, peers and protocols at the CRD limit of 25', () => {
    let policy = cnp({});
    for (let i = 0; i < CNP_MAX_ITEMS + 3; i++) policy = addClusterRule(policy, 'ingress');
    expect((policy.spec as { ingress: unknown[] }).ingress).toHaveLength(CNP_MAX_ITEMS);
    let peers: unknown[] = [];
    let protocols: unknown[] = [];
    for (let i = 0; i < CNP_MAX_ITEMS + 3; i++) {
      peers = addClusterPeer(peers, 'pods');
      protocols = addClusterProtocol(protocols);
    }
    expect([peers.length, protocols.length]).toEqual([CNP_MAX_ITEMS, CNP_MAX_ITEMS]);
  });

  it('writes every peer kind in a form the validation accepts', () => {
    const to = (['namespaces', 'pods', 'networks'] as const).reduce<unknown[]>((list, kind) => addClusterPeer(list, kind), []);
    expect(issuesOf(cnp({ egress: [{ name: 'r', action: 'Deny', to }] }))).toEqual([]);
  });

  it('switches the subject between namespaces and pods keeping its namespace selector', () => {
    const ns = { matchLabels: { team: 'shop' } };
    const pods = setSubjectKind({ namespaces: ns }, 'pods');
    expect(pods).toEqual({ pods: { namespaceSelector: ns, podSelector: {} } });
    expect(setSubjectKind(pods, 'namespaces')).toEqual({ namespaces: ns });
  });

  it('reads and writes protocols: a port, a range and a named port, each accepted by validation', () => {
    const entries = [
      clusterProtocolEntry({ kind: 'udp', port: '53', end: '' }),
      clusterProtocolEntry({ kind: 'tcp', port: '8000', end: '8080' }),
      clusterProtocolEntry({ kind: 'destinationNamedPort', port: ' http ', end: '' }),
    ];
    expect(entries).toEqual([{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }, { destinationNamedPort: 'http' }]);
    expect(entries.map(clusterProtocolFields)).toEqual([
      { kind: 'udp', port: '53', end: '' },
      { kind: 'tcp', port: '8000', end: '8080' },
      { kind: 'destinationNamedPort', port: 'http', end: '' },
    ]);
    expect(issuesOf(cnp({ ingress: [{ name: 'r', action: 'Accept', from: [{ namespaces: {} }], protocols: entries }] }))).toEqual([]);
  });

  it('keeps a port typed as text so validation reports it at its field', () => {
    const entry = clusterProtocolEntry({ kind: 'tcp', port: 'eighty', end: '' });
    const issues = issuesOf(cnp({ ingress: [{ name: 'r', action: 'Accept', from: [{ namespaces: {} }], protocols: [entry] }] }));
    expect(issues.map((i) => i.path)).toEqual(['spec.ingress[0].protocols[0].tcp.destinationPort.number']);
  });
});
