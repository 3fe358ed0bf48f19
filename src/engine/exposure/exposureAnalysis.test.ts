import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { manifest } from '../testing/manifest';
import { exposureAnalysis, type ExposureAnalysis, type SideExposure } from './exposureAnalysis';
import { formatExposurePeer } from './formatExposurePeer';
import { formatPotentialConns } from './potentialConns';

function exposureOf(...docs: string[]): ExposureAnalysis {
  const analysis = analyze([{ name: 'cluster.yaml', text: docs.join('---\n') }]);
  return exposureAnalysis(analysis.model, analysis.evaluation);
}

/** A side's entries as `peer : conns`. */
function lines(side: SideExposure | undefined): string[] {
  return (side?.entries ?? []).map((e) => `${formatExposurePeer(e.peer)} : ${formatPotentialConns(e.conns)}`);
}

const web = manifest.pod('web', 'shop', 'app: web', { ports: '{containerPort: 8080, name: http}' });
const clusterPolicy = (kind: string, name: string, spec: string) => `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${spec}`;

describe('exposureAnalysis', () => {
  it('a namespaceSelector: {} rule exposes the workload to any pod in any namespace and names the rule', () => {
    const policy = manifest.networkPolicy('web-in', 'shop', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 8080}]}]}');
    const [w] = exposureOf(web, policy).workloads;
    expect(w.workload).toBe('shop/web[Pod]');
    expect(w.ingress.isProtected).toBe(true);
    expect(w.ingress.entries).toEqual([{ peer: { kind: 'entire-cluster' }, conns: expect.anything(), rules: [{ policy: 'shop/web-in', direction: 'ingress', ruleIndex: 0 }] }]);
    expect(lines(w.ingress)).toEqual(['entire-cluster : TCP 8080']);
  });

  it('a workload no policy selects is exposed to every pod and every address on both sides, and unprotected', () => {
    const [w] = exposureOf(web).workloads;
    expect(w.ingress.isProtected).toBe(false);
    expect(w.egress.isProtected).toBe(false);
    expect(lines(w.ingress)).toEqual(['0.0.0.0-255.255.255.255[External] : All Connections', 'entire-cluster : All Connections']);
    expect(lines(w.egress)).toEqual(['0.0.0.0-255.255.255.255[External] : All Connections', 'entire-cluster : All Connections']);
  });

  it('a podSelector-only rule exposes the workload to the pods of the policy namespace the manifests lack', () => {
    const policy = manifest.networkPolicy('web-in', 'shop', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}]}]}');
    const [w] = exposureOf(web, policy).workloads;
    expect(w.ingress.entries.map((e) => e.peer)).toEqual([
      { kind: 'pods', namespace: 'shop', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' }, matchExpressions: [] }, podSelector: { matchLabels: { app: 'cart' }, matchExpressions: [] } },
    ]);
    expect(lines(w.ingress)).toEqual(['shop/[pod with {app=cart}] : All Connections']);
  });

  it('a rule whose plain labels a real workload has is no exposure; with matchExpressions it stays one', () => {
    const cart = manifest.pod('cart', 'shop', 'app: cart');
    const byLabels = manifest.networkPolicy('web-in', 'shop', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}]}]}');
    const byExpression = manifest.networkPolicy('web-in', 'shop', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [cart, shop]}]}}]}]}');
    const exposed = (policy: string) => exposureOf(web, cart, policy).workloads.find((w) => w.workload === 'shop/web[Pod]');
    expect(lines(exposed(byLabels)?.ingress)).toEqual([]);
    expect(lines(exposed(byExpression)?.ingress)).toEqual(['shop/[pod with {{Key:app,Operator:In,Values:[cart shop],}}] : All Connections']);
  });

  it('rules spelling one selector two ways (In with one value, matchLabels) make one exposure', () => {
    const policy = manifest.networkPolicy(
      'web-in',
      'shop',
      '{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}], ports: [{port: 80}]}, {from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [cart]}]}}], ports: [{port: 443}]}]}',
    );
    expect(lines(exposureOf(web, policy).workloads[0].ingress)).toEqual(['shop/[pod with {app=cart}] : TCP 80,443']);
  });

  it('an egress named port toward pods the manifests lack stays a name', () => {
    const policy = manifest.networkPolicy('web-out', 'shop', '{podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {matchLabels: {team: db}}}], ports: [{port: pg}]}]}');
    const [w] = exposureOf(web, policy).workloads;
    expect(lines(w.egress)).toEqual(['[namespace with {team=db}]/[all pods] : TCP pg']);
    expect(w.ingress.isProtected).toBe(false);
  });

  it('an ingress named port from every pod resolves on the workload’s own container port', () => {
    const policy = manifest.networkPolicy('web-in', 'shop', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}], ports: [{port: http}]}]}');
    expect(lines(exposureOf(web, policy).workloads[0].ingress)).toEqual(['entire-cluster : TCP 8080']);
  });

  it('a rule naming pods on the connections the workload already opens to every pod adds no line', () => {
    const policy = manifest.networkPolicy('web-in', 'shop', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}, {podSelector: {matchLabels: {app: cart}}}]}, {from: [{namespaceSelector: {matchLabels: {team: ops}}}]}]}');
    expect(lines(exposureOf(web, policy).workloads[0].ingress)).toEqual(['entire-cluster : All Connections']);
  });

  it('an AdminNetworkPolicy Deny toward a namespace under an Allow to every namespace shows that namespace with No Connections', () => {
    const anp = clusterPolicy(
      'AdminNetworkPolicy',
      'guard',
      '  priority: 10\n  subject: {namespaces: {}}\n  egress:\n  - {name: no-vault, action: Deny, to: [{namespaces: {matchLabels: {team: vault}}}]}\n  - {name: all, action: Allow, to: [{namespaces: {}}]}\n',
    );
    const [w] = exposureOf(web, anp).workloads;
    expect(lines(w.egress)).toEqual(['0.0.0.0-255.255.255.255[External] : All Connections', '[namespace with {team=vault}]/[all pods] : No Connections', 'entire-cluster : All Connections']);
    expect(w.egress.entries[1].rules).toEqual([{ policy: 'AdminNetworkPolicy guard', direction: 'egress', ruleIndex: 0 }]);
  });

  it('a BaselineAdminNetworkPolicy Deny from every namespace protects the ingress of a workload no NetworkPolicy selects: only addresses remain', () => {
    const banp = clusterPolicy('BaselineAdminNetworkPolicy', 'default', '  subject: {namespaces: {}}\n  ingress:\n  - {name: deny, action: Deny, from: [{namespaces: {}}]}\n');
    const [w] = exposureOf(web, banp).workloads;
    expect(w.ingress.isProtected).toBe(true);
    expect(lines(w.ingress)).toEqual(['0.0.0.0-255.255.255.255[External] : All Connections']);
    expect(w.egress.isProtected).toBe(false);
  });

  it('a workload protected on both sides and open to no unknown pod is left out', () => {
    const denyAll = manifest.networkPolicy('deny', 'shop', '{podSelector: {}, policyTypes: [Ingress, Egress]}');
    expect(exposureOf(web, denyAll).workloads).toEqual([]);
  });

  it('an inferred workload is no exposed workload and does not stand in for the pods a rule names', () => {
    const policy = manifest.networkPolicy('web-in', 'shop', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: cart}}}]}]}');
    const analysis = analyze([{ name: 'cluster.yaml', text: [web, policy].join('---\n') }], { inferWorkloads: true });
    const exposure = exposureAnalysis(analysis.model, analysis.evaluation);
    expect(exposure.workloads.map((w) => w.workload)).toEqual(['shop/web[Pod]']);
    expect(lines(exposure.workloads[0].ingress)).toEqual(['shop/[pod with {app=cart}] : All Connections']);
  });
});
