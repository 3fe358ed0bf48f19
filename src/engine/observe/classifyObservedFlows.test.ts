import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnSet } from '../evaluate/connSet';
import { externalBlocks } from '../evaluate/externalFlows';
import { manifest } from '../testing/manifest';
import { addressBlocks } from './addressBlocks';
import { classifyObservedFlows, type ClassifiedFlow } from './classifyObservedFlows';
import { mapObservedFlows } from './mapObservedFlows';
import { parseObservedFlows } from './parseObservedFlows';
import { hubbleLine, type HubbleEnd } from './testing/hubbleLine';

function deployment(name: string, labels: string, ports = '{containerPort: 80}'): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {${labels}}}\n    spec: {containers: [{name: c, ports: [${ports}]}]}\n`;
}

const SHOP = analyze([
  {
    name: 'shop.yaml',
    text: [
      deployment('web', 'app: web'),
      deployment('api', 'app: api', '{containerPort: 8080}'),
      manifest.pod('db', 'shop', 'app: db', { status: '{podIP: 10.0.0.20}' }),
      manifest.networkPolicy('api-in', 'shop', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]}'),
      manifest.networkPolicy('db-deny', 'shop', '{podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress]}'),
      manifest.networkPolicy(
        'web-out',
        'shop',
        '{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}, {to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}], ports: [{port: 443}]}]}',
      ),
    ].join('---\n'),
  },
]);

const WEB: HubbleEnd = { namespace: 'shop', pod: 'web-6b7c9-aaaaa', workloads: [{ name: 'web', kind: 'Deployment' }] };
const WEB_2: HubbleEnd = { namespace: 'shop', pod: 'web-6b7c9-bbbbb', workloads: [{ name: 'web', kind: 'Deployment' }] };
const API: HubbleEnd = { namespace: 'shop', pod: 'api-5d8f7-ccccc', workloads: [{ name: 'api', kind: 'Deployment' }] };
const DB: HubbleEnd = { namespace: 'shop', pod: 'db' };
const world = (ip: string): HubbleEnd => ({ labels: ['reserved:world'], identity: 2, ip });

function classify(text: string, file = 'flows.json', unusedLimit?: number) {
  const parsed = parseObservedFlows(text, file);
  expect(parsed.issues).toEqual([]);
  return classifyObservedFlows(SHOP.evaluation, mapObservedFlows(SHOP.model, parsed.flows), { unusedLimit });
}

function describeFlow(f: ClassifiedFlow): string {
  const end = (e: ClassifiedFlow['src']) => (e.kind === 'workload' ? e.id : e.kind === 'address' ? e.address : `?${e.label}`);
  return `${end(f.src)} -> ${end(f.dst)} ${f.protocol} ${f.port}: ${f.state}${f.reason ? ` (${f.reason})` : ''}`;
}

describe('classifyObservedFlows', () => {
  const lines = [
    hubbleLine({ src: WEB, dst: API, port: 8080 }),
    hubbleLine({ src: WEB, dst: API, port: 8080, direction: 'INGRESS' }),
    hubbleLine({ src: WEB, dst: API, port: 9090, verdict: 'DROPPED', dropReason: 'POLICY_DENIED' }),
    hubbleLine({ src: API, dst: DB, port: 5432 }),
    hubbleLine({ src: WEB, dst: world('203.0.113.9'), port: 443 }),
    hubbleLine({ src: WEB, dst: world('203.0.113.9'), port: 80 }),
    hubbleLine({ src: world('198.51.100.1'), dst: WEB, port: 80 }),
    hubbleLine({ src: world('198.51.100.1'), dst: DB, port: 5432, verdict: 'AUDIT' }),
    hubbleLine({ src: { labels: ['reserved:host'], ip: '172.18.0.2' }, dst: DB, port: 8080 }),
    hubbleLine({ src: { namespace: 'other', pod: 'x-1', workloads: [{ name: 'x', kind: 'DaemonSet' }] }, dst: API, port: 8080 }),
    hubbleLine({ src: WEB, dst: WEB_2, port: 80 }),
    hubbleLine({ src: world('1.1.1.1'), dst: world('8.8.8.8'), protocol: 'UDP', port: 53 }),
    hubbleLine({ src: WEB, dst: world('2001:db8::1'), port: 443 }),
    hubbleLine({ src: API, dst: WEB, port: 80 }),
  ];

  it('judges each observed flow against the current policies, and says why when the model cannot tell', () => {
    const { flows, totals } = classify(lines.join('\n'));
    expect(flows.map(describeFlow).sort()).toEqual(
      [
        '172.18.0.2 -> shop/db[Pod] TCP 8080: notEvaluated (fromNode)',
        '1.1.1.1 -> 8.8.8.8 UDP 53: notEvaluated (betweenAddresses)',
        '198.51.100.1 -> shop/web[Deployment] TCP 80: allowed',
        '198.51.100.1 -> shop/db[Pod] TCP 5432: wouldBreak',
        '?other/x[DaemonSet] -> shop/api[Deployment] TCP 8080: notEvaluated (unknownEnd)',
        'shop/api[Deployment] -> shop/db[Pod] TCP 5432: wouldBreak',
        'shop/api[Deployment] -> shop/web[Deployment] TCP 80: allowed',
        'shop/web[Deployment] -> 2001:db8::1 TCP 443: notEvaluated (addressNotEvaluated)',
        'shop/web[Deployment] -> 203.0.113.9 TCP 443: allowed',
        'shop/web[Deployment] -> 203.0.113.9 TCP 80: wouldBreak',
        'shop/web[Deployment] -> shop/api[Deployment] TCP 8080: allowed',
        'shop/web[Deployment] -> shop/api[Deployment] TCP 9090: wouldBreak',
        'shop/web[Deployment] -> shop/web[Deployment] TCP 80: notEvaluated (sameWorkload)',
      ].sort(),
    );
    expect(totals).toEqual({ allowed: { flows: 4, records: 5 }, wouldBreak: { flows: 4, records: 4 }, notEvaluated: { flows: 5, records: 5 } });
  });

  it('gives each pair of ends its worst state with counts per state, for the canvas and the matrix', () => {
    const { pairs } = classify(lines.join('\n'));
    const webToApi = pairs.find((p) => p.src.kind === 'workload' && p.src.id === 'shop/web[Deployment]' && p.dst.kind === 'workload' && p.dst.id === 'shop/api[Deployment]');
    expect(webToApi).toMatchObject({ state: 'wouldBreak', flows: { allowed: 1, wouldBreak: 1, notEvaluated: 0 }, records: 3 });
    expect(pairs).toHaveLength(11);
  });

  it('lists allowed pairs with connections never observed: partly used first, then unused, all counted past the limit', () => {
    const { unobserved, unobservedCount, unusedCount } = classify(lines.join('\n'));
    expect(unobserved.map((u) => `${u.src} -> ${u.dst}: ${formatConnSet(u.unobserved)}${u.isUnused ? ' (unused)' : ''}`)).toEqual([
      'shop/api[Deployment] -> shop/web[Deployment]: SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535',
      'shop/db[Pod] -> shop/web[Deployment]: All Connections (unused)',
    ]);
    expect([unobservedCount, unusedCount]).toEqual([2, 1]);
    const limited = classify(lines.join('\n'), 'flows.json', 0);
    expect(limited.unobserved.map((u) => u.isUnused)).toEqual([false]);
    expect([limited.unobservedCount, limited.unusedCount]).toEqual([2, 1]);
  });

  it('judges connection-list rows the same way, an address range by every address in it', () => {
    const text = [
      'src,dst,conn',
      'shop/web[Deployment],shop/api[Deployment],TCP 8080',
      'shop/web[Deployment],203.0.113.0-203.0.113.255[External],TCP 443',
      'shop/web[Deployment],10.255.255.0-11.0.0.255[External],TCP 443',
      'shop/web[Deployment],192.0.2.0/24,TCP 443',
      '198.51.100.1,shop/db[Pod],TCP 5432',
    ].join('\n');
    expect(classify(text, 'flows.csv').flows.map(describeFlow)).toEqual([
      '198.51.100.1 -> shop/db[Pod] TCP 5432: wouldBreak',
      'shop/web[Deployment] -> 10.255.255.0-11.0.0.255 TCP 443: wouldBreak',
      'shop/web[Deployment] -> 192.0.2.0/24 TCP 443: allowed',
      'shop/web[Deployment] -> 203.0.113.0-203.0.113.255 TCP 443: allowed',
      'shop/web[Deployment] -> shop/api[Deployment] TCP 8080: allowed',
    ]);
  });
});

describe('addressBlocks', () => {
  it('places an observed address in the external blocks the canvas draws: the ipBlocks holding it, else any other address', () => {
    const external = externalBlocks(SHOP.model, SHOP.evaluation);
    expect(addressBlocks(external, '203.0.113.9')).toEqual(['ext:0.0.0.0/0 except 10.0.0.0/8']);
    expect(addressBlocks(external, '198.51.100.0/24')).toEqual(['ext:0.0.0.0/0 except 10.0.0.0/8']);
    expect(addressBlocks(external, '10.1.2.3')).toEqual(['ext:other']);
    expect(addressBlocks(external, '2001:db8::1')).toEqual(['ext:other']);
    expect(addressBlocks(external, 'not an address')).toEqual([]);
  });
});
