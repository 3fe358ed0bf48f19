import { describe, expect, it } from 'vitest';
import { analyzeYaml, errorsOf, verdicts } from './verdicts';

const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

describe('§8 What is outside NetworkPolicy', () => {
  it('§8 hostNetwork pods are evaluated like ordinary pods and flagged', () => {
    const yaml = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-exporter, namespace: monitoring}
spec:
  selector: {matchLabels: {app: node-exporter}}
  template:
    metadata: {labels: {app: node-exporter}}
    spec:
      hostNetwork: true
      containers:
      - name: exporter
        image: prom/node-exporter
        ports: [{name: metrics, containerPort: 9100}]
---
apiVersion: v1
kind: Pod
metadata: {name: prometheus, namespace: monitoring, labels: {app: prometheus}}
spec: {containers: [{name: c, image: prom/prometheus}]}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: monitoring, labels: {app: debug}}
spec:
  hostNetwork: true
  containers: [{name: c, image: busybox}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: exporter-scrape-only, namespace: monitoring}
spec:
  podSelector: {matchLabels: {app: node-exporter}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from: [{podSelector: {matchLabels: {app: prometheus}}}]
    ports: [{port: metrics}]
`;
    const byId = new Map(analyzeYaml(yaml).model.workloads.map((w) => [w.id, w.hostNetwork]));
    expect(byId.get('monitoring/node-exporter[DaemonSet]')).toBe(true);
    expect(byId.get('monitoring/debug[Pod]')).toBe(true);
    expect(byId.get('monitoring/prometheus[Pod]')).toBe(false);
    const v = verdicts(yaml);
    expect(v.get('monitoring/prometheus[Pod] => monitoring/node-exporter[DaemonSet]')).toBe('TCP 9100');
    expect(v.has('monitoring/debug[Pod] => monitoring/node-exporter[DaemonSet]')).toBe(false);
    expect(v.has(`${EXTERNAL} => monitoring/node-exporter[DaemonSet]`)).toBe(false);
    expect(v.has('monitoring/node-exporter[DaemonSet] => monitoring/prometheus[Pod]')).toBe(false);
    expect(v.get('monitoring/debug[Pod] => monitoring/prometheus[Pod]')).toBe('All Connections');
    expect(v.get('monitoring/prometheus[Pod] => monitoring/debug[Pod]')).toBe('All Connections');
  });

  it('§8 traffic from the pod\'s own node and its loopback are not governed, so no such peer or connection is reported', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata: {name: locked, namespace: a, labels: {app: locked}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
status: {podIP: 10.244.0.9}
---
apiVersion: v1
kind: Pod
metadata: {name: peer, namespace: a, labels: {app: peer}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: a}
spec:
  podSelector: {matchLabels: {app: locked}}
  policyTypes: [Ingress, Egress]
`);
    expect(errorsOf(a)).toEqual([]);
    const endpoints = new Set(a.connections.flatMap((c) => [c.src, c.dst]));
    expect([...endpoints].sort()).toEqual([EXTERNAL, 'a/peer[Pod]']);
  });

  it('§8 policies act on pod IPs after Service translation: a Service adds no peer, and an ipBlock on its ClusterIP does not reach its pods', () => {
    const yaml = `
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  clusterIP: 10.96.0.10
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: api, ports: [{containerPort: 8080}]}]}
status: {podIP: 10.244.1.5}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: web}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-to-service-ip, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 10.96.0.10/32}}]
`;
    const a = analyzeYaml(yaml);
    expect(a.model.workloads.map((w) => w.id).sort()).toEqual(['shop/api[Pod]', 'shop/web[Pod]']);
    expect(a.model.others.map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual(['Service shop/api']);
    const v = verdicts(yaml);
    expect(v.has('shop/web[Pod] => shop/api[Pod]')).toBe(false);
    expect(v.get('shop/web[Pod] => 10.96.0.10-10.96.0.10[External]')).toBe('All Connections');
  });
});
