import { describe, expect, it } from 'vitest';
import type { ContainerPort, LabelSelector, Model, NetworkPolicy, Peer, PolicyPort, PolicyType, Rule, Workload } from '../model/types';
import { naiveEvaluate, naiveIsAllowed, naiveProbePorts, type NaiveEndpoint } from './naiveEvaluate';

const any: LabelSelector = { matchLabels: {}, matchExpressions: [] };
const labelled = (matchLabels: Record<string, string>): LabelSelector => ({ matchLabels, matchExpressions: [] });

function workload(namespace: string, name: string, labels: Record<string, string>, ports: ContainerPort[] = [], ips: string[] = []): Workload {
  return { id: `${namespace}/${name}[Deployment]`, namespace, name, kind: 'Deployment', labels, ports, ips, hostNetwork: false };
}

function policy(namespace: string, name: string, podSelector: LabelSelector, policyTypes: PolicyType[], ingress: Rule[], egress: Rule[] = []): NetworkPolicy {
  return { id: `${namespace}/${name}`, namespace, name, podSelector, policyTypes, isPolicyTypesDefaulted: false, ingress, egress };
}

function model(workloads: Workload[], policies: NetworkPolicy[], nsLabels: Record<string, Record<string, string>> = {}): Model {
  const names = [...new Set([...workloads.map((w) => w.namespace), ...policies.map((p) => p.namespace), ...Object.keys(nsLabels)])];
  return {
    namespaces: names.map((name) => ({ name, labels: { ...nsLabels[name], 'kubernetes.io/metadata.name': name }, isDeclared: true })),
    workloads,
    policies,
    clusterPolicies: [],
    others: [],
  };
}

const tcp = (port?: number | string, endPort?: number): PolicyPort => ({ protocol: 'TCP', isProtocolDefaulted: false, port, endPort });
const udp = (port?: number | string): PolicyPort => ({ protocol: 'UDP', isProtocolDefaulted: false, port });
const pods = (podSelector: LabelSelector): Peer => ({ kind: 'selector', podSelector });
const w = (index: number): NaiveEndpoint => ({ kind: 'workload', index });
const ip = (address: string): NaiveEndpoint => ({ kind: 'address', ip: address });

const a = workload('default', 'a', { app: 'a' }, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], ['10.0.0.1']);
const b = workload('default', 'b', { app: 'b' }, [{ name: 'http', containerPort: 9090, protocol: 'TCP' }], ['fd00::2']);

describe('naiveEvaluate', () => {
  it('allows everything between workloads no policy selects (§3)', () => {
    expect(naiveEvaluate(model([a, b], []), w(0), w(1))).toBe('All Connections');
  });

  it('takes the union of the policies that select a pod (§3)', () => {
    const m = model([a, b], [
      policy('default', 'web', labelled({ app: 'b' }), ['Ingress'], [{ peers: [pods(labelled({ app: 'a' }))], ports: [tcp(80)] }]),
      policy('default', 'dns', any, ['Ingress'], [{ peers: [], ports: [udp(53)] }]),
    ]);
    expect(naiveEvaluate(m, w(0), w(1))).toBe('TCP 80,UDP 53');
  });

  it('intersects the source egress side with the destination ingress side (§3)', () => {
    const m = model([a, b], [
      policy('default', 'in', labelled({ app: 'b' }), ['Ingress'], [{ peers: [], ports: [tcp(80, 90)] }]),
      policy('default', 'out', labelled({ app: 'a' }), ['Egress'], [], [{ peers: [], ports: [tcp(85, 100)] }]),
    ]);
    expect(naiveEvaluate(m, w(0), w(1))).toBe('TCP 85-90');
  });

  it('isolates without allowing when the rules list is empty (§4)', () => {
    const m = model([a, b], [policy('default', 'deny', any, ['Ingress', 'Egress'], [])]);
    expect(naiveEvaluate(m, w(0), w(1))).toBe('');
    expect(naiveEvaluate(m, w(0), ip('1.2.3.4'))).toBe('');
  });

  it('resolves a named port on the destination pod and never on an address (§7)', () => {
    const m = model([a, b], [policy('default', 'out', any, ['Egress'], [], [{ peers: [], ports: [tcp('http')] }])]);
    expect(naiveEvaluate(m, w(0), w(1))).toBe('TCP 9090');
    expect(naiveEvaluate(m, w(1), w(0))).toBe('TCP 8080');
    expect(naiveEvaluate(m, w(0), ip('1.2.3.4'))).toBe('');
  });

  it('needs the podSelector and the namespaceSelector of one peer to both match (§5)', () => {
    const c = workload('other', 'c', { app: 'a' });
    const both: Peer = { kind: 'selector', podSelector: labelled({ app: 'a' }), namespaceSelector: labelled({ team: 'x' }) };
    const m = model([a, b, c], [policy('default', 'in', labelled({ app: 'b' }), ['Ingress'], [{ peers: [both], ports: [] }])], { other: { team: 'x' } });
    expect(naiveEvaluate(m, w(2), w(1))).toBe('All Connections');
    expect(naiveEvaluate(m, w(0), w(1))).toBe('');
  });

  it('matches an ipBlock against addresses and pod IPs, minus except (§5)', () => {
    const block: Peer = { kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] };
    const v6: Peer = { kind: 'ipBlock', cidr: 'fd00::/64', except: [] };
    const m = model([a, b], [policy('default', 'in', any, ['Ingress'], [{ peers: [block, v6], ports: [udp()] }])]);
    expect(naiveEvaluate(m, w(0), w(1))).toBe('UDP 1-65535');
    expect(naiveEvaluate(m, w(1), w(0))).toBe('UDP 1-65535');
    expect(naiveEvaluate(m, ip('10.2.0.0'), w(0))).toBe('UDP 1-65535');
    expect(naiveEvaluate(m, ip('10.1.2.3'), w(0))).toBe('');
    expect(naiveIsAllowed(m, ip('fd00::ffff'), w(1), 'UDP', 7)).toBe(true);
    expect(naiveIsAllowed(m, ip('fd00:0:0:1::'), w(1), 'UDP', 7)).toBe(false);
  });

  it('probes the neighbours of every port boundary', () => {
    const m = model([a], [policy('default', 'in', any, ['Ingress'], [{ peers: [], ports: [tcp(1, 2)] }])]);
    expect(naiveProbePorts(m)).toEqual([1, 2, 3, 8079, 8080, 8081, 65535]);
  });
});
