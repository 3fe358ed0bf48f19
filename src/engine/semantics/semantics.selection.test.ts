import { describe, expect, it } from 'vitest';
import { verdicts } from './verdicts';

const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

/** Pods x, y, z in namespace `a`, and pod y (same labels as a/y) in namespace `b`. */
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
metadata: {name: y, namespace: b, labels: {app: y}}
spec: {containers: [{name: c, image: api}]}
`;

const DENY_INGRESS_Y = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-y, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Ingress]
`;

const ALLOW_X_TO_Y_80 = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-x-80, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{port: 80}]
`;

const ALLOW_X_TO_Y_443_AND_Z_DNS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-x-443-z-53, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{port: 443}]
  - from: [{podSelector: {matchLabels: {app: z}}}]
    ports: [{port: 53, protocol: UDP}]
`;

describe('§3 Selection and isolation', () => {
  it('§3 a pod that no policy selects allows every connection in and out', () => {
    const v = verdicts(PODS);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.get('a/y[Pod] => b/y[Pod]')).toBe('All Connections');
    expect(v.get('b/y[Pod] => a/z[Pod]')).toBe('All Connections');
    expect(v.get(`a/x[Pod] => ${EXTERNAL}`)).toBe('All Connections');
    expect(v.get(`${EXTERNAL} => b/y[Pod]`)).toBe('All Connections');
  });

  it('§3 spec.podSelector selects pods in the policy\'s own namespace only, even when labels match elsewhere', () => {
    const v = verdicts(`${PODS}---${DENY_INGRESS_Y}`);
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/x[Pod] => b/y[Pod]')).toBe('All Connections');
    expect(v.get(`${EXTERNAL} => b/y[Pod]`)).toBe('All Connections');
  });

  it('§3 podSelector: {} selects every pod of the policy\'s namespace and none elsewhere', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress, namespace: a}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`);
    for (const dst of ['a/x[Pod]', 'a/y[Pod]', 'a/z[Pod]']) {
      expect(v.has(`b/y[Pod] => ${dst}`)).toBe(false);
      expect(v.has(`${EXTERNAL} => ${dst}`)).toBe(false);
    }
    expect(v.has('a/x[Pod] => a/z[Pod]')).toBe(false);
    expect(v.get('a/x[Pod] => b/y[Pod]')).toBe('All Connections');
    expect(v.get(`a/x[Pod] => ${EXTERNAL}`)).toBe('All Connections');
  });

  it('§3 a policy whose spec.podSelector is omitted selects every pod of its namespace, like {}', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-selector, namespace: a}
spec:
  policyTypes: [Ingress]
`);
    expect(v.has('b/y[Pod] => a/x[Pod]')).toBe(false);
    expect(v.has('b/y[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/x[Pod] => b/y[Pod]')).toBe('All Connections');
  });

  it('§3 a pod is ingress-isolated only by policies whose policyTypes hold Ingress, egress-isolated only by Egress', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-only, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ingress-only, namespace: a}
spec:
  podSelector: {matchLabels: {app: z}}
  policyTypes: [Ingress]
`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('All Connections');
    expect(v.has('a/y[Pod] => a/x[Pod]')).toBe(false);
    expect(v.has('a/x[Pod] => a/z[Pod]')).toBe(false);
    expect(v.get('a/z[Pod] => a/x[Pod]')).toBe('All Connections');
    expect(v.get(`a/z[Pod] => ${EXTERNAL}`)).toBe('All Connections');
  });

  it('§3 unions policies: a pod selected by two policies gets what either allows', () => {
    const v = verdicts(`${PODS}---${ALLOW_X_TO_Y_80}---${ALLOW_X_TO_Y_443_AND_Z_DNS}`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 80,443');
    expect(v.get('a/z[Pod] => a/y[Pod]')).toBe('UDP 53');
    expect(v.has('b/y[Pod] => a/y[Pod]')).toBe(false);
  });

  it('§3 unions egress policies too: a pod reaches every address range that either egress policy allows', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-https-to-private, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
    ports: [{port: 443}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-dns, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 10.1.0.0/16}}]
    ports: [{port: 53, protocol: UDP}]
`);
    expect(v.get('a/x[Pod] => 10.0.0.0-10.0.255.255[External]')).toBe('TCP 443');
    expect(v.get('a/x[Pod] => 10.1.0.0-10.1.255.255[External]')).toBe('TCP 443,UDP 53');
    expect(v.get('a/x[Pod] => 10.2.0.0-10.255.255.255[External]')).toBe('TCP 443');
    expect(v.has('a/x[Pod] => 0.0.0.0-9.255.255.255[External]')).toBe(false);
    expect(v.has('a/x[Pod] => 11.0.0.0-255.255.255.255[External]')).toBe(false);
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/y[Pod] => 11.0.0.0-255.255.255.255[External]')).toBe('All Connections');
  });

  it('§3 policies are additive, not ANDed: a deny-all policy takes nothing away from another policy\'s allow', () => {
    const v = verdicts(`${PODS}---${DENY_INGRESS_Y}---${ALLOW_X_TO_Y_80}`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 80');
    expect(v.has('a/z[Pod] => a/y[Pod]')).toBe(false);
  });

  it('§3 policies never conflict and order never matters: the same policies in any order give the same verdicts', () => {
    const forward = verdicts(`${PODS}---${DENY_INGRESS_Y}---${ALLOW_X_TO_Y_80}---${ALLOW_X_TO_Y_443_AND_Z_DNS}`);
    const backward = verdicts(`${ALLOW_X_TO_Y_443_AND_Z_DNS}---${ALLOW_X_TO_Y_80}---${DENY_INGRESS_Y}---${PODS}`);
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
    expect(forward.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 80,443');
  });

  it('§3 the source\'s egress must allow it: an open destination is not reachable when the source\'s egress does not allow it', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-egress, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: z}}}]
`);
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/x[Pod] => a/z[Pod]')).toBe('All Connections');
    expect(v.get('a/y[Pod] => a/x[Pod]')).toBe('All Connections');
  });

  it('§3 the destination\'s ingress must allow it too: the source\'s egress allowing a connection is not enough', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-egress, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: y}}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: y-ingress, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: z}}}]
`);
    expect(v.has('a/x[Pod] => a/y[Pod]')).toBe(false);
    expect(v.get('a/z[Pod] => a/y[Pod]')).toBe('All Connections');
  });

  it('§3 egress AND ingress: only the ports both ends allow are allowed', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-egress, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: y}}}]
    ports:
    - {port: 8000, endPort: 8100}
    - {port: 53, protocol: UDP}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: y-ingress, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports:
    - {port: 8080}
    - {port: 9000}
    - {port: 53, protocol: TCP}
    - {port: 53, protocol: UDP}
`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080,UDP 53');
  });

  it('§3 a workload is never reported connecting to itself', () => {
    const v = verdicts(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: x, namespace: a, labels: {app: x}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-same-namespace, namespace: a}
spec:
  podSelector: {}
  ingress:
  - from: [{podSelector: {}}]
`);
    expect(v.has('a/web[Deployment] => a/web[Deployment]')).toBe(false);
    expect(v.has('a/x[Pod] => a/x[Pod]')).toBe(false);
    expect(v.get('a/x[Pod] => a/web[Deployment]')).toBe('All Connections');
    expect(v.get('a/web[Deployment] => a/x[Pod]')).toBe('All Connections');
  });

  it('§3 connections are stateful and judged at initiation: allowing x to y does not let y initiate to x', () => {
    const v = verdicts(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: a}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x-to-y, namespace: a}
spec:
  podSelector: {matchLabels: {app: x}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: y}}}]
    ports: [{port: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: y-from-x, namespace: a}
spec:
  podSelector: {matchLabels: {app: y}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
    ports: [{port: 8080}]
`);
    expect(v.get('a/x[Pod] => a/y[Pod]')).toBe('TCP 8080');
    expect(v.has('a/y[Pod] => a/x[Pod]')).toBe(false);
  });
});
