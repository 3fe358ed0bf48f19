import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { openingPort } from './openingPort';

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: frontend, namespace: shop, labels: {app: frontend}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, ports: [{containerPort: 9090}, {containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: dns, namespace: shop, labels: {app: dns}}
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: frontend}}}, {ipBlock: {cidr: 198.51.100.0/24}}]
    ports: [{port: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dns-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: dns}}
  ingress:
  - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 5353, endPort: 5360}]
`;

const { evaluation } = analyze([{ name: 'shop.yaml', text: YAML }]);

describe('openingPort', () => {
  it('opens on the declared port the flow allows, not the first one declared', () => {
    expect(openingPort(evaluation, { workload: 'shop/frontend[Pod]' }, { workload: 'shop/api[Pod]' })).toEqual({ protocol: 'TCP', port: 8080 });
  });

  it('opens on the lowest allowed TCP port when the destination declares none', () => {
    expect(openingPort(evaluation, { workload: 'shop/frontend[Pod]' }, { workload: 'shop/dns[Pod]' })).toEqual({ protocol: 'TCP', port: 5353 });
  });

  it('opens on TCP 80 when every port is allowed', () => {
    expect(openingPort(evaluation, { workload: 'shop/api[Pod]' }, { workload: 'shop/frontend[Pod]' })).toEqual({ protocol: 'TCP', port: 80 });
  });

  it('reads an address end from the address pieces', () => {
    expect(openingPort(evaluation, { ip: '198.51.100.7' }, { workload: 'shop/api[Pod]' })).toEqual({ protocol: 'TCP', port: 8080 });
    expect(openingPort(evaluation, { ip: '203.0.113.1' }, { workload: 'shop/api[Pod]' })).toBeUndefined();
  });

  it('has nothing to open on for a denied pair', () => {
    expect(openingPort(evaluation, { workload: 'shop/dns[Pod]' }, { workload: 'shop/api[Pod]' })).toBeUndefined();
  });
});
