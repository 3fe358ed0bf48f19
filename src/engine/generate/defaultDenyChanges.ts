import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import { DNS_SERVER_APPS, isDnsServer } from '../lint/lintDns';
import type { NetworkPolicy, PolicyType } from '../model/types';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { PolicyChange } from './planAllowFlow';
import type { PlanContext } from './planEffects';
import { policyTemplate } from './policyTemplates';

/** The default-deny policies (and DNS allows) to add to some namespaces, with a sentence per change. */
export interface DefaultDenyChanges {
  changes: PolicyChange[];
  descriptions: string[];
}

const DNS_PORTS = [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];
const DNS_SERVERS = { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: [...DNS_SERVER_APPS] }] };

/** A NetworkPolicy manifest (named and placed when created). */
function manifestOf(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', spec };
}

function isolatesAll(policies: readonly NetworkPolicy[], namespace: string, type: PolicyType): boolean {
  return policies.some((p) => p.namespace === namespace && isEmptySelector(p.podSelector) && p.policyTypes.includes(type));
}

/**
 * Default-deny for each namespace, keeping DNS: 1. skip each direction a policy selecting every pod of the namespace
 * already isolates, 2. create the default-deny for the rest (ingress and egress, or the one missing), 3. when egress
 * becomes denied and the model holds DNS servers (`isDnsServer`), allow every pod of the namespace egress to them on
 * UDP and TCP 53 (as the DNS lint's fix does), 4. when the ingress of DNS servers becomes denied, allow every pod of
 * the cluster to reach them on UDP and TCP 53.
 */
export function defaultDenyChanges(context: PlanContext, namespaces: readonly string[]): DefaultDenyChanges {
  const { policies, workloads } = context.model;
  const servers = workloads.filter((w) => isDnsServer(w.labels) && !w.isInferred);
  const serverNamespaces = [...new Set(servers.map((w) => w.namespace))].sort();
  const taken = new Set(policies.map((p) => p.id));
  const out: DefaultDenyChanges = { changes: [], descriptions: [] };
  const create = (namespace: string, base: string, manifest: Record<string, unknown>, description: string) => {
    let name = base;
    for (let k = 2; taken.has(`${namespace}/${name}`); k++) name = `${base}-${k}`;
    taken.add(`${namespace}/${name}`);
    const near = workloads.find((w) => w.namespace === namespace && !w.isInferred) ?? workloads.find((w) => w.namespace === namespace);
    const metadata = { name, namespace };
    out.changes.push({ kind: 'create', policy: `${namespace}/${name}`, nearWorkload: near?.id ?? '', manifest: { ...manifest, metadata } });
    out.descriptions.push(`Create ${namespace}/${name}: ${description}`);
  };
  for (const ns of namespaces) {
    const ingress = !isolatesAll(policies, ns, 'Ingress');
    const egress = !isolatesAll(policies, ns, 'Egress');
    if (ingress && egress) create(ns, 'default-deny-all', policyTemplate('default-deny-all', ns), `deny ingress and egress of every pod of ${ns} unless a policy allows it.`);
    else if (ingress) create(ns, 'default-deny-ingress', policyTemplate('default-deny-ingress', ns), `deny ingress of every pod of ${ns} unless a policy allows it.`);
    else if (egress) create(ns, 'default-deny-egress', policyTemplate('default-deny-egress', ns), `deny egress of every pod of ${ns} unless a policy allows it.`);
    if (egress && serverNamespaces.length > 0) {
      const to = serverNamespaces.map((s) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: s } }, podSelector: DNS_SERVERS }));
      create(ns, 'allow-dns-egress', manifestOf({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to, ports: DNS_PORTS }] }), `keep DNS: egress of every pod of ${ns} to the DNS servers (k8s-app ${DNS_SERVER_APPS.join(' or ')}) on UDP and TCP 53.`);
    }
    if (ingress && serverNamespaces.includes(ns)) {
      create(ns, 'allow-dns-ingress', manifestOf({ podSelector: DNS_SERVERS, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }], ports: DNS_PORTS }] }), `keep DNS: ingress of the DNS servers from every pod of the cluster on UDP and TCP 53.`);
    }
  }
  return out;
}
