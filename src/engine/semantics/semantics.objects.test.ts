import { describe, expect, it } from 'vitest';
import { analyzeYaml, errorsOf, verdicts } from './verdicts';

describe('§1 Objects in the model', () => {
  it('§1 every declared namespace carries kubernetes.io/metadata.name with its own name, beside its labels', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels:
    team: billing
`);
    expect(errorsOf(a)).toEqual([]);
    const ns = a.model.namespaces.find((n) => n.name === 'payments');
    expect(ns?.labels).toEqual({ team: 'billing', 'kubernetes.io/metadata.name': 'payments' });
    expect(ns?.isDeclared).toBe(true);
  });

  it('§1 kubernetes.io/metadata.name cannot be changed: a written value is replaced by the namespace name', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels:
    kubernetes.io/metadata.name: shop
`);
    expect(a.model.namespaces.find((n) => n.name === 'payments')?.labels).toEqual({ 'kubernetes.io/metadata.name': 'payments' });
  });

  it('§1 a namespaceSelector on kubernetes.io/metadata.name selects that namespace although nobody wrote the label', () => {
    const v = verdicts(`
apiVersion: v1
kind: Namespace
metadata: {name: monitoring}
---
apiVersion: v1
kind: Pod
metadata: {name: prometheus, namespace: monitoring}
spec: {containers: [{name: c, image: prom/prometheus}]}
---
apiVersion: v1
kind: Pod
metadata: {name: intruder, namespace: default}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-scrape, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
`);
    expect(v.get('monitoring/prometheus[Pod] => shop/api[Pod]')).toBe('All Connections');
    expect(v.has('default/intruder[Pod] => shop/api[Pod]')).toBe(false);
  });

  it('§1 namespace labels apply wherever the Namespace document appears, even after the pods and policies', () => {
    const v = verdicts(`
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: v1
kind: Pod
metadata: {name: grafana, namespace: monitoring}
spec: {containers: [{name: c, image: grafana}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-observability, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {purpose: observability}}}]
---
apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels: {purpose: observability}
`);
    expect(v.get('monitoring/grafana[Pod] => shop/api[Pod]')).toBe('All Connections');
  });

  it('§1 a namespace referenced but never declared carries only kubernetes.io/metadata.name', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata: {name: worker, namespace: batch, labels: {app: worker}}
spec: {containers: [{name: c, image: worker}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: locked}
spec:
  podSelector: {}
`);
    expect(errorsOf(a)).toEqual([]);
    const batch = a.model.namespaces.find((n) => n.name === 'batch');
    expect(batch?.labels).toEqual({ 'kubernetes.io/metadata.name': 'batch' });
    expect(batch?.isDeclared).toBe(false);
    const locked = a.model.namespaces.find((n) => n.name === 'locked');
    expect(locked?.labels).toEqual({ 'kubernetes.io/metadata.name': 'locked' });
    expect(locked?.isDeclared).toBe(false);
  });

  it('§1 an undeclared namespace is still matched by a namespaceSelector on its name label', () => {
    const v = verdicts(`
apiVersion: v1
kind: Pod
metadata: {name: worker, namespace: batch}
spec: {containers: [{name: c, image: worker}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: tools}
spec: {containers: [{name: c, image: other}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: data}
spec: {containers: [{name: c, image: postgres}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-batch, namespace: data}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector:
        matchExpressions:
        - {key: kubernetes.io/metadata.name, operator: In, values: [batch]}
`);
    expect(v.get('batch/worker[Pod] => data/db[Pod]')).toBe('All Connections');
    expect(v.has('tools/other[Pod] => data/db[Pod]')).toBe(false);
  });

  it('§1 a Pod has its namespace, name, labels and container ports, with protocol defaulting to TCP', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata:
  name: dns
  namespace: kube-system
  labels: {k8s-app: kube-dns}
spec:
  containers:
  - name: coredns
    image: coredns/coredns
    ports:
    - {name: dns, containerPort: 53, protocol: UDP}
    - {name: dns-tcp, containerPort: 53}
  - name: sidecar
    image: metrics
    ports:
    - {name: metrics, containerPort: 9153, protocol: TCP}
`);
    expect(errorsOf(a)).toEqual([]);
    const w = a.model.workloads.find((x) => x.id === 'kube-system/dns[Pod]');
    expect(w).toMatchObject({ namespace: 'kube-system', name: 'dns', kind: 'Pod', labels: { 'k8s-app': 'kube-dns' } });
    expect(w?.ports).toEqual([
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
    ]);
  });

  it('§1 a Pod keeps its status.podIP and status.podIPs (IPv4 and IPv6) as its IPs, and its spec.hostNetwork', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata: {name: dual, namespace: a}
spec:
  hostNetwork: true
  containers: [{name: c, image: nginx}]
status:
  podIP: 10.244.1.7
  podIPs:
  - ip: 10.244.1.7
  - ip: fd00:10:244:1::7
---
apiVersion: v1
kind: Pod
metadata: {name: plain, namespace: a}
spec: {containers: [{name: c, image: nginx}]}
`);
    expect(errorsOf(a)).toEqual([]);
    const dual = a.model.workloads.find((x) => x.id === 'a/dual[Pod]');
    expect([...(dual?.ips ?? [])].sort()).toEqual(['10.244.1.7', 'fd00:10:244:1::7']);
    expect(dual?.hostNetwork).toBe(true);
    const plain = a.model.workloads.find((x) => x.id === 'a/plain[Pod]');
    expect(plain?.ips).toEqual([]);
    expect(plain?.hostNetwork).toBe(false);
  });

  it('§1 a Deployment contributes one pod from spec.template, with its labels and ports, named after the Deployment', () => {
    const a = analyzeYaml(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {owner: platform}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: frontend}
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - {name: http, containerPort: 8080}
`);
    expect(errorsOf(a)).toEqual([]);
    expect(a.model.workloads.map((w) => w.id)).toEqual(['shop/web[Deployment]']);
    expect(a.model.workloads[0].labels).toEqual({ app: 'web', tier: 'frontend' });
    expect(a.model.workloads[0].ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });

  const templateKinds: [kind: string, apiVersion: string, spec: string][] = [
    ['StatefulSet', 'apps/v1', 'serviceName: w\n  selector: {matchLabels: {app: w}}\n  template: TEMPLATE'],
    ['DaemonSet', 'apps/v1', 'selector: {matchLabels: {app: w}}\n  template: TEMPLATE'],
    ['ReplicaSet', 'apps/v1', 'selector: {matchLabels: {app: w}}\n  template: TEMPLATE'],
    ['ReplicationController', 'v1', 'selector: {app: w}\n  template: TEMPLATE'],
    ['Job', 'batch/v1', 'template: TEMPLATE'],
    ['CronJob', 'batch/v1', 'schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template: TEMPLATE'],
  ];
  const template = `{metadata: {labels: {app: w}}, spec: {containers: [{name: c, image: w, ports: [{name: api, containerPort: 7000, protocol: SCTP}]}]}}`;

  it.each(templateKinds)('§1 a %s contributes its pod template (labels and ports), named after it', (kind, apiVersion, spec) => {
    const a = analyzeYaml(`
apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: w, namespace: a}
spec:
  ${spec.replace('TEMPLATE', template)}
`);
    expect(errorsOf(a)).toEqual([]);
    expect(a.model.workloads.map((w) => w.id)).toEqual([`a/w[${kind}]`]);
    expect(a.model.workloads[0].labels).toEqual({ app: 'w' });
    expect(a.model.workloads[0].ports).toEqual([{ name: 'api', containerPort: 7000, protocol: 'SCTP' }]);
  });

  it('§1 a CronJob pod is selected by a policy through the labels of spec.jobTemplate.spec.template', () => {
    const v = verdicts(`
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup, namespace: ops}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {app: backup}
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: backup}]
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: ops, labels: {app: db}}
spec: {containers: [{name: c, image: postgres}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backup-egress, namespace: ops}
spec:
  podSelector:
    matchLabels: {app: backup}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector:
        matchLabels: {app: db}
    ports:
    - {port: 5432}
`);
    expect(v.get('ops/backup[CronJob] => ops/db[Pod]')).toBe('TCP 5432');
    expect(v.has('ops/backup[CronJob] => 0.0.0.0-255.255.255.255[External]')).toBe(false);
    expect(v.get('ops/db[Pod] => ops/backup[CronJob]')).toBe('All Connections');
  });

  it('§1 a Pod owned by a ReplicaSet is named after the owner as written', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata:
  name: web-7d9c8b-x2kqp
  namespace: shop
  labels: {app: web, pod-template-hash: 7d9c8b}
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: web-7d9c8b
    uid: 0c2d6a3e-1111-2222-3333-444455556666
    controller: true
    blockOwnerDeletion: true
spec: {containers: [{name: c, image: nginx}]}
`);
    expect(errorsOf(a)).toEqual([]);
    expect(a.model.workloads.map((w) => w.id)).toEqual(['shop/web-7d9c8b[ReplicaSet]']);
  });

  it('§1 replicas of one owner are one node, never one node per pod', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata:
  name: db-0
  namespace: data
  labels: {app: db}
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u1, controller: true}]
spec: {containers: [{name: c, image: postgres, ports: [{name: pg, containerPort: 5432}]}]}
status: {podIP: 10.244.0.10}
---
apiVersion: v1
kind: Pod
metadata:
  name: db-1
  namespace: data
  labels: {app: db}
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u1, controller: true}]
spec: {containers: [{name: c, image: postgres, ports: [{name: pg, containerPort: 5432}]}]}
status: {podIP: 10.244.0.11}
`);
    expect(errorsOf(a)).toEqual([]);
    expect(a.model.workloads.map((w) => w.id)).toEqual(['data/db[StatefulSet]']);
    expect([...a.model.workloads[0].ips].sort()).toEqual(['10.244.0.10', '10.244.0.11']);
    expect(a.connections.filter((c) => c.src === 'data/db[StatefulSet]' && c.dst === 'data/db[StatefulSet]')).toEqual([]);
  });

  it('§1 the first ownerReferences entry with controller: true decides; a non-controller owner does not rename the Pod', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata:
  name: job-pod-abcde
  namespace: a
  ownerReferences:
  - {apiVersion: v1, kind: ConfigMap, name: settings, uid: u0}
  - {apiVersion: batch/v1, kind: Job, name: nightly, uid: u1, controller: true}
spec: {containers: [{name: c, image: job}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: loose
  namespace: a
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: adopted-rs, uid: u2, controller: false}
spec: {containers: [{name: c, image: nginx}]}
`);
    expect(errorsOf(a)).toEqual([]);
    expect(a.model.workloads.map((w) => w.id).sort()).toEqual(['a/loose[Pod]', 'a/nightly[Job]']);
  });

  it('§1 a static Pod owned by its Node keeps its own name', () => {
    const a = analyzeYaml(`
apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver-node1
  namespace: kube-system
  labels: {component: kube-apiserver}
  ownerReferences:
  - {apiVersion: v1, kind: Node, name: node1, uid: n1, controller: true}
spec: {containers: [{name: c, image: kube-apiserver}]}
`);
    expect(errorsOf(a)).toEqual([]);
    expect(a.model.workloads.map((w) => w.id)).toEqual(['kube-system/kube-apiserver-node1[Pod]']);
  });

  it('§1 a NetworkPolicy without metadata.namespace lives in default and selects only pods in default', () => {
    const yaml = `
apiVersion: v1
kind: Pod
metadata: {name: x, labels: {app: x}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: x, namespace: other, labels: {app: x}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress}
spec:
  podSelector: {}
`;
    const a = analyzeYaml(yaml);
    expect(a.model.policies.map((p) => [p.namespace, p.name])).toEqual([['default', 'deny-ingress']]);
    const v = verdicts(yaml);
    expect(v.has('other/x[Pod] => default/x[Pod]')).toBe(false);
    expect(v.get('default/x[Pod] => other/x[Pod]')).toBe('All Connections');
  });
});
