import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { manifest } from '../testing/manifest';
import { mapObservedFlows } from './mapObservedFlows';
import { parseObservedFlows } from './parseObservedFlows';
import { hubbleLine, type HubbleEnd } from './testing/hubbleLine';

function deployment(name: string, namespace: string, labels: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  template:\n    metadata: {labels: {${labels}}}\n    spec: {containers: [{name: c}]}\n`;
}

function ownedPod(name: string, namespace: string, labels: string, owner: string, kind: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {${labels}}\n  ownerReferences: [{apiVersion: apps/v1, kind: ${kind}, name: ${owner}, uid: u1, controller: true}]\nspec: {containers: [{name: c}]}\n`;
}

const MODEL = analyze([
  {
    name: 'shop.yaml',
    text: [
      deployment('web', 'shop', 'app: web, tier: front'),
      deployment('api', 'shop', 'app: api'),
      deployment('api-admin', 'shop', 'app: api, role: admin'),
      deployment('cache', 'shop', 'app: cache'),
      deployment('cache-2', 'shop', 'app: cache'),
      ownedPod('queue-5d8f7-abcde', 'shop', 'app: queue', 'queue-5d8f7', 'ReplicaSet'),
      manifest.pod('db', 'shop', 'app: db', { status: '{podIP: 10.0.0.20}' }),
    ].join('---\n'),
  },
]).model;

function mapped(...lines: string[]) {
  const { flows, issues } = parseObservedFlows(lines.join('\n'), 'flows.json');
  expect(issues).toEqual([]);
  const result = mapObservedFlows(MODEL, flows);
  return { ...result, flows: result.flows.toSorted((a, b) => a.port - b.port) };
}

const to = (src: HubbleEnd, port = 80) => hubbleLine({ src, dst: { namespace: 'shop', pod: 'db', ip: '10.0.0.20' }, port });

describe('mapObservedFlows', () => {
  it('maps a pod by the Pod object, by its Hubble owner, and by its name (ReplicaSet in the model or Deployment)', () => {
    const { flows } = mapped(
      to({ namespace: 'shop', pod: 'web-6b7c9-q2w3e', workloads: [{ name: 'web', kind: 'Deployment' }] }, 1),
      to({ namespace: 'shop', pod: 'web-6b7c9-q2w3e' }, 2),
      to({ namespace: 'shop', pod: 'queue-5d8f7-zzzzz', workloads: [{ name: 'queue', kind: 'Deployment' }] }, 3),
      to({ namespace: 'shop', workloads: [{ name: 'web-6b7c9', kind: 'ReplicaSet' }] }, 4),
    );
    expect(flows.map((f) => [f.port, f.src])).toEqual([
      [1, { kind: 'workload', id: 'shop/web[Deployment]', via: 'owner' }],
      [2, { kind: 'workload', id: 'shop/web[Deployment]', via: 'podName' }],
      [3, { kind: 'workload', id: 'shop/queue-5d8f7[ReplicaSet]', via: 'podName' }],
      [4, { kind: 'workload', id: 'shop/web[Deployment]', via: 'podName' }],
    ]);
    expect(flows[0].dst).toEqual({ kind: 'workload', id: 'shop/db[Pod]', via: 'pod' });
  });

  it('refuses a name match whose labels contradict the pod, then maps by labels: the most specific subset wins', () => {
    const { flows } = mapped(
      to({ namespace: 'shop', pod: 'api-admin-7f-x', labels: ['k8s:app=api', 'k8s:role=admin', 'k8s:pod-template-hash=7f'] }, 1),
      to({ namespace: 'shop', pod: 'api-9c-y', labels: ['k8s:app=web', 'k8s:tier=front'] }, 2),
      to({ namespace: 'shop', labels: ['k8s:app=api', 'k8s:role=admin', 'k8s:io.kubernetes.pod.namespace=shop'] }, 3),
      to({ namespace: 'shop', labels: ['k8s:app=api', 'k8s:extra=1'] }, 4),
    );
    expect(flows.map((f) => [f.port, f.src])).toEqual([
      [1, { kind: 'workload', id: 'shop/api-admin[Deployment]', via: 'podName' }],
      // Named like api, labelled like web: the labels decide.
      [2, { kind: 'workload', id: 'shop/web[Deployment]', via: 'labels' }],
      [3, { kind: 'workload', id: 'shop/api-admin[Deployment]', via: 'labels' }],
      [4, { kind: 'workload', id: 'shop/api[Deployment]', via: 'labels' }],
    ]);
  });

  it('keeps a tie between label matches, and pods not in the model, as unknown ends and lists them', () => {
    const { flows, unknownEnds } = mapped(
      to({ namespace: 'shop', labels: ['k8s:app=cache'] }, 1),
      to({ namespace: 'other', pod: 'x-1', workloads: [{ name: 'x', kind: 'DaemonSet' }] }, 2),
      to({ namespace: 'other', pod: 'x-2', workloads: [{ name: 'x', kind: 'DaemonSet' }] }, 3),
      to({ namespace: 'other', pod: 'lonely' }, 4),
      to({ namespace: 'other', labels: ['k8s:b=2', 'k8s:a=1'] }, 5),
    );
    expect(flows.map((f) => f.src)).toEqual([
      { kind: 'unknown', label: 'shop/{app=cache}', reason: 'ambiguous', candidates: ['shop/cache-2[Deployment]', 'shop/cache[Deployment]'] },
      { kind: 'unknown', label: 'other/x[DaemonSet]', reason: 'notInModel' },
      { kind: 'unknown', label: 'other/x[DaemonSet]', reason: 'notInModel' },
      { kind: 'unknown', label: 'other/lonely', reason: 'notInModel' },
      { kind: 'unknown', label: 'other/{a=1,b=2}', reason: 'notInModel' },
    ]);
    expect(unknownEnds).toEqual([
      { label: 'other/lonely', reason: 'notInModel', count: 1 },
      { label: 'other/x[DaemonSet]', reason: 'notInModel', count: 2 },
      { label: 'other/{a=1,b=2}', reason: 'notInModel', count: 1 },
      { label: 'shop/{app=cache}', reason: 'ambiguous', candidates: ['shop/cache-2[Deployment]', 'shop/cache[Deployment]'], count: 1 },
    ]);
  });

  it('maps an address to the workload holding it unless it carries a reserved identity; an end without address is unknown', () => {
    const { flows } = mapped(
      hubbleLine({ src: { ip: '10.0.0.20' }, dst: { ip: '10.9.9.9' }, port: 1 }),
      hubbleLine({ src: { labels: ['reserved:world'], ip: '10.0.0.20' }, dst: { namespace: 'shop', pod: 'db' }, port: 2 }),
      hubbleLine({ src: { labels: ['reserved:host'] }, dst: { namespace: 'shop', pod: 'db' }, port: 3 }),
    );
    expect(flows.map((f) => [f.port, f.src, f.dst.kind === 'workload' ? f.dst.id : f.dst])).toEqual([
      [1, { kind: 'workload', id: 'shop/db[Pod]', via: 'ip' }, { kind: 'address', address: '10.9.9.9', reserved: [] }],
      [2, { kind: 'address', address: '10.0.0.20', reserved: ['world'] }, 'shop/db[Pod]'],
      [3, { kind: 'unknown', label: 'reserved:host', reason: 'noAddress' }, 'shop/db[Pod]'],
    ]);
  });

  it('folds identical flows into one, counting records, verdicts, drop reasons and directions', () => {
    const web = { namespace: 'shop', pod: 'web-1-a', workloads: [{ name: 'web', kind: 'Deployment' }] };
    const other = { namespace: 'shop', pod: 'web-1-b', workloads: [{ name: 'web', kind: 'Deployment' }] };
    const db = { namespace: 'shop', pod: 'db' };
    const { flows } = mapped(
      hubbleLine({ src: web, dst: db, port: 5432, direction: 'EGRESS' }),
      hubbleLine({ src: web, dst: db, port: 5432, direction: 'INGRESS' }),
      hubbleLine({ src: other, dst: db, port: 5432, verdict: 'DROPPED', dropReason: 'POLICY_DENIED', direction: 'EGRESS' }),
      hubbleLine({ src: other, dst: db, port: 5432, verdict: 'DROPPED', dropReason: 'POLICY_DENIED' }),
      hubbleLine({ src: web, dst: db, port: 5432, verdict: 'AUDIT', dropReason: 'POLICY_DENY' }),
      hubbleLine({ src: web, dst: db, port: 5433 }),
      hubbleLine({ src: web, dst: db, protocol: 'UDP', port: 5432 }),
    );
    expect(flows.map((f) => [`${f.protocol} ${f.port}`, f.count, f.verdicts, f.dropReasons, f.directions, f.firstLine])).toEqual([
      ['TCP 5432', 5, { FORWARDED: 2, DROPPED: 2, AUDIT: 1 }, ['POLICY_DENIED', 'POLICY_DENY'], ['egress', 'ingress'], 1],
      ['UDP 5432', 1, { FORWARDED: 1 }, [], [], 7],
      ['TCP 5433', 1, { FORWARDED: 1 }, [], [], 6],
    ]);
  });

  it('maps connection-list ids exactly and keeps an id the model lacks as unknown', () => {
    const text = 'src,dst,conn\nshop/web[Deployment],shop/db[Pod],TCP 5432\nshop/gone[Deployment],10.0.0.20,TCP 1\n';
    const { flows } = mapObservedFlows(MODEL, parseObservedFlows(text, 'f.csv').flows);
    expect(flows.map((f) => [f.src, f.dst])).toEqual([
      [{ kind: 'unknown', label: 'shop/gone[Deployment]', reason: 'notInModel' }, { kind: 'workload', id: 'shop/db[Pod]', via: 'ip' }],
      [{ kind: 'workload', id: 'shop/web[Deployment]', via: 'id' }, { kind: 'workload', id: 'shop/db[Pod]', via: 'id' }],
    ]);
  });
});
