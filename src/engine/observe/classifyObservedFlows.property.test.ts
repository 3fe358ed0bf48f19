import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateModel } from '../evaluate/evaluateModel';
import { naiveIsAllowed, naiveProbePorts, type NaiveEndpoint } from '../evaluate/naiveEvaluate';
import { formatRange } from '../ip/ipRange';
import type { Model, Protocol, Workload } from '../model/types';
import { mulberry32 } from '../testing/mulberry32';
import { randomCluster } from '../testing/randomCluster';
import { classifyObservedFlows } from './classifyObservedFlows';
import { observedEndKey, mapObservedFlows } from './mapObservedFlows';
import { parseObservedFlows } from './parseObservedFlows';
import { hubbleLine, type HubbleEnd } from './testing/hubbleLine';

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** A pod of workload `w` as Hubble names it: the Pod itself, or a replica with its owner. */
function podOf(w: Workload): HubbleEnd {
  return w.kind === 'Pod' ? { namespace: w.namespace, pod: w.name } : { namespace: w.namespace, pod: `${w.name}-7d9f8-x2x9k`, workloads: [{ name: w.name, kind: w.kind }] };
}

interface Probe {
  line: string;
  key: string;
  expected: 'allowed' | 'wouldBreak';
}

/** Random observed flows on a model: between two workloads, or between a workload and an address of the evaluation's pieces; expected by the naive evaluator. */
function probes(model: Model, seed: number): Probe[] {
  const ev = evaluateModel(model);
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const ports = naiveProbePorts(model);
  // Addresses from the pieces of each direction (IPv6 pieces exist only in a direction with an IPv6 ipBlock).
  const addressesOf = (pieces: typeof ev.egressExternals) => pieces.map((p) => formatRange(p.range).split('-')[0]);
  const egressAddresses = addressesOf(ev.egressExternals);
  const ingressAddresses = addressesOf(ev.ingressExternals);
  const workloads = model.workloads.map((w, index) => ({ w, index }));
  const out: Probe[] = [];
  for (let k = 0; k < 30; k++) {
    const protocol = pick(PROTOCOLS);
    const port = random() < 0.7 ? pick(ports) : 1 + Math.floor(random() * 65535);
    const a = pick(workloads);
    const b = pick(workloads);
    const kind = random();
    const ip = pick(kind < 0.8 ? egressAddresses : ingressAddresses);
    let src: NaiveEndpoint;
    let dst: NaiveEndpoint;
    let line: string;
    let key: string;
    if (kind < 0.6) {
      if (a.index === b.index) continue;
      src = { kind: 'workload', index: a.index };
      dst = { kind: 'workload', index: b.index };
      line = hubbleLine({ src: podOf(a.w), dst: podOf(b.w), protocol, port });
      key = `w:${a.w.id} w:${b.w.id}`;
    } else if (kind < 0.8) {
      src = { kind: 'workload', index: a.index };
      dst = { kind: 'address', ip };
      line = hubbleLine({ src: podOf(a.w), dst: { labels: ['reserved:world'], ip }, protocol, port });
      key = `w:${a.w.id} a:${ip}`;
    } else {
      src = { kind: 'address', ip };
      dst = { kind: 'workload', index: a.index };
      line = hubbleLine({ src: { labels: ['reserved:world'], ip }, dst: podOf(a.w), protocol, port });
      key = `a:${ip} w:${a.w.id}`;
    }
    out.push({ line, key: `${key} ${protocol} ${port}`, expected: naiveIsAllowed(model, src, dst, protocol, port) ? 'allowed' : 'wouldBreak' });
  }
  return out;
}

describe('classifyObservedFlows on random clusters', () => {
  it('classifies flows on allowed connections as allowed and flows on denied ones as wouldBreak, as the naive evaluator says', () => {
    const seen = { allowed: 0, wouldBreak: 0 };
    fc.assert(
      fc.property(randomCluster(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (model, seed) => {
        const cases = probes(model, seed);
        const parsed = parseObservedFlows(cases.map((c) => c.line).join('\n'), 'flows.json');
        expect(parsed.issues).toEqual([]);
        const { flows } = classifyObservedFlows(evaluateModel(model), mapObservedFlows(model, parsed.flows));
        const states = new Map(flows.map((f) => [`${observedEndKey(f.src)} ${observedEndKey(f.dst)} ${f.protocol} ${f.port}`, f.state]));
        for (const c of cases) {
          expect([c.key, states.get(c.key)]).toEqual([c.key, c.expected]);
          seen[c.expected]++;
        }
      }),
      { numRuns: 200, seed: 20261203 },
    );
    // Both outcomes are exercised, not just one.
    expect(Math.min(seen.allowed, seen.wouldBreak)).toBeGreaterThan(500);
  });
});
