import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import type { Direction } from '../evaluate/compileModel';
import { ipBlockRanges } from '../evaluate/compileModel';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import { formatRange, isInside, overlaps, parseCidr, parseIP, type IPRange } from '../ip/ipRange';
import type { LabelSelector, LabelSelectorRequirement, NetworkPolicy, Peer, Rule, Workload } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';
import { exactSelector } from './exactSelector';
import { adminDecision, adminRefusal } from './adminDecision';
import { ALL_CONNS } from '../evaluate/connSet';
import { pairConns } from '../evaluate/evaluateModel';
import { exactFixFor } from './exactFixFor';
import { inferredRefusal } from './inferredRefusal';
import { exclusionGroups } from './exclusionGroups';
import type { FlowEnd, PolicyChange } from './planAllowFlow';
import { isRequestMet, sideEffectsOf, simulateChanges, type ExactFix, type PlanContext, type SideEffect } from './planEffects';
import { ruleToRaw, selectorToRaw } from './ruleToRaw';

/** What removing a flow takes: policy edits (or a new isolating policy), explained, and everything else they would alter. */
export interface DenyPlan {
  isAlreadyDenied: boolean;
  changes: PolicyChange[];
  descriptions: string[];
  /** Connections other than the removed one that Apply would change, with why; empty for an exact plan. */
  sideEffects: SideEffect[];
  /** The what-if edit that would make the plan exact, when labels are what stands in the way. */
  exactFix?: ExactFix;
  /** Why the flow cannot be removed (nothing to apply). */
  refusal?: string;
}

type Remote = { workload: Workload } | { range: IPRange; cidr: string };

/** One way to deny the flow, before it is checked on a copy of the model. */
interface Candidate {
  changes: PolicyChange[];
  descriptions: string[];
  notes: Map<string, string>;
  unclear: Workload[];
}

const EMPTY: LabelSelector = { matchLabels: {}, matchExpressions: [] };
const ANY_PEERS: Peer[] = [
  { kind: 'selector', namespaceSelector: EMPTY },
  { kind: 'ipBlock', cidr: '0.0.0.0/0', except: [] },
  { kind: 'ipBlock', cidr: '::/0', except: [] },
];

function cidrOf(r: IPRange): string {
  const hostBits = (r.end - r.start + 1n).toString(2).length - 1;
  return `${formatRange(r).split('-')[0]}/${(r.family === 4 ? 32 : 128) - hostBits}`;
}

function withRequirement(selector: LabelSelector | undefined, requirement: LabelSelectorRequirement): LabelSelector {
  return { matchLabels: { ...(selector?.matchLabels ?? {}) }, matchExpressions: [...(selector?.matchExpressions ?? []), requirement] };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
}

/**
 * Plans how to stop `src` connecting to `dst` and change nothing else:
 * 1. candidates: narrow every rule that admits the other end on the
 * destination's ingress side (or the source's egress side) when it is isolated,
 * else create a policy that isolates exactly that workload and admits every peer
 * but the other end; a narrowed peer keeps everyone else it admitted (a
 * namespace `NotIn`, one peer per label requirement, an `except` inside the
 * block's own family, the block dropped when the address is all it holds); a
 * policy that also selects other workloads keeps its rules for them and a copy
 * selecting exactly this workload gets the narrowed rules, 2. each candidate is
 * applied to a copy of the model and validated, 3. the one that denies the flow
 * with the fewest other changes wins, and those changes are named.
 */
export function planDenyFlow(context: PlanContext, src: FlowEnd, dst: FlowEnd): DenyPlan {
  const { compiled } = context.evaluation;
  const { workloads, index, namespaceLabels } = compiled;
  const resolve = (end: FlowEnd): Remote | undefined => {
    if ('workload' in end) {
      const i = index.get(end.workload);
      return i === undefined ? undefined : { workload: workloads[i] };
    }
    const range = parseCidr(end.cidr);
    return range ? { range, cidr: cidrOf(range) } : undefined;
  };
  const s = resolve(src);
  const d = resolve(dst);
  const plan: DenyPlan = { isAlreadyDenied: false, changes: [], descriptions: [], sideEffects: [] };
  if (!s || !d || isRequestMet(context.evaluation, src, dst, undefined)) return { ...plan, isAlreadyDenied: true };
  const si = 'workload' in src ? index.get(src.workload) : undefined;
  const di = 'workload' in dst ? index.get(dst.workload) : undefined;
  const allowedNow = si !== undefined && di !== undefined ? pairConns(context.evaluation, si, di) : ALL_CONNS;
  const accepted = adminDecision(compiled, src, dst, allowedNow, 'Accept');
  if (accepted) return { ...plan, refusal: adminRefusal(accepted, 'deny', `${'workload' in s ? s.workload.name : s.cidr} → ${'workload' in d ? d.workload.name : d.cidr}`) };
  const nameOf = (r: Remote) => ('workload' in r ? r.workload.name : r.cidr);
  const taken = new Set(context.model.policies.map((p) => p.id));
  const freeName = (namespace: string, base: string) => {
    let name = base.slice(0, 240);
    for (let k = 2; taken.has(`${namespace}/${name}`); k++) name = `${base.slice(0, 240)}-${k}`;
    taken.add(`${namespace}/${name}`);
    return name;
  };

  const admits = (peer: Peer, policyNs: string, remote: Remote): boolean => {
    if (peer.kind === 'ipBlock') {
      const ranges = ipBlockRanges(peer.cidr, peer.except);
      if ('range' in remote) return ranges.some((r) => overlaps(r, remote.range));
      return remote.workload.ips.some((ip) => {
        const a = parseIP(ip);
        return a !== undefined && ranges.some((r) => isInside(a, r));
      });
    }
    if ('range' in remote) return false;
    const w = remote.workload;
    return peerNamespaceMatches(peer, policyNs, w.namespace, namespaceLabels.get(w.namespace) ?? {}) && peerPodMatches(peer, w.labels);
  };

  /** The peers that admit all `peer` did except `remote`, noting who else cannot be kept. */
  const narrowPeer = (peer: Peer, policyNs: string, remote: Remote, c: Candidate): Peer[] => {
    if (!admits(peer, policyNs, remote)) return [peer];
    if (peer.kind === 'ipBlock') {
      const block = parseCidr(peer.cidr) as IPRange;
      const holes = 'range' in remote ? [remote.range] : remote.workload.ips.map(parseIP).filter((a): a is IPRange => a !== undefined && isInside(a, block));
      if (holes.some((h) => isInside(block, h))) return [];
      for (const h of holes) {
        for (const w of workloads) {
          const hit = w.ips.find((ip) => {
            const a = parseIP(ip);
            return a !== undefined && isInside(a, h);
          });
          if (hit && !('workload' in remote && remote.workload.id === w.id)) c.notes.set(w.id, `${w.name}'s address ${hit} lies in ${cidrOf(h)}, which the ipBlock ${peer.cidr} now excepts`);
        }
        if ('workload' in remote) c.notes.set(`${formatRange(h)}[External]`, `${formatRange(h).split('-')[0]} is ${remote.workload.name}'s address: the ipBlock ${peer.cidr} admitted ${remote.workload.name} by it, and the except shuts out the address itself`);
      }
      return [{ ...peer, except: [...peer.except, ...holes.map(cidrOf)] }];
    }
    const w = (remote as { workload: Workload }).workload;
    const others = workloads.filter((o) => o.id !== w.id && admits(peer, policyNs, { workload: o }));
    const out: Peer[] = [];
    if (others.some((o) => o.namespace !== w.namespace)) {
      out.push({ ...peer, namespaceSelector: withRequirement(peer.namespaceSelector, { key: NAMESPACE_NAME_LABEL, operator: 'NotIn', values: [w.namespace] }) });
    }
    const { groups, twins } = exclusionGroups(
      w,
      others.filter((o) => o.namespace === w.namespace),
    );
    for (const t of twins) c.notes.set(t.id, `${t.name} has exactly the labels of ${w.name}, so no selector keeps one and leaves out the other`);
    if (twins.length > 0) c.unclear.push(w);
    for (const g of groups) {
      out.push({
        kind: 'selector',
        ...(peer.namespaceSelector ? { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: w.namespace }, matchExpressions: [] } } : {}),
        podSelector: withRequirement(peer.podSelector, g.requirement),
      });
    }
    return out;
  };

  /** The rules of one direction with `remote` left out; which rule numbers changed, and which were removed. */
  const narrowRules = (rules: readonly Rule[], policyNs: string, remote: Remote, c: Candidate) => {
    const out: Rule[] = [];
    const narrowed: number[] = [];
    const removed: number[] = [];
    rules.forEach((rule, r) => {
      const peers = rule.peers.length > 0 ? rule.peers : ANY_PEERS;
      if (!peers.some((p) => admits(p, policyNs, remote))) {
        out.push(rule);
        return;
      }
      const kept = peers.flatMap((p) => narrowPeer(p, policyNs, remote, c));
      if (kept.length === 0) removed.push(r + 1);
      else {
        narrowed.push(r + 1);
        out.push({ ...rule, peers: kept });
      }
    });
    return { rules: out, narrowed, removed };
  };

  const specOf = (p: NetworkPolicy, podSelector: LabelSelector, direction: Direction, rules: readonly Rule[]): Record<string, unknown> => {
    const ingress = direction === 'ingress' ? rules : p.ingress;
    const egress = direction === 'egress' ? rules : p.egress;
    return {
      podSelector: selectorToRaw(podSelector),
      policyTypes: [...p.policyTypes],
      ...(ingress.length > 0 ? { ingress: ingress.map((r) => ruleToRaw(r, 'ingress')) } : {}),
      ...(egress.length > 0 ? { egress: egress.map((r) => ruleToRaw(r, 'egress')) } : {}),
    };
  };

  const manifest = (name: string, namespace: string, spec: Record<string, unknown>) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });

  const narrowSide = (direction: Direction, self: Workload, remote: Remote): Candidate => {
    const c: Candidate = { changes: [], descriptions: [], notes: new Map(), unclear: [] };
    const i = index.get(self.id) ?? -1;
    for (const p of direction === 'ingress' ? compiled.ingressPolicies[i] : compiled.egressPolicies[i]) {
      const { rules, narrowed, removed } = narrowRules(direction === 'ingress' ? p.ingress : p.egress, p.namespace, remote, c);
      if (narrowed.length + removed.length === 0) continue;
      const what = [narrowed.length > 0 ? `${direction} rule ${narrowed.join(', ')} no longer ${narrowed.length > 1 ? 'admit' : 'admits'} ${nameOf(remote)}` : '', removed.length > 0 ? `${direction} rule ${removed.join(', ')} removed (${nameOf(remote)} was all ${removed.length > 1 ? 'they' : 'it'} admitted)` : '']
        .filter((t) => t !== '')
        .join('; ');
      const siblings = workloads.filter((w) => w.id !== self.id && w.namespace === p.namespace && matchesSelector(p.podSelector, w.labels));
      const { groups, twins } = exclusionGroups(self, siblings);
      for (const t of twins) c.notes.set(t.id, `${t.name} has exactly the labels of ${self.name}, so ${p.id} cannot select one without the other`);
      if (twins.length > 0) c.unclear.push(self);
      if (groups.length === 0) {
        c.changes.push({ kind: 'replace-spec', policy: p.id, spec: specOf(p, p.podSelector, direction, rules) });
        c.descriptions.push(`Edit ${p.id}: ${what}.`);
        continue;
      }
      // The policy keeps its rules for its other workloads; a copy selecting exactly this one gets the narrowed rules.
      c.changes.push({ kind: 'replace-spec', policy: p.id, spec: specOf(p, withRequirement(p.podSelector, groups[0].requirement), direction, direction === 'ingress' ? p.ingress : p.egress) });
      c.descriptions.push(`Narrow the podSelector of ${p.id} so it no longer selects ${self.name}; its other workloads keep its rules.`);
      for (const g of groups.slice(1)) {
        const name = freeName(p.namespace, `${p.name}-keep`);
        c.changes.push({ kind: 'create', policy: `${p.namespace}/${name}`, nearWorkload: g.members[0].id, manifest: manifest(name, p.namespace, specOf(p, withRequirement(p.podSelector, g.requirement), direction, direction === 'ingress' ? p.ingress : p.egress)) });
        c.descriptions.push(`Create ${p.namespace}/${name}: ${p.id}'s rules for ${g.members.map((m) => m.name).join(', ')} (no one label keeps them all).`);
      }
      const name = freeName(p.namespace, `${p.name}-${slug(self.name)}`);
      c.changes.push({ kind: 'create', policy: `${p.namespace}/${name}`, nearWorkload: self.id, manifest: manifest(name, p.namespace, specOf(p, exactSelector(self, workloads).selector, direction, rules)) });
      c.descriptions.push(`Create ${p.namespace}/${name} selecting ${self.name}: ${p.id}'s rules, except ${what}.`);
    }
    return c;
  };

  const isolateSide = (direction: Direction, self: Workload, remote: Remote): Candidate => {
    const c: Candidate = { changes: [], descriptions: [], notes: new Map(), unclear: [] };
    const { selector, twins } = exactSelector(self, workloads);
    for (const t of twins) c.notes.set(t.id, `${t.name} has exactly the labels of ${self.name}, so the new policy selects it too`);
    if (twins.length > 0) c.unclear.push(self);
    const peers = ANY_PEERS.flatMap((p) => narrowPeer(p, self.namespace, remote, c));
    const name = freeName(self.namespace, `deny-${slug(direction === 'ingress' ? nameOf(remote) : self.name)}-to-${slug(direction === 'ingress' ? self.name : nameOf(remote))}`);
    const spec = { podSelector: selectorToRaw(selector), policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'], [direction]: [ruleToRaw({ peers, ports: [] }, direction)] };
    c.changes.push({ kind: 'create', policy: `${self.namespace}/${name}`, nearWorkload: self.id, manifest: manifest(name, self.namespace, spec) });
    c.descriptions.push(`Create ${self.namespace}/${name}: isolate ${self.name} for ${direction} and admit every peer except ${nameOf(remote)}.`);
    return c;
  };

  // 1. The candidates, in order of preference: narrowing what isolates before isolating anew.
  const candidates: Candidate[] = [];
  const sides: [Direction, Remote, Remote][] = [
    ['ingress', d, s],
    ['egress', s, d],
  ];
  const isolated = ([direction, self]: [Direction, Remote, Remote]) => {
    const i = 'workload' in self ? (index.get(self.workload.id) ?? -1) : -1;
    return i >= 0 && (direction === 'ingress' ? compiled.ingressPolicies[i] : compiled.egressPolicies[i]).length > 0;
  };
  for (const side of sides) if (isolated(side)) candidates.push(narrowSide(side[0], (side[1] as { workload: Workload }).workload, side[2]));
  for (const side of sides) if (!isolated(side) && 'workload' in side[1]) candidates.push(isolateSide(side[0], side[1].workload, side[2]));
  // 2. Each checked on a copy of the model; 3. the exact one, or the one with the fewest other changes.
  const cuts = [s, d].flatMap((r) => ('range' in r ? [r.range] : []));
  let best: DenyPlan | undefined;
  for (const c of candidates) {
    if (c.changes.length === 0) continue;
    const simulated = simulateChanges(context, c.changes, cuts);
    if (simulated.errors.length > 0 || !isRequestMet(simulated.after, src, dst, undefined)) continue;
    const sideEffects = sideEffectsOf(simulated, context, src, dst, c.notes);
    if (best && best.sideEffects.length <= sideEffects.length) continue;
    const exactFix = exactFixFor(c.unclear, workloads, sideEffects.length > 0);
    best = { isAlreadyDenied: false, changes: c.changes, descriptions: c.descriptions, sideEffects, ...(exactFix ? { exactFix } : {}) };
    if (sideEffects.length === 0) break;
  }
  const ends = [s, d].flatMap((r) => ('workload' in r ? [r.workload] : []));
  return best ?? { ...plan, refusal: inferredRefusal(ends) ?? `No edit of the policies denies ${nameOf(s)} → ${nameOf(d)} without breaking them: edit the policies in the inspector.` };
}
