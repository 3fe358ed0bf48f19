import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import type { CompiledModel, Direction } from '../evaluate/compileModel';
import { ipBlockRanges, isInRanges } from '../evaluate/compileModel';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import { isInside, parseCidr, parseIP, type IPRange } from '../ip/ipRange';
import type { LabelSelector, NetworkPolicy, Peer, Rule, Workload } from '../model/types';
import { identifyingLabels } from './identifyingLabels';
import type { FlowEnd, PolicyChange } from './planAllowFlow';
import { ruleToRaw, selectorToRaw } from './ruleToRaw';

/** What removing a flow takes: rule edits (or a new isolating policy), explained. */
export interface DenyPlan {
  isAlreadyDenied: boolean;
  changes: PolicyChange[];
  descriptions: string[];
}

type Remote = { workload: Workload } | { range: IPRange; cidr: string };

function admits(peer: Peer, policyNs: string, remote: Remote, nsLabels: CompiledModel['namespaceLabels']): boolean {
  if ('range' in remote) return peer.kind === 'ipBlock' && isInRanges(remote.range, ipBlockRanges(peer.cidr, peer.except));
  const w = remote.workload;
  if (peer.kind === 'ipBlock') {
    const ranges = ipBlockRanges(peer.cidr, peer.except);
    return w.ips.some((ip) => {
      const r = parseIP(ip);
      return r !== undefined && isInRanges(r, ranges);
    });
  }
  return peerNamespaceMatches(peer, policyNs, w.namespace, nsLabels.get(w.namespace) ?? {}) && peerPodMatches(peer, w.labels);
}

function excluding(selector: LabelSelector | undefined, labels: Record<string, string>): LabelSelector {
  const base = selector ?? { matchLabels: {}, matchExpressions: [] };
  const [key, value] = Object.entries(labels)[0] ?? [NAMESPACE_NAME_LABEL, ''];
  return { matchLabels: base.matchLabels, matchExpressions: [...base.matchExpressions, { key, operator: 'NotIn', values: [value] }] };
}

/** Peers that admit all the old peers did except `remote` (as far as labels and CIDRs can say). */
function narrowPeers(peers: readonly Peer[], policyNs: string, remote: Remote, workloads: readonly Workload[], nsLabels: CompiledModel['namespaceLabels']): Peer[] {
  const source: Peer[] = peers.length > 0 ? [...peers] : [{ kind: 'selector', namespaceSelector: { matchLabels: {}, matchExpressions: [] } }, { kind: 'ipBlock', cidr: '0.0.0.0/0', except: [] }, { kind: 'ipBlock', cidr: '::/0', except: [] }];
  const out: Peer[] = [];
  for (const peer of source) {
    if (!admits(peer, policyNs, remote, nsLabels)) {
      out.push(peer);
      continue;
    }
    if ('range' in remote) {
      if (peer.kind !== 'ipBlock') continue;
      const block = parseCidr(peer.cidr);
      if (block && !isInside(block, remote.range)) out.push({ ...peer, except: [...peer.except, remote.cidr] });
      continue;
    }
    if (peer.kind === 'ipBlock') {
      out.push({ ...peer, except: [...peer.except, ...remote.workload.ips.map((ip) => (ip.includes(':') ? `${ip}/128` : `${ip}/32`))] });
      continue;
    }
    const others = workloads.filter((w) => w.id !== remote.workload.id && admits(peer, policyNs, { workload: w }, nsLabels));
    if (others.length === 0) continue;
    const { labels } = identifyingLabels(remote.workload, workloads);
    out.push({ ...peer, podSelector: excluding(peer.podSelector, labels) });
  }
  return out;
}

/**
 * Plans how to stop `src` connecting to `dst`: 1. on the destination's ingress
 * side if it is isolated, else the source's egress side, every rule that admits
 * the other end is narrowed (a peer dropped, an `except` or a `NotIn` added) or
 * removed when nothing is left, and when that policy also selects other
 * workloads, a copy of the original rules is created for them alone; 2. when neither side is isolated, a policy that
 * isolates the destination and admits everyone else is created.
 */
export function planDenyFlow(compiled: CompiledModel, src: FlowEnd, dst: FlowEnd): DenyPlan {
  const { workloads, index } = compiled;
  const resolve = (end: FlowEnd): Remote | undefined => {
    if ('workload' in end) {
      const i = index.get(end.workload);
      return i === undefined ? undefined : { workload: workloads[i] };
    }
    const range = parseCidr(end.cidr);
    return range ? { range, cidr: end.cidr } : undefined;
  };
  const s = resolve(src);
  const d = resolve(dst);
  const plan: DenyPlan = { isAlreadyDenied: false, changes: [], descriptions: [] };
  if (!s || !d) return { ...plan, isAlreadyDenied: true };
  const nameOf = (r: Remote) => ('workload' in r ? r.workload.name : r.cidr);

  const keepForSiblings = (policy: NetworkPolicy, direction: Direction, self: Workload, rules: Rule[]) => {
    const name = `${policy.name}-except-${self.name}`.slice(0, 253);
    const { labels } = identifyingLabels(self, workloads);
    plan.changes.push({
      kind: 'create',
      policy: `${policy.namespace}/${name}`,
      nearWorkload: self.id,
      manifest: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace: policy.namespace },
        spec: { podSelector: selectorToRaw(excluding(policy.podSelector, labels)), policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'], [direction]: rules.map((r) => ruleToRaw(r, direction)) },
      },
    });
    plan.descriptions.push(`Create ${policy.namespace}/${name} so the other workloads ${policy.id} selects keep those rules.`);
  };

  const narrowSide = (direction: Direction, self: Workload, remote: Remote): boolean => {
    const i = index.get(self.id) ?? -1;
    const isolating = direction === 'ingress' ? compiled.ingressPolicies[i] : compiled.egressPolicies[i];
    if (isolating.length === 0) return false;
    for (const policy of isolating) {
      const rules = direction === 'ingress' ? policy.ingress : policy.egress;
      const edits: { index: number; rule: Rule | null }[] = [];
      rules.forEach((rule, r) => {
        if (rule.peers.length > 0 && !rule.peers.some((p) => admits(p, policy.namespace, remote, compiled.namespaceLabels))) return;
        const peers = narrowPeers(rule.peers, policy.namespace, remote, workloads, compiled.namespaceLabels);
        edits.push({ index: r, rule: peers.length > 0 ? { ...rule, peers } : null });
      });
      for (const edit of [...edits].reverse()) {
        plan.changes.push({ kind: 'replace-rule', policy: policy.id, direction, ruleIndex: edit.index, rule: edit.rule ? ruleToRaw(edit.rule, direction) : null });
        plan.descriptions.push(`${edit.rule ? 'Narrow' : 'Remove'} ${direction} rule ${edit.index + 1} of ${policy.id} so it no longer admits ${nameOf(remote)}.`);
      }
      const siblings = workloads.filter((w, j) => w.id !== self.id && (direction === 'ingress' ? compiled.ingressPolicies[j] : compiled.egressPolicies[j]).includes(policy));
      if (edits.length > 0 && siblings.length > 0) keepForSiblings(policy, direction, self, edits.map((e) => rules[e.index]));
    }
    return true;
  };

  const handled = ('workload' in d && narrowSide('ingress', d.workload, s)) || ('workload' in s && narrowSide('egress', s.workload, d));
  if (!handled) {
    const [direction, self, remote] = 'workload' in d ? (['ingress', d.workload, s] as const) : (['egress', (s as { workload: Workload }).workload, d] as const);
    const peers = narrowPeers([], self.namespace, remote, workloads, compiled.namespaceLabels);
    const { labels } = identifyingLabels(self, workloads);
    const name = `deny-${direction === 'ingress' ? nameOf(remote) : self.name}-to-${direction === 'ingress' ? self.name : nameOf(remote)}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    plan.changes.push({
      kind: 'create',
      policy: `${self.namespace}/${name}`,
      nearWorkload: self.id,
      manifest: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace: self.namespace },
        spec: { podSelector: { matchLabels: labels }, policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'], [direction]: [ruleToRaw({ peers, ports: [] }, direction)] },
      },
    });
    plan.descriptions.push(`Create ${self.namespace}/${name}: isolate ${self.name} for ${direction} and admit every peer except ${nameOf(remote)}.`);
  }
  return plan;
}
