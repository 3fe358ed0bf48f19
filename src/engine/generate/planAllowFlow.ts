import type { CompiledModel, CompiledRule, Direction } from '../evaluate/compileModel';
import { isInRanges } from '../evaluate/compileModel';
import { intersectConns, equalConns, type ConnSet } from '../evaluate/connSet';
import { sideConns } from '../evaluate/evaluateModel';
import { portConns } from '../evaluate/portConns';
import { parseCidr } from '../ip/ipRange';
import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import type { Labels, NetworkPolicy, PolicyPort, Workload } from '../model/types';
import { identifyingLabels } from './identifyingLabels';

/** One end of a flow to allow: a workload id, or an address range outside the cluster. */
export type FlowEnd = { workload: string } | { cidr: string };

/** A change to the policies: append, replace or (with `rule: null`) remove a rule of a policy, or create a policy. */
export type PolicyChange =
  | { kind: 'add-rule'; policy: string; direction: Direction; rule: Record<string, unknown> }
  | { kind: 'replace-rule'; policy: string; direction: Direction; ruleIndex: number; rule: Record<string, unknown> | null }
  | { kind: 'create'; policy: string; nearWorkload: string; manifest: Record<string, unknown> };

/** What allowing a flow takes: the changes, and a sentence per change for the preview. */
export interface FlowPlan {
  isAlreadyAllowed: boolean;
  changes: PolicyChange[];
  descriptions: string[];
  /** Problems that make the plan less exact than asked (e.g. a workload whose labels are not unique). */
  warnings: string[];
}

function rawPorts(ports: readonly PolicyPort[]): Record<string, unknown>[] {
  return ports.map((p) => ({ protocol: p.protocol, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) }));
}

function describePorts(ports: readonly PolicyPort[]): string {
  if (ports.length === 0) return 'all ports';
  return ports.map((p) => `${p.protocol} ${p.port ?? 'all'}${p.endPort !== undefined ? `-${p.endPort}` : ''}`).join(', ');
}

function labelText(labels: Labels): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';
}

/**
 * Plans the minimal change so that `src` may connect to `dst` on `ports` (empty:
 * every port): 1. find which isolated side does not allow it yet, 2. for that
 * side extend the policy that selects exactly this workload, else create one,
 * 3. write the peer as the fewest labels that pick out the other end.
 */
export function planAllowFlow(compiled: CompiledModel, policies: readonly NetworkPolicy[], src: FlowEnd, dst: FlowEnd, ports: readonly PolicyPort[]): FlowPlan {
  const { workloads, index } = compiled;
  const workloadOf = (end: FlowEnd): Workload | undefined => ('workload' in end ? workloads[index.get(end.workload) ?? -1] : undefined);
  const srcW = workloadOf(src);
  const dstW = workloadOf(dst);
  const range = 'cidr' in dst ? parseCidr(dst.cidr) : 'cidr' in src ? parseCidr(src.cidr) : undefined;
  const wanted: ConnSet = portConns(ports, dstW?.ports);
  const plan: FlowPlan = { isAlreadyAllowed: false, changes: [], descriptions: [], warnings: [] };
  const taken = new Set(policies.map((p) => p.id));

  const peerFor = (self: Workload, other: FlowEnd): Record<string, unknown> => {
    if ('cidr' in other) return { ipBlock: { cidr: other.cidr } };
    const w = workloadOf(other);
    if (!w) return {};
    const { labels, isUnique } = identifyingLabels(w, workloads);
    if (!isUnique) plan.warnings.push(`${w.id} has no labels that pick it out from its neighbours; the rule also admits workloads with ${labelText(labels) || 'no labels'}`);
    const podSelector = Object.keys(labels).length > 0 ? { matchLabels: labels } : {};
    return w.namespace === self.namespace ? { podSelector } : { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: w.namespace } }, podSelector };
  };

  const admitsOther = (other: FlowEnd) => (r: CompiledRule) => {
    if ('cidr' in other) return r.isAnyPeer || (range !== undefined && isInRanges(range, r.ipRanges));
    const i = index.get(other.workload);
    return i !== undefined && r.podMask[i] === 1;
  };

  const planSide = (direction: Direction, self: Workload, other: FlowEnd, otherName: string) => {
    const i = index.get(self.id) ?? -1;
    const isolating = direction === 'ingress' ? compiled.ingressPolicies[i] : compiled.egressPolicies[i];
    const rules = direction === 'ingress' ? compiled.ingressRules[i] : compiled.egressRules[i];
    const destIndex = direction === 'ingress' ? i : 'workload' in other ? (index.get(other.workload) ?? -1) : -1;
    const allowed = sideConns(isolating.length > 0, rules, admitsOther(other), destIndex);
    if (equalConns(intersectConns(allowed, wanted), wanted)) return;
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    const rule = { [peersKey]: [peerFor(self, other)], ...(ports.length > 0 ? { ports: rawPorts(ports) } : {}) };
    const owner = isolating.find((p) => workloads.every((w, j) => (w.id === self.id) === (direction === 'ingress' ? compiled.ingressPolicies[j] : compiled.egressPolicies[j]).includes(p)));
    const verb = direction === 'ingress' ? `${otherName} → ${self.name}` : `${self.name} → ${otherName}`;
    if (owner) {
      plan.changes.push({ kind: 'add-rule', policy: owner.id, direction, rule });
      plan.descriptions.push(`Add ${direction} rule ${(direction === 'ingress' ? owner.ingress : owner.egress).length + 1} to ${owner.id}: allow ${verb} on ${describePorts(ports)}.`);
      return;
    }
    const base = `allow-${slug(direction === 'ingress' ? otherName : self.name)}-to-${slug(direction === 'ingress' ? self.name : otherName)}${direction === 'egress' ? '-egress' : ''}`;
    let name = base;
    for (let k = 2; taken.has(`${self.namespace}/${name}`); k++) name = `${base}-${k}`;
    taken.add(`${self.namespace}/${name}`);
    const { labels } = identifyingLabels(self, workloads);
    const manifest = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: self.namespace },
      spec: {
        podSelector: Object.keys(labels).length > 0 ? { matchLabels: labels } : {},
        policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'],
        [direction]: [rule],
      },
    };
    plan.changes.push({ kind: 'create', policy: `${self.namespace}/${name}`, nearWorkload: self.id, manifest });
    plan.descriptions.push(`Create ${self.namespace}/${name} selecting ${self.name}: allow ${verb} on ${describePorts(ports)}.`);
  };

  const nameOf = (end: FlowEnd) => ('cidr' in end ? end.cidr : (workloadOf(end)?.name ?? end.workload));
  if (srcW) planSide('egress', srcW, dst, nameOf(dst));
  if (dstW) planSide('ingress', dstW, src, nameOf(src));
  plan.isAlreadyAllowed = plan.changes.length === 0;
  return plan;
}
