import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../analyze';
import { connSetOf, formatConnSet, intersectConns, isEmptyConns, subtractConns, unionConns, NO_CONNS, type ConnSet } from '../evaluate/connSet';
import { diffEvaluations, type ConnectionChange } from '../evaluate/diffEvaluations';
import { isInside, parseIP, type IPRange } from '../ip/ipRange';
import { isDnsServer } from '../lint/lintDns';
import type { ClusterPolicy, LabelSelector, Model, Protocol, SourceFile, Workload } from '../model/types';
import { addressRange } from '../observe/addressBlocks';
import { classifyObservedFlows } from '../observe/classifyObservedFlows';
import type { ObservedEnd } from '../observe/endpointResolver';
import { mapObservedFlows, type MappedFlow } from '../observe/mapObservedFlows';
import { parseObservedFlows } from '../observe/parseObservedFlows';
import { modelToYaml } from '../testing/modelToYaml';
import { randomCluster } from '../testing/randomCluster';
import { applyPolicyChanges } from './applyPolicyChanges';
import { externalRange } from './planEffects';
import { sameLabels } from './exactSelector';
import { planObservedPolicies } from './planObservedPolicies';

const SEED = 20261203;
const CLUSTERS = randomCluster({ maxWorkloads: 5, maxPolicies: 3 });
const TIERED_CLUSTERS = randomCluster({ maxWorkloads: 5, maxPolicies: 3, maxClusterPolicies: 3 });
const RUNS = 150;
/** Addresses outside the cluster, one holding pod addresses (randomCluster puts pods in 10.0.0.0/24), one IPv6, a range. */
const ADDRESSES = ['203.0.113.7', '10.0.0.0/24', '10.0.0.4-10.0.0.9', 'fd00::5', '198.51.100.0/30'];
const PORTS = [53, 80, 443, 5432, 8080];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
/** The words of a refusal that an Admin-tier rule decides the flow. */
const ADMIN_REFUSAL = 'before any NetworkPolicy is consulted';
const DNS = unionConns(connSetOf('UDP', 53, 53), connSetOf('TCP', 53, 53));

/** Observed flows as indexes into the ends; half the destinations are the first two workloads, so that flows share a side. */
const drawn = fc.array(fc.record({ src: fc.nat(), dst: fc.oneof(fc.nat(), fc.nat({ max: 1 })), port: fc.nat(), protocol: fc.nat() }), { minLength: 1, maxLength: 6 });

const analyzeApp = (files: readonly SourceFile[]) => analyze(files, { inferWorkloads: true });

/** A connection-list CSV of observed flows between the cluster's real workloads (by id or by pod address) and a few addresses. */
function observedCsv(a: Analysis, picks: readonly { src: number; dst: number; port: number; protocol: number }[]): string {
  const real = a.model.workloads.filter((w) => !w.isInferred);
  const ends = [...real.map((w) => w.id), ...real.flatMap((w) => w.ips.slice(0, 1)), ...ADDRESSES];
  const rows = picks.flatMap((p) => {
    const src = ends[p.src % ends.length];
    let dst = ends[p.dst % ends.length];
    if (dst === src) dst = ends[(p.dst + 1) % ends.length];
    const ports = [...PORTS, ...real.flatMap((w) => w.ports.map((c) => c.containerPort))];
    return [`${src},${dst},${PROTOCOLS[p.protocol % 3]} ${ports[p.port % ports.length]}`];
  });
  return ['src,dst,conn', ...rows].join('\n');
}

/** True when the peer id (workload or address piece) stands for the observed end, or no selector or ipBlock can tell it from the end. */
function standsFor(id: string, end: ObservedEnd, workloads: ReadonlyMap<string, Workload>): { exact: boolean; twin: boolean } {
  if (end.kind === 'workload') {
    const a = workloads.get(id);
    const b = workloads.get(end.id);
    return { exact: id === end.id, twin: a !== undefined && b !== undefined && a.namespace === b.namespace && sameLabels(a, b) };
  }
  const range = end.kind === 'address' ? addressRange(end.address) : undefined;
  if (!range) return { exact: false, twin: false };
  const piece = externalRange(id);
  const w = workloads.get(id);
  const podInside = w?.ips.some((ip) => isInside(parseIP(ip) as IPRange, range)) ?? false;
  return { exact: piece !== undefined && isInside(piece, range), twin: podInside };
}

const text = (c: { src: string; dst: string; before: ConnSet; after: ConnSet }) => `${c.src} → ${c.dst}: ${formatConnSet(c.before) || '-'} ⇒ ${formatConnSet(c.after) || '-'}`;

interface Tally {
  clusters: number;
  flows: number;
  plannedFlows: number;
  changes: number;
  /** New policies holding rules for more than one observed peer (merged per workload and direction). */
  mergedPolicies: number;
  adminRefused: number;
  unplannedRefused: number;
  twins: number;
  dns: number;
  tightened: number;
  defaultDenied: number;
}

const newTally = (): Tally => ({ clusters: 0, flows: 0, plannedFlows: 0, changes: 0, mergedPolicies: 0, adminRefused: 0, unplannedRefused: 0, twins: 0, dns: 0, tightened: 0, defaultDenied: 0 });

/** The model with a cluster DNS server (and its namespace) added, as most clusters have. */
function withDnsServer(model: Model): Model {
  const dns: Workload = { id: 'kube-system/coredns[Deployment]', namespace: 'kube-system', name: 'coredns', kind: 'Deployment', labels: { 'k8s-app': 'kube-dns' }, ports: [{ containerPort: 53, protocol: 'UDP' }], ips: [], hostNetwork: false };
  const namespaces = model.namespaces.some((n) => n.name === 'kube-system') ? model.namespaces : [...model.namespaces, { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' }, isDeclared: false }];
  return { ...model, namespaces, workloads: model.workloads.some((w) => w.id === dns.id) ? model.workloads : [...model.workloads, dns] };
}

const ALL: LabelSelector = { matchLabels: {}, matchExpressions: [] };
/** An Admin-tier policy ahead of the generated ones (with {@link FLOOR}): no egress to 203.0.113.0/24, no ingress from `app: db` pods on TCP 80 and 8080. */
const GUARD: ClusterPolicy = {
  id: 'ClusterNetworkPolicy guard',
  kind: 'ClusterNetworkPolicy',
  name: 'guard',
  tier: 'Admin',
  priority: 0,
  subject: { kind: 'namespaces', namespaceSelector: ALL },
  egress: [{ name: 'no-documentation-net', action: 'Deny', peers: [{ kind: 'networks', cidrs: ['203.0.113.0/24'] }] }],
  ingress: [{ name: 'no-db-callers', action: 'Deny', peers: [{ kind: 'pods', namespaceSelector: ALL, podSelector: { matchLabels: { app: 'db' }, matchExpressions: [] } }], ports: [80, 8080].map((port) => ({ protocol: 'TCP' as const, isProtocolDefaulted: false, port })) }],
};

/** A Baseline-tier policy: no ingress from pods with an `app` label, so that allowing one flow makes a NetworkPolicy isolate a side others relied on. */
const FLOOR: ClusterPolicy = {
  id: 'ClusterNetworkPolicy floor',
  kind: 'ClusterNetworkPolicy',
  name: 'floor',
  tier: 'Baseline',
  priority: 0,
  subject: { kind: 'namespaces', namespaceSelector: ALL },
  egress: [],
  ingress: [{ name: 'no-app-callers', action: 'Deny', peers: [{ kind: 'pods', namespaceSelector: ALL, podSelector: { matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'Exists', values: [] }] } }] }],
};

function check(tally: Tally, generated: Model, picks: readonly { src: number; dst: number; port: number; protocol: number }[], defaultDeny: boolean, hasDns: boolean, hasGuard = false, hasPolicies = true): void {
  const withDns = hasDns ? withDnsServer(generated) : generated;
  // With the tiers, half the time a plain cluster (no NetworkPolicy, no host-network pod): every side open until a plan isolates it.
  const plain = hasPolicies ? withDns : { ...withDns, policies: [], workloads: withDns.workloads.map((w) => ({ ...w, hostNetwork: false })) };
  const model = hasGuard ? { ...plain, clusterPolicies: [GUARD, ...plain.clusterPolicies, FLOOR] } : withDns;
  const files = modelToYaml(model);
  const before = analyzeApp(files);
  fc.pre(before.issues.every((i) => i.severity !== 'error'));
  const csv = observedCsv(before, picks);
  const mapped = mapObservedFlows(before.model, parseObservedFlows(csv, 'flows.csv').flows);
  const judged = classifyObservedFlows(before.evaluation, mapped).flows;
  const plan = planObservedPolicies(before.model, before.evaluation, mapped, { defaultDeny, inferWorkloads: true });
  const fileOf = (id: string) => before.model.workloads.find((w) => w.id === id)?.source?.file;
  const after = analyzeApp(applyPolicyChanges(files, plan.changes, fileOf));
  tally.clusters++;
  tally.flows += mapped.flows.length;
  tally.changes += plan.changes.length;
  for (const c of plan.changes) {
    const spec = c.kind === 'create' ? (c.manifest.spec as Record<string, unknown>) : undefined;
    if (spec && [spec.ingress, spec.egress].some((rules) => Array.isArray(rules) && rules.length > 1)) tally.mergedPolicies++;
  }
  tally.tightened += plan.tightened.length;
  expect(plan.errors).toEqual([]);
  expect(after.issues.filter((i) => i.severity === 'error'), 'output validates').toEqual([]);
  // 1. Every observed flow the model judges is allowed after, unless refused for an Admin-tier Deny.
  const refused = new Map(plan.refused.map((r) => [r.flow, r.reason]));
  const now = classifyObservedFlows(after.evaluation, mapObservedFlows(after.model, parseObservedFlows(csv, 'flows.csv').flows)).flows;
  mapped.flows.forEach((flow, k) => {
    const was = judged[k];
    const reason = refused.get(flow);
    if (was.state === 'notEvaluated' && was.reason !== 'addressNotEvaluated') {
      const isUnplanned = was.reason === 'unknownEnd' || was.reason === 'sameWorkload';
      expect(reason !== undefined, `${flowText(flow)} (${was.reason}) is refused exactly when no rule can be written for it`).toBe(isUnplanned);
      if (isUnplanned) tally.unplannedRefused++;
      return;
    }
    tally.plannedFlows++;
    if (reason !== undefined) {
      tally.adminRefused++;
      return void expect(reason, 'the only refusal: an Admin rule decides first').toContain(ADMIN_REFUSAL);
    }
    expect(now[k].state === 'allowed' || (now[k].state === 'notEvaluated' && now[k].reason === 'addressNotEvaluated'), `${flowText(flow)} is allowed after the plan`).toBe(true);
  });
  // 2. Whatever becomes allowed is needed by an observed flow, or no selector or ipBlock can tell it from one, or is DNS kept.
  const workloads = new Map([...before.model.workloads, ...after.model.workloads].map((w) => [w.id, w]));
  const cuts = mapped.flows.flatMap((f) => [f.src, f.dst]).flatMap((e) => (e.kind === 'address' ? [addressRange(e.address) as IPRange] : []));
  const diff = diffEvaluations(before.evaluation, after.evaluation, cuts);
  const unexplained: string[] = [];
  const known = (id: string) => id.endsWith('[External]') || (before.model.workloads.some((w) => w.id === id && !w.isInferred) && after.model.workloads.some((w) => w.id === id));
  for (const c of diff.filter((x) => known(x.src) && known(x.dst))) {
    const added = subtractConns(c.after, c.before);
    if (isEmptyConns(added)) continue;
    let needed = NO_CONNS;
    let forced = NO_CONNS;
    for (const f of mapped.flows) {
      const s = standsFor(c.src, f.src, workloads);
      const d = standsFor(c.dst, f.dst, workloads);
      const conn = connSetOf(f.protocol, f.port, f.port);
      if (s.exact && d.exact) needed = unionConns(needed, conn);
      else if ((s.exact || s.twin) && (d.exact || d.twin)) forced = unionConns(forced, conn);
    }
    let rest = subtractConns(added, needed);
    if (!isEmptyConns(intersectConns(rest, forced))) tally.twins++;
    rest = subtractConns(rest, forced);
    const dst = workloads.get(c.dst);
    if (dst && isDnsServer(dst.labels) && !isEmptyConns(intersectConns(rest, DNS))) {
      tally.dns++;
      rest = subtractConns(rest, DNS);
    }
    if (!isEmptyConns(rest)) unexplained.push(`${text(c)} (unexplained ${formatConnSet(rest)})`);
    if (!c.src.endsWith('[External]') && !c.dst.endsWith('[External]') && !isEmptyConns(subtractConns(added, needed)) && !isEmptyConns(subtractConns(subtractConns(added, needed), DNS))) {
      expect(plan.widened.map((w) => `${w.src} → ${w.dst}`), 'the plan names what labels force open').toContain(`${c.src} → ${c.dst}`);
    }
  }
  expect(unexplained, 'nothing else becomes allowed').toEqual([]);
  // 3. The plan's tightened list is what the diff shows denied between workloads.
  const lost = (x: ConnectionChange) => !isEmptyConns(subtractConns(x.before, x.after)) && !x.src.endsWith('[External]') && !x.dst.endsWith('[External]');
  expect(plan.tightened.filter(lost).map(text).sort()).toEqual(diff.filter(lost).map(text).sort());
  // 4. With defaultDeny, every pod of a namespace with an observed workload is isolated both ways.
  if (!defaultDeny) return;
  const { compiled } = after.evaluation;
  const namespaces = new Set(mapped.flows.filter((_, k) => judged[k].state !== 'notEvaluated' || judged[k].reason === 'addressNotEvaluated').flatMap((f) => [f.src, f.dst]).flatMap((e) => (e.kind === 'workload' ? [workloads.get(e.id)?.namespace ?? ''] : [])));
  for (const ns of namespaces) {
    tally.defaultDenied++;
    const open = compiled.workloads.filter((w, i) => w.namespace === ns && (compiled.ingressPolicies[i].length === 0 || compiled.egressPolicies[i].length === 0));
    expect(open.map((w) => w.id), `every pod of ${ns} is default-denied`).toEqual([]);
  }
}

function flowText(f: MappedFlow): string {
  const end = (e: ObservedEnd) => (e.kind === 'workload' ? e.id : e.kind === 'address' ? e.address : e.label);
  return `${end(f.src)} → ${end(f.dst)} ${f.protocol} ${f.port}`;
}

describe('planObservedPolicies on random clusters and observed flows (seed printed by fast-check on failure)', () => {
  it('allows every observed flow, nothing else that labels allow to tell apart, and default-denies the observed namespaces', () => {
    const tally = newTally();
    fc.assert(
      fc.property(CLUSTERS, drawn, fc.boolean(), fc.boolean(), (model, picks, defaultDeny, hasDns) => check(tally, model, picks, defaultDeny, hasDns)),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(`observed plans: ${JSON.stringify(tally)}`);
  });

  it('with cluster tiers: the same, and a flow is refused only when an Admin-tier Deny decides it (named)', () => {
    const tally = newTally();
    fc.assert(
      fc.property(TIERED_CLUSTERS, drawn, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (model, picks, defaultDeny, hasDns, hasGuard, hasPolicies) => check(tally, model, picks, defaultDeny, hasDns, hasGuard, hasPolicies)),
      { seed: SEED + 1, numRuns: RUNS },
    );
    console.info(`observed plans with tiers: ${JSON.stringify(tally)}`);
  });
});
