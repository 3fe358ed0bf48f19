import { dumpYaml } from '../yaml/dumpYaml';

/** The size and seed of a generated cluster dump. */
export interface RealisticClusterYamlOptions {
  /** How many workloads (Deployments and StatefulSets), platform ones included. */
  workloads: number;
  seed?: number;
}

/** A generated cluster as `kubectl get -A -o yaml` would give it, split by kind, with its counts. */
export interface RealisticClusterYaml {
  /** Namespaces, Deployments, StatefulSets, then NetworkPolicies, as one multi-document stream. */
  all: string;
  /** The same NetworkPolicies alone (no Namespaces, no workloads). */
  policiesOnly: string;
  namespaces: number;
  workloads: number;
  policies: number;
}

type Raw = Record<string, unknown>;
type Port = { name: string; containerPort: number; protocol?: 'UDP' };

/**
 * Namespaces per workload in a production dump this shape was taken from:
 * 5,413 pods in 604 namespaces with 13,678 NetworkPolicies.
 */
const WORKLOADS_PER_NAMESPACE = 8.3;
const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'ads', 'mobile', 'billing', 'fraud', 'shipping', 'reviews', 'media', 'notify', 'growth', 'ledger', 'partner', 'pricing', 'loyalty', 'support', 'data', 'maps', 'auth', 'inventory', 'orders'];
const ENVS = ['prod', 'staging', 'dev'];
const SYSTEMS = ['core', 'edge', 'sync', 'events', 'reports', 'admin', 'public', 'batch', 'stream', 'legacy', 'ml', 'ops'];
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

const ROLES = ['api', 'web', 'worker', 'db', 'cache', 'consumer', 'gateway', 'scheduler'] as const;
type Role = (typeof ROLES)[number];
const METRICS: Port = { name: 'metrics', containerPort: 9102 };
const ROLE_PORTS: Record<Role, Port[]> = {
  api: [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 9090 }, METRICS],
  web: [{ name: 'http', containerPort: 8080 }, METRICS],
  worker: [METRICS, { name: 'statsd', containerPort: 8125, protocol: 'UDP' }],
  db: [{ name: 'postgres', containerPort: 5432 }, { name: 'metrics', containerPort: 9187 }],
  cache: [{ name: 'redis', containerPort: 6379 }, { name: 'metrics', containerPort: 9121 }],
  consumer: [METRICS],
  gateway: [{ name: 'http', containerPort: 8080 }, { name: 'https', containerPort: 8443 }, METRICS],
  scheduler: [{ name: 'http', containerPort: 8080 }, METRICS],
};
const STATEFUL: readonly Role[] = ['db', 'cache'];
const IMAGES: Record<Role, string> = {
  api: 'registry.example.com/{system}/api:1.{n}.0',
  web: 'registry.example.com/{system}/web:2.{n}.1',
  worker: 'registry.example.com/{system}/worker:1.{n}.3',
  db: 'postgres:16.{n}',
  cache: 'redis:7.{n}',
  consumer: 'registry.example.com/{system}/consumer:0.{n}.9',
  gateway: 'envoyproxy/envoy:v1.3{n}.0',
  scheduler: 'registry.example.com/{system}/scheduler:3.{n}.0',
};

/** Mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface App {
  namespace: string;
  name: string;
  role: Role;
  system: string;
  team: string;
}

const NAME = 'app.kubernetes.io/name';
const COMPONENT = 'app.kubernetes.io/component';
const PART_OF = 'app.kubernetes.io/part-of';
const NS_NAME = 'kubernetes.io/metadata.name';

const namespaceDoc = (name: string, labels: Record<string, string>): Raw => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [NS_NAME]: name, ...labels } } });

function workloadDoc(kind: 'Deployment' | 'StatefulSet', namespace: string, name: string, labels: Record<string, string>, replicas: number, containers: Raw[]): Raw {
  const selector = { [NAME]: labels[NAME] ?? name };
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      ...(kind === 'StatefulSet' ? { serviceName: name } : {}),
      selector: { matchLabels: selector },
      template: { metadata: { labels }, spec: { containers } },
    },
  };
}

const container = (name: string, image: string, ports: Port[]): Raw => ({ name, image, ports: ports.map((p) => ({ name: p.name, containerPort: p.containerPort, ...(p.protocol ? { protocol: p.protocol } : {}) })) });

function policyDoc(namespace: string, name: string, podSelector: Raw, policyTypes: ('Ingress' | 'Egress')[], rules: { ingress?: Raw[]; egress?: Raw[] } = {}): Raw {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: { podSelector, policyTypes, ...(rules.ingress ? { ingress: rules.ingress } : {}), ...(rules.egress ? { egress: rules.egress } : {}) },
  };
}

const tcp = (port: number | string, endPort?: number): Raw => ({ protocol: 'TCP', port, ...(endPort !== undefined ? { endPort } : {}) });
const labelsOf = (m: Record<string, string>): Raw => ({ matchLabels: m });
const nsPeer = (name: string, pod?: Record<string, string>): Raw => ({ namespaceSelector: labelsOf({ [NS_NAME]: name }), ...(pod ? { podSelector: labelsOf(pod) } : {}) });

/**
 * A deterministic cluster dump shaped like a real multi-team production one:
 * namespaces per team, system and environment (about 8 workloads each);
 * Deployments and StatefulSets with named containerPorts; in every namespace
 * a default deny, DNS egress to CoreDNS and a Prometheus scrape rule on the
 * named `metrics` port; then 1–3 allow policies per app (pod and namespace
 * selectors, matchExpressions, ipBlocks with except, port ranges) — about
 * three NetworkPolicies per workload overall.
 */
export function realisticClusterYaml({ workloads: total, seed = 1 }: RealisticClusterYamlOptions): RealisticClusterYaml {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const namespaces: Raw[] = [];
  const deployments: Raw[] = [];
  const statefulSets: Raw[] = [];
  const policies: Raw[] = [];

  // 1. Platform namespaces: CoreDNS, Prometheus and the ingress controller (3 workloads).
  namespaces.push(namespaceDoc('kube-system', {}), namespaceDoc('monitoring', { team: 'platform' }), namespaceDoc('ingress-nginx', { team: 'platform' }));
  deployments.push(
    workloadDoc('Deployment', 'kube-system', 'coredns', { 'k8s-app': 'kube-dns', [NAME]: 'coredns' }, 2, [
      container('coredns', 'registry.k8s.io/coredns/coredns:v1.11.3', [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }, { name: 'metrics', containerPort: 9153 }]),
    ]),
    workloadDoc('Deployment', 'ingress-nginx', 'ingress-nginx-controller', { [NAME]: 'ingress-nginx', [COMPONENT]: 'controller' }, 3, [
      container('controller', 'registry.k8s.io/ingress-nginx/controller:v1.11.2', [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'metrics', containerPort: 10254 }]),
    ]),
  );
  statefulSets.push(workloadDoc('StatefulSet', 'monitoring', 'prometheus', { [NAME]: 'prometheus' }, 2, [container('prometheus', 'quay.io/prometheus/prometheus:v2.54.1', [{ name: 'web', containerPort: 9090 }])]));
  const platformWorkloads = 3;

  // 2. App namespaces: team × environment × system, with a skewed number of workloads each.
  const appWorkloads = Math.max(0, total - platformWorkloads);
  const nsCount = Math.max(1, Math.round(appWorkloads / WORKLOADS_PER_NAMESPACE));
  const weights = Array.from({ length: nsCount }, () => 0.25 + random() * random() * 3);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / weightSum) * appWorkloads)));
  for (let i = 0, left = appWorkloads - sizes.reduce((a, b) => a + b, 0); left !== 0; i = (i + 1) % nsCount) {
    const step = left > 0 ? 1 : sizes[i] > 1 ? -1 : 0;
    sizes[i] += step;
    left -= step;
  }

  const appNamespaces: { name: string; team: string; env: string; system: string }[] = [];
  for (let i = 0; i < nsCount; i++) {
    const team = TEAMS[i % TEAMS.length];
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length];
    const round = Math.floor(i / (TEAMS.length * ENVS.length));
    const system = SYSTEMS[round % SYSTEMS.length];
    const name = `${team}-${system}-${env}${round >= SYSTEMS.length ? `-${Math.floor(round / SYSTEMS.length)}` : ''}`;
    appNamespaces.push({ name, team, env, system });
    namespaces.push(namespaceDoc(name, { team, env, 'pod-security.kubernetes.io/enforce': env === 'prod' ? 'restricted' : 'baseline' }));
  }

  // 3. Workloads, then per namespace the baseline policies and per app 1–3 allow policies.
  for (const [i, ns] of appNamespaces.entries()) {
    const apps: App[] = [];
    for (let j = 0; j < sizes[i]; j++) {
      const role = ROLES[j % ROLES.length];
      const copy = Math.floor(j / ROLES.length);
      const name = `${ns.system}-${role}${copy > 0 ? `-${copy + 1}` : ''}`;
      const app: App = { namespace: ns.name, name, role, system: ns.system, team: ns.team };
      apps.push(app);
      const labels = { [NAME]: name, [COMPONENT]: role, [PART_OF]: ns.system, team: ns.team, ...(random() < 0.3 ? { version: pick(['v1', 'v2', 'canary']) } : {}) };
      const image = IMAGES[role].replace('{system}', ns.system).replace('{n}', String(int(0, 9)));
      const containers = [container(role, image, ROLE_PORTS[role])];
      if (random() < 0.15) containers.push(container('istio-proxy', 'docker.io/istio/proxyv2:1.23.2', [{ name: 'http-envoy-prom', containerPort: 15090 }]));
      const replicas = ns.env === 'prod' ? int(2, 6) : 1;
      if (STATEFUL.includes(role)) statefulSets.push(workloadDoc('StatefulSet', ns.name, name, labels, role === 'db' ? 3 : replicas, containers));
      else deployments.push(workloadDoc('Deployment', ns.name, name, labels, replicas, containers));
    }

    // 3a. Default deny: separate ingress and egress (60 %), one for both (25 %) or ingress only (15 %).
    const style = random();
    const deniesEgress = style < 0.85;
    if (style < 0.6) {
      policies.push(policyDoc(ns.name, 'default-deny-ingress', {}, ['Ingress']), policyDoc(ns.name, 'default-deny-egress', {}, ['Egress']));
    } else if (deniesEgress) {
      policies.push(policyDoc(ns.name, 'default-deny-all', {}, ['Ingress', 'Egress']));
    } else {
      policies.push(policyDoc(ns.name, 'default-deny-ingress', {}, ['Ingress']));
    }
    // 3b. DNS egress to CoreDNS, and the Prometheus scrape rule on the named metrics port.
    if (deniesEgress) {
      policies.push(policyDoc(ns.name, 'allow-dns-egress', {}, ['Egress'], { egress: [{ to: [nsPeer('kube-system', { 'k8s-app': 'kube-dns' })], ports: [{ protocol: 'UDP', port: 53 }, tcp(53)] }] }));
    }
    policies.push(policyDoc(ns.name, 'allow-prometheus-scrape', {}, ['Ingress'], { ingress: [{ from: [nsPeer('monitoring', { [NAME]: 'prometheus' })], ports: [tcp('metrics')] }] }));
    if (random() < 0.3) policies.push(policyDoc(ns.name, 'allow-same-namespace', {}, ['Ingress'], { ingress: [{ from: [{ podSelector: {} }] }] }));

    // 3c. Allow policies per app, chosen from what its role plausibly needs.
    const hasRole = (r: Role) => apps.some((a) => a.role === r);
    for (const app of apps) {
      const self = labelsOf({ [NAME]: app.name });
      const candidates = allowCandidates(app, ns, hasRole, pick, int);
      const count = Math.min(candidates.length, random() < 0.15 ? 1 : random() < 0.35 ? 2 : 3);
      for (let k = candidates.length - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        [candidates[k], candidates[r]] = [candidates[r], candidates[k]];
      }
      for (const c of candidates.slice(0, count)) policies.push(policyDoc(ns.name, `${app.name}-${c.name}`, self, c.types, c.rules));
    }
  }

  return {
    all: dumpYaml([...namespaces, ...deployments, ...statefulSets, ...policies]),
    policiesOnly: dumpYaml(policies),
    namespaces: namespaces.length,
    workloads: deployments.length + statefulSets.length,
    policies: policies.length,
  };
}

interface Candidate {
  name: string;
  types: ('Ingress' | 'Egress')[];
  rules: { ingress?: Raw[]; egress?: Raw[] };
}

function allowCandidates(
  app: App,
  ns: { name: string; team: string; env: string },
  hasRole: (r: Role) => boolean,
  pick: <T>(list: readonly T[]) => T,
  int: (lo: number, hi: number) => number,
): Candidate[] {
  const component = (...roles: Role[]): Raw =>
    roles.length === 1 ? labelsOf({ [COMPONENT]: roles[0] }) : { matchExpressions: [{ key: COMPONENT, operator: 'In', values: roles }] };
  const ingress = (name: string, from: Raw[], ports: Raw[]): Candidate => ({ name: `allow-${name}`, types: ['Ingress'], rules: { ingress: [{ from, ports }] } });
  const egress = (name: string, to: Raw[], ports: Raw[]): Candidate => ({ name: `allow-${name}`, types: ['Egress'], rules: { egress: [{ to, ports }] } });
  const internet: Raw = { ipBlock: { cidr: '0.0.0.0/0', except: PRIVATE } };
  const otherTeam = pick(TEAMS.filter((t) => t !== app.team));
  const fromIngressController = ingress('from-ingress', [nsPeer('ingress-nginx', { [NAME]: 'ingress-nginx' })], [tcp('http')]);
  const list: Candidate[] = [];
  switch (app.role) {
    case 'web':
      list.push(fromIngressController, egress('to-api', [{ podSelector: component('api') }], [tcp(8080)]));
      list.push(egress('to-cdn', [{ ipBlock: { cidr: `151.101.${int(0, 15) * 16}.0/20`, except: [] } }, internet], [tcp(443)]));
      break;
    case 'api':
      list.push(ingress('from-web', [{ podSelector: component('web', 'gateway') }], [tcp('http'), tcp('grpc')]));
      list.push(ingress(`from-${otherTeam}`, [{ namespaceSelector: labelsOf({ team: otherTeam, env: ns.env }), podSelector: component('api', 'worker') }], [tcp(9090)]));
      list.push(egress('to-datastores', [{ podSelector: component('db', 'cache') }], [tcp(5432), tcp(6379)]));
      list.push(egress('to-internet', [internet], [tcp(443)]));
      break;
    case 'worker':
    case 'consumer': {
      const kafka = int(20, 29);
      list.push(egress('to-kafka', [{ ipBlock: { cidr: `10.${kafka}.0.0/16`, except: [`10.${kafka}.${int(0, 255)}.0/24`] } }], [tcp(9092, 9094)]));
      list.push(egress('to-db', [{ podSelector: component('db') }], [tcp(5432)]));
      list.push(egress('to-statsd', [{ namespaceSelector: labelsOf({ [NS_NAME]: 'monitoring' }) }], [{ protocol: 'UDP', port: 8125 }]));
      list.push(egress('to-internet', [{ ipBlock: { cidr: '0.0.0.0/0', except: [...PRIVATE, '100.64.0.0/10'] } }], [tcp(443), tcp(80)]));
      break;
    }
    case 'db':
      list.push(ingress('from-apps', [{ podSelector: { matchExpressions: [{ key: COMPONENT, operator: 'In', values: ['api', 'worker', 'consumer', 'scheduler'] }] } }], [tcp('postgres')]));
      list.push(ingress('from-backup', [{ namespaceSelector: labelsOf({ team: ns.team }), podSelector: labelsOf({ [NAME]: 'backup' }) }, { ipBlock: { cidr: '10.200.0.0/16', except: ['10.200.13.0/24'] } }], [tcp(5432)]));
      break;
    case 'cache':
      list.push(ingress('from-system', [{ podSelector: labelsOf({ [PART_OF]: app.system }) }], [tcp('redis')]));
      list.push(ingress('from-team', [{ namespaceSelector: labelsOf({ team: ns.team }), podSelector: { matchExpressions: [{ key: COMPONENT, operator: 'NotIn', values: ['web', 'gateway'] }] } }], [tcp(6379)]));
      break;
    case 'gateway':
      list.push(ingress('from-internet', [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], [tcp(8443), tcp(8080)]));
      list.push(fromIngressController);
      list.push(egress('to-partners', [{ namespaceSelector: labelsOf({ team: otherTeam }), podSelector: component('api') }], [tcp(8080), tcp(9090)]));
      break;
    case 'scheduler':
      list.push(egress('to-api', [{ podSelector: component('api') }, { namespaceSelector: labelsOf({ team: ns.team, env: ns.env }), podSelector: component('api') }], [tcp(8080)]));
      list.push(egress('to-db', [{ podSelector: component('db') }], [tcp(5432)]));
      break;
    default: {
      const never: never = app.role;
      return never;
    }
  }
  return hasRole('api') ? list : list.filter((c) => !c.name.endsWith('to-api'));
}
