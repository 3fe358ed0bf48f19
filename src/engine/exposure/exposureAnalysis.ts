import type { LabelSelector, Model } from '../model/types';
import type { Direction } from '../evaluate/compileModel';
import type { Evaluation, ExternalPeer } from '../evaluate/evaluateModel';
import { isEmptyConns, type ConnSet } from '../evaluate/connSet';
import { isAnalyzerPeer } from '../format/formatConnlistTxt';
import { NAMESPACE_NAME_LABEL } from '../decode/decodeModel';
import { ALL_POTENTIAL, equalPotential, intersectPotential, isEmptyPotential, potentialConns, type PotentialConns } from './potentialConns';
import { representativePeers, type Representative } from './representativePeers';
import type { ExposureEnd, RepresentativeFilter } from './peerAdmits';
import { exposurePolicies, exposureSide, governance, namingFilters, type Governance, type SideResult } from './exposureSide';
import { resolveNamedPorts } from './rulePotentialConns';
import { formatExposurePeer } from './formatExposurePeer';

/**
 * A peer a workload is exposed to: every pod of every namespace (`entire-cluster`), the pods a policy rule names but the
 * cluster does not hold (pods matching `podSelector`, absent: any pod, in namespaces matching `namespaceSelector`, empty:
 * any namespace; `namespace` when the selector pins one namespace by name), or a range of addresses outside the cluster.
 */
export type ExposurePeer =
  | { kind: 'entire-cluster' }
  | { kind: 'pods'; namespace?: string; namespaceSelector: LabelSelector; podSelector?: LabelSelector }
  | { kind: 'external'; id: string };

/** A rule that opens an exposure: a NetworkPolicy or cluster policy id, the direction and the rule's index in it. */
export interface ExposureRule {
  policy: string;
  direction: Direction;
  ruleIndex: number;
}

/** One exposure of one side of a workload: to whom, on which connections, and the rules of the workload's side that admit that peer (none for an address range or a side no policy governs). */
export interface ExposureEntry {
  peer: ExposurePeer;
  conns: PotentialConns;
  rules: ExposureRule[];
}

/** One side (ingress or egress) of a workload: whether any policy isolates it, and what it is exposed to. */
export interface SideExposure {
  isProtected: boolean;
  entries: ExposureEntry[];
}

/** The exposure of one workload on both sides. */
export interface WorkloadExposure {
  workload: string;
  ingress: SideExposure;
  egress: SideExposure;
}

/** The exposure analysis of a model: the exposed workloads, sorted by id. */
export interface ExposureAnalysis {
  workloads: WorkloadExposure[];
}

function podsPeer(rep: Representative): ExposurePeer {
  const names = Object.keys(rep.namespaceSelector.matchLabels);
  const isNamed = names.length === 1 && names[0] === NAMESPACE_NAME_LABEL && rep.namespaceSelector.matchExpressions.length === 0;
  return {
    kind: 'pods',
    ...(isNamed ? { namespace: rep.namespaceSelector.matchLabels[NAMESPACE_NAME_LABEL] } : {}),
    namespaceSelector: rep.namespaceSelector,
    ...(rep.podSelector ? { podSelector: rep.podSelector } : {}),
  };
}

/** A representative peer with the policies governing each of its sides. */
interface GovernedRepresentative {
  end: ExposureEnd & { kind: 'representative' };
  ingress: Governance;
  egress: Governance;
}

/** The representatives of a model, those a cluster policy governs on each side, and those each key filter names (indices). */
interface Representatives {
  all: readonly GovernedRepresentative[];
  governed: { ingress: readonly number[]; egress: readonly number[] };
  byFilter: ReadonlyMap<string, readonly number[]>;
}

type Filter = Exclude<RepresentativeFilter, 'every' | 'none'>;

const filterKey = (f: Filter) => `${f.namespace ?? ''}\t${f.namespaceKey ?? ''}\t${f.podKey ?? ''}`;

/** Indexes representatives under every filter that names them: by namespace or namespace key, pod key, or both. */
function indexRepresentatives(all: readonly GovernedRepresentative[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const add = (f: Filter, i: number) => {
    const key = filterKey(f);
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  all.forEach(({ end: { representative: r } }, i) => {
    add({ podKey: r.podKey }, i);
    add({ namespaceKey: r.namespaceKey }, i);
    add({ namespaceKey: r.namespaceKey, podKey: r.podKey }, i);
    if (r.namespace !== undefined) {
      add({ namespace: r.namespace }, i);
      add({ namespace: r.namespace, podKey: r.podKey }, i);
    }
  });
  return index;
}

/** A representative no rule selector names (no selector has these keys): it gets what every representative gets from rules naming every pod. */
const UNNAMED: ExposureEnd = {
  kind: 'representative',
  representative: { key: '', namespaceSelector: { matchLabels: {}, matchExpressions: [] }, namespaceKey: '\u0000', podKey: '\u0000' },
};

const EVERYTHING: SideResult = { conns: ALL_POTENTIAL, rules: [] };

/**
 * 1. When no policy isolates the side, it is exposed to every pod on every connection. 2. Otherwise to every pod on
 * what its rules naming every namespace allow (through the tiers), and 3. to each representative peer on what the two
 * sides of that connection allow, unless that equals the cluster-wide exposure, or is empty while there is none (an
 * empty one under a cluster-wide exposure says the peer is excluded from it). A representative no rule of the side
 * names and no cluster policy governs gets what an unnamed one gets, so only the others are looked at when that is no
 * exposure; representatives under the same cluster policies answer alike on their side.
 */
function sideExposure(gov: Governance, w: ExposureEnd & { kind: 'workload' }, direction: Direction, reps: Representatives): SideExposure {
  const isProtected = gov.isolating.length > 0 || gov.admin.length > 0 || gov.baseline.length > 0;
  if (!isProtected) return { isProtected: false, entries: [{ peer: { kind: 'entire-cluster' }, conns: ALL_POTENTIAL, rules: [] }] };
  const wideSide = exposureSide(gov, direction, undefined, undefined);
  const wide = direction === 'ingress' ? resolveNamedPorts(w.workload, wideSide.conns) : wideSide.conns;
  const entries: ExposureEntry[] = isEmptyPotential(wide) ? [] : [{ peer: { kind: 'entire-cluster' }, conns: wide, rules: wideSide.rules }];
  const isNoExposure = (conns: PotentialConns) => (isEmptyPotential(wide) ? isEmptyPotential(conns) : equalPotential(conns, wide));
  const ownSide = (rep: ExposureEnd) => (direction === 'egress' ? exposureSide(gov, 'egress', rep, rep) : exposureSide(gov, 'ingress', rep, w));
  const unnamed = ownSide(UNNAMED);
  const named = new Set(namingFilters(gov, direction).flatMap((f) => reps.byFilter.get(filterKey(f)) ?? []));
  const remotes = new Map<string, SideResult>();
  const remoteSide = (rep: GovernedRepresentative): SideResult => {
    const remoteGov = direction === 'egress' ? rep.ingress : rep.egress;
    if (remoteGov.admin.length === 0 && remoteGov.baseline.length === 0) return EVERYTHING;
    const key = [...remoteGov.admin, ...remoteGov.baseline].map((p) => p.id).join('\n');
    let remote = remotes.get(key);
    if (!remote) remotes.set(key, (remote = direction === 'egress' ? exposureSide(remoteGov, 'ingress', w, rep.end) : exposureSide(remoteGov, 'egress', w, w)));
    return remote;
  };
  const candidates = isNoExposure(unnamed.conns) ? new Set([...named, ...reps.governed[direction === 'egress' ? 'ingress' : 'egress']]) : reps.all.keys();
  for (const i of candidates) {
    const rep = reps.all[i];
    const own = named.has(i) ? ownSide(rep.end) : unnamed;
    const conns = intersectPotential(own.conns, remoteSide(rep).conns);
    if (isNoExposure(conns)) continue;
    entries.push({ peer: podsPeer(rep.end.representative), conns, rules: own.rules });
  }
  return { isProtected: true, entries };
}

/**
 * The exposure analysis of netpol-analyzer (`list --exposure`): for each workload and side, the peers the cluster does
 * not hold that its policies would let in or out (every pod, pods a rule names, addresses), with the connections and the
 * rules responsible; the address ranges come from `evaluation` (of the same model). Inferred workloads
 * are left out: they stand for the very pods exposure reports. A workload protected on both sides and exposed to no
 * such pod is left out too, as netpol-analyzer does (its address flows are in the connection list).
 */
export function exposureAnalysis(model: Model, evaluation: Evaluation): ExposureAnalysis {
  const policies = exposurePolicies(model);
  const nsLabels = new Map(model.namespaces.map((ns) => [ns.name, ns.labels]));
  const all = representativePeers(model).map((representative): GovernedRepresentative => {
    const end = { kind: 'representative' as const, representative };
    return { end, ingress: governance(policies, end, 'ingress'), egress: governance(policies, end, 'egress') };
  });
  const governedOn = (direction: Direction) => all.flatMap((r, i) => (r[direction].admin.length > 0 || r[direction].baseline.length > 0 ? [i] : []));
  const reps: Representatives = { all, governed: { ingress: governedOn('ingress'), egress: governedOn('egress') }, byFilter: indexRepresentatives(all) };
  const { compiled, ingressExternals, egressExternals, fromExternal } = evaluation;
  const n = compiled.workloads.length;
  const externals = (peers: readonly ExternalPeer[], connsOf: (k: number) => ConnSet): ExposureEntry[] =>
    peers.flatMap((ext, k) => {
      const conns = connsOf(k);
      return isAnalyzerPeer(ext.id) && !isEmptyConns(conns) ? [{ peer: { kind: 'external' as const, id: ext.id }, conns: potentialConns(conns), rules: [] }] : [];
    });
  const sorted = (entries: ExposureEntry[]) => entries.map((e) => ({ e, key: formatExposurePeer(e.peer) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ e }) => e);
  const out: WorkloadExposure[] = [];
  for (const workload of model.workloads) {
    if (workload.isInferred) continue;
    const end = { kind: 'workload' as const, workload, namespaceLabels: nsLabels.get(workload.namespace) ?? { [NAMESPACE_NAME_LABEL]: workload.namespace } };
    const ingress = sideExposure(governance(policies, end, 'ingress'), end, 'ingress', reps);
    const egress = sideExposure(governance(policies, end, 'egress'), end, 'egress', reps);
    const isExposed = !ingress.isProtected || !egress.isProtected || ingress.entries.length > 0 || egress.entries.length > 0;
    const j = compiled.index.get(workload.id);
    if (!isExposed || j === undefined) continue;
    out.push({
      workload: workload.id,
      ingress: { ...ingress, entries: sorted([...ingress.entries, ...externals(ingressExternals, (k) => fromExternal[k * n + j])]) },
      egress: { ...egress, entries: sorted([...egress.entries, ...externals(egressExternals, (k) => evaluation.egressRows[compiled.workloadClass[j]][k])]) },
    });
  }
  return { workloads: out.sort((a, b) => (a.workload < b.workload ? -1 : a.workload > b.workload ? 1 : 0)) };
}

