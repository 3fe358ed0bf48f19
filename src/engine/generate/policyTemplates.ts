import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';

/** The ready-made policies a person can apply to a namespace. */
export const POLICY_TEMPLATES = [
  { id: 'default-deny-ingress', title: 'Default-deny ingress' },
  { id: 'default-deny-egress', title: 'Default-deny egress' },
  { id: 'default-deny-all', title: 'Default-deny ingress and egress' },
  { id: 'allow-dns-egress', title: 'Allow DNS egress to kube-dns' },
  { id: 'allow-same-namespace', title: 'Allow traffic within the namespace' },
  { id: 'allow-from-ingress-controller', title: "Allow from the ingress controller's namespace" },
  { id: 'deny-egress-except-cidrs', title: 'Deny all egress except listed CIDRs' },
] as const;

/** One template id. */
export type PolicyTemplateId = (typeof POLICY_TEMPLATES)[number]['id'];

/** Settings some templates take. */
export interface TemplateOptions {
  /** Namespace of the ingress controller (default `ingress-nginx`). */
  ingressNamespace?: string;
  /** CIDRs egress stays open to (deny-egress-except-cidrs). */
  cidrs?: string[];
}

function policy(name: string, namespace: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec: { podSelector: {}, ...spec } };
}

const inNamespace = (ns: string) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } });

/** The NetworkPolicy manifest a template produces for `namespace`. */
export function policyTemplate(id: PolicyTemplateId, namespace: string, options: TemplateOptions = {}): Record<string, unknown> {
  switch (id) {
    case 'default-deny-ingress':
      return policy('default-deny-ingress', namespace, { policyTypes: ['Ingress'] });
    case 'default-deny-egress':
      return policy('default-deny-egress', namespace, { policyTypes: ['Egress'] });
    case 'default-deny-all':
      return policy('default-deny-all', namespace, { policyTypes: ['Ingress', 'Egress'] });
    case 'allow-dns-egress':
      return policy('allow-dns-egress', namespace, {
        policyTypes: ['Egress'],
        egress: [{ to: [{ ...inNamespace('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
      });
    case 'allow-same-namespace':
      return policy('allow-same-namespace', namespace, { policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] });
    case 'allow-from-ingress-controller':
      return policy('allow-from-ingress-controller', namespace, { policyTypes: ['Ingress'], ingress: [{ from: [inNamespace(options.ingressNamespace ?? 'ingress-nginx')] }] });
    case 'deny-egress-except-cidrs':
      return policy('deny-egress-except-cidrs', namespace, {
        policyTypes: ['Egress'],
        egress: (options.cidrs ?? []).length > 0 ? [{ to: (options.cidrs ?? []).map((cidr) => ({ ipBlock: { cidr } })) }] : [],
      });
  }
}
