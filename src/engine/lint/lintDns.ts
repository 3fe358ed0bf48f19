import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import { pairConns, sideConns } from '../evaluate/evaluateModel';
import { connSetOf, hasConn, intersectConns, isEmptyConns, unionConns } from '../evaluate/connSet';
import { adminDecision, adminRefusal } from '../generate/adminDecision';
import type { FlowEnd } from '../generate/planAllowFlow';
import { exactSelector } from '../generate/exactSelector';
import type { PlanContext } from '../generate/planEffects';
import { selectorToRaw } from '../generate/ruleToRaw';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { Workload } from '../model/types';
import type { Lint } from './lint';

/** The `k8s-app` values of cluster DNS servers: recognised by the lint and selected by its fix alike. */
export const DNS_SERVER_APPS = ['kube-dns', 'coredns'] as const;

/** True when the workload looks like a cluster DNS server. */
export function isDnsServer(labels: Readonly<Record<string, string>>): boolean {
  return (DNS_SERVER_APPS as readonly string[]).includes(labels['k8s-app'] ?? '');
}

const DNS_PORTS = [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];
const DNS_CONNS = unionConns(connSetOf('UDP', 53, 53), connSetOf('TCP', 53, 53));

/** Why a workload's DNS is blocked: an Admin Deny (no NetworkPolicy can help), a Baseline Deny on a side no NetworkPolicy isolates, or its NetworkPolicies. */
type DnsCause = { kind: 'admin'; text: string } | { kind: 'baseline'; text: string } | { kind: 'np' };

function dnsManifest(name: string, namespace: string, podSelector: Record<string, unknown>, serverNamespaces: readonly string[]): Record<string, unknown> {
  const to = serverNamespaces.map((ns) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } }, podSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: [...DNS_SERVER_APPS] }] } }));
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec: { podSelector, policyTypes: ['Egress'], egress: [{ to, ports: DNS_PORTS }] } };
}

/**
 * Egress-isolated workloads that cannot reach DNS on both UDP and TCP 53, judged
 * on the evaluated union of every policy (toward the modelled DNS servers, or any
 * address when none is modelled), one finding per namespace. The fix allows
 * egress to the servers (every `k8s-app` value `isDnsServer` accepts) for those
 * workloads only: one policy for the whole namespace when every pod there is
 * already egress-isolated, else one per workload selecting exactly it; it is
 * offered when the servers' ingress admits them, so egress is what is missing.
 */
export function lintDns(context: PlanContext): Lint[] {
  const ev = context.evaluation;
  const { workloads, egressPolicies, ingressPolicies, ingressRules } = ev.compiled;
  const servers = workloads.flatMap((w, i) => (isDnsServer(w.labels) && !w.isInferred ? [i] : []));
  const serverNamespaces = [...new Set(servers.map((i) => workloads[i].namespace))];
  const m = ev.egressExternals.length;
  const lints: Lint[] = [];
  const { compiled } = ev;
  const tiers = compiled.clusterTiers;
  const hasClusterEgress = (i: number) => tiers !== undefined && (tiers.admin.egress[compiled.workloadClass[i]].length > 0 || tiers.baseline.egress[compiled.workloadClass[i]].length > 0);
  const blocked = workloads.flatMap((w, i) => {
    if ((egressPolicies[i].length === 0 && !hasClusterEgress(i)) || isDnsServer(w.labels)) return [];
    const reach = servers.length > 0 ? servers.map((t) => pairConns(ev, i, t)) : ev.egressExternals.map((_, k) => ev.toExternal[i * m + k]);
    return reach.some((c) => hasConn(c, 'UDP', 53)) && reach.some((c) => hasConn(c, 'TCP', 53)) ? [] : [i];
  });
  const serversAdmit = (i: number) => {
    const admitted = servers.map((t) => sideConns(ingressPolicies[t].length > 0, ingressRules[t], (r) => r.podMask[i] === 1, t));
    return admitted.some((c) => hasConn(c, 'UDP', 53)) && admitted.some((c) => hasConn(c, 'TCP', 53));
  };
  const dnsEnds: FlowEnd[] = servers.length > 0 ? servers.map((t) => ({ workload: workloads[t].id })) : [{ cidr: '0.0.0.0/0' }];
  const causeOf = (i: number): DnsCause => {
    const src = { workload: workloads[i].id };
    for (const dst of dnsEnds) {
      const d = adminDecision(compiled, src, dst, DNS_CONNS, 'Deny');
      if (d) return { kind: 'admin', text: adminRefusal(d, 'allow', 'egress to DNS') };
    }
    if (egressPolicies[i].length > 0 || !tiers) return { kind: 'np' };
    const rule = tiers.baseline.egress[compiled.workloadClass[i]].find((r) => r.action === 'Deny' && !isEmptyConns(intersectConns(r.connsTo(servers[0] ?? -1), DNS_CONNS)));
    const name = rule ? `${rule.policy.id} (Baseline) egress rule ${rule.ruleIndex + 1}${rule.rule.name === '' ? '' : ` "${rule.rule.name}"`}` : 'the Baseline tier';
    return { kind: 'baseline', text: `${name} denies it, and no NetworkPolicy isolates their egress to allow it: add an Accept for DNS ahead of that rule (or a NetworkPolicy that allows DNS and everything else they need).` };
  };
  const causes = new Map(blocked.map((i) => [i, causeOf(i)]));
  const groups = new Map<string, number[]>();
  for (const i of blocked) {
    const cause = causes.get(i) as DnsCause;
    const key = `${workloads[i].namespace}\n${cause.kind === 'np' ? '' : cause.text}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  for (const list of groups.values()) {
    const ns = workloads[list[0]].namespace;
    const cause = causes.get(list[0]) as DnsCause;
    const names = list.map((i) => workloads[i].name);
    if (cause.kind !== 'np') {
      lints.push({ code: 'dns-blocked', severity: 'warning', message: `${names.join(', ')} in ${ns} cannot resolve names: ${cause.text}`, objects: list.map((i) => workloads[i].id) });
      continue;
    }
    // An inferred workload stands for pods not in the input: only a policy selecting every pod proves they are all isolated.
    const hasInferred = workloads.some((w) => w.namespace === ns && w.isInferred);
    const everyoneIsolated = hasInferred
      ? egressPolicies.some((ps) => ps.some((p) => p.namespace === ns && isEmptySelector(p.podSelector)))
      : workloads.every((w, i) => w.namespace !== ns || egressPolicies[i].length > 0);
    const real = list.filter((i) => !workloads[i].isInferred);
    const taken = new Set(context.model.policies.map((p) => p.id));
    const fix = servers.length === 0 || !list.every(serversAdmit) ? undefined : everyoneIsolated ? namespaceFix(ns, workloads[list[0]], serverNamespaces, taken) : real.length === list.length ? workloadFix(real.map((i) => workloads[i]), workloads, egressPolicies, serverNamespaces, taken) : undefined;
    lints.push({
      code: 'dns-blocked',
      severity: 'warning',
      message: `${names.join(', ')} in ${ns} cannot resolve names: egress to DNS (UDP and TCP 53) is not allowed by any policy.`,
      objects: list.map((i) => workloads[i].id),
      ...(fix ? { fix } : {}),
    });
  }
  return lints;
}

function namespaceFix(ns: string, near: Workload, serverNamespaces: readonly string[], taken: ReadonlySet<string>): Lint['fix'] {
  if (taken.has(`${ns}/allow-dns-egress`)) return undefined;
  return {
    description: `Create ${ns}/allow-dns-egress: egress to the DNS servers (k8s-app ${DNS_SERVER_APPS.join(' or ')}) on UDP and TCP 53 for every pod of ${ns}.`,
    changes: [{ kind: 'create', policy: `${ns}/allow-dns-egress`, nearWorkload: near.id, manifest: dnsManifest('allow-dns-egress', ns, {}, serverNamespaces) }],
  };
}

/** One policy per workload, selecting exactly it; none when a selector would also pick a workload whose egress is still open. */
function workloadFix(list: readonly Workload[], workloads: readonly Workload[], egressPolicies: readonly (readonly unknown[])[], serverNamespaces: readonly string[], taken: ReadonlySet<string>): Lint['fix'] {
  const changes = [];
  for (const w of list) {
    const { selector, twins } = exactSelector(w, workloads);
    if (twins.some((t) => egressPolicies[workloads.indexOf(t)].length === 0)) return undefined;
    const name = `allow-dns-egress-${w.name}`.slice(0, 63).replace(/-+$/, '');
    if (taken.has(`${w.namespace}/${name}`)) return undefined;
    changes.push({ kind: 'create' as const, policy: `${w.namespace}/${name}`, nearWorkload: w.id, manifest: dnsManifest(name, w.namespace, selectorToRaw(selector), serverNamespaces) });
  }
  return { description: `Create ${changes.map((c) => c.policy).join(', ')}: egress to the DNS servers on UDP and TCP 53 for ${list.map((w) => w.name).join(', ')} only.`, changes };
}
