import type { CompiledRule, Direction } from '../evaluate/compileModel';
import { ipBlockRanges } from '../evaluate/compileModel';
import { intersectConns, equalConns, isAllConns, isEmptyConns, unionConns, type ConnSet } from '../evaluate/connSet';
import { sideConns } from '../evaluate/evaluateModel';
import { portConns } from '../evaluate/portConns';
import { overlaps, parseCidr, parseIP } from '../ip/ipRange';
import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import { PROTOCOLS, type NetworkPolicy, type PolicyPort, type Workload } from '../model/types';
import { exactSelector } from './exactSelector';
import { adminDecision, adminRefusal, tieredSideToward } from './adminDecision';
import { exactFixFor } from './exactFixFor';
import { inferredRefusal } from './inferredRefusal';
import { isRequestMet, sideEffectsOf, simulateChanges, type ExactFix, type PlanContext, type SideEffect } from './planEffects';
import { selectorToRaw } from './ruleToRaw';

/** One end of a flow to allow: a workload id, or an address range outside the cluster. */
export type FlowEnd = { workload: string } | { cidr: string };

/** A change to the policies: append, replace or (with `rule: null`) remove a rule of a policy, replace a policy's spec, or create a policy. */
export type PolicyChange =
  | { kind: 'add-rule'; policy: string; direction: Direction; rule: Record<string, unknown> }
  | { kind: 'replace-rule'; policy: string; direction: Direction; ruleIndex: number; rule: Record<string, unknown> | null }
  | { kind: 'replace-spec'; policy: string; spec: Record<string, unknown> }
  | { kind: 'create'; policy: string; nearWorkload: string; manifest: Record<string, unknown> };

/** What allowing a flow takes: the changes, a sentence per change, and everything else the changes would alter. */
export interface FlowPlan {
  isAlreadyAllowed: boolean;
  changes: PolicyChange[];
  descriptions: string[];
  /** Connections other than the requested one that Apply would change, with why; empty for an exact plan. */
  sideEffects: SideEffect[];
  /** The what-if edit that would make the plan exact, when labels are what stands in the way. */
  exactFix?: ExactFix;
  /** Why the flow cannot be allowed as asked (nothing to apply). */
  refusal?: string;
}

function rawPorts(ports: readonly PolicyPort[]): Record<string, unknown>[] {
  return ports.map((p) => ({ protocol: p.protocol, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) }));
}

/** A connection set as NetworkPolicy ports: one entry per range (`endPort` for a span); no entries for every connection. */
function portsOf(conns: ConnSet): PolicyPort[] {
  if (isAllConns(conns)) return [];
  return PROTOCOLS.flatMap((protocol) => {
    const r = conns[protocol];
    const out: PolicyPort[] = [];
    for (let k = 0; k < r.length; k += 2) out.push({ protocol, isProtocolDefaulted: false, port: r[k], ...(r[k + 1] > r[k] ? { endPort: r[k + 1] } : {}) });
    return out;
  });
}

function describePorts(ports: readonly PolicyPort[]): string {
  if (ports.length === 0) return 'all ports';
  return ports.map((p) => `${p.protocol} ${p.port ?? 'all'}${p.endPort !== undefined ? `-${p.endPort}` : ''}`).join(', ');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';
}

/** Why a named port cannot be allowed toward `dst`, or undefined when every named port resolves there (semantics §7). */
function namedPortRefusal(ports: readonly PolicyPort[], dst: Workload | undefined, dstName: string): string | undefined {
  for (const p of ports) {
    if (typeof p.port !== 'string') continue;
    if (!dst) return `A named port (${p.protocol} ${p.port}) matches no address outside the cluster: give ${dstName} a port number.`;
    if (!dst.ports.some((c) => c.name === p.port && c.protocol === p.protocol)) {
      const named = dst.ports.filter((c) => c.name !== undefined).map((c) => `${c.protocol} ${c.name} (${c.containerPort})`);
      return `${dst.name} declares no ${p.protocol} port named "${p.port}"${named.length > 0 ? `; its named ports: ${named.join(', ')}` : ''}, so a rule on it would match nothing.`;
    }
  }
  return undefined;
}

/**
 * Plans the change that lets `src` connect to `dst` on `ports` (empty: every
 * port) and nothing else: 1. refuse named ports the destination does not
 * declare, 2. for each isolated side that does not allow it yet, extend the
 * policy that selects exactly this workload, else create one whose podSelector
 * selects exactly it, 3. write the peer as a selector of exactly the other end
 * (or its ipBlock), 4. apply the changes to a copy of the model and name every
 * other connection they alter (workloads with the same labels, pod addresses
 * inside the range), with the label that would make the plan exact.
 */
export function planAllowFlow(context: PlanContext, src: FlowEnd, dst: FlowEnd, ports: readonly PolicyPort[]): FlowPlan {
  const { compiled } = context.evaluation;
  const { workloads, index } = compiled;
  const policies: readonly NetworkPolicy[] = context.model.policies;
  const workloadOf = (end: FlowEnd): Workload | undefined => ('workload' in end ? workloads[index.get(end.workload) ?? -1] : undefined);
  const srcW = workloadOf(src);
  const dstW = workloadOf(dst);
  const nameOf = (end: FlowEnd) => ('cidr' in end ? end.cidr : (workloadOf(end)?.name ?? end.workload));
  const plan: FlowPlan = { isAlreadyAllowed: false, changes: [], descriptions: [], sideEffects: [] };
  const refusal = namedPortRefusal(ports, dstW, nameOf(dst));
  if (refusal) return { ...plan, refusal };
  const wanted: ConnSet = portConns(ports, dstW?.ports);
  const blocked = adminDecision(compiled, src, dst, wanted, 'Deny');
  if (blocked) return { ...plan, refusal: adminRefusal(blocked, 'allow', `${nameOf(src)} → ${nameOf(dst)}`) };
  const taken = new Set(policies.map((p) => p.id));
  const notes = new Map<string, string>();
  const unclear: Workload[] = [];

  const selectorOf = (w: Workload): Record<string, unknown> => {
    const { selector, twins } = exactSelector(w, workloads);
    for (const t of twins) notes.set(t.id, `${t.name} has exactly the labels of ${w.name}, so no selector tells them apart`);
    if (twins.length > 0) unclear.push(w);
    return selectorToRaw(selector);
  };

  const peerFor = (self: Workload, other: FlowEnd): Record<string, unknown> => {
    if ('cidr' in other) {
      const ranges = ipBlockRanges(other.cidr, []);
      for (const w of workloads) {
        const inside = w.ips.find((ip) => {
          const r = parseIP(ip);
          return r !== undefined && ranges.some((b) => overlaps(r, b));
        });
        if (inside) notes.set(w.id, `${w.name}'s address ${inside} lies in ${other.cidr}, and an ipBlock admits pods by address`);
      }
      return { ipBlock: { cidr: other.cidr } };
    }
    const w = workloadOf(other) as Workload;
    const podSelector = selectorOf(w);
    return w.namespace === self.namespace ? { podSelector } : { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: w.namespace } }, podSelector };
  };

  const admitsOther = (other: FlowEnd) => (r: CompiledRule) => {
    if ('cidr' in other) {
      const block = parseCidr(other.cidr);
      return r.isAnyPeer || (block !== undefined && r.ipRanges.some((x) => x.family === block.family && x.start <= block.start && block.end <= x.end));
    }
    const i = index.get(other.workload);
    return i !== undefined && r.podMask[i] === 1;
  };

  const planSide = (direction: Direction, self: Workload, other: FlowEnd, otherName: string) => {
    const i = index.get(self.id) ?? -1;
    const isolating = direction === 'ingress' ? compiled.ingressPolicies[i] : compiled.egressPolicies[i];
    const rules = direction === 'ingress' ? compiled.ingressRules[i] : compiled.egressRules[i];
    const destIndex = direction === 'ingress' ? i : 'workload' in other ? (index.get(other.workload) ?? -1) : -1;
    const np = sideConns(isolating.length > 0, rules, admitsOther(other), destIndex);
    // Across the tiers: Admin first, then the NetworkPolicies when they isolate the side, else the Baseline tier.
    const tiers = compiled.clusterTiers;
    const allowed = tiers ? tieredSideToward(tiers, compiled, direction, i, other, isolating.length > 0 ? np : undefined, destIndex) : np;
    if (equalConns(intersectConns(allowed, wanted), wanted)) return;
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    // A side no NetworkPolicy isolates yet (the Baseline tier denies part of the request): the new policy isolates it,
    // so its rule keeps what the other end may already do besides the request.
    const ruleConns = isolating.length === 0 ? unionConns(allowed, wanted) : undefined;
    const rulePorts = ruleConns === undefined ? ports : portsOf(ruleConns);
    const rule = { [peersKey]: [peerFor(self, other)], ...(rulePorts.length > 0 ? { ports: rawPorts(rulePorts) } : {}) };
    const selects = (j: number) => (direction === 'ingress' ? compiled.ingressPolicies[j] : compiled.egressPolicies[j]);
    const owner = isolating.find((p) => workloads.every((w, j) => (w.id === self.id) === selects(j).includes(p)));
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
    const manifest = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: self.namespace },
      spec: { podSelector: selectorOf(self), policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'], [direction]: [rule] },
    };
    plan.changes.push({ kind: 'create', policy: `${self.namespace}/${name}`, nearWorkload: self.id, manifest });
    plan.descriptions.push(`Create ${self.namespace}/${name} selecting ${self.name}: allow ${verb} on ${describePorts(ports)}.`);
  };

  if (srcW) planSide('egress', srcW, dst, nameOf(dst));
  if (dstW) planSide('ingress', dstW, src, nameOf(src));
  plan.isAlreadyAllowed = plan.changes.length === 0;
  if (plan.isAlreadyAllowed || isEmptyConns(wanted)) return plan;
  const block = 'cidr' in src ? parseCidr(src.cidr) : 'cidr' in dst ? parseCidr(dst.cidr) : undefined;
  const simulated = simulateChanges(context, plan.changes, block ? [block] : []);
  if (simulated.errors.length > 0) return { ...plan, changes: [], refusal: `The planned policies would not validate: ${simulated.errors.join('; ')}` };
  if (!isRequestMet(simulated.after, src, dst, wanted)) return { ...plan, changes: [], refusal: inferredRefusal([srcW, dstW]) ?? `No rule can allow ${nameOf(src)} → ${nameOf(dst)} on ${describePorts(ports)} as asked.` };
  plan.sideEffects = sideEffectsOf(simulated, context, src, dst, notes);
  const fix = exactFixFor(unclear, workloads, plan.sideEffects.length > 0);
  return fix ? { ...plan, exactFix: fix } : plan;
}
