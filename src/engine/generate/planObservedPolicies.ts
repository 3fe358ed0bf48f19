import { connSetOf, formatConnSet, isEmptyConns, hasConn, subtractConns, unionConns, intersectConns, NO_CONNS, type ConnSet } from '../evaluate/connSet';
import type { Direction } from '../evaluate/compileModel';
import type { ConnectionChange } from '../evaluate/diffEvaluations';
import { pairConns, type Evaluation } from '../evaluate/evaluateModel';
import { parseCidr, type IPRange } from '../ip/ipRange';
import type { Model, PolicyPort, Workload } from '../model/types';
import { addressRange } from '../observe/addressBlocks';
import { addressConns } from '../observe/addressConns';
import { classifyObservedFlows } from '../observe/classifyObservedFlows';
import type { ObservedEnd } from '../observe/endpointResolver';
import type { MappedFlow, MappedFlows } from '../observe/mapObservedFlows';
import { adminDecision, adminRefusal } from './adminDecision';
import { contextAfterChanges } from './contextAfterChanges';
import { defaultDenyChanges } from './defaultDenyChanges';
import { exactSelector } from './exactSelector';
import { foldPolicyChanges } from './foldPolicyChanges';
import { planAllowFlow, type FlowEnd, type PolicyChange } from './planAllowFlow';
import { isInEnd, isRequestMet, type PlanContext, type SideEffect, type SimulatedChanges } from './planEffects';
import { rangeToCidrs } from './rangeToCidrs';
import { selectorToRaw } from './ruleToRaw';

/** Options of {@link planObservedPolicies}. */
export interface ObservedPolicyOptions {
  /** Default-deny (ingress and egress, DNS kept) every namespace with observed workloads, then allow what was observed. */
  defaultDeny: boolean;
  /** Whether the app infers workloads from selectors (it does), as in {@link PlanContext}. */
  inferWorkloads?: boolean;
}

/** An observed flow the plan does not allow, with why (an Admin-tier Deny decides it, an end is inferred…). */
export interface RefusedObservedFlow {
  flow: MappedFlow;
  reason: string;
}

/** What allowing exactly the observed traffic takes, and what it changes besides. */
export interface ObservedPolicyPlan {
  /** The policy changes, one `create` per new policy (rules for one workload and direction gathered in one policy). */
  changes: PolicyChange[];
  /** A sentence per created policy or added rule, in order. */
  descriptions: string[];
  /** Connections allowed before that the changes deny (in whole or in part): what the preview lists. */
  tightened: ConnectionChange[];
  /** Connections the changes newly allow that no observed flow needs, with why (labels or addresses no selector or ipBlock tells apart, DNS kept). */
  widened: SideEffect[];
  /** Observed flows the changes cannot allow, with why; never dropped silently. */
  refused: RefusedObservedFlow[];
  /** Validation errors of the written policies (empty when the plan is sound). */
  errors: string[];
}

/** One flow to allow between two plan ends, and the observed flows it stands for (an address range is cut into CIDRs). */
interface Request {
  src: FlowEnd;
  dst: FlowEnd;
  flows: MappedFlow[];
}

function flowEnds(end: ObservedEnd): FlowEnd[] {
  if (end.kind === 'workload') return [{ workload: end.id }];
  const range = end.kind === 'address' ? addressRange(end.address) : undefined;
  return range === undefined ? [] : rangeToCidrs(range).map((cidr) => ({ cidr }));
}

/** Why a flow the model cannot judge gets no rule: the plan may isolate its ends and so deny it. */
const UNPLANNED = {
  unknownEnd: 'An end of this flow is not in the model (a pod the files lack, or an end without an address), so no rule can be written for it; the new policies may deny it.',
  noAddress: 'The observed address is not an IP, a CIDR or a range, so no ipBlock can be written for it; the new policies may deny it.',
  sameWorkload: 'Replicas of one workload talk to each other here; the evaluation leaves a workload to itself out, so the plan writes no rule for it and the new policies may deny it: allow it by hand.',
} as const;

const endKey = (end: FlowEnd) => ('workload' in end ? `w:${end.workload}` : `a:${end.cidr}`);

/** What `src` may open toward `dst` in the evaluation (every address of a CIDR end), or undefined when the evaluation cannot tell. */
function endConns(ev: Evaluation, src: FlowEnd, dst: FlowEnd): ConnSet | undefined {
  const { index } = ev.compiled;
  const s = 'workload' in src ? index.get(src.workload) : undefined;
  const d = 'workload' in dst ? index.get(dst.workload) : undefined;
  if (s !== undefined && d !== undefined) return pairConns(ev, s, d);
  if (s !== undefined && 'cidr' in dst) return addressConns(ev, s, parseCidr(dst.cidr) as IPRange, 'egress');
  if (d !== undefined && 'cidr' in src) return addressConns(ev, d, parseCidr(src.cidr) as IPRange, 'ingress');
  return undefined;
}

/** Rounds of planning before a flow still denied is refused: a second round repairs sides a first-round policy isolated. */
const MAX_ROUNDS = 3;

const connOf = (f: MappedFlow) => connSetOf(f.protocol, f.port, f.port);

/** True when the evaluation allows the flow between the request's ends; an address of a family no ipBlock names is cut and judged whole. */
function isMet(ev: Evaluation, r: Request, f: MappedFlow): boolean {
  const conns = endConns(ev, r.src, r.dst);
  return conns === undefined ? isRequestMet(ev, r.src, r.dst, connOf(f)) : hasConn(conns, f.protocol, f.port);
}

function portsOf(flows: readonly MappedFlow[]): PolicyPort[] {
  return flows.map((f) => ({ protocol: f.protocol, isProtocolDefaulted: false, port: f.port }));
}

/**
 * Plans policies that allow exactly the observed traffic: 1. keep the flows the model can judge (both ends placed, not
 * between addresses nor from the node, not a workload to itself), refusing with why those with an end the model lacks
 * or between replicas of one workload (no rule can be written for them, and the new policies may deny them), 2. with
 * `defaultDeny`, default-deny every namespace holding an observed workload, DNS kept (`defaultDenyChanges`), 3. for
 * each pair of ends, refuse the flows an Admin-tier Deny decides, and allow the others step 2 leaves denied through
 * `planAllowFlow`, a policy it creates for a workload and direction an earlier pair already has one for becoming a
 * rule of that one, 4. apply everything, list what becomes denied (`tightened`) and what becomes allowed that no
 * observed flow needs (`widened`, with why), refuse, with why, any flow still denied, and name each new policy after
 * its workload and direction (`api-ingress-observed`).
 */
export function planObservedPolicies(model: Model, evaluation: Evaluation, observed: Pick<MappedFlows, 'flows'>, { defaultDeny, inferWorkloads = false }: ObservedPolicyOptions): ObservedPolicyPlan {
  const start: PlanContext = { model, evaluation, inferWorkloads };
  const { workloads, index } = evaluation.compiled;
  // 1. The flows the model can judge (an address of a family no ipBlock names yet included).
  const judged = classifyObservedFlows(evaluation, { flows: observed.flows, unknownEnds: [] }, { unusedLimit: 0 }).flows;
  const flows = observed.flows.filter((_, k) => judged[k].state !== 'notEvaluated' || judged[k].reason === 'addressNotEvaluated');
  const refused = new Map<MappedFlow, string>();
  observed.flows.forEach((flow, k) => {
    const why = judged[k].reason === 'unknownEnd' || judged[k].reason === 'sameWorkload' ? UNPLANNED[judged[k].reason] : undefined;
    if (why !== undefined) refused.set(flow, why);
  });
  const requests = new Map<string, Request>();
  for (const flow of flows) {
    if (flowEnds(flow.src).length === 0 || flowEnds(flow.dst).length === 0) refused.set(flow, UNPLANNED.noAddress);
    for (const src of flowEnds(flow.src)) {
      for (const dst of flowEnds(flow.dst)) {
        const key = `${endKey(src)}\u0000${endKey(dst)}`;
        const r = requests.get(key);
        if (r) r.flows.push(flow);
        else requests.set(key, { src, dst, flows: [flow] });
      }
    }
  }
  // 2. Default-deny the namespaces of the observed workloads.
  const namespaces = [...new Set(flows.flatMap((f) => [f.src, f.dst]).flatMap((e) => (e.kind === 'workload' && !workloads[index.get(e.id) ?? -1]?.isInferred ? [workloads[index.get(e.id) as number].namespace] : [])))].sort();
  const base = defaultDeny ? defaultDenyChanges(start, namespaces) : { changes: [], descriptions: [] };
  const changes: PolicyChange[] = [...base.changes];
  const descriptions = [...base.descriptions];
  let current = changes.length > 0 ? contextAfterChanges(start, changes).context : start;
  const notes = new Map<string, string>();
  const planned = new Set<string>();
  const baseIds = new Set(base.changes.map((c) => c.policy));
  const taken = new Set([...model.policies.map((p) => p.id), ...baseIds]);
  const created = new Map<string, { policy: string; rules: number }>();
  const cuts = [...requests.values()].flatMap((r) => [r.src, r.dst]).flatMap((e) => ('cidr' in e ? [parseCidr(e.cidr) as IPRange] : []));
  let simulated: SimulatedChanges | undefined;
  // 3. Pair by pair against the model of the round (each plan's rules are exact to its pair, so the plans add up); a
  // new policy can isolate a side another pair relied on being open, so the pairs still denied go round again.
  let pending = [...requests.values()];
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const { evaluation: ev } = current;
    const before = changes.length;
    for (const r of pending) {
      const denied = r.flows.filter((f) => !refused.has(f) && !isMet(ev, r, f));
      const open = denied.filter((f) => {
        const decision = adminDecision(ev.compiled, r.src, r.dst, connOf(f), 'Deny');
        if (decision) refused.set(f, adminRefusal(decision, 'allow', `${endLabel(r.src)} → ${endLabel(r.dst)}`));
        return decision === undefined;
      });
      if (open.length === 0) continue;
      const plan = planAllowFlow(current, r.src, r.dst, portsOf(open));
      if (plan.refusal !== undefined) {
        for (const f of open) refused.set(f, plan.refusal);
        continue;
      }
      for (const [k, change] of plan.changes.entries()) {
        const own = merged(kept(change, plan.descriptions[k], baseIds, current), created, taken);
        if (own.change.kind === 'create') planned.add(own.change.policy);
        changes.push(own.change);
        descriptions.push(own.description);
      }
      for (const e of plan.sideEffects) notes.set(`${e.src}\u0000${e.dst}`, e.reason);
    }
    if (changes.length === before) break;
    const after = contextAfterChanges(start, changes, cuts);
    simulated = after.simulated;
    current = after.context;
    const now = after.simulated.after;
    pending = pending.filter((r) => r.flows.some((f) => !refused.has(f) && !isMet(now, r, f)));
  }
  simulated ??= contextAfterChanges(start, changes, cuts).simulated;
  // 4. Everything applied: any flow still denied is refused, never dropped.
  for (const r of pending) {
    for (const f of r.flows) if (!refused.has(f) && !isMet(simulated.after, r, f)) refused.set(f, `${endLabel(r.src)} → ${endLabel(r.dst)} on ${f.protocol} ${f.port} stays denied after the plan.`);
  }
  const needed = (c: ConnectionChange) => [...requests.values()].filter((r) => isInEnd(c.src, r.src) && isInEnd(c.dst, r.dst)).reduce((acc, r) => r.flows.reduce((a, f) => unionConns(a, connOf(f)), acc), NO_CONNS);
  const widened = simulated.changes.flatMap((c): SideEffect[] => {
    const extra = subtractConns(subtractConns(c.after, c.before), needed(c));
    if (isEmptyConns(extra)) return [];
    return [{ src: c.src, dst: c.dst, before: c.before, after: c.after, reason: notes.get(`${c.src}\u0000${c.dst}`) ?? widenedReason(extra) }];
  });
  const named = namedByWorkload(foldPolicyChanges(changes), planned, new Set(model.policies.map((p) => p.id)), (id) => workloads[index.get(id) ?? -1]?.name ?? id);
  return {
    changes: named.changes,
    descriptions: descriptions.map((d) => d.replace(/[^\s:]+\/[^\s:]+/g, (id) => named.renamed.get(id) ?? id)),
    tightened: simulated.changes.filter((c) => !isEmptyConns(subtractConns(c.before, c.after))),
    widened,
    refused: observed.flows.flatMap((flow) => (refused.has(flow) ? [{ flow, reason: refused.get(flow) as string }] : [])),
    errors: simulated.errors,
  };
}

/**
 * The change itself, unless it adds a rule to a default-deny or DNS policy this plan creates (`planAllowFlow` extends
 * a policy that selects exactly the workload, which in a namespace of one workload is also the default-deny): then a
 * new policy selecting exactly that workload, so the default-deny stays a default-deny.
 */
function kept(change: PolicyChange, description: string, baseIds: ReadonlySet<string>, context: PlanContext): { change: PolicyChange; description: string } {
  if (change.kind !== 'add-rule' || !baseIds.has(change.policy)) return { change, description };
  const { workloads, ingressPolicies, egressPolicies } = context.evaluation.compiled;
  const isolating = change.direction === 'ingress' ? ingressPolicies : egressPolicies;
  const self = workloads.find((_, i) => isolating[i].some((p) => p.id === change.policy)) as Workload;
  const namespace = self.namespace;
  const name = `${self.name}-${change.direction}-observed`;
  const spec = { podSelector: selectorToRaw(exactSelector(self, workloads).selector), policyTypes: [change.direction === 'ingress' ? 'Ingress' : 'Egress'], [change.direction]: [change.rule] };
  const manifest = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
  return { change: { kind: 'create', policy: `${namespace}/${name}`, nearWorkload: self.id, manifest }, description: `Create ${namespace}/${name} selecting ${self.name}:${description.slice(description.indexOf(':') + 1)}` };
}

/**
 * A new policy for a workload and direction some earlier plan already created one for becomes a rule added to that
 * one (both select exactly the workload); otherwise the new policy, under a name no other policy has.
 */
function merged({ change, description }: { change: PolicyChange; description: string }, created: Map<string, { policy: string; rules: number }>, taken: Set<string>): { change: PolicyChange; description: string } {
  if (change.kind !== 'create') return { change, description };
  const spec = change.manifest.spec as Record<string, unknown>;
  const direction: Direction = (spec.policyTypes as string[])[0] === 'Ingress' ? 'ingress' : 'egress';
  const key = `${change.nearWorkload}\u0000${direction}`;
  const first = created.get(key);
  const rule = (spec[direction] as Record<string, unknown>[])[0];
  const rest = description.slice(description.indexOf(':') + 1);
  if (first !== undefined) {
    first.rules++;
    return { change: { kind: 'add-rule', policy: first.policy, direction, rule }, description: `Add ${direction} rule ${first.rules} to ${first.policy}:${rest}` };
  }
  const [namespace, base] = change.policy.split('/');
  let name = base;
  for (let k = 2; taken.has(`${namespace}/${name}`); k++) name = `${base}-${k}`;
  taken.add(`${namespace}/${name}`);
  created.set(key, { policy: `${namespace}/${name}`, rules: 1 });
  if (name === base) return { change, description };
  const manifest = { ...change.manifest, metadata: { ...(change.manifest.metadata as Record<string, unknown>), name } };
  return { change: { ...change, policy: `${namespace}/${name}`, manifest }, description: `Create ${namespace}/${name}${description.slice(description.indexOf(' selecting'))}` };
}

/**
 * The policies a plan created renamed after the workload they select and their direction (`api-ingress-observed`):
 * each gathers every observed peer of that side, not just the flow that created it.
 */
function namedByWorkload(changes: readonly PolicyChange[], planned: ReadonlySet<string>, existing: ReadonlySet<string>, nameOf: (workload: string) => string): { changes: PolicyChange[]; renamed: Map<string, string> } {
  const taken = new Set([...existing, ...changes.filter((c) => c.kind === 'create' && !planned.has(c.policy)).map((c) => c.policy)]);
  const renamed = new Map<string, string>();
  const out = changes.map((c): PolicyChange => {
    if (c.kind !== 'create' || !planned.has(c.policy)) return c;
    const namespace = c.policy.split('/')[0];
    const spec = c.manifest.spec as { policyTypes: string[] };
    const base = `${nameOf(c.nearWorkload)}-${spec.policyTypes[0] === 'Ingress' ? 'ingress' : 'egress'}-observed`.slice(0, 63).replace(/-+$/, '');
    let name = base;
    for (let k = 2; taken.has(`${namespace}/${name}`); k++) name = `${base}-${k}`;
    taken.add(`${namespace}/${name}`);
    renamed.set(c.policy, `${namespace}/${name}`);
    return { ...c, policy: `${namespace}/${name}`, manifest: { ...c.manifest, metadata: { ...(c.manifest.metadata as Record<string, unknown>), name } } };
  });
  return { changes: out, renamed };
}

const DNS = unionConns(connSetOf('UDP', 53, 53), connSetOf('TCP', 53, 53));

function widenedReason(extra: ConnSet): string {
  return isEmptyConns(subtractConns(extra, DNS)) && !isEmptyConns(intersectConns(extra, DNS)) ? 'DNS is kept for every pod of a default-denied namespace' : `the new rules and selectors admit ${formatConnSet(extra)} here too`;
}

function endLabel(end: FlowEnd): string {
  return 'workload' in end ? end.workload : end.cidr;
}
