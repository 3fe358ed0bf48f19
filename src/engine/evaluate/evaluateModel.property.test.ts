import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { Model, PolicyType } from '../model/types';
import { randomCluster } from '../testing/randomCluster';
import { formatConnSet } from './connSet';
import { countConnections, evaluateModel, listConnections, pairConns, type Evaluation, type ExternalPeer } from './evaluateModel';
import { naiveEvaluate, naiveProbePorts, type NaiveEndpoint } from './naiveEvaluate';

interface Address {
  family: 4 | 6;
  value: bigint;
}

const HIGHEST = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n } as const;

function formatAddress({ family, value }: Address): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => `${(value >> s) & 255n}`).join('.');
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((value >> s) & 0xffffn).toString(16)).join(':');
}

function toAddress(addr: ipaddr.IPv4 | ipaddr.IPv6): Address {
  return { family: addr.kind() === 'ipv4' ? 4 : 6, value: addr.toByteArray().reduce((v, b) => (v << 8n) | BigInt(b), 0n) };
}

function cidrBounds(cidr: string): { family: 4 | 6; start: bigint; end: bigint } {
  const family = ipaddr.parseCIDR(cidr)[0].kind() === 'ipv4' ? 4 : 6;
  const parser = family === 4 ? ipaddr.IPv4 : ipaddr.IPv6;
  return { family, start: toAddress(parser.networkAddressFromCIDR(cidr)).value, end: toAddress(parser.broadcastAddressFromCIDR(cidr)).value };
}

/**
 * The addresses around every edge of the ipBlocks (and, for egress, the cluster policies' networks) a direction uses. Each must
 * fall in some external piece, IPv4 always, IPv6 when some IPv6 ipBlock of that
 * direction holds at least one address (its lowest address is the cidr start
 * or just after an except).
 */
function boundaryAddresses(model: Model, direction: PolicyType): Address[] {
  const families = new Set<4 | 6>([4]);
  const out: Address[] = [
    { family: 4, value: 0n },
    { family: 4, value: HIGHEST[4] },
  ];
  const networks = direction === 'Egress' ? model.clusterPolicies.flatMap((p) => p.egress.flatMap((r) => r.peers.flatMap((peer) => (peer.kind === 'networks' ? peer.cidrs : [])))) : [];
  const blocks = [
    ...model.policies.filter((p) => p.policyTypes.includes(direction)).flatMap((p) => (direction === 'Ingress' ? p.ingress : p.egress).flatMap((r) => r.peers)),
    ...networks.map((cidr) => ({ kind: 'ipBlock' as const, cidr, except: [] })),
  ];
  for (const peer of blocks) {
    if (peer.kind !== 'ipBlock') continue;
    const cidr = cidrBounds(peer.cidr);
    const holes = peer.except.map(cidrBounds);
    const candidates = [cidr.start, ...holes.map((h) => h.end + 1n)].filter((v) => v <= cidr.end);
    if (candidates.some((v) => !holes.some((h) => h.start <= v && v <= h.end))) families.add(cidr.family);
    for (const { family, start, end } of [cidr, ...holes]) {
      for (const value of [start - 1n, start, end, end + 1n]) if (value >= 0n && value <= HIGHEST[family]) out.push({ family, value });
    }
  }
  return out.filter((a) => families.has(a.family));
}

function distinct(addresses: readonly Address[]): Address[] {
  const seen = new Map(addresses.map((a) => [`${a.family}/${a.value}`, a]));
  return [...seen.values()];
}

function pieceOf(pieces: readonly ExternalPeer[], a: Address): number {
  return pieces.findIndex((p) => p.range.family === a.family && p.range.start <= a.value && a.value <= p.range.end);
}

/** Every place where the real evaluator and the naive one disagree, as `src => dst: real ≠ naive`. */
function disagreements(model: Model): string[] {
  const ev: Evaluation = evaluateModel(model);
  const probes = naiveProbePorts(model);
  const n = model.workloads.length;
  const m = ev.egressExternals.length;
  const out: string[] = [];
  const check = (label: string, real: string, src: NaiveEndpoint, dst: NaiveEndpoint) => {
    const naive = naiveEvaluate(model, src, dst, probes);
    if (real !== naive) out.push(`${label}: real "${real}" ≠ naive "${naive}"`);
  };
  const workload = (index: number): NaiveEndpoint => ({ kind: 'workload', index });
  const name = (index: number) => model.workloads[index].id;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) check(`${name(i)} => ${name(j)}`, formatConnSet(pairConns(ev, i, j)), workload(i), workload(j));
  }
  const pieceAddresses = (ext: ExternalPeer): Address[] => [ext.range.start, ext.range.end].map((value) => ({ family: ext.range.family, value }));
  const ingressProbes = distinct([...ev.ingressExternals.flatMap(pieceAddresses), ...boundaryAddresses(model, 'Ingress')]);
  for (const a of ingressProbes) {
    const k = pieceOf(ev.ingressExternals, a);
    const ip = formatAddress(a);
    if (k < 0) out.push(`no ingress external piece holds ${ip}`);
    else for (let j = 0; j < n; j++) check(`${ip} => ${name(j)}`, formatConnSet(ev.fromExternal[k * n + j]), { kind: 'address', ip }, workload(j));
  }
  const egressProbes = distinct([...ev.egressExternals.flatMap(pieceAddresses), ...boundaryAddresses(model, 'Egress')]);
  for (const a of egressProbes) {
    const k = pieceOf(ev.egressExternals, a);
    const ip = formatAddress(a);
    if (k < 0) out.push(`no egress external piece holds ${ip}`);
    else for (let i = 0; i < n; i++) check(`${name(i)} => ${ip}`, formatConnSet(ev.toExternal[i * m + k]), workload(i), { kind: 'address', ip });
  }
  return out;
}

/** The model with `copies[i]` extra replicas of workload `i`: same namespace, labels and ports, own id, the same IPs or none. */
function withReplicas(model: Model, copies: readonly { count: number; isAddressless: boolean }[]): Model {
  const workloads = model.workloads.flatMap((w, i) => {
    const { count, isAddressless } = copies[i % copies.length] ?? { count: 0, isAddressless: false };
    return [w, ...Array.from({ length: count }, (_, r) => ({ ...w, id: `${w.namespace}/${w.name}-r${r}[${w.kind}]`, name: `${w.name}-r${r}`, ips: isAddressless ? [] : w.ips }))];
  });
  return { ...model, workloads };
}

const replicated = fc
  .tuple(randomCluster(), fc.array(fc.record({ count: fc.integer({ min: 0, max: 3 }), isAddressless: fc.boolean() }), { minLength: 1, maxLength: 8 }))
  .map(([model, copies]) => withReplicas(model, copies));

describe('evaluateModel against naiveEvaluate', () => {
  it('agrees with the naive evaluator when many workloads share namespace, labels and ports (evaluated once per class)', () => {
    fc.assert(
      fc.property(replicated, (model) => {
        expect(disagreements(model)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('agrees with the naive evaluator on every workload pair, every external piece and every ipBlock edge', () => {
    fc.assert(
      fc.property(randomCluster(), (model) => {
        expect(disagreements(model)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the naive evaluator when Admin and Baseline tier cluster policies take part (first match per port, Pass, no implicit isolation)', () => {
    fc.assert(
      fc.property(randomCluster({ maxClusterPolicies: 4 }), (model) => {
        expect(disagreements(model)).toEqual([]);
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it('counts as many connections as it lists', () => {
    fc.assert(
      fc.property(randomCluster(), (model) => {
        const ev = evaluateModel(model);
        expect(countConnections(ev)).toBe(listConnections(ev).length);
      }),
      { numRuns: 300 },
    );
  });

  it('never lists a workload connecting to itself (§3)', () => {
    fc.assert(
      fc.property(randomCluster(), (model) => {
        const selfLoops = listConnections(evaluateModel(model)).filter((c) => c.src === c.dst);
        expect(selfLoops).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
