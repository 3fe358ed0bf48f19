import { describe, expect, it } from 'vitest';
import { analyzeYaml, verdicts } from './verdicts';

const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

/** Three pods in namespace `a`: x (client), y (server, port 8080 "http"), z (another client). */
const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: x, namespace: a, labels: {app: x}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: y, namespace: a, labels: {app: y}}
spec: {containers: [{name: c, image: api, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: z, namespace: a, labels: {app: z}}
spec: {containers: [{name: c, image: curl}]}
`;

const policy = (spec: string) => `${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
${spec}`;

describe('§2 Defaulting', () => {
  it('§2 policyTypes absent with only ingress rules defaults to [Ingress], shown as defaulted', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
`);
    const p = analyzeYaml(yaml).model.policies[0];
    expect(p.policyTypes).toEqual(['Ingress']);
    expect(p.isPolicyTypesDefaulted).toBe(true);
    const v = verdicts(yaml);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.has('a/z[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get(`a/y[Pod] => ${EXTERNAL}`)).toBe('All Connections');
    expect(v.get('a/y[Pod] => a/z[Pod]')).toBe('All Connections');
  });

  it('§2 policyTypes absent with an egress rule defaults to [Ingress, Egress], so the policy also isolates ingress', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  egress:
  - to: [{podSelector: {matchLabels: {app: z}}}]
`);
    const p = analyzeYaml(yaml).model.policies[0];
    expect(p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(p.isPolicyTypesDefaulted).toBe(true);
    const v = verdicts(yaml);
    expect(v.get('a/y[Pod] => a/z[Pod]')).toBe('All Connections');
    expect(v.has('a/y[Pod] => a/x[Pod]')).toBe(false);
    expect(v.has(`a/y[Pod] => ${EXTERNAL}`)).toBe(false);
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.has('a/z[Pod] => a/y[Pod]')).toBe(false);
    expect(v.has(`${EXTERNAL} => a/y[Pod]`)).toBe(false);
  });

  it('§2 egress: [] without policyTypes does not restrict egress', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
  egress: []
`);
    expect(analyzeYaml(yaml).model.policies[0].policyTypes).toEqual(['Ingress']);
    const v = verdicts(yaml);
    expect(v.get('a/y[Pod] => a/x[Pod]')).toBe('All Connections');
    expect(v.get('a/y[Pod] => a/z[Pod]')).toBe('All Connections');
    expect(v.get(`a/y[Pod] => ${EXTERNAL}`)).toBe('All Connections');
  });

  it('§2 egress: [] with policyTypes: [Egress] denies all egress', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Egress]
  egress: []
`);
    const p = analyzeYaml(yaml).model.policies[0];
    expect(p.policyTypes).toEqual(['Egress']);
    expect(p.isPolicyTypesDefaulted).toBe(false);
    const v = verdicts(yaml);
    expect(v.has('a/y[Pod] => a/x[Pod]')).toBe(false);
    expect(v.has('a/y[Pod] => a/z[Pod]')).toBe(false);
    expect(v.has(`a/y[Pod] => ${EXTERNAL}`)).toBe(false);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.get(`${EXTERNAL} => a/y[Pod]`)).toBe('All Connections');
  });

  it('§2 policyTypes: [] (empty) is defaulted exactly like an absent policyTypes', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: []
  egress:
  - to: [{podSelector: {matchLabels: {app: z}}}]
`);
    const p = analyzeYaml(yaml).model.policies[0];
    expect(p.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(p.isPolicyTypesDefaulted).toBe(true);
    const v = verdicts(yaml);
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/y[Pod] => a/z[Pod]')).toBe('All Connections');
  });

  it('§2 an explicit policyTypes: [Egress] is kept as written, and ingress rules beside it are not enforced', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Egress]
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
  egress:
  - to: [{podSelector: {matchLabels: {app: x}}}]
`);
    const p = analyzeYaml(yaml).model.policies[0];
    expect(p.policyTypes).toEqual(['Egress']);
    expect(p.isPolicyTypesDefaulted).toBe(false);
    const v = verdicts(yaml);
    expect(v.get('a/z[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.get(`${EXTERNAL} => a/y[Pod]`)).toBe('All Connections');
    expect(v.get('a/y[Pod] => a/x[Pod]')).toBe('All Connections');
    expect(v.has('a/y[Pod] => a/z[Pod]')).toBe(false);
  });

  it('§2 protocol absent defaults to TCP and is shown as defaulted; a written protocol is not', () => {
    const yaml = policy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - ports:
    - port: 8080
    - {port: 53, protocol: UDP}
    - {port: 8443, protocol: TCP}
`);
    const ports = analyzeYaml(yaml).model.policies[0].ingress[0].ports;
    expect(ports.map((p) => [p.protocol, p.isProtocolDefaulted])).toEqual([
      ['TCP', true],
      ['UDP', false],
      ['TCP', false],
    ]);
    expect(verdicts(yaml).get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080,8443,UDP 53');
  });

  it('§2 ports: [{}] means every TCP port, not every port', () => {
    const v = verdicts(
      policy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{}]
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 1-65535');
  });

  it('§2 port absent means every port of that protocol', () => {
    const v = verdicts(
      policy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports:
    - protocol: UDP
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('UDP 1-65535');
  });

  it('§2 endPort with a numeric port turns it into the range port..endPort', () => {
    const v = verdicts(
      policy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports:
    - {protocol: TCP, port: 32000, endPort: 32768}
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 32000-32768');
  });
});
