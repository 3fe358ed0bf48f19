import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnSet } from './connSet';
import { externalFlows } from './externalFlows';

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

  it('has no flow where no address of the block is allowed', () => {
    expect(flow('shop/web[Pod]', 'ext:other')).toBeUndefined();
    expect(flow('shop/web[Pod]', 'ext:0.0.0.0/0 except 10.0.0.0/8')).toBeUndefined();
  });
});
