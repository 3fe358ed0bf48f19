import { describe, expect, it } from 'vitest';
import { verdicts } from './verdicts';

const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

/** Pods x, y, z in namespace `a` and pod w in namespace `b`. */
const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: x, namespace: a, labels: {app: x}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: y, namespace: a, labels: {app: y}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: v1
kind: Pod
metadata: {name: z, namespace: a, labels: {app: z}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: w, namespace: b, labels: {app: w}}
spec: {containers: [{name: c, image: curl}]}
`;

/** The pods plus one policy `p` in namespace `a` with the given spec (indented by two). */
const withPolicy = (spec: string) => `${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
${spec}`;

describe('§4 Rules', () => {
  it('§4 ingress: [] under policyTypes [Ingress] allows nothing in: the policy only isolates', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Ingress]
  ingress: []
`),
    );
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.has('b/w[Pod] => a/y[Pod]')).toBe(false);
    expect(v.has(`${EXTERNAL} => a/y[Pod]`)).toBe(false);
    expect(v.get('a/y[Pod] => a/x[Pod]')).toBe('All Connections');
  });

  it('§4 ingress absent under policyTypes [Ingress] allows nothing in', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Ingress]
`),
    );
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.has(`${EXTERNAL} => a/y[Pod]`)).toBe(false);
  });

  it('§4 egress absent under policyTypes [Egress] allows nothing out', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Egress]
`),
    );
    expect(v.has('a/y[Pod] => a/x[Pod]')).toBe(false);
    expect(v.has('a/y[Pod] => b/w[Pod]')).toBe(false);
    expect(v.has(`a/y[Pod] => ${EXTERNAL}`)).toBe(false);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
  });

  it('§4 a rule matches a connection only when its peers match and its ports match', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{port: 8080}]
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080');
    expect(v.has('a/z[Pod] => a/y[Pod]')).toBe(false);
  });

  it('§4 from absent means any peer: all pods in all namespaces and all IPs', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - ports: [{port: 443}]
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 443');
    expect(v.get('b/w[Pod] => a/y[Pod]')).toBe('TCP 443');
    expect(v.get(`${EXTERNAL} => a/y[Pod]`)).toBe('TCP 443');
  });

  it('§4 from: [] (empty) means any peer too', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: []
    ports: [{port: 443}]
`),
    );
    expect(v.get('b/w[Pod] => a/y[Pod]')).toBe('TCP 443');
    expect(v.get(`${EXTERNAL} => a/y[Pod]`)).toBe('TCP 443');
  });

  it('§4 to absent means any peer: every pod in every namespace and every address', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Egress]
  egress:
  - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
`),
    );
    expect(v.get('a/y[Pod] => a/x[Pod]')).toBe('TCP 53,UDP 53');
    expect(v.get('a/y[Pod] => b/w[Pod]')).toBe('TCP 53,UDP 53');
    expect(v.get(`a/y[Pod] => ${EXTERNAL}`)).toBe('TCP 53,UDP 53');
  });

  it('§4 ports absent means any port and protocol', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
  });

  it('§4 ports: [] (empty) means any port and protocol', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: []
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
  });

  it('§4 ingress: [{}] (one empty rule) allows everything in from everywhere', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - {}
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.get('b/w[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.get(`${EXTERNAL} => a/y[Pod]`)).toBe('All Connections');
  });

  it('§4 items of from are ORed: either peer may connect', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: x}}
    - podSelector: {matchLabels: {app: z}}
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.get('a/z[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.has('b/w[Pod] => a/y[Pod]')).toBe(false);
  });

  it('§4 items of to are ORed: either peer may be reached', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector: {matchLabels: {app: x}}
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}
`),
    );
    expect(v.get('a/y[Pod] => a/x[Pod]')).toBe('All Connections');
    expect(v.get('a/y[Pod] => b/w[Pod]')).toBe('All Connections');
    expect(v.has('a/y[Pod] => a/z[Pod]')).toBe(false);
  });

  it('§4 items of ports are ORed: any listed port and protocol is allowed', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports:
    - {port: 80, protocol: TCP}
    - {port: 53, protocol: UDP}
    - {port: 9000, protocol: SCTP}
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('SCTP 9000,TCP 80,UDP 53');
  });

  it('§4 separate rules are ORed, but each rule keeps its own ports for its own peers', () => {
    const v = verdicts(
      withPolicy(`
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{port: 80}]
  - from: [{podSelector: {matchLabels: {app: z}}}]
    ports: [{port: 53, protocol: UDP}]
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 80');
    expect(v.get('a/z[Pod] => a/y[Pod]')).toBe('UDP 53');
  });
});
