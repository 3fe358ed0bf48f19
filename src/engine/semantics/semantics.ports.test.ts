import { describe, expect, it } from 'vitest';
import { analyzeYaml, verdicts } from './verdicts';

const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

/**
 * Namespace a: x (a client that itself names a port "http" 1111), y (http 8080,
 * dns 53/UDP, dns-tcp 53/TCP), z (http 9090) and w (no ports).
 */
const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: x, namespace: a, labels: {app: x}}
spec:
  containers:
  - name: c
    image: client
    ports: [{name: http, containerPort: 1111}]
---
apiVersion: v1
kind: Pod
metadata: {name: y, namespace: a, labels: {app: y, role: server}}
spec:
  containers:
  - name: web
    image: api
    ports:
    - {name: http, containerPort: 8080}
  - name: dns
    image: coredns
    ports:
    - {name: dns, containerPort: 53, protocol: UDP}
    - {name: dns-tcp, containerPort: 53, protocol: TCP}
---
apiVersion: v1
kind: Pod
metadata: {name: z, namespace: a, labels: {app: z, role: server}}
spec:
  containers:
  - name: web
    image: api
    ports: [{name: http, containerPort: 9090, protocol: TCP}]
---
apiVersion: v1
kind: Pod
metadata: {name: w, namespace: a, labels: {app: w, role: server}}
spec: {containers: [{name: c, image: worker}]}
`;

/** The pods plus an ingress policy on y admitting x on the given ports (indented by four). */
const yFromXOn = (ports: string) => `${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: y-ingress, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports:
${ports}`;

describe('§7 Ports', () => {
  it('§7 TCP, UDP and SCTP are the protocols a NetworkPolicy port may name', () => {
    const v = verdicts(
      yFromXOn(`    - {protocol: TCP, port: 443}
    - {protocol: UDP, port: 443}
    - {protocol: SCTP, port: 3868}
`),
    );
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('SCTP 3868,TCP 443,UDP 443');
  });

  it('§7 any other protocol is rejected and the policy left out', () => {
    for (const protocol of ['ICMP', 'tcp', 'HTTP']) {
      const a = analyzeYaml(
        yFromXOn(`    - {protocol: ${protocol}, port: 443}
`),
      );
      expect(a.issues.some((i) => i.severity === 'error' && i.path === 'spec.ingress[0].ports[0].protocol'), protocol).toBe(true);
      expect(a.model.policies, protocol).toEqual([]);
    }
  });

  it('§7 resolves a named port on the destination pod, per protocol', () => {
    expect(verdicts(yFromXOn(`    - {port: dns, protocol: UDP}
`)).get('a/x[Pod] => a/y[Pod]')).toBe('UDP 53');
    expect(verdicts(yFromXOn(`    - {port: dns-tcp}
`)).get('a/x[Pod] => a/y[Pod]')).toBe('TCP 53');
    expect(verdicts(yFromXOn(`    - {port: http}
    - {port: dns, protocol: UDP}
`)).get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080,UDP 53');
  });

  it('§7 a named port must match a container port with the same protocol: dns (UDP on the pod) named as TCP matches nothing', () => {
    const v = verdicts(yFromXOn(`    - {port: dns}
`));
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
  });

  it('§7 a named port that resolves nowhere matches nothing', () => {
    const v = verdicts(yFromXOn(`    - {port: grpc}
`));
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/x[Pod] => a/z[Pod]')).toBe('All Connections');
  });

  it('§7 an ingress rule resolves a named port on each selected pod\'s own container ports', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: servers-http, namespace: a}
spec:
  podSelector: {matchLabels: {role: server}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{port: http}]
`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080');
    expect(v.get('a/x[Pod] => a/z[Pod]')).toBe('TCP 9090');
    expect(v.has('a/x[Pod] => a/w[Pod]')).toBe(false);
  });

  it('§7 an egress rule resolves a named port on the destination pod, never on the source', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-egress-http, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {}}]
    ports: [{port: http}]
`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080');
    expect(v.get('a/x[Pod] => a/z[Pod]')).toBe('TCP 9090');
    expect(v.has('a/x[Pod] => a/w[Pod]')).toBe(false);
  });

  it('§7 a named port never matches an ipBlock destination', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-egress-world, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
    ports: [{port: http}]
`);
    expect(v.has(`a/x[Pod] => ${EXTERNAL}`)).toBe(false);
    const numeric = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-egress-world, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
    ports: [{port: http}, {port: 443}]
`);
    expect(numeric.get(`a/x[Pod] => ${EXTERNAL}`)).toBe('TCP 443');
  });

  it('§7 an ingress rule from an ipBlock still resolves a named port on the selected (destination) pod', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: y-from-world, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
    ports: [{port: http}]
`);
    expect(v.get(`${EXTERNAL} => a/y[Pod]`)).toBe('TCP 8080');
  });

  it('§7 endPort turns port into a range', () => {
    const v = verdicts(yFromXOn(`    - {protocol: TCP, port: 32000, endPort: 32768}
    - {protocol: UDP, port: 5000, endPort: 5010}
`));
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 32000-32768,UDP 5000-5010');
  });

  it('§7 endPort equal to port allows that single port', () => {
    const v = verdicts(yFromXOn(`    - {port: 8080, endPort: 8080}
`));
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080');
  });

  it('§7 overlapping and adjacent port ranges merge into one', () => {
    const v = verdicts(yFromXOn(`    - {port: 80, endPort: 90}
    - {port: 85, endPort: 100}
    - {port: 101}
`));
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 80-101');
  });

  it('§7 endPort is invalid with a named port and must be >= port; ports are 1..65535', () => {
    const cases = ['{port: http, endPort: 9000}', '{port: 9000, endPort: 8000}', '{port: 0}', '{port: 65536}', '{port: 80, endPort: 65536}'];
    for (const port of cases) {
      const a = analyzeYaml(yFromXOn(`    - ${port}
`));
      expect(a.issues.some((i) => i.severity === 'error' && i.path?.startsWith('spec.ingress[0].ports[0]')), port).toBe(true);
      expect(a.model.policies, port).toEqual([]);
    }
  });

  it('§7 port 65535 and endPort 65535 are valid, the top of the range', () => {
    const v = verdicts(yFromXOn(`    - {port: 65000, endPort: 65535}
    - {port: 1, protocol: UDP}
`));
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 65000-65535,UDP 1');
  });
});
