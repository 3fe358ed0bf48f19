import type { Evaluation } from '../evaluate/evaluateModel';
import { pairConns } from '../evaluate/evaluateModel';
import { hasConn } from '../evaluate/connSet';
import { policyTemplate } from '../generate/policyTemplates';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { Lint } from './lint';

/** True when the workload looks like a cluster DNS server. */
export function isDnsServer(labels: Readonly<Record<string, string>>): boolean {
  return labels['k8s-app'] === 'kube-dns' || labels['k8s-app'] === 'coredns';
}

/**
 * Egress-isolated workloads that cannot reach DNS on both UDP and TCP 53, judged
 * on the evaluated union of every policy (toward the modelled DNS servers, or any
 * address when none is modelled). The fix (a policy selecting every pod of the
 * namespace) is offered only when every pod there is already egress-isolated, so
 * it cannot isolate pods that were open.
 */
export function lintDns(ev: Evaluation): Lint[] {
  const { workloads, egressPolicies } = ev.compiled;
  const servers = workloads.flatMap((w, i) => (isDnsServer(w.labels) ? [i] : []));
  const m = ev.egressExternals.length;
  const lints: Lint[] = [];
  const blocked = workloads.filter((w, i) => {
    if (egressPolicies[i].length === 0 || isDnsServer(w.labels)) return false;
    const reach = servers.length > 0 ? servers.map((t) => pairConns(ev, i, t)) : ev.egressExternals.map((_, k) => ev.toExternal[i * m + k]);
    return !(reach.some((c) => hasConn(c, 'UDP', 53)) && reach.some((c) => hasConn(c, 'TCP', 53)));
  });
  for (const ns of new Set(blocked.map((w) => w.namespace))) {
    const list = blocked.filter((w) => w.namespace === ns);
    // An inferred workload stands for pods not in the input: only a policy selecting every pod proves they are all isolated.
    const hasInferred = workloads.some((w) => w.namespace === ns && w.isInferred);
    const everyoneIsolated = hasInferred
      ? egressPolicies.some((ps) => ps.some((p) => p.namespace === ns && isEmptySelector(p.podSelector)))
      : workloads.every((w, i) => w.namespace !== ns || egressPolicies[i].length > 0);
    const fixable = everyoneIsolated && servers.length > 0;
    lints.push({
      code: 'dns-blocked',
      severity: 'warning',
      message: `${list.map((w) => w.name).join(', ')} in ${ns} cannot resolve names: egress to DNS (UDP and TCP 53) is not allowed by any policy.`,
      objects: list.map((w) => w.id),
      ...(fixable
        ? { fix: { description: `Create ${ns}/allow-dns-egress: egress to kube-dns in kube-system on UDP and TCP 53 for every pod of ${ns}.`, changes: [{ kind: 'create', policy: `${ns}/allow-dns-egress`, nearWorkload: list[0].id, manifest: policyTemplate('allow-dns-egress', ns) }] } }
        : {}),
    });
  }
  return lints;
}
