import { NAMESPACE_NAME_LABEL, decodeModel } from '../decode/decodeModel';
import type { RawMap } from '../decode/decodeContext';
import { connectionTable, diffEvaluations, type ConnectionChange } from '../evaluate/diffEvaluations';
import { evaluateModel, type Evaluation } from '../evaluate/evaluateModel';
import { NO_CONNS, equalConns, intersectConns, isEmptyConns, unionConns, type ConnSet } from '../evaluate/connSet';
import { inferWorkloads, withoutInferred } from '../infer/inferWorkloads';
import { formatRange, isInside, parseCidr, parseIP, partition, type IPRange } from '../ip/ipRange';
import type { Labels, Model, NetworkPolicy } from '../model/types';
import { dumpYaml } from '../yaml/dumpYaml';
import { editPolicy } from './applyPolicyChanges';
import type { FlowEnd, PolicyChange } from './planAllowFlow';
import { policyToRaw } from './ruleToRaw';

/** What a plan starts from: the model and its evaluation, and whether the app infers workloads from selectors (it does). */
export interface PlanContext {
  model: Model;
  evaluation: Evaluation;
  inferWorkloads?: boolean;
}

/** A connection other than the requested one that a plan would change, and why. */
export interface SideEffect {
  src: string;
  dst: string;
  before: ConnSet;
  after: ConnSet;
  reason: string;
}

/** The edit that would let a plan be exact: labels to add to a workload (through the what-if model), then plan again. */
export interface ExactFix {
  workload: string;
  labels: Labels;
  description: string;
}

/** The result of applying changes to the model: the evaluation after, every connection that changes, and validation errors of the written policies. */
export interface SimulatedChanges {
  after: Evaluation;
  changes: ConnectionChange[];
  errors: string[];
}

/** The range of an address piece id (`start-end[External]`), or undefined for a workload id. */
export function externalRange(id: string): IPRange | undefined {
  if (!id.endsWith('[External]')) return undefined;
  const [start, end] = id.slice(0, -'[External]'.length).split('-');
  const a = parseIP(start);
  const b = parseIP(end ?? '');
  return a && b ? { family: a.family, start: a.start, end: b.start } : undefined;
}

/** True when the peer id (workload or address piece) lies in the flow end. */
export function isInEnd(id: string, end: FlowEnd): boolean {
  if ('workload' in end) return id === end.workload;
  const range = externalRange(id);
  const block = parseCidr(end.cidr);
  return range !== undefined && block !== undefined && isInside(range, block);
}

/**
 * Applies planned changes to the model as the files would hold them: 1. each
 * edited or created policy is written as YAML and decoded again (so the
 * project's own validation judges it), 2. the model is rebuilt as decoding the
 * files would, workloads inferred again when the context does, 3. it is
 * evaluated and diffed against the one before,
 * address pieces cut at `cuts` too.
 */
export function simulateChanges(context: PlanContext, changes: readonly PolicyChange[], cuts: readonly IPRange[] = []): SimulatedChanges {
  const byId = new Map(context.model.policies.map((p) => [p.id, p]));
  const raws = new Map<string, RawMap>();
  for (const change of changes) {
    if (change.kind === 'create') {
      raws.set(change.policy, JSON.parse(JSON.stringify(change.manifest)) as RawMap);
      continue;
    }
    const existing = raws.get(change.policy) ?? (byId.has(change.policy) ? policyToRaw(byId.get(change.policy) as NetworkPolicy) : undefined);
    if (existing) raws.set(change.policy, editPolicy(existing, JSON.parse(JSON.stringify(change)) as typeof change));
  }
  const decoded = decodeModel([{ name: 'plan.yaml', text: dumpYaml([...raws.values()]) }]);
  const errors = decoded.issues.filter((i) => i.severity === 'error').map((i) => `${i.object ?? ''} ${i.path ?? ''}: ${i.message}`.trim());
  const written = new Map(decoded.model.policies.map((p) => [p.id, p]));
  const policies = [...context.model.policies.map((p) => written.get(p.id) ?? p), ...decoded.model.policies.filter((p) => !byId.has(p.id))];
  // 2. As decoding the files would, a namespace only a policy names exists with just its name label.
  const real = withoutInferred(context.model);
  const named = new Set(real.namespaces.map((ns) => ns.name));
  const referenced = policies.filter((p) => !named.has(p.namespace)).map((p) => p.namespace);
  const namespaces = [...real.namespaces, ...[...new Set(referenced)].map((name) => ({ name, labels: { [NAMESPACE_NAME_LABEL]: name }, isDeclared: false }))];
  const base = { ...real, namespaces, policies };
  const model = context.inferWorkloads ? inferWorkloads(base) : base;
  const after = evaluateModel(model, context.evaluation);
  return { after, changes: diffEvaluations(context.evaluation, after, cuts), errors };
}

/** True when a change of the requested pair is what was asked: after it holds `before` plus `wanted` (allow), or nothing (deny, `wanted` undefined). */
export function isRequestedOutcome(change: { before: ConnSet; after: ConnSet }, wanted: ConnSet | undefined): boolean {
  return wanted === undefined ? isEmptyConns(change.after) : equalConns(change.after, unionConns(change.before, wanted));
}

/**
 * The changes a plan makes besides the requested pair (`src` → `dst`), each with
 * a reason: the note recorded for one of its ends while planning, else why such
 * a change happens at all.
 */
export function sideEffectsOf(simulated: SimulatedChanges, context: PlanContext, src: FlowEnd, dst: FlowEnd, notes: ReadonlyMap<string, string>): SideEffect[] {
  const known = new Set(context.model.workloads.map((w) => w.id));
  const now = new Set(simulated.after.compiled.workloads.map((w) => w.id));
  const inferred = (id: string) => (id.endsWith('[External]') ? undefined : !known.has(id) ? `${id} is inferred from the policies' selectors and appears with this edit` : !now.has(id) ? `${id} is inferred from the policies' selectors and no longer needed after this edit` : undefined);
  return simulated.changes
    .filter((c) => !(isInEnd(c.src, src) && isInEnd(c.dst, dst)))
    .map((c) => ({
      src: c.src,
      dst: c.dst,
      before: c.before,
      after: c.after,
      reason: inferred(c.src) ?? inferred(c.dst) ?? notes.get(c.src) ?? notes.get(c.dst) ?? 'the edited rules and selectors govern this pair too',
    }));
}

/**
 * True when the evaluation holds the request: every address piece and workload
 * of `src` may open `wanted` toward every one of `dst` (allow), or nothing at
 * all (deny, `wanted` undefined); IPv4 and IPv6 pieces alike.
 */
export function isRequestMet(ev: Evaluation, src: FlowEnd, dst: FlowEnd, wanted: ConnSet | undefined): boolean {
  const block = 'cidr' in src ? parseCidr(src.cidr) : 'cidr' in dst ? parseCidr(dst.cidr) : undefined;
  const ranges = [...ev.ingressExternals, ...ev.egressExternals].map((e) => e.range).concat(block ? [block] : []);
  const pieces = ([4, 6] as const).flatMap((f) => partition(f, ranges));
  const table = connectionTable(ev, pieces);
  const ids = (end: FlowEnd) => ('workload' in end ? [end.workload] : pieces.filter((p) => block && isInside(p, block)).map((p) => `${formatRange(p)}[External]`));
  return ids(src).every((s) =>
    ids(dst).every((d) => {
      const conns = table.get(`${s}\u0000${d}`) ?? NO_CONNS;
      return wanted === undefined ? isEmptyConns(conns) : equalConns(intersectConns(conns, wanted), wanted);
    }),
  );
}
