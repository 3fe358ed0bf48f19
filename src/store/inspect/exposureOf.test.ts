import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { exposureMarks, workloadExposure } from './exposureOf';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}\n`;
const ingressFrom = (name: string, from: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}-in, namespace: shop}\nspec: {podSelector: {matchLabels: {app: ${name}}}, ingress: [{from: [${from}]}]}\n`;
const shop = (...docs: string[]) => analyze([{ name: 's.yaml', text: docs.join('---\n') }]);

describe('exposure marks on workload cards', () => {
  it('marks a protected ingress that admits any namespace, or counts the unknown pods it admits, and leaves the others unmarked', () => {
    const a = shop(pod('api'), pod('db'), pod('web'), ingressFrom('api', '{namespaceSelector: {}}'), ingressFrom('db', '{podSelector: {matchLabels: {app: backup}}}, {namespaceSelector: {matchLabels: {team: ops}}}'), ingressFrom('web', '{podSelector: {matchLabels: {app: api}}}'));
    expect(exposureMarks(a)).toEqual({ 'shop/api[Pod]': { peers: 1, isClusterWide: true }, 'shop/db[Pod]': { peers: 2, isClusterWide: false } });
  });

  it('answers the inspector with the rule responsible, and null for an unknown workload', () => {
    const a = shop(pod('api'), ingressFrom('api', '{namespaceSelector: {}}'));
    expect(workloadExposure(a, 'shop/api[Pod]')?.ingress.entries.map((e) => [e.peer.kind, e.rules])).toEqual([['entire-cluster', [{ policy: 'shop/api-in', direction: 'ingress', ruleIndex: 0 }]]]);
    expect(workloadExposure(a, 'shop/nope[Pod]')).toBeNull();
  });
});
