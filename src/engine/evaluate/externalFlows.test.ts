import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { isInside } from '../ip/ipRange';
import { randomCluster } from '../testing/randomCluster';
import { NO_CONNS, equalConns, formatConnSet, intersectConns, unionConns, type ConnSet } from './connSet';
import { evaluateModel, type Evaluation, type ExternalPeer } from './evaluateModel';
import { externalFlows, type ExternalBlock } from './externalFlows';

/** The definition, block by block and workload by workload: the pieces inside the block, their intersection and union. */
function definedFlows(ev: Evaluation, blocks: readonly ExternalBlock[]) {
  const mentioned = blocks.slice(0, -1);
  const inBlock = (piece: ExternalPeer, block: ExternalBlock) =>
    block.id === 'ext:other' ? !mentioned.some((b) => b.ranges.some((r) => isInside(piece.range, r))) : block.ranges.some((r) => isInside(piece.range, r));
  const summary = (conns: ConnSet[]) => {
    if (conns.length === 0) return undefined;
    const all = conns.reduce(intersectConns);
    const some = conns.reduce(unionConns, NO_CONNS);
    return equalConns(some, NO_CONNS) ? undefined : `${formatConnSet(all)}${equalConns(all, some) ? '' : ' partial'}`;
  };
  const { workloads } = ev.compiled;
  const n = workloads.length;
  const m = ev.egressExternals.length;
  const out: string[] = [];
  for (const block of blocks) {
    const ins = ev.ingressExternals.flatMap((p, k) => (inBlock(p, block) ? [k] : []));
    const outs = ev.egressExternals.flatMap((p, k) => (inBlock(p, block) ? [k] : []));
    workloads.forEach((w, j) => {
      const into = summary(ins.map((k) => ev.fromExternal[k * n + j]));
      if (into !== undefined) out.push(`${block.id} -> ${w.id}: ${into}`);
      const to = summary(outs.map((k) => ev.toExternal[j * m + k]));
      if (to !== undefined) out.push(`${w.id} -> ${block.id}: ${to}`);
    });
  }
  return out;
}

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
  - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
    ports: [{port: 443}]
  - from: [{ipBlock: {cidr: 10.1.0.0/16}}]
  egress:
  - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
    ports: [{port: 53, protocol: UDP}]
`;

describe('externalFlows', () => {
  const { model, evaluation } = analyze([{ name: 'x.yaml', text: YAML }]);
  const { blocks, flows } = externalFlows(model, evaluation);
  const flow = (src: string, dst: string) => flows.find((f) => f.src === src && f.dst === dst);

  it('shows each ipBlock as written, plus any other address', () => {
    expect(blocks.map((b) => b.label)).toEqual(['0.0.0.0/0 except 10.0.0.0/8', '10.0.0.0/8', '10.1.0.0/16', 'any other address']);
  });

  it('labels a block with what every address in it may do, and flags when some may do more', () => {
    expect(formatConnSet(flow('ext:0.0.0.0/0 except 10.0.0.0/8', 'shop/web[Pod]')!.conns)).toBe('TCP 443');
    expect(flow('ext:0.0.0.0/0 except 10.0.0.0/8', 'shop/web[Pod]')!.isPartial).toBe(false);
    expect(formatConnSet(flow('ext:10.1.0.0/16', 'shop/web[Pod]')!.conns)).toBe('All Connections');
    expect(flow('ext:10.0.0.0/8', 'shop/web[Pod]')).toMatchObject({ conns: { TCP: [], UDP: [], SCTP: [] }, isPartial: true });
    expect(formatConnSet(flow('shop/web[Pod]', 'ext:10.0.0.0/8')!.conns)).toBe('UDP 53');
  });

  it('shows each networks CIDR of a cluster policy as a block, with what the tiers allow toward it', () => {
    const cnp = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: no-metadata-service}
spec: {tier: Admin, priority: 1, subject: {namespaces: {}}, egress: [{name: deny, action: Deny, to: [{networks: [169.254.169.254/32]}]}]}
`;
    const a = analyze([{ name: 'c.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: c, image: i}]}\n---\n${cnp}` }]);
    const found = externalFlows(a.model, a.evaluation);
    expect(found.blocks.map((b) => b.id)).toEqual(['ext:169.254.169.254/32', 'ext:other']);
    expect(found.flows.map((f) => `${f.src} -> ${f.dst}`)).toEqual(['ext:other -> shop/web[Pod]', 'shop/web[Pod] -> ext:other']);
  });

  it('has no flow where no address of the block is allowed', () => {
    expect(flow('shop/web[Pod]', 'ext:other')).toBeUndefined();
    expect(flow('shop/web[Pod]', 'ext:0.0.0.0/0 except 10.0.0.0/8')).toBeUndefined();
  });

  it('gives, in the same order, the flows the definition gives on random clusters', () => {
    fc.assert(
      fc.property(randomCluster({ maxClusterPolicies: 3 }), (cluster) => {
        const ev = evaluateModel(cluster);
        const found = externalFlows(cluster, ev);
        const shown = found.flows.map((f) => `${f.src} -> ${f.dst}: ${formatConnSet(f.conns)}${f.isPartial ? ' partial' : ''}`);
        expect(shown).toEqual(definedFlows(ev, found.blocks));
      }),
      { numRuns: 300 },
    );
  });
});
