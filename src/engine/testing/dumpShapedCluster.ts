import type { ContainerPort, LabelSelector, Labels, Model, Namespace, NetworkPolicy, Peer, PolicyPort, PolicyType, Rule, Workload } from '../model/types';
import { mulberry32 } from './mulberry32';

/** The size and seed of a cluster generated at the shape of a published production dump. */
export interface DumpShapedClusterOptions {
  workloads: number;
  policies: number;
  seed?: number;
}

/** Pods per namespace in the dump (5,413 pods in 604 namespaces). */
const PODS_PER_NAMESPACE = 5413 / 604;
const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'ads', 'mobile', 'platform', 'data', 'ml'];
const ENVS = ['prod', 'staging', 'dev'];
const COMPONENTS = ['api', 'web', 'worker', 'db', 'cache'] as const;
type Component = (typeof COMPONENTS)[number];
const REPLICAS = [1, 1, 2, 2, 3, 3, 4, 6];

const COMPONENT_PORTS: Record<Component, ContainerPort[]> = {
  api: [
    { name: 'http', containerPort: 8080, protocol: 'TCP' },
    { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
  ],
  web: [
    { name: 'http', containerPort: 3000, protocol: 'TCP' },
    { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
  ],
  worker: [{ name: 'metrics', containerPort: 9102, protocol: 'TCP' }],
  db: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }],
  cache: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }],
};

const sel = (matchLabels: Labels = {}, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });
const port = (p: number | string, protocol: PolicyPort['protocol'] = 'TCP'): PolicyPort => ({ protocol, isProtocolDefaulted: false, port: p });
const nsName = (name: string): LabelSelector => sel({ 'kubernetes.io/metadata.name': name });

interface App {
  namespace: Namespace;
  name: string;
  component: Component;
}

function podIP(i: number): string {
  return `10.${64 + ((i >> 16) & 63)}.${(i >> 8) & 255}.${i & 255}`;
}

/**
 * A deterministic cluster at the shape of a published production dump (5,413
 * pods, 604 namespaces, 13,678 NetworkPolicies): about 9 pods and 23 policies
 * per namespace, pods as identical-label replicas of a few apps, most policies
 * selecting one app, plus default-deny, DNS, monitoring, ingress-controller and
 * ipBlock egress policies as Helm charts write them.
 */
export function dumpShapedCluster({ workloads: workloadCount, policies: policyCount, seed = 1 }: DumpShapedClusterOptions): Model {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;

  // 1. Namespaces: three infrastructure ones, then one per ~9 pods labelled team/env.
  const infra = ['kube-system', 'monitoring', 'ingress-nginx'].map((name): Namespace => ({ name, labels: { 'kubernetes.io/metadata.name': name }, isDeclared: true }));
  const appNamespaces: Namespace[] = [];
  const namespaceCount = Math.max(1, Math.round(workloadCount / PODS_PER_NAMESPACE));
  for (let i = 0; i < namespaceCount; i++) {
    const team = TEAMS[i % TEAMS.length];
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length];
    const name = `${team}-${env}-${i}`;
    appNamespaces.push({ name, labels: { team, env, 'kubernetes.io/metadata.name': name }, isDeclared: true });
  }

  // 2. Pods: infrastructure first, then per namespace apps of 1–6 identical-label replicas until ~9 pods.
  const workloads: Workload[] = [];
  const addPod = (namespace: string, app: string, labels: Labels, ports: ContainerPort[]) => {
    const name = `${app}-${workloads.length.toString(36)}`;
    workloads.push({ id: `${namespace}/${name}[Pod]`, namespace, name, kind: 'Pod', labels, ports, ips: [podIP(workloads.length)], hostNetwork: false });
  };
  for (let r = 0; r < 2; r++) addPod('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }]);
  addPod('monitoring', 'prometheus', { 'app.kubernetes.io/name': 'prometheus' }, [{ name: 'web', containerPort: 9090, protocol: 'TCP' }]);
  for (let r = 0; r < 2; r++) addPod('ingress-nginx', 'controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, [{ name: 'https', containerPort: 443, protocol: 'TCP' }]);
  const apps: App[][] = appNamespaces.map(() => []);
  for (let k = 0; workloads.length < workloadCount; k++) {
    const i = k % appNamespaces.length;
    const namespace = appNamespaces[i];
    const component = COMPONENTS[(k + apps[i].length) % COMPONENTS.length];
    const app: App = { namespace, name: `${component}-${apps[i].length}`, component };
    apps[i].push(app);
    const labels = { app: app.name, 'app.kubernetes.io/component': component, team: namespace.labels.team };
    const replicas = Math.min(pick(REPLICAS), workloadCount - workloads.length);
    for (let r = 0; r < replicas; r++) addPod(namespace.name, app.name, labels, COMPONENT_PORTS[component]);
  }

  // 3. Policies: per namespace default-deny (often egress too) with DNS egress, then per-app allow policies until the budget is spent.
  const policies: NetworkPolicy[] = [];
  const add = (namespace: string, name: string, podSelector: LabelSelector, policyTypes: PolicyType[], ingress: Rule[], egress: Rule[] = []) => {
    if (policies.length < policyCount) policies.push({ id: `${namespace}/${name}`, namespace, name, podSelector, policyTypes, isPolicyTypesDefaulted: false, ingress, egress });
  };
  const dnsPeer: Peer = { kind: 'selector', namespaceSelector: nsName('kube-system'), podSelector: sel({ 'k8s-app': 'kube-dns' }) };
  appNamespaces.forEach((ns, i) => {
    if (apps[i].length === 0 || !chance(0.9)) return;
    const isEgressDenied = chance(0.5);
    add(ns.name, 'default-deny', sel(), isEgressDenied ? ['Ingress', 'Egress'] : ['Ingress'], []);
    if (isEgressDenied) add(ns.name, 'allow-dns', sel(), ['Egress'], [], [{ peers: [dnsPeer], ports: [port(53, 'UDP'), port(53)] }]);
  });
  const appSelector = (app: App) => sel({ app: app.name });
  const templates: ((app: App, siblings: App[], k: number) => void)[] = [
    (app, siblings, k) => {
      const from = pick(siblings);
      add(app.namespace.name, `${app.name}-from-${from.name}-${k}`, appSelector(app), ['Ingress'], [{ peers: [{ kind: 'selector', podSelector: appSelector(from) }], ports: [port(COMPONENT_PORTS[app.component][0].containerPort)] }]);
    },
    (app, _, k) =>
      add(app.namespace.name, `${app.name}-from-ingress-${k}`, appSelector(app), ['Ingress'], [
        { peers: [{ kind: 'selector', namespaceSelector: nsName('ingress-nginx'), podSelector: sel({ 'app.kubernetes.io/name': 'ingress-nginx' }) }], ports: [port('http')] },
      ]),
    (app, _, k) =>
      add(app.namespace.name, `${app.name}-metrics-${k}`, appSelector(app), ['Ingress'], [{ peers: [{ kind: 'selector', namespaceSelector: nsName('monitoring') }], ports: [port('metrics')] }]),
    (app, _, k) => add(app.namespace.name, `${app.name}-same-namespace-${k}`, appSelector(app), ['Ingress'], [{ peers: [{ kind: 'selector', podSelector: sel() }], ports: [] }]),
    (app, _, k) =>
      add(app.namespace.name, `${app.name}-from-team-${k}`, appSelector(app), ['Ingress'], [
        { peers: [{ kind: 'selector', namespaceSelector: sel({ team: String(app.namespace.labels.team) }), podSelector: sel({}, [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['api', 'web'] }]) }], ports: [port('http')] },
      ]),
    (app, siblings, k) => {
      const to = pick(siblings);
      add(app.namespace.name, `${app.name}-to-${to.name}-${k}`, appSelector(app), ['Egress'], [], [{ peers: [{ kind: 'selector', podSelector: appSelector(to) }], ports: COMPONENT_PORTS[to.component].map((c) => port(c.containerPort)) }]);
    },
    (app, _, k) =>
      add(app.namespace.name, `${app.name}-to-internet-${k}`, appSelector(app), ['Egress'], [], [
        { peers: [{ kind: 'ipBlock', cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] }], ports: [port(443)] },
      ]),
    (app, _, k) =>
      add(app.namespace.name, `${app.name}-to-external-db-${k}`, appSelector(app), ['Egress'], [], [
        { peers: [{ kind: 'ipBlock', cidr: `172.20.${Math.floor(random() * 8)}.${Math.floor(random() * 64) * 4}/30`, except: [] }], ports: [port(5432), port(6379)] },
      ]),
  ];
  const populated = appNamespaces.map((_, i) => i).filter((i) => apps[i].length > 0);
  for (let k = 0; policies.length < policyCount && populated.length > 0; k++) {
    const i = populated[k % populated.length];
    const app = pick(apps[i]);
    pick(templates)(app, apps[i], k);
  }
  return { namespaces: [...infra, ...appNamespaces], workloads, policies, clusterPolicies: [], others: [] };
}
