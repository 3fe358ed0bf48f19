import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';

/** The ready-made cluster policies (ClusterNetworkPolicy v1alpha2) a person can add to the workspace. */
export const CLUSTER_TEMPLATES = [
  { id: 'baseline-default-deny', title: 'Cluster: Baseline default-deny, DNS to kube-dns allowed' },
  { id: 'admin-protect-kube-system', title: 'Cluster: nobody reaches kube-system except DNS' },
  { id: 'admin-monitoring-scrapes', title: 'Cluster: monitoring may scrape every namespace' },
] as const;

/** One cluster template id. */
export type ClusterTemplateId = (typeof CLUSTER_TEMPLATES)[number]['id'];

type Raw = Record<string, unknown>;

const DNS = [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }];
const ALL_NAMESPACES = { namespaces: {} };
const namespaceNamed = (name: string) => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: name } });
const KUBE_DNS = { pods: { namespaceSelector: namespaceNamed('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } };

function cnp(name: string, tier: 'Admin' | 'Baseline', priority: number, subject: Raw, rules: { ingress?: Raw[]; egress?: Raw[] }): Raw {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier, priority, subject, ...rules } };
}

/**
 * The ClusterNetworkPolicy manifests a template adds, named from `taken` (the cluster policy names already there):
 * 1. Baseline default-deny of pod-to-pod traffic both ways, with DNS to kube-dns accepted ahead of it (a second,
 *    earlier Baseline policy lets kube-dns accept DNS from every pod);
 * 2. an Admin guardrail: kube-system accepts DNS from every pod and denies everything else from pods;
 * 3. Admin Accepts on both ends: every pod accepts the `monitoring` namespace, and monitoring may connect to every pod.
 */
export function clusterTemplate(id: ClusterTemplateId, taken: ReadonlySet<string>): Raw[] {
  const free = (base: string) => {
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
    return name;
  };
  switch (id) {
    case 'baseline-default-deny':
      return [
        cnp(free('kube-dns-answers-dns'), 'Baseline', 900, { pods: { namespaceSelector: namespaceNamed('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }, { ingress: [{ name: 'accept-dns', action: 'Accept', from: [ALL_NAMESPACES], protocols: DNS }] }),
        cnp(free('baseline-default-deny'), 'Baseline', 1000, ALL_NAMESPACES, {
          ingress: [{ name: 'deny-from-pods', action: 'Deny', from: [ALL_NAMESPACES] }],
          egress: [
            { name: 'accept-dns', action: 'Accept', to: [KUBE_DNS], protocols: DNS },
            { name: 'deny-to-pods', action: 'Deny', to: [ALL_NAMESPACES] },
          ],
        }),
      ];
    case 'admin-protect-kube-system':
      return [
        cnp(free('protect-kube-system'), 'Admin', 10, { namespaces: namespaceNamed('kube-system') }, {
          ingress: [
            { name: 'accept-dns', action: 'Accept', from: [ALL_NAMESPACES], protocols: DNS },
            { name: 'deny-the-rest', action: 'Deny', from: [ALL_NAMESPACES] },
          ],
        }),
      ];
    case 'admin-monitoring-scrapes':
      // Both ends must allow: every pod accepts monitoring, and monitoring may connect to every pod.
      return [
        cnp(free('monitoring-scrapes-everything'), 'Admin', 20, ALL_NAMESPACES, { ingress: [{ name: 'accept-monitoring', action: 'Accept', from: [{ namespaces: namespaceNamed('monitoring') }] }] }),
        cnp(free('monitoring-reaches-everything'), 'Admin', 21, { namespaces: namespaceNamed('monitoring') }, { egress: [{ name: 'accept-to-pods', action: 'Accept', to: [ALL_NAMESPACES] }] }),
      ];
  }
}
