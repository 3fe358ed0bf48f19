import type { ContainerPort, LabelSelector, Labels, Model, Namespace, NetworkPolicy, Peer, PolicyPort, PolicyType, Rule, Workload } from '../model/types';
import { mulberry32 } from './mulberry32';

/** The size and seed of a generated cluster. */
export interface RealisticClusterOptions {
  workloads: number;
  policies: number;
  seed?: number;
}

const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'ads', 'mobile', 'platform'];
const ENVS = ['prod', 'staging', 'dev'];
const TIERS = ['frontend', 'backend', 'db', 'cache', 'worker'] as const;
type Tier = (typeof TIERS)[number];

const TIER_PORTS: Record<Tier, ContainerPort[]> = {
  frontend: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  backend: [
    { name: 'http', containerPort: 8080, protocol: 'TCP' },
    { name: 'grpc', containerPort: 9090, protocol: 'TCP' },
    { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
  ],
  db: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }],
  cache: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }],
  worker: [
    { name: 'metrics', containerPort: 9102, protocol: 'TCP' },
    { name: 'stats', containerPort: 8125, protocol: 'UDP' },
  ],
};

const sel = (matchLabels: Labels = {}, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });
const tcp = (port?: number | string, endPort?: number): PolicyPort => ({ protocol: 'TCP', isProtocolDefaulted: false, ...(port !== undefined ? { port } : {}), ...(endPort !== undefined ? { endPort } : {}) });
const udp = (port: number): PolicyPort => ({ protocol: 'UDP', isProtocolDefaulted: false, port });
const nsName = (name: string): LabelSelector => sel({ 'kubernetes.io/metadata.name': name });

/**
 * A deterministic cluster shaped like a real multi-team one: about 25 workloads
 * per namespace labelled by team and env, default-deny policies in most
 * namespaces, DNS egress to kube-system, and allow rules using podSelector,
 * namespaceSelector, both, ipBlocks with except, port ranges and named ports.
 */
export function realisticCluster({ workloads: workloadCount, policies: policyCount, seed = 1 }: RealisticClusterOptions): Model {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;

  // 1. Namespaces: kube-system plus one per ~25 workloads, labelled team/env.
  const appNamespaces = Math.max(1, Math.round(workloadCount / 25));
  const namespaces: Namespace[] = [{ name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' }, isDeclared: true }];
  for (let i = 0; i < appNamespaces; i++) {
    const team = TEAMS[i % TEAMS.length];
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length];
    const name = `${team}-${env}-${i}`;
    namespaces.push({ name, labels: { team, env, 'kubernetes.io/metadata.name': name }, isDeclared: true });
  }
  const apps = namespaces.slice(1);

  // 2. Workloads: CoreDNS, then round-robin over the app namespaces; some are bare Pods with an IP.
  const workloads: Workload[] = [
    {
      id: 'kube-system/coredns[Deployment]',
      namespace: 'kube-system',
      name: 'coredns',
      kind: 'Deployment',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
      ips: [],
      hostNetwork: false,
    },
  ];
  for (let i = 1; i < workloadCount; i++) {
    const ns = apps[i % apps.length];
    const tier = TIERS[i % TIERS.length];
    const isPod = chance(0.2);
    const kind = isPod ? 'Pod' : tier === 'db' ? 'StatefulSet' : 'Deployment';
    const name = `${tier}-${i}`;
    workloads.push({
      id: `${ns.name}/${name}[${kind}]`,
      namespace: ns.name,
      name,
      kind,
      labels: { app: name, tier, team: ns.labels.team, ...(chance(0.3) ? { version: pick(['v1', 'v2']) } : {}) },
      ports: TIER_PORTS[tier],
      ips: isPod ? [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`] : [],
      hostNetwork: false,
    });
  }

  // 3. Policies: per namespace default-deny (some also egress) with DNS egress, then allow rules until the budget is spent.
  const policies: NetworkPolicy[] = [];
  const add = (namespace: string, name: string, podSelector: LabelSelector, policyTypes: PolicyType[], ingress: Rule[], egress: Rule[] = []) => {
    if (policies.length < policyCount) policies.push({ id: `${namespace}/${name}`, namespace, name, podSelector, policyTypes, isPolicyTypesDefaulted: false, ingress, egress });
  };
  const dnsPeer: Peer = { kind: 'selector', namespaceSelector: nsName('kube-system'), podSelector: sel({ 'k8s-app': 'kube-dns' }) };
  for (const ns of apps) {
    if (!chance(0.85)) continue;
    const isEgressDenied = chance(0.4);
    add(ns.name, 'default-deny', sel(), isEgressDenied ? ['Ingress', 'Egress'] : ['Ingress'], []);
    if (isEgressDenied) add(ns.name, 'allow-dns', sel(), ['Egress'], [], [{ peers: [dnsPeer], ports: [udp(53), tcp(53)] }]);
  }
  const tierSelector = (t: Tier) => sel({ tier: t });
  const templates: ((ns: Namespace, k: number) => void)[] = [
    (ns, k) => add(ns.name, `backend-from-frontend-${k}`, tierSelector('backend'), ['Ingress'], [{ peers: [{ kind: 'selector', podSelector: tierSelector('frontend') }], ports: [tcp('http'), tcp('grpc')] }]),
    (ns, k) =>
      add(ns.name, `db-from-backend-${k}`, tierSelector('db'), ['Ingress'], [
        { peers: [{ kind: 'selector', podSelector: sel({ tier: 'backend' }, [{ key: 'team', operator: 'In', values: [String(ns.labels.team)] }]) }], ports: [tcp(5432)] },
      ]),
    (ns, k) => add(ns.name, `backend-from-team-${k}`, tierSelector('backend'), ['Ingress'], [{ peers: [{ kind: 'selector', namespaceSelector: sel({ team: pick(TEAMS) }) }], ports: [tcp('http')] }]),
    (ns, k) =>
      add(ns.name, `frontend-from-prod-gateway-${k}`, tierSelector('frontend'), ['Ingress'], [
        { peers: [{ kind: 'selector', namespaceSelector: sel({ env: 'prod' }), podSelector: sel({}, [{ key: 'app', operator: 'Exists', values: [] }, { key: 'tier', operator: 'NotIn', values: ['db', 'cache'] }]) }], ports: [tcp(8080)] },
      ]),
    (ns, k) => add(ns.name, `metrics-from-platform-${k}`, sel(), ['Ingress'], [{ peers: [{ kind: 'selector', namespaceSelector: sel({ team: 'platform' }) }], ports: [tcp('metrics')] }]),
    (ns, k) =>
      add(ns.name, `frontend-from-lb-${k}`, tierSelector('frontend'), ['Ingress'], [
        { peers: [{ kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.96.0.0/12', `10.${Math.floor(random() * 96)}.0.0/16`] }], ports: [tcp(443), tcp(8443, 8445)] },
      ]),
    (ns, k) =>
      add(ns.name, `backend-to-internet-${k}`, sel({}, [{ key: 'tier', operator: 'In', values: ['backend', 'worker'] }]), ['Egress'], [], [
        { peers: [{ kind: 'ipBlock', cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] }], ports: [tcp(443)] },
        { peers: [{ kind: 'ipBlock', cidr: `203.0.113.${Math.floor(random() * 16) * 16}/28`, except: [] }], ports: [tcp(5432), tcp(6379, 6380)] },
      ]),
    (ns, k) => add(ns.name, `frontend-to-backend-${k}`, tierSelector('frontend'), ['Egress'], [], [{ peers: [{ kind: 'selector', podSelector: tierSelector('backend') }], ports: [tcp('http')] }]),
    (ns, k) => add(ns.name, `cache-from-${k}`, tierSelector('cache'), ['Ingress'], [{ peers: [{ kind: 'selector', podSelector: sel({ team: String(ns.labels.team) }) }, { kind: 'selector', namespaceSelector: sel({ env: pick(ENVS), team: pick(TEAMS) }) }], ports: [tcp('redis')] }]),
    (ns, k) => add(ns.name, `worker-statsd-${k}`, tierSelector('worker'), ['Egress'], [], [{ peers: [{ kind: 'selector', namespaceSelector: nsName(pick(apps).name), podSelector: sel({ tier: 'worker' }) }], ports: [{ protocol: 'UDP', isProtocolDefaulted: false, port: 'stats' }, udp(8125)] }]),
  ];
  for (let k = 0; policies.length < policyCount; k++) pick(templates)(pick(apps), k);
  return { namespaces, workloads, policies, clusterPolicies: [], others: [] };
}
