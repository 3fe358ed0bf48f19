import type { CompiledModel } from '../evaluate/compileModel';
import { ipBlockRanges, isInRanges } from '../evaluate/compileModel';
import { parseIP } from '../ip/ipRange';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { Model, Rule } from '../model/types';
import type { Lint } from './lint';

const EVERYWHERE = ['0.0.0.0/0', '::/0'];

function isOpenRule(rule: Rule): boolean {
  return rule.peers.length === 0 || rule.peers.some((p) => p.kind === 'ipBlock' && EVERYWHERE.includes(p.cidr) && p.except.length === 0);
}

/**
 * Isolation facts on the union of policies: namespaces where some real workload
 * is still open to all ingress (no default-deny and no cluster policy rule for its
 * ingress; an inferred workload stands for
 * pods the input does not show, so it proves nothing), rules that admit everyone in a
 * namespace that has a default-deny, hostNetwork workloads that policies select
 * (the plugin may not enforce), and ipBlocks that cover known pod IPs.
 */
export function lintIsolation(model: Model, compiled: CompiledModel): Lint[] {
  const lints: Lint[] = [];
  const { workloads, ingressPolicies, egressPolicies, clusterTiers, workloadClass } = compiled;
  // A cluster policy with ingress rules for a workload's class decides some of its ingress: not "open to anywhere".
  const hasClusterIngress = (i: number) => clusterTiers !== undefined && (clusterTiers.admin.ingress[workloadClass[i]].length > 0 || clusterTiers.baseline.ingress[workloadClass[i]].length > 0);
  for (const ns of model.namespaces) {
    const open = workloads.filter((w, i) => w.namespace === ns.name && !w.isInferred && ingressPolicies[i].length === 0 && !hasClusterIngress(i));
    if (open.length > 0) {
      lints.push({ code: 'no-default-deny', severity: 'info', message: `Namespace ${ns.name} has no default-deny: ${open.map((w) => w.name).join(', ')} accept${open.length === 1 ? 's' : ''} connections from anywhere.`, objects: [`ns:${ns.name}`, ...open.map((w) => w.id)] });
    }
    const denyAll = model.policies.filter((p) => p.namespace === ns.name && isEmptySelector(p.podSelector));
    for (const direction of ['ingress', 'egress'] as const) {
      if (!denyAll.some((p) => p.policyTypes.includes(direction === 'ingress' ? 'Ingress' : 'Egress') && p[direction].length === 0)) continue;
      for (const p of model.policies.filter((q) => q.namespace === ns.name)) {
        p[direction].forEach((rule, r) => {
          if (isOpenRule(rule)) lints.push({ code: 'open-rule-in-locked-namespace', severity: 'warning', message: `${p.id} ${direction} rule ${r + 1} admits every ${direction === 'ingress' ? 'source' : 'destination'} (${rule.peers.length === 0 ? `empty ${direction === 'ingress' ? 'from' : 'to'}` : 'ipBlock 0.0.0.0/0'}) in ${ns.name}, which is otherwise locked down by a default-deny.`, objects: [p.id] });
        });
      }
    }
  }
  workloads.forEach((w, i) => {
    if (w.hostNetwork && (ingressPolicies[i].length > 0 || egressPolicies[i].length > 0)) {
      lints.push({ code: 'host-network-selected', severity: 'warning', message: `${w.id} uses hostNetwork: many network plugins do not enforce NetworkPolicy for it, whatever the policies say.`, objects: [w.id, ...new Set([...ingressPolicies[i], ...egressPolicies[i]].map((p) => p.id))] });
    }
  });
  for (const p of model.policies) {
    for (const rule of [...p.ingress, ...p.egress]) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'ipBlock') continue;
        const ranges = ipBlockRanges(peer.cidr, peer.except);
        const inside = workloads.filter((w) => w.ips.some((ip) => {
          const r = parseIP(ip);
          return r !== undefined && isInRanges(r, ranges);
        }));
        if (inside.length > 0) lints.push({ code: 'ipblock-covers-pods', severity: 'info', message: `${p.id}: ipBlock ${peer.cidr} covers the pod IPs of ${inside.map((w) => w.name).join(', ')}; ipBlocks are meant for addresses outside the cluster and plugins differ on pod IPs.`, objects: [p.id, ...inside.map((w) => w.id)] });
      }
    }
  }
  return lints;
}
