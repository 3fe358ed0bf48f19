import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { exportManifests } from '../export/exportManifests';
import { appendObject } from './editObject';
import { renameWorkload } from './renameWorkload';

/** A Deployment as the palette creates it. */
const created = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'deployment-1', namespace: 'shop', labels: { app: 'deployment-1' } },
  spec: {
    selector: { matchLabels: { app: 'deployment-1' } },
    template: { metadata: { labels: { app: 'deployment-1' } }, spec: { containers: [{ name: 'deployment-1', image: 'nginx' }, { name: 'sidecar', image: 'envoy' }] } },
  },
};
const ref = { kind: 'Deployment', namespace: 'shop', name: 'deployment-1' };
const POLICY = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'api-in', namespace: 'shop' },
  spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'deployment-1' } } }] }] },
};

describe('renameWorkload', () => {
  it('renames the labels and the container the app named after a workload it created, in "Download everything"', () => {
    const files = renameWorkload(appendObject([], created, 'shop.yaml'), ref, 'payments');
    const exported = exportManifests(files, { kind: 'all' });
    expect(exported).not.toContain('deployment-1');
    expect(exported).toContain('name: payments\n  namespace: shop\n  labels:\n    app: payments\n');
    expect(exported).toContain('- name: payments\n          image: nginx\n        - name: sidecar\n');
    expect(analyze(files).model.workloads.map((w) => [w.id, w.labels])).toEqual([['shop/payments[Deployment]', { app: 'payments' }]]);
  });

  it('keeps the label when a policy selects on it, so the policy keeps selecting the same pods', () => {
    const files = renameWorkload(appendObject(appendObject([], created, 'shop.yaml'), POLICY, 'shop.yaml'), ref, 'payments');
    expect(analyze(files).model.workloads.map((w) => [w.id, w.labels])).toEqual([['shop/payments[Deployment]', { app: 'deployment-1' }]]);
    expect(exportManifests(files, { kind: 'all' })).toContain('- name: payments\n          image: nginx\n');
  });

  it('leaves labels and containers named otherwise alone', () => {
    const own = JSON.parse(JSON.stringify(created).replaceAll('"deployment-1"', '"shop-web"').replace('"name":"shop-web"', '"name":"deployment-1"'));
    const files = renameWorkload(appendObject([], own, 'shop.yaml'), ref, 'payments');
    expect(analyze(files).model.workloads.map((w) => [w.id, w.labels])).toEqual([['shop/payments[Deployment]', { app: 'shop-web' }]]);
    expect(exportManifests(files, { kind: 'all' })).toContain('- name: shop-web\n          image: nginx\n');
  });
});
