import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlist } from '../format/formatConnlist';
import { manifest } from '../testing/manifest';
import { MAX_LISTED_ISSUES } from './issueSink';
import { MAX_OBSERVED_CHARS, MAX_OBSERVED_RECORDS, parseObservedFlows } from './parseObservedFlows';
import { hubbleLine } from './testing/hubbleLine';

const WEB = { namespace: 'shop', pod: 'web-5d8f7-x2x9k', labels: ['k8s:app=web', 'k8s:io.kubernetes.pod.namespace=shop', 'k8s:io.cilium.k8s.policy.cluster=default'], workloads: [{ name: 'web', kind: 'Deployment' }], identity: 12345, ip: '10.0.0.5' };
const API = { namespace: 'shop', pod: 'api-0', labels: ['k8s:app=api', 'k8s:io.kubernetes.pod.namespace=shop'], workloads: [{ name: 'api', kind: 'StatefulSet' }], identity: 23456, ip: '10.0.0.6' };
const WORLD = { labels: ['reserved:world'], identity: 2, ip: '203.0.113.9' };
const HOST = { labels: ['reserved:host'], identity: 1, ip: '172.18.0.2' };

function parse(...lines: string[]) {
  return parseObservedFlows(lines.join('\n'), 'flows.json');
}

describe('parseObservedFlows: Hubble', () => {
  it('reads a forwarded TCP flow between two pods, with namespace, pod name, labels, owners and addresses', () => {
    const { flows, issues, stats } = parse(hubbleLine({ src: WEB, dst: API, port: 8080, direction: 'EGRESS' }));
    expect(issues).toEqual([]);
    expect(stats).toMatchObject({ format: 'hubble', records: 1, flows: 1 });
    expect(flows).toHaveLength(1);
    const [flow] = flows;
    expect(flow).toMatchObject({ protocol: 'TCP', port: 8080, verdict: 'FORWARDED', direction: 'egress', line: 1 });
    expect(flow.src).toMatchObject({ kind: 'pod', namespace: 'shop', podName: 'web-5d8f7-x2x9k', owners: [{ name: 'web', kind: 'Deployment' }], ip: '10.0.0.5' });
    // Pod labels only: the namespace label gives the namespace, Cilium's own labels are left out.
    expect(flow.src.kind === 'pod' && [...flow.src.labels]).toEqual([['app', 'web']]);
    expect(flow.dst).toMatchObject({ kind: 'pod', namespace: 'shop', podName: 'api-0', ip: '10.0.0.6' });
  });

  it('reads UDP and SCTP destination ports, and the ingress direction', () => {
    const { flows } = parse(hubbleLine({ src: WEB, dst: API, protocol: 'UDP', port: 53, direction: 'INGRESS' }), hubbleLine({ src: WEB, dst: API, protocol: 'SCTP', port: 3868 }));
    expect(flows.map((f) => [f.protocol, f.port, f.direction])).toEqual([
      ['UDP', 53, 'ingress'],
      ['SCTP', 3868, undefined],
    ]);
  });

  it('skips and counts ICMP and flows without layer 4, reporting nothing', () => {
    const { flows, issues, stats } = parse(
      hubbleLine({ src: WEB, dst: API, l4: { ICMPv4: { type: 8 } } }),
      hubbleLine({ src: WEB, dst: API, l4: { ICMPv6: { type: 128 } } }),
      hubbleLine({ src: WEB, dst: API, l4: null }),
    );
    expect(flows).toEqual([]);
    expect(issues).toEqual([]);
    expect(stats).toMatchObject({ records: 3, notPortFlows: 3, flows: 0 });
  });

  it('drops replies (is_reply, or the deprecated reply when is_reply is absent); an absent is_reply is a request', () => {
    const deprecated = JSON.parse(hubbleLine({ src: API, dst: WEB, port: 40000 }));
    deprecated.flow.reply = true;
    const { flows, stats } = parse(hubbleLine({ src: API, dst: WEB, port: 40000, isReply: true }), JSON.stringify(deprecated), hubbleLine({ src: WEB, dst: API, port: 8080 }), hubbleLine({ src: WEB, dst: API, port: 8081, isReply: false }));
    expect(stats).toMatchObject({ replies: 2, flows: 2 });
    expect(flows.map((f) => f.port)).toEqual([8080, 8081]);
  });

  it('keeps drops with their drop reason, audits and the other verdicts, by name or number', () => {
    const { flows, issues } = parse(
      hubbleLine({ src: WEB, dst: API, verdict: 'DROPPED', dropReason: 'POLICY_DENIED' }),
      hubbleLine({ src: WEB, dst: API, verdict: 'AUDIT' }),
      hubbleLine({ src: WEB, dst: API, verdict: 2 }),
      hubbleLine({ src: WEB, dst: API, verdict: 'TRACED' }),
      hubbleLine({ src: WEB, dst: API, verdict: 'MAYBE' }),
    );
    expect(flows.map((f) => [f.verdict, f.dropReason])).toEqual([
      ['DROPPED', 'POLICY_DENIED'],
      ['AUDIT', undefined],
      ['DROPPED', undefined],
      ['TRACED', undefined],
      ['VERDICT_UNKNOWN', undefined],
    ]);
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', line: 5, path: 'flow.verdict' })]);
  });

  it('reads reserved identities as addresses: world and host by label, world by number alone', () => {
    const { flows } = parse(hubbleLine({ src: WORLD, dst: WEB, port: 443 }), hubbleLine({ src: HOST, dst: WEB, port: 8080 }), hubbleLine({ src: { identity: 2, ip: '198.51.100.1' }, dst: WEB }), hubbleLine({ src: WEB, dst: { labels: ['reserved:kube-apiserver', 'reserved:host'], ip: '172.18.0.3' }, port: 6443 }));
    expect(flows.map((f) => (f.src.kind === 'address' ? f.src : f.dst))).toEqual([
      { kind: 'address', address: '203.0.113.9', reserved: ['world'] },
      { kind: 'address', address: '172.18.0.2', reserved: ['host'] },
      { kind: 'address', address: '198.51.100.1', reserved: ['world'] },
      { kind: 'address', address: '172.18.0.3', reserved: ['kube-apiserver', 'host'] },
    ]);
  });

  it('reads a bare flow (no wrapper) and the lowerCamelCase field names', () => {
    const camel = JSON.stringify({
      flow: {
        verdict: 'FORWARDED',
        IP: { source: '10.0.0.5', destination: '10.0.0.6' },
        l4: { TCP: { sourcePort: 1234, destinationPort: 9090 } },
        source: { namespace: 'shop', podName: 'web-1', labels: ['k8s:app=web'] },
        destination: { namespace: 'shop', podName: 'api-0' },
        trafficDirection: 'INGRESS',
        isReply: false,
      },
    });
    const { flows, issues } = parse(hubbleLine({ src: WEB, dst: API, isWrapped: false }), camel);
    expect(issues).toEqual([]);
    expect(flows.map((f) => [f.port, f.direction, f.src.kind === 'pod' && f.src.podName])).toEqual([
      [80, undefined, 'web-5d8f7-x2x9k'],
      [9090, 'ingress', 'web-1'],
    ]);
  });

  it('counts responses that are not flows and warns of lost events', () => {
    const { flows, issues, stats } = parse(JSON.stringify({ node_status: { state_change: 'NODE_CONNECTED' } }), JSON.stringify({ lost_events: { source: 'HUBBLE_RING_BUFFER', num_events_lost: '42' } }), hubbleLine({ src: WEB, dst: API }));
    expect(flows).toHaveLength(1);
    expect(stats).toMatchObject({ notFlows: 2, lostEvents: 42 });
    expect(issues).toEqual([expect.objectContaining({ code: 'observed-lost-events', severity: 'warning' })]);
  });

  it('keeps flows with missing optional fields: no IP, no labels, no verdict, no direction', () => {
    const line = JSON.stringify({ flow: { l4: { UDP: { destination_port: 53 } }, source: { namespace: 'shop', pod_name: 'web-1' }, destination: {} } });
    const { flows, issues } = parse(line);
    expect(issues).toEqual([]);
    expect(flows).toEqual([{ src: { kind: 'pod', namespace: 'shop', podName: 'web-1', owners: [], labels: new Map() }, dst: { kind: 'address', reserved: [] }, protocol: 'UDP', port: 53, verdict: 'VERDICT_UNKNOWN', line: 1 }]);
  });

  it('reports a bad field with its line and path and leaves that record out', () => {
    const noPort = JSON.stringify({ flow: { l4: { TCP: { source_port: 1 } }, source: {}, destination: {} } });
    const { flows, issues, stats } = parse(
      hubbleLine({ src: WEB, dst: API }),
      noPort,
      hubbleLine({ src: WEB, dst: API, port: 70000 }),
      hubbleLine({ src: { ...WEB, ip: 'ten.0.0.1' }, dst: API }),
      JSON.stringify({ flow: { l4: { TCP: { destination_port: 80 } }, source: { labels: 'k8s:app=web' } } }),
      JSON.stringify({ flow: { l4: { TCP: { destination_port: 80 } }, is_reply: 'no' } }),
      JSON.stringify({ flow: { l4: { TCP: { destination_port: 80 } }, source: { workloads: [{ name: 'x' }, 7] } } }),
    );
    expect(flows).toHaveLength(1);
    expect(stats.invalid).toBe(6);
    expect(issues.map((i) => [i.line, i.path, i.severity])).toEqual([
      [2, 'flow.l4.TCP.destination_port', 'error'],
      [3, 'flow.l4.TCP.destination_port', 'error'],
      [4, 'flow.IP.source', 'error'],
      [5, 'flow.source.labels', 'error'],
      [6, 'flow.is_reply', 'error'],
      [7, 'flow.source.workloads[1]', 'error'],
    ]);
    expect(issues.every((i) => i.file === 'flows.json')).toBe(true);
  });

  it('reports a line that is not JSON, or not an object, once each, and reads the lines around it', () => {
    const { flows, issues, stats } = parse(hubbleLine({ src: WEB, dst: API }), 'Dec  3 08:00:00.000: shop/web-1:40000 -> shop/api-0:80 to-endpoint FORWARDED', '[1, 2]', '', '{"flow": 7}', '{"hello": "world"}', hubbleLine({ src: WEB, dst: API }));
    expect(flows.map((f) => f.line)).toEqual([1, 7]);
    expect(stats).toMatchObject({ records: 6, invalid: 4 });
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['observed-not-json', 2],
      ['observed-record', 3],
      ['observed-record', 5],
      ['observed-record', 6],
    ]);
  });

  it('takes prototype keys as plain data: no pollution, labels kept as written', () => {
    const hostile =
      '{"flow": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "l4": {"TCP": {"destination_port": 80, "__proto__": {"destination_port": 1}}},' +
      ' "source": {"namespace": "shop", "pod_name": "web-1", "labels": ["k8s:__proto__=x", "k8s:constructor=y", "k8s:toString=z"]},' +
      ' "destination": {"namespace": "shop", "pod_name": "__proto__", "workloads": [{"name": "constructor", "kind": "__proto__"}]}}}';
    const { flows, issues } = parse(hostile, '{"__proto__": {"flow": {}}}', '{"constructor": 1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(flows).toHaveLength(1);
    const [flow] = flows;
    expect(flow.src.kind === 'pod' && Object.fromEntries(flow.src.labels)).toEqual(Object.fromEntries([['__proto__', 'x'], ['constructor', 'y'], ['toString', 'z']]));
    expect(flow.dst).toMatchObject({ podName: '__proto__', owners: [{ name: 'constructor', kind: '__proto__' }] });
    expect(issues.map((i) => i.line)).toEqual([2, 3]);
  });

  it('describes a deeply nested or huge bad value without serialising it', () => {
    const deep = `{"flow": {"verdict": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "l4": {"TCP": {"destination_port": 80}}, "source": {"namespace": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}`;
    const long = JSON.stringify({ flow: { l4: { TCP: { destination_port: 80 } }, IP: { source: 'x'.repeat(100_000) } } });
    const { flows, issues } = parse(deep, long);
    expect(flows).toEqual([]);
    expect(issues.map((i) => [i.line, i.path, i.message])).toEqual([
      [1, 'flow.verdict', 'unknown verdict a list: read as VERDICT_UNKNOWN'],
      [1, 'flow.source.namespace', 'must be a string, not an object'],
      [2, 'flow.IP.source', `"${'x'.repeat(60)}…" is not an IP address`],
    ]);
  });

  it('lists the first problems and summarises the rest', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 'not json' : hubbleLine({ src: WEB, dst: API })));
    const { flows, issues, stats } = parse(...lines);
    expect(flows).toHaveLength(500);
    expect(stats.invalid).toBe(500);
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ code: 'observed-more-issues', message: `${500 - MAX_LISTED_ISSUES} more problems are not listed (the first at line ${2 * MAX_LISTED_ISSUES + 1})` });
  });

  it('refuses a file over the line or size bound with one issue', () => {
    const many = parseObservedFlows('\n'.repeat(MAX_OBSERVED_RECORDS), 'big.json');
    expect(many.flows).toEqual([]);
    expect(many.issues).toEqual([expect.objectContaining({ code: 'observed-too-large', message: expect.stringContaining(`${MAX_OBSERVED_RECORDS + 1} lines`) })]);
    const huge = parseObservedFlows(hubbleLine({ src: WEB, dst: API }), 'huge.json', { maxChars: 100 });
    expect(huge.flows).toEqual([]);
    expect(huge.issues).toEqual([expect.objectContaining({ code: 'observed-too-large', message: expect.stringContaining('at most 100 are read') })]);
    expect(MAX_OBSERVED_CHARS).toBe(256 * 1024 * 1024);
    const rows = parseObservedFlows(`[${'{"src": "10.0.0.1", "dst": "10.0.0.2", "conn": "TCP 80"},'.repeat(3)}{}]`, 'rows.json', { maxRecords: 3 });
    expect(rows.issues).toEqual([expect.objectContaining({ code: 'observed-too-large', message: '4 rows: at most 3 are read' })]);
  });

  it('reads CRLF lines after a byte order mark', () => {
    const { flows, issues } = parseObservedFlows(`\uFEFF${hubbleLine({ src: WEB, dst: API })}\r\n${hubbleLine({ src: WEB, dst: API, port: 81 })}\r\n`, 'flows.json');
    expect(issues).toEqual([]);
    expect(flows.map((f) => [f.port, f.line])).toEqual([
      [80, 1],
      [81, 2],
    ]);
  });

  it('reads a JSON array of Hubble flows, each with its line', () => {
    const text = `[\n${hubbleLine({ src: WEB, dst: API })},\n${hubbleLine({ src: WEB, dst: API, isReply: true })},\n${hubbleLine({ src: WEB, dst: API, port: 70000 })}\n]`;
    const { flows, issues, stats } = parseObservedFlows(text, 'flows.json');
    expect(stats).toMatchObject({ format: 'hubble', records: 3, flows: 1, replies: 1, invalid: 1 });
    expect(flows[0].line).toBe(2);
    expect(issues).toEqual([expect.objectContaining({ line: 4, path: 'flow.l4.TCP.destination_port' })]);
  });

  it('says so when the content is no format it knows, and reads an empty file as no flows', () => {
    expect(parseObservedFlows('hello world\n', 'x.txt').issues).toEqual([expect.objectContaining({ code: 'observed-format', severity: 'error' })]);
    expect(parseObservedFlows('  \n', 'x.txt')).toMatchObject({ flows: [], issues: [], stats: { format: 'unknown', records: 0 } });
  });
});

const SHOP = [
  manifest.pod('web', 'shop', 'app: web', { status: '{podIP: 10.0.0.5}' }),
  manifest.pod('api', 'shop', 'app: api', { ports: '{containerPort: 8080}' }),
  manifest.networkPolicy('api', 'shop', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}, {port: 53, protocol: UDP}]}]}'),
  manifest.networkPolicy('web', 'shop', '{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress], ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]}]}'),
].join('---\n');

describe('parseObservedFlows: the connection list', () => {
  it("reads this product's connection-list JSON: each port one flow, ranges and All Connections counted", () => {
    const text = formatConnlist('json', analyze([{ name: 'shop.yaml', text: SHOP }]).connections);
    const { flows, issues, stats } = parseObservedFlows(text, 'connlist.json');
    expect(issues).toEqual([]);
    expect(stats.format).toBe('connlist-json');
    const toApi = flows.filter((f) => f.dst.kind === 'workload' && f.dst.id === 'shop/api[Pod]');
    expect(toApi.map((f) => [f.src, f.protocol, f.port])).toEqual([
      [{ kind: 'workload', id: 'shop/web[Pod]' }, 'TCP', 8080],
      [{ kind: 'workload', id: 'shop/web[Pod]' }, 'UDP', 53],
    ]);
    expect(text.split('\n')[toApi[0].line - 1]).toBe('  {');
    expect(text.split('\n')[toApi[0].line]).toContain('"src": "shop/web[Pod]"');
    expect(flows.some((f) => f.src.kind === 'address' && f.src.address === '0.0.0.0-9.255.255.255')).toBe(false);
    expect(stats.notPortFlows).toBeGreaterThan(0);
  });

  it('reads hand-written rows: lists of ports, a single-address range, an IP, a CIDR; reports bad rows by index, line and field', () => {
    const text = `[
  {"src": "shop/web[Deployment]", "dst": "shop/api[Deployment]", "conn": "TCP 80,443,UDP 53"},
  {"src": "203.0.113.9-203.0.113.9[External]", "dst": "shop/web[Deployment]", "conn": "TCP 8443"},
  {"src": "shop/web[Deployment]", "dst": "192.0.2.0/24", "conn": "TCP 1-1024"},
  {"src": "web", "dst": "10.0.0.1", "conn": "ICMP 8"},
  {"dst": "10.0.0.1", "conn": "TCP 80"},
  7
]`;
    const { flows, issues, stats } = parseObservedFlows(text, 'rows.json');
    expect(flows.map((f) => [f.src, f.dst, `${f.protocol} ${f.port}`, f.line])).toEqual([
      [{ kind: 'workload', id: 'shop/web[Deployment]' }, { kind: 'workload', id: 'shop/api[Deployment]' }, 'TCP 80', 2],
      [{ kind: 'workload', id: 'shop/web[Deployment]' }, { kind: 'workload', id: 'shop/api[Deployment]' }, 'TCP 443', 2],
      [{ kind: 'workload', id: 'shop/web[Deployment]' }, { kind: 'workload', id: 'shop/api[Deployment]' }, 'UDP 53', 2],
      [{ kind: 'address', address: '203.0.113.9', reserved: [] }, { kind: 'workload', id: 'shop/web[Deployment]' }, 'TCP 8443', 3],
    ]);
    expect(stats).toMatchObject({ records: 6, notPortFlows: 1, invalid: 3 });
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [5, '[3].src'],
      [5, '[3].conn'],
      [6, '[4].src'],
      [7, '[5]'],
    ]);
  });

  it('reads the connection-list CSV: quoted cells, extra columns; reports a bad row by line', () => {
    const text = ['observed,src,dst,conn', 'yes,shop/web[Pod],shop/api[Pod],TCP 8080', 'no,"shop/web[Pod]",10.0.0.9,"TCP 80,UDP 53"', "x,'-weird,shop/api[Pod],TCP 1", 'y,shop/web[Pod],"shop/api[Pod]', ''].join('\n');
    const { flows, issues, stats } = parseObservedFlows(text, 'flows.csv');
    expect(stats).toMatchObject({ format: 'connlist-csv', records: 4, flows: 3, invalid: 2 });
    expect(flows.map((f) => [f.dst.kind === 'workload' ? f.dst.id : f.dst.kind === 'address' && f.dst.address, `${f.protocol} ${f.port}`, f.line])).toEqual([
      ['shop/api[Pod]', 'TCP 8080', 2],
      ['10.0.0.9', 'TCP 80', 3],
      ['10.0.0.9', 'UDP 53', 3],
    ]);
    expect(issues.map((i) => [i.line, i.path, i.message])).toEqual([
      [4, 'src', expect.stringContaining(`"'-weird" is not a workload`)],
      [5, undefined, 'a quoted field is not closed'],
    ]);
  });

  it("reads this product's connection-list CSV", () => {
    const text = formatConnlist('csv', analyze([{ name: 'shop.yaml', text: SHOP }]).connections);
    const { flows, issues } = parseObservedFlows(text, 'connlist.csv');
    expect(issues).toEqual([]);
    expect(flows.filter((f) => f.dst.kind === 'workload' && f.dst.id === 'shop/api[Pod]').map((f) => `${f.protocol} ${f.port}`)).toEqual(['TCP 8080', 'UDP 53']);
  });
});
