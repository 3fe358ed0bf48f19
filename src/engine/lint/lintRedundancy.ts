import type { CompiledModel, CompiledPolicy, CompiledRule, Direction } from '../evaluate/compileModel';
import { NO_CONNS, equalConns, intersectConns, isAllConns, isEmptyConns, unionConns, type ConnSet } from '../evaluate/connSet';
import type { Evaluation } from '../evaluate/evaluateModel';
import { isInside, type IPRange } from '../ip/ipRange';
import type { NetworkPolicy } from '../model/types';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { Lint } from './lint';

/** Above this many (subject class × other class) checks the redundancy lint stays silent. */
export const REDUNDANCY_BUDGET = 20_000_000;

/** True for a default-deny: an empty podSelector with no rules for one of its policyTypes (the template's shape). */
export function isDefaultDeny(policy: NetworkPolicy): boolean {
  return isEmptySelector(policy.podSelector) && ((policy.policyTypes.includes('Ingress') && policy.ingress.length === 0) || (policy.policyTypes.includes('Egress') && policy.egress.length === 0));
}

/** One side of a workload class: its rules in a direction, its isolating policies, and who is on the other end. */
interface Side {
  direction: Direction;
  subject: number;
  rules: readonly CompiledRule[];
  isolators: readonly NetworkPolicy[];
}

/**
 * Whether taking the rules `removed` (and, when `policy` is given, that policy's
 * isolation) away from one side of a subject changes what that side allows: 1.
 * a side left with no isolating policy opens (unless it allowed everything), 2.
 * toward each real other end and each address piece, what the removed rules
 * allow must be allowed by the kept rules too.
 */
/** The real workloads, one list per class, and the classes each rule admits (computed once per rule). */
interface Reach {
  realMembers: readonly (readonly number[])[];
  classesOf: (rule: CompiledRule) => readonly number[];
}

function reachOf(compiled: CompiledModel): Reach {
  const realMembers = compiled.classMembers.map((members) => members.filter((i) => !compiled.workloads[i].isInferred));
  const cache = new Map<CompiledRule, number[]>();
  const classesOf = (rule: CompiledRule) => {
    let classes = cache.get(rule);
    if (!classes) {
      classes = [];
      for (let c = 0; c < realMembers.length; c++) if (realMembers[c].length > 0 && rule.podMask[realMembers[c][0]] === 1) classes.push(c);
      cache.set(rule, classes);
    }
    return classes;
  };
  return { realMembers, classesOf };
}

function changesSide(compiled: CompiledModel, reach: Reach, pieces: readonly IPRange[], side: Side, removed: ReadonlySet<CompiledRule>, policy?: NetworkPolicy): boolean {
  const gone = [...removed];
  const isIngress = side.direction === 'ingress';
  const dest = (other: number) => (isIngress ? side.subject : other);
  // 1. Isolation: the only isolating policy taken away opens the side.
  if (policy && side.isolators.every((p) => p === policy)) return !gone.some((r) => r.isAnyPeer && isAllConns(r.connsTo(side.subject)));
  const covers = (admits: (r: CompiledRule) => boolean, to: number) => {
    let lost: ConnSet = NO_CONNS;
    let kept: ConnSet = NO_CONNS;
    for (const r of side.rules) {
      if (!admits(r)) continue;
      if (removed.has(r)) lost = unionConns(lost, r.connsTo(to));
      else kept = unionConns(kept, r.connsTo(to));
    }
    return isEmptyConns(lost) || equalConns(intersectConns(lost, kept), lost);
  };
  // 2. Other ends: one real member per class (classes share masks and ports); a class talks to itself only with two members.
  const subjectClass = compiled.workloadClass[side.subject];
  const candidates = gone.length === 1 ? reach.classesOf(gone[0]) : new Set(gone.flatMap(reach.classesOf));
  for (const c of candidates) {
    const members = reach.realMembers[c];
    if (c === subjectClass && members.length < 2) continue;
    const other = members[0] === side.subject ? members[1] : members[0];
    if (!covers((r) => r.podMask[other] === 1, dest(other))) return true;
  }
  for (const piece of pieces) {
    const admits = (r: CompiledRule) => r.isAnyPeer || r.ipRanges.some((range) => isInside(piece, range));
    if (gone.some(admits) && !covers(admits, isIngress ? side.subject : -1)) return true;
  }
  return false;
}

/** True when the rule admits some real workload or address at all (one that admits nothing is another lint's business). */
function admitsAnything(compiled: CompiledModel, rule: CompiledRule): boolean {
  return rule.isAnyPeer || rule.ipRanges.length > 0 || compiled.workloads.some((w, i) => rule.podMask[i] === 1 && !w.isInferred);
}

/**
 * Policies and rules with no effect on their own side, judged on the union of
 * the rules governing that side (what the other end's side allows plays no
 * part: a rule the other side denies is `one-sided-allow`, not redundancy): a
 * policy is reported when it changes neither the isolation nor the allowances
 * of any real workload it selects — a default-deny only as redundant today,
 * never as removable — and a rule when the other rules already allow everything
 * it allows.
 */
export function lintRedundancy(ev: Evaluation): Lint[] {
  const { compiled } = ev;
  const { classMembers } = compiled;
  const reach = reachOf(compiled);
  const realSubjects = (p: CompiledPolicy) => p.subjects.flatMap((c) => reach.realMembers[c].slice(0, 1));
  const work = compiled.compiledPolicies.reduce((n, p) => n + realSubjects(p).length * (p.ingress.length + p.egress.length + 2), 0) * classMembers.length;
  if (work > REDUNDANCY_BUDGET) return [];
  const piecesOf = { ingress: ev.ingressExternals.map((e) => e.range), egress: ev.egressExternals.map((e) => e.range) };
  const lints: Lint[] = [];
  for (const compiledPolicy of compiled.compiledPolicies) {
    const { policy } = compiledPolicy;
    const subjects = realSubjects(compiledPolicy);
    if (subjects.length === 0) continue;
    const sides = (direction: Direction): Side[] =>
      (direction === 'ingress' ? compiledPolicy.hasIngress : compiledPolicy.hasEgress)
        ? subjects.map((s) => ({ direction, subject: s, rules: (direction === 'ingress' ? compiled.ingressRules : compiled.egressRules)[s], isolators: (direction === 'ingress' ? compiled.ingressPolicies : compiled.egressPolicies)[s] }))
        : [];
    const directions = (['ingress', 'egress'] as const).filter((d) => sides(d).length > 0);
    const hasEffect = directions.some((d) => sides(d).some((side) => changesSide(compiled, reach, piecesOf[d], side, new Set(compiledPolicy[d]), policy)));
    if (!hasEffect) {
      lints.push(
        isDefaultDeny(policy)
          ? { code: 'policy-no-effect', severity: 'info', message: `${policy.id} is a default-deny that other policies make redundant today (they already isolate every pod of ${policy.namespace} it selects); keep it: it protects pods added to ${policy.namespace} later.`, objects: [policy.id] }
          : { code: 'policy-no-effect', severity: 'info', message: `${policy.id} changes nothing on its own side: the other policies selecting the same workloads already isolate them and allow everything it allows. It can be removed.`, objects: [policy.id] },
      );
      continue;
    }
    for (const direction of directions) {
      for (const rule of compiledPolicy[direction]) {
        if (!admitsAnything(compiled, rule)) continue;
        if (sides(direction).some((side) => changesSide(compiled, reach, piecesOf[direction], side, new Set([rule])))) continue;
        lints.push({ code: 'rule-shadowed', severity: 'info', message: `${policy.id} ${direction} rule ${rule.ruleIndex + 1} is shadowed: other ${direction} rules for the same workloads already allow everything it allows.`, objects: [policy.id] });
      }
    }
  }
  return lints;
}
