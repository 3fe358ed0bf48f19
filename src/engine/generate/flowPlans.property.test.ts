import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../analyze';
import { formatConnSet, type ConnSet } from '../evaluate/connSet';
import { diffEvaluations, type ConnectionChange } from '../evaluate/diffEvaluations';
import { naiveEvaluate, naiveProbePorts, type NaiveEndpoint } from '../evaluate/naiveEvaluate';
import { portConns } from '../evaluate/portConns';
import { formatRange, parseCidr, partition, universe, type IPRange } from '../ip/ipRange';
import type { Model, NetworkPolicy, PolicyPort, SourceFile } from '../model/types';
import { modelToYaml } from '../testing/modelToYaml';
import { randomCluster } from '../testing/randomCluster';
import { appendObject } from './editObject';
import { applyPolicyChanges } from './applyPolicyChanges';
import { planAllowFlow, type FlowEnd, type PolicyChange } from './planAllowFlow';
import { isInEnd, isRequestMet, isRequestedOutcome, type SideEffect } from './planEffects';
import { planDenyFlow } from './planDenyFlow';
import { POLICY_TEMPLATES, policyTemplate } from './policyTemplates';

const SEED = 20260509;
/** Small clusters keep the file full of decisions (isolated sides, shared labels, pod addresses) and the run short. */
const CLUSTERS = randomCluster({ maxWorkloads: 5, maxPolicies: 3 });
const RUNS = 300;
/** The same clusters with up to three ClusterNetworkPolicies of either tier. */
const TIERED_CLUSTERS = randomCluster({ maxWorkloads: 5, maxPolicies: 3, maxClusterPolicies: 3 });
const TIERED_RUNS = 200;
/** The words of a refusal that an Admin-tier rule decides the flow. */
const ADMIN_REFUSAL = 'before any NetworkPolicy is consulted';
const EXTRA_CIDRS = ['0.0.0.0/0', '10.0.0.0/24', 'fd00::/64'];
const PORT_CHOICES: PolicyPort[][] = [
  [],
  [{ protocol: 'TCP', isProtocolDefaulted: false, port: 80 }],
  [{ protocol: 'UDP', isProtocolDefaulted: false, port: 53 }],
  [{ protocol: 'TCP', isProtocolDefaulted: false, port: 8080, endPort: 8090 }],
  [{ protocol: 'TCP', isProtocolDefaulted: false, port: 'http' }],
  [{ protocol: 'TCP', isProtocolDefaulted: false, port: 'nowhere' }],
];

interface Request {
  src: number;
  dst: number;
  ports: number;
}

interface Cluster {
  files: SourceFile[];
  before: Analysis;
}

const analyzeApp = (files: readonly SourceFile[]) => analyze(files, { inferWorkloads: true });
const context = (a: Analysis) => ({ model: a.model, evaluation: a.evaluation, inferWorkloads: true });
const requests = fc.array(fc.record({ src: fc.nat(), dst: fc.nat(), ports: fc.nat() }), { minLength: 3, maxLength: 3 });

function clusterOf(model: Model): Cluster {
  const files = modelToYaml(model);
  return { files, before: analyzeApp(files) };
}

/** The flow ends a person can drag between: every workload node, the ipBlocks as written, and a few other ranges. */
function endsOf(a: Analysis): FlowEnd[] {
  const cidrs = new Set([...a.model.policies.flatMap((p) => [...p.ingress, ...p.egress].flatMap((r) => r.peers.flatMap((q) => (q.kind === 'ipBlock' ? [q.cidr] : [])))), ...EXTRA_CIDRS]);
  return [...a.model.workloads.map((w) => ({ workload: w.id })), ...[...cidrs].map((cidr) => ({ cidr }))];
}

function pickFlow(a: Analysis, r: Request): [FlowEnd, FlowEnd] | undefined {
  const ends = endsOf(a);
  const n = a.model.workloads.length;
  const src = ends[r.src % ends.length];
  let dst = ends[r.dst % ends.length];
  if ('cidr' in src && 'cidr' in dst) dst = ends[r.dst % n];
  if ('workload' in src && 'workload' in dst && src.workload === dst.workload) return undefined;
  return [src, dst];
}

/** The model with a default-deny (ingress and egress) in the first workload's namespace, as most clusters that design flows have. */
function withDefaultDeny(model: Model): Model {
  const namespace = model.workloads[0].namespace;
  const policy: NetworkPolicy = { id: `${namespace}/default-deny`, namespace, name: 'default-deny', podSelector: { matchLabels: {}, matchExpressions: [] }, policyTypes: ['Ingress', 'Egress'], isPolicyTypesDefaulted: false, ingress: [], egress: [] };
  return { ...model, policies: [policy, ...model.policies] };
}

const text = (c: { src: string; dst: string; before: ConnSet; after: ConnSet }) => `${c.src} → ${c.dst}: ${formatConnSet(c.before) || '-'} ⇒ ${formatConnSet(c.after) || '-'}`;

/** Applies changes to the files as the app does and checks the outcome against the plan's promises. */
function applied(cluster: Cluster, changes: readonly PolicyChange[], src: FlowEnd, dst: FlowEnd, wanted: ConnSet | undefined, sideEffects: readonly SideEffect[]) {
  const fileOf = (id: string) => cluster.before.model.workloads.find((w) => w.id === id)?.source?.file;
  const files = applyPolicyChanges(cluster.files, changes, fileOf);
  const after = analyzeApp(files);
  const cuts = [src, dst].flatMap((e) => ('cidr' in e ? [parseCidr(e.cidr) as IPRange] : []));
  const diff = diffEvaluations(cluster.before.evaluation, after.evaluation, cuts);
  const requested = diff.filter((c) => isInEnd(c.src, src) && isInEnd(c.dst, dst));
  const others = diff.filter((c) => !requested.includes(c));
  expect(after.issues.filter((i) => i.severity === 'error'), 'output validates').toEqual([]);
  expect(isRequestMet(after.evaluation, src, dst, wanted), 'the requested connection changes as asked').toBe(true);
  expect(requested.filter((c) => !isRequestedOutcome(c, wanted)).map(text), 'the requested pair changes by exactly the request').toEqual([]);
  expect(others.map(text).sort(), 'nothing else changes unless the plan names it').toEqual(sideEffects.map(text).sort());
  return { after, diff };
}

/** One address per piece of both families (its first), plus the last address of each family. */
function probeAddresses(ranges: readonly IPRange[]): IPRange[] {
  return ([4, 6] as const).flatMap((f) => [...partition(f, ranges).map((p) => p.start), universe(f).end].map((v) => ({ family: f, start: v, end: v })));
}

/**
 * Compares the diff with the naive evaluator before and after: every workload
 * pair and every probe address against every workload, both IP families;
 * returns the disagreements.
 */
function naiveDisagreements(before: Analysis, after: Analysis, diff: readonly ConnectionChange[], cuts: readonly IPRange[]): string[] {
  const entry = new Map(diff.map((c) => [`${c.src}\u0000${c.dst}`, c]));
  const probes = [...new Set([...naiveProbePorts(before.model), ...naiveProbePorts(after.model)])].sort((a, b) => a - b);
  const out: string[] = [];
  const ids = [...new Set([...before.model.workloads, ...after.model.workloads].map((w) => w.id))];
  const endpoint = (a: Analysis, id: string): NaiveEndpoint | undefined => {
    const index = a.model.workloads.findIndex((w) => w.id === id);
    return index < 0 ? undefined : { kind: 'workload', index };
  };
  const naive = (a: Analysis, s: NaiveEndpoint | undefined, d: NaiveEndpoint | undefined) => (s && d ? naiveEvaluate(a.model, s, d, probes) : '');
  const check = (key: string, was: string, now: string) => {
    const c = entry.get(key);
    const shown = c ? [formatConnSet(c.before), formatConnSet(c.after)] : undefined;
    if (was === now ? shown !== undefined : !shown || shown[0] !== was || shown[1] !== now) out.push(`${key.replace('\u0000', ' → ')}: naive ${was || '-'} ⇒ ${now || '-'}, diff ${shown ? shown.join(' ⇒ ') : 'nothing'}`);
  };
  for (const s of ids) for (const d of ids) if (s !== d) check(`${s}\u0000${d}`, naive(before, endpoint(before, s), endpoint(before, d)), naive(after, endpoint(after, s), endpoint(after, d)));
  const ranges = [...before.evaluation.ingressExternals, ...before.evaluation.egressExternals, ...after.evaluation.ingressExternals, ...after.evaluation.egressExternals].map((e) => e.range).concat(cuts);
  const pieces = ([4, 6] as const).flatMap((f) => partition(f, ranges));
  for (const a of probeAddresses(ranges)) {
    const piece = pieces.find((p) => p.family === a.family && p.start <= a.start && a.start <= p.end) as IPRange;
    const id = `${formatRange(piece)}[External]`;
    const ip = formatRange(a).split('-')[0];
    const address: NaiveEndpoint = { kind: 'address', ip };
    for (const w of ids) {
      check(`${id}\u0000${w}`, naive(before, address, endpoint(before, w)), naive(after, address, endpoint(after, w)));
      check(`${w}\u0000${id}`, naive(before, endpoint(before, w), address), naive(after, endpoint(after, w), address));
    }
  }
  return out;
}

const tally = {
  allow: { plans: 0, exact: 0, refused: 0, already: 0, inferred: 0 },
  deny: { plans: 0, exact: 0, already: 0, inferred: 0 },
  tiers: { allowPlans: 0, allowAdminRefused: 0, allowAlready: 0, denyPlans: 0, denyAdminRefused: 0, denyAlready: 0 },
};

describe('flow plans on random clusters (seed printed by fast-check on failure)', () => {
  it('allow: the requested flow opens as asked, the YAML validates, every other change is named, and the diff agrees with the naive evaluator', () => {
    fc.assert(
      fc.property(CLUSTERS, requests, fc.boolean(), (model, reqs, isDefaultDeny) => {
        const cluster = clusterOf(isDefaultDeny ? withDefaultDeny(model) : model);
        fc.pre(cluster.before.issues.every((i) => i.severity !== 'error'));
        reqs.forEach((r, k) => {
          // A flow not allowed yet where one is near (what a person drags), else whatever was drawn.
          const ports = PORT_CHOICES[r.ports % PORT_CHOICES.length];
          const wantedOf = ([, d]: [FlowEnd, FlowEnd]) => portConns(ports, 'workload' in d ? cluster.before.model.workloads.find((w) => w.id === d.workload)?.ports : undefined);
          const tries = [0, 1, 2, 3].map((t) => pickFlow(cluster.before, { ...r, dst: r.dst + t })).filter((f): f is [FlowEnd, FlowEnd] => f !== undefined);
          const flow = tries.find((f) => !isRequestMet(cluster.before.evaluation, f[0], f[1], wantedOf(f))) ?? tries[0];
          if (!flow) return;
          const [src, dst] = flow;
          const dstW = 'workload' in dst ? cluster.before.model.workloads.find((w) => w.id === dst.workload) : undefined;
          const plan = planAllowFlow(context(cluster.before), src, dst, ports);
          const named = ports.find((p) => typeof p.port === 'string');
          const resolves = !named || (dstW?.ports.some((c) => c.name === named.port && c.protocol === named.protocol) ?? false);
          const isInferred = [src, dst].some((e) => 'workload' in e && cluster.before.model.workloads.find((w) => w.id === e.workload)?.isInferred);
          if (resolves && isInferred && plan.refusal?.includes('inferred')) return void tally.allow.inferred++;
          expect(plan.refusal !== undefined, `refused only for a named port ${JSON.stringify(dst)} lacks: ${plan.refusal}`).toBe(!resolves);
          if (plan.refusal) return void tally.allow.refused++;
          const wanted = portConns(ports, dstW?.ports);
          if (plan.isAlreadyAllowed) {
            tally.allow.already++;
            expect(isRequestMet(cluster.before.evaluation, src, dst, wanted), 'already allowed means allowed').toBe(true);
            return;
          }
          tally.allow.plans++;
          if (plan.sideEffects.length === 0) tally.allow.exact++;
          const { after, diff } = applied(cluster, plan.changes, src, dst, wanted, plan.sideEffects);
          if (k === 0) expect(naiveDisagreements(cluster.before, after, diff, 'cidr' in src ? [parseCidr(src.cidr) as IPRange] : 'cidr' in dst ? [parseCidr(dst.cidr) as IPRange] : [])).toEqual([]);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(`allow plans: ${JSON.stringify(tally.allow)}`);
  });

  it('allow with cluster tiers: refused only for an unresolved named port, an inferred end or an Admin rule that denies first (named), otherwise the flow opens as asked and every other change is named', () => {
    fc.assert(
      fc.property(TIERED_CLUSTERS, requests, (model, reqs) => {
        const cluster = clusterOf(model);
        fc.pre(cluster.before.issues.every((i) => i.severity !== 'error'));
        reqs.forEach((r, k) => {
          // A flow not allowed yet where one is near, else whatever was drawn.
          const ports = PORT_CHOICES[r.ports % PORT_CHOICES.length];
          const wantedOf = ([, d]: [FlowEnd, FlowEnd]) => portConns(ports, 'workload' in d ? cluster.before.model.workloads.find((w) => w.id === d.workload)?.ports : undefined);
          const tries = [0, 1, 2, 3, 4, 5].map((t) => pickFlow(cluster.before, { ...r, dst: r.dst + t })).filter((f): f is [FlowEnd, FlowEnd] => f !== undefined);
          const flow = tries.find((f) => !isRequestMet(cluster.before.evaluation, f[0], f[1], wantedOf(f))) ?? tries[0];
          if (!flow) return;
          const [src, dst] = flow;
          const dstW = 'workload' in dst ? cluster.before.model.workloads.find((w) => w.id === dst.workload) : undefined;
          const wanted = wantedOf(flow);
          const plan = planAllowFlow(context(cluster.before), src, dst, ports);
          const named = ports.find((p) => typeof p.port === 'string');
          const resolves = !named || (dstW?.ports.some((c) => c.name === named.port && c.protocol === named.protocol) ?? false);
          const isInferred = [src, dst].some((e) => 'workload' in e && cluster.before.model.workloads.find((w) => w.id === e.workload)?.isInferred);
          if (!resolves || (isInferred && plan.refusal?.includes('inferred'))) return;
          if (plan.refusal) {
            expect(plan.refusal, 'the only other refusal: an Admin rule decides first').toContain(ADMIN_REFUSAL);
            expect(isRequestMet(cluster.before.evaluation, src, dst, wanted), 'an Admin Deny leaves the flow closed').toBe(false);
            return void tally.tiers.allowAdminRefused++;
          }
          if (plan.isAlreadyAllowed) {
            tally.tiers.allowAlready++;
            expect(isRequestMet(cluster.before.evaluation, src, dst, wanted), 'already allowed means allowed').toBe(true);
            return;
          }
          tally.tiers.allowPlans++;
          const { after, diff } = applied(cluster, plan.changes, src, dst, wanted, plan.sideEffects);
          if (k === 0) expect(naiveDisagreements(cluster.before, after, diff, 'cidr' in src ? [parseCidr(src.cidr) as IPRange] : 'cidr' in dst ? [parseCidr(dst.cidr) as IPRange] : [])).toEqual([]);
        });
      }),
      { seed: SEED + 3, numRuns: TIERED_RUNS },
    );
    console.info(`tiered plans: ${JSON.stringify(tally.tiers)}`);
  });

  it('deny with cluster tiers: refused only when an Admin Accept decides first (named), otherwise the flow is gone after Apply and every other change is named', () => {
    fc.assert(
      fc.property(TIERED_CLUSTERS, requests, (model, reqs) => {
        const cluster = clusterOf(model);
        fc.pre(cluster.before.issues.every((i) => i.severity !== 'error'));
        const open = cluster.before.connections.filter((c) => !c.src.endsWith('[External]') && !c.dst.endsWith('[External]'));
        reqs.forEach((r, k) => {
          const flow: [FlowEnd, FlowEnd] | undefined = r.ports % 3 !== 0 && open.length > 0 ? [{ workload: open[r.src % open.length].src }, { workload: open[r.src % open.length].dst }] : pickFlow(cluster.before, r);
          if (!flow) return;
          const [src, dst] = flow;
          const plan = planDenyFlow(context(cluster.before), src, dst);
          const isInferred = [src, dst].some((e) => 'workload' in e && cluster.before.model.workloads.find((w) => w.id === e.workload)?.isInferred);
          if (isInferred && plan.refusal?.includes('inferred')) return;
          if (plan.refusal) {
            expect(plan.refusal, 'the only refusal: an Admin Accept decides first').toContain(ADMIN_REFUSAL);
            return void tally.tiers.denyAdminRefused++;
          }
          if (plan.isAlreadyDenied) {
            tally.tiers.denyAlready++;
            expect(isRequestMet(cluster.before.evaluation, src, dst, undefined), 'already denied means denied').toBe(true);
            return;
          }
          tally.tiers.denyPlans++;
          const { after, diff } = applied(cluster, plan.changes, src, dst, undefined, plan.sideEffects);
          if (k === 0) expect(naiveDisagreements(cluster.before, after, diff, 'cidr' in src ? [parseCidr(src.cidr) as IPRange] : 'cidr' in dst ? [parseCidr(dst.cidr) as IPRange] : [])).toEqual([]);
        });
      }),
      { seed: SEED + 4, numRuns: TIERED_RUNS },
    );
    console.info(`tiered plans: ${JSON.stringify(tally.tiers)}`);
  });

  it('deny: the flow is gone after Apply, the YAML validates, every other change is named, and the diff agrees with the naive evaluator', () => {
    fc.assert(
      fc.property(CLUSTERS, requests, (model, reqs) => {
        const cluster = clusterOf(model);
        fc.pre(cluster.before.issues.every((i) => i.severity !== 'error'));
        const open = cluster.before.connections.filter((c) => !c.src.endsWith('[External]') && !c.dst.endsWith('[External]'));
        reqs.forEach((r, k) => {
          // Mostly an allowed workload pair (what a person deletes), else any pair of ends.
          const flow: [FlowEnd, FlowEnd] | undefined = r.ports % 3 !== 0 && open.length > 0 ? [{ workload: open[r.src % open.length].src }, { workload: open[r.src % open.length].dst }] : pickFlow(cluster.before, r);
          if (!flow) return;
          const [src, dst] = flow;
          const plan = planDenyFlow(context(cluster.before), src, dst);
          const isInferred = [src, dst].some((e) => 'workload' in e && cluster.before.model.workloads.find((w) => w.id === e.workload)?.isInferred);
          if (isInferred && plan.refusal?.includes('inferred')) return void tally.deny.inferred++;
          expect(plan.refusal, 'a deny plan is always possible between workloads of the files').toBeUndefined();
          if (plan.isAlreadyDenied) {
            tally.deny.already++;
            expect(isRequestMet(cluster.before.evaluation, src, dst, undefined), 'already denied means denied').toBe(true);
            return;
          }
          tally.deny.plans++;
          if (plan.sideEffects.length === 0) tally.deny.exact++;
          const { after, diff } = applied(cluster, plan.changes, src, dst, undefined, plan.sideEffects);
          if (k === 0) expect(naiveDisagreements(cluster.before, after, diff, 'cidr' in src ? [parseCidr(src.cidr) as IPRange] : 'cidr' in dst ? [parseCidr(dst.cidr) as IPRange] : [])).toEqual([]);
        });
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    console.info(`deny plans: ${JSON.stringify(tally.deny)}`);
  });

  it('templates: the policy validates, changes only the namespace it is applied to, and the diff agrees with the naive evaluator', () => {
    fc.assert(
      fc.property(CLUSTERS, fc.nat(), fc.nat(), (model, t, n) => {
        const cluster = clusterOf(model);
        fc.pre(cluster.before.issues.every((i) => i.severity !== 'error'));
        const { id } = POLICY_TEMPLATES[t % POLICY_TEMPLATES.length];
        const namespace = cluster.before.model.namespaces[n % cluster.before.model.namespaces.length].name;
        const manifest = policyTemplate(id, namespace, { cidrs: ['10.0.0.0/8', 'fd00::/8'] });
        const after = analyzeApp(appendObject(cluster.files, { ...manifest, metadata: { name: `t-${id}`, namespace } }));
        expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const diff = diffEvaluations(cluster.before.evaluation, after.evaluation);
        const governed = (c: ConnectionChange) => [c.src, c.dst].some((e) => after.model.workloads.find((w) => w.id === e)?.namespace === namespace || !cluster.before.model.workloads.some((w) => w.id === e) || !after.model.workloads.some((w) => w.id === e));
        expect(diff.filter((c) => !governed(c)).map(text), 'only the namespace the template is applied to changes').toEqual([]);
        expect(naiveDisagreements(cluster.before, after, diff, [])).toEqual([]);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
