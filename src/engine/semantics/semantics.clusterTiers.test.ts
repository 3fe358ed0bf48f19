import { describe, expect, it } from 'vitest';
import { formatConnSet } from '../evaluate/connSet';
import { manifest } from '../testing/manifest';
import { analyzeYaml, verdicts } from './verdicts';

// Conformance of ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2) written from docs/cluster-tiers.md:
// §1.1 field limits (CRD), §1.2 rule semantics, §3 evaluation order Admin → NetworkPolicy → Baseline → default allow.

/** Namespaces a and b; a/client and a/other call out, b/server serves http (TCP 8080), dns (UDP 53) and sig (SCTP 9000), b/plain serves nothing. */
const PODS = [
  manifest.namespace('a', 'team: a'),
  manifest.namespace('b', 'team: b'),
  manifest.pod('client', 'a', 'app: client', { status: '{podIP: 10.0.1.1}' }),
  manifest.pod('other', 'a', 'app: other', { status: '{podIP: 10.0.1.2}' }),
  manifest.pod('server', 'b', 'app: server', {
    ports: '{containerPort: 8080, name: http}, {containerPort: 53, name: dns, protocol: UDP}, {containerPort: 9000, name: sig, protocol: SCTP}',
    status: '{podIP: 10.0.2.2}',
  }),
  manifest.pod('plain', 'b', 'app: plain', { status: '{podIP: 10.0.2.3}' }),
];

const CLIENT_TO_SERVER = 'a/client[Pod] => b/server[Pod]';
const OTHER_TO_SERVER = 'a/other[Pod] => b/server[Pod]';
const CLIENT_TO_PLAIN = 'a/client[Pod] => b/plain[Pod]';
const CLIENT_TO_TEST_NET = 'a/client[Pod] => 203.0.113.0-203.0.113.255[External]';

/** Selectors of the subjects and peers, in flow style. */
const CLIENT = '{pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: client}}}}';
const SERVER = '{pods: {namespaceSelector: {matchLabels: {team: b}}, podSelector: {matchLabels: {app: server}}}}';
const EVERY_POD = '{namespaces: {}}';
const EVERYWHERE = '{namespaces: {}}, {networks: [0.0.0.0/0]}';

type Tier = 'Admin' | 'Baseline';
type Action = 'Accept' | 'Deny' | 'Pass';

/** One rule in flow style: `from`/`to` peers (without the brackets) and optionally `protocols` (without the brackets). */
const ingressRule = (action: string, from: string, protocols?: string) => `{action: ${action}, from: [${from}]${protocols === undefined ? '' : `, protocols: [${protocols}]`}}`;
const egressRule = (action: string, to: string, protocols?: string) => `{action: ${action}, to: [${to}]${protocols === undefined ? '' : `, protocols: [${protocols}]`}}`;

/** A ClusterNetworkPolicy; `ingress`/`egress` are rules in flow style (absent when undefined). */
function cnp(name: string, tier: Tier | string, priority: number | string, subject: string, { ingress, egress }: { ingress?: string[]; egress?: string[] }): string {
  const lines = [`apiVersion: policy.networking.k8s.io/v1alpha2`, `kind: ClusterNetworkPolicy`, `metadata:`, `  name: ${name}`, `spec:`, `  tier: ${tier}`, `  priority: ${priority}`, `  subject: ${subject}`];
  if (ingress !== undefined) lines.push(ingress.length === 0 ? '  ingress: []' : '  ingress:', ...ingress.map((r) => `  - ${r}`));
  if (egress !== undefined) lines.push(egress.length === 0 ? '  egress: []' : '  egress:', ...egress.map((r) => `  - ${r}`));
  return `${lines.join('\n')}\n`;
}

/** The test pods plus the given objects, as one YAML text. */
const cluster = (...objects: string[]) => [...PODS, ...objects].join('---\n');

/** What a pair is allowed, `none` when the pair is absent (denied). */
const conn = (v: Map<string, string>, pair: string) => v.get(pair) ?? 'none';

/** Deny-all NetworkPolicies that isolate b/server's ingress or a/client's egress. */
const SERVER_INGRESS_ISOLATED = manifest.networkPolicy('isolate', 'b', '{podSelector: {matchLabels: {app: server}}, policyTypes: [Ingress]}');
const CLIENT_EGRESS_ISOLATED = manifest.networkPolicy('isolate', 'a', '{podSelector: {matchLabels: {app: client}}, policyTypes: [Egress]}');

// ---------------------------------------------------------------------------------------------------------------------
// The table: action × tier × peer kind × protocol form.

/** A protocol form: its `protocols` entries and what it matches toward b/server (`matched`) and leaves (`rest`); `none` is nothing. */
interface Form {
  form: string;
  protocols?: string;
  matched: string;
  rest: string;
  isNamed: boolean;
}

const FORMS: Form[] = [
  { form: 'no protocols (all traffic)', matched: 'All Connections', rest: 'none', isNamed: false },
  { form: 'tcp destinationPort number 8080', protocols: '{tcp: {destinationPort: {number: 8080}}}', matched: 'TCP 8080', rest: 'SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535', isNamed: false },
  { form: 'udp destinationPort number 53', protocols: '{udp: {destinationPort: {number: 53}}}', matched: 'UDP 53', rest: 'SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535', isNamed: false },
  { form: 'sctp destinationPort number 9000', protocols: '{sctp: {destinationPort: {number: 9000}}}', matched: 'SCTP 9000', rest: 'SCTP 1-8999,9001-65535,TCP 1-65535,UDP 1-65535', isNamed: false },
  { form: 'tcp destinationPort range 8000-8090', protocols: '{tcp: {destinationPort: {range: {start: 8000, end: 8090}}}}', matched: 'TCP 8000-8090', rest: 'SCTP 1-65535,TCP 1-7999,8091-65535,UDP 1-65535', isNamed: false },
  { form: 'two entries ORed (tcp 8080, udp 53)', protocols: '{tcp: {destinationPort: {number: 8080}}}, {udp: {destinationPort: {number: 53}}}', matched: 'TCP 8080,UDP 53', rest: 'SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-52,54-65535', isNamed: false },
  { form: 'destinationNamedPort http (the server port is TCP 8080)', protocols: '{destinationNamedPort: http}', matched: 'TCP 8080', rest: 'SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535', isNamed: true },
  { form: 'destinationNamedPort dns (the server port is UDP 53: the protocol comes from the container port)', protocols: '{destinationNamedPort: dns}', matched: 'UDP 53', rest: 'SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535', isNamed: true },
  { form: 'destinationNamedPort sig (the server port is SCTP 9000)', protocols: '{destinationNamedPort: sig}', matched: 'SCTP 9000', rest: 'SCTP 1-8999,9001-65535,TCP 1-65535,UDP 1-65535', isNamed: true },
  { form: 'destinationNamedPort metrics (no such server port: matches nothing)', protocols: '{destinationNamedPort: metrics}', matched: 'none', rest: 'All Connections', isNamed: true },
];

/** A peer kind: the rule's direction, the peer, the pair it is checked on, and whether it matches that pair's destination at all. */
interface PeerKind {
  peer: string;
  direction: 'ingress' | 'egress';
  yaml: string;
  pair: string;
  isMatching: boolean;
  /** Only `namespaces`/`pods` peers may carry a destinationNamedPort (§1.1 egress-rule CEL). */
  allowsNamed: boolean;
}

const PEERS: PeerKind[] = [
  { peer: 'ingress from a namespaces peer (team: a)', direction: 'ingress', yaml: '{namespaces: {matchLabels: {team: a}}}', pair: CLIENT_TO_SERVER, isMatching: true, allowsNamed: true },
  { peer: 'ingress from a pods peer (a/client)', direction: 'ingress', yaml: CLIENT, pair: CLIENT_TO_SERVER, isMatching: true, allowsNamed: true },
  { peer: 'egress to a namespaces peer (team: b)', direction: 'egress', yaml: '{namespaces: {matchLabels: {team: b}}}', pair: CLIENT_TO_SERVER, isMatching: true, allowsNamed: true },
  { peer: 'egress to a pods peer (b/server)', direction: 'egress', yaml: SERVER, pair: CLIENT_TO_SERVER, isMatching: true, allowsNamed: true },
  { peer: 'egress to a networks peer holding the server pod IP (networks match cluster-internal traffic)', direction: 'egress', yaml: '{networks: [10.0.2.0/24]}', pair: CLIENT_TO_SERVER, isMatching: true, allowsNamed: false },
  { peer: 'egress to a networks peer of an external range (only the pod side decides)', direction: 'egress', yaml: '{networks: [203.0.113.0/24]}', pair: CLIENT_TO_TEST_NET, isMatching: true, allowsNamed: false },
  { peer: 'egress to a nodes peer (matches nothing: the model has no node addresses)', direction: 'egress', yaml: '{nodes: {matchLabels: {}}}', pair: CLIENT_TO_SERVER, isMatching: false, allowsNamed: false },
  { peer: 'egress to a domainNames peer (matches nothing: the model has no DNS names)', direction: 'egress', yaml: '{domainNames: [example.com]}', pair: CLIENT_TO_SERVER, isMatching: false, allowsNamed: false },
];

/**
 * How each (tier, action) is made observable, and why the result is what it is. `matched`/`rest` are what the first
 * rule's peer and protocols cover on the checked pair and what they leave.
 */
interface Setup {
  tier: Tier;
  action: Action;
  /** The rule after the one under test (`undefined`: none), and a Baseline policy below it (Admin Pass only). */
  then?: Action;
  baselineDenyAll: boolean;
  expect: (matched: string, rest: string) => string;
  why: string;
}

const SETUPS: Setup[] = [
  { tier: 'Admin', action: 'Accept', then: 'Deny', baselineDenyAll: false, expect: (m) => m, why: 'Accept admits what it matches; the next rule (Deny everything) drops the rest' },
  { tier: 'Admin', action: 'Deny', baselineDenyAll: false, expect: (_, r) => r, why: 'Deny drops what it matches; unmatched traffic falls through to the default allow' },
  {
    tier: 'Admin',
    action: 'Pass',
    then: 'Accept',
    baselineDenyAll: true,
    expect: (_, r) => r,
    why: 'Pass hands what it matches to the next tier (no NetworkPolicy selects the pod, so Baseline, which denies it); the next rule Accepts the rest',
  },
  { tier: 'Baseline', action: 'Accept', then: 'Deny', baselineDenyAll: false, expect: (m) => m, why: 'Accept admits what it matches; the next rule (Deny everything) drops the rest' },
  { tier: 'Baseline', action: 'Deny', baselineDenyAll: false, expect: (_, r) => r, why: 'Deny drops what it matches; unmatched traffic falls through to the default allow' },
  { tier: 'Baseline', action: 'Pass', then: 'Deny', baselineDenyAll: false, expect: (m) => m, why: 'Pass hands what it matches to the default allow; the next rule (Deny everything) drops the rest' },
];

interface Row {
  name: string;
  yaml: string;
  pair: string;
  expected: string;
}

function rowOf(setup: Setup, peer: PeerKind, form: Form): Row {
  const isEgress = peer.direction === 'egress';
  const subject = isEgress ? CLIENT : SERVER;
  const rule = isEgress ? egressRule : ingressRule;
  const all = isEgress ? EVERYWHERE : EVERY_POD;
  const rules = [rule(setup.action, peer.yaml, form.protocols), ...(setup.then ? [rule(setup.then, all)] : [])];
  const objects = [cnp('under-test', setup.tier, 10, subject, { [peer.direction]: rules })];
  if (setup.baselineDenyAll) objects.push(cnp('baseline', 'Baseline', 10, subject, { [peer.direction]: [rule('Deny', all)] }));
  const matched = peer.isMatching ? form.matched : 'none';
  const rest = peer.isMatching ? form.rest : 'All Connections';
  const expected = setup.expect(matched, rest);
  return { name: `${setup.tier} ${setup.action}, ${peer.peer}, ${form.form} → ${peer.pair}: ${expected} (${setup.why})`, yaml: cluster(...objects), pair: peer.pair, expected };
}

const ROWS: Row[] = SETUPS.flatMap((setup) => PEERS.flatMap((peer) => FORMS.filter((f) => peer.allowsNamed || !f.isNamed).map((form) => rowOf(setup, peer, form))));

describe('ClusterNetworkPolicy v1alpha2: action × tier × peer kind × protocol form (§1.2, §3)', () => {
  it.each(ROWS)('$name', ({ yaml, pair, expected }) => {
    expect(conn(verdicts(yaml), pair)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('ClusterNetworkPolicy v1alpha2: tiers against NetworkPolicy (§3)', () => {
  const ALLOW_CLIENT_IN = manifest.networkPolicy('allow-client', 'b', '{podSelector: {matchLabels: {app: server}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: client}}}]}]}');

  it('Admin Deny beats a NetworkPolicy allow: Deny is final and NetworkPolicy is never consulted', () => {
    const v = verdicts(cluster(ALLOW_CLIENT_IN, cnp('deny-8080', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', CLIENT, '{tcp: {destinationPort: {number: 8080}}}')] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
    // a/other is still isolated by the NetworkPolicy, which decides what Admin left undecided.
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
  });

  it('Admin Accept wins even when a NetworkPolicy isolates the pod: Accept is final for its direction', () => {
    const v = verdicts(cluster(SERVER_INGRESS_ISOLATED, cnp('accept-8080', 'Admin', 10, SERVER, { ingress: [ingressRule('Accept', CLIENT, '{tcp: {destinationPort: {number: 8080}}}')] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('TCP 8080');
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
  });

  it('Admin Accept on egress wins over a NetworkPolicy that isolates the source egress', () => {
    const v = verdicts(cluster(CLIENT_EGRESS_ISOLATED, cnp('accept-out', 'Admin', 10, CLIENT, { egress: [egressRule('Accept', SERVER, '{tcp: {destinationPort: {number: 8080}}}')] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('TCP 8080');
    expect(conn(v, CLIENT_TO_PLAIN)).toBe('none');
  });

  it('Admin Pass delegates to NetworkPolicy when one selects the pod: NetworkPolicy decides and Baseline is not consulted', () => {
    const allow8080 = manifest.networkPolicy('allow-8080', 'b', '{podSelector: {matchLabels: {app: server}}, ingress: [{ports: [{port: 8080}]}]}');
    const v = verdicts(
      cluster(
        allow8080,
        cnp('pass', 'Admin', 10, SERVER, { ingress: [ingressRule('Pass', CLIENT)] }),
        cnp('baseline', 'Baseline', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD)] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('TCP 8080');
    // What Admin leaves undecided also goes to the NetworkPolicy, not to Baseline.
    expect(conn(v, OTHER_TO_SERVER)).toBe('TCP 8080');
  });

  it('Admin Pass delegates to Baseline when no NetworkPolicy selects the pod', () => {
    const v = verdicts(
      cluster(
        cnp('pass', 'Admin', 10, SERVER, { ingress: [ingressRule('Pass', CLIENT)] }),
        cnp('baseline', 'Baseline', 10, SERVER, { ingress: [ingressRule('Deny', CLIENT, '{tcp: {destinationPort: {number: 8080}}}')] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
  });

  it('Admin Pass skips the remaining Admin rules and policies of the tier', () => {
    const v = verdicts(
      cluster(
        cnp('pass', 'Admin', 10, SERVER, { ingress: [ingressRule('Pass', CLIENT), ingressRule('Deny', EVERY_POD)] }),
        cnp('deny-later', 'Admin', 20, SERVER, { ingress: [ingressRule('Deny', EVERY_POD)] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
  });

  it('Admin Pass on egress delegates to the NetworkPolicy that selects the source for Egress', () => {
    const dnsOnly = manifest.networkPolicy('dns-only', 'a', '{podSelector: {matchLabels: {app: client}}, policyTypes: [Egress], egress: [{ports: [{port: 53, protocol: UDP}]}]}');
    const v = verdicts(
      cluster(
        dnsOnly,
        cnp('pass', 'Admin', 10, CLIENT, { egress: [egressRule('Pass', SERVER)] }),
        cnp('baseline', 'Baseline', 10, CLIENT, { egress: [egressRule('Accept', SERVER)] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('UDP 53');
  });

  it('Admin Accept to networks 0.0.0.0/0 also accepts pod-to-pod traffic: networks match cluster-internal addresses', () => {
    const v = verdicts(cluster(CLIENT_EGRESS_ISOLATED, cnp('accept-all-v4', 'Admin', 10, CLIENT, { egress: [egressRule('Accept', '{networks: [0.0.0.0/0]}')] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
    expect(conn(v, 'a/client[Pod] => 0.0.0.0-255.255.255.255[External]')).toBe('All Connections');
  });

  it('networks take IPv6 CIDRs too: an IPv6 range matches a pod by its IPv6 address', () => {
    const six = manifest.pod('six', 'b', 'app: six', { status: '{podIP: fd00::5}' });
    const v = verdicts([...PODS, six, cnp('deny-v6', 'Admin', 10, CLIENT, { egress: [egressRule('Deny', '{networks: ["fd00::/8"]}')] })].join('---\n'));
    expect(conn(v, 'a/client[Pod] => b/six[Pod]')).toBe('none');
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
  });

  it('a networks peer does not match a pod whose address lies outside it', () => {
    const v = verdicts(cluster(cnp('deny-plain', 'Admin', 10, CLIENT, { egress: [egressRule('Deny', '{networks: [10.0.2.3/32]}')] })));
    expect(conn(v, CLIENT_TO_PLAIN)).toBe('none');
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
  });

  it('Baseline Deny applies only when no NetworkPolicy selects the pod: a selected pod gets the NetworkPolicy final decision', () => {
    const serverOpen = manifest.networkPolicy('open', 'b', '{podSelector: {matchLabels: {app: server}}, ingress: [{}]}');
    const v = verdicts(cluster(serverOpen, cnp('baseline', 'Baseline', 10, '{namespaces: {matchLabels: {team: b}}}', { ingress: [ingressRule('Deny', EVERY_POD)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
    expect(conn(v, CLIENT_TO_PLAIN)).toBe('none');
  });

  it('Baseline Deny still applies to a pod that a NetworkPolicy selects only for the other direction', () => {
    // A NetworkPolicy selecting b/plain for Egress says nothing about its ingress, so Baseline decides its ingress.
    const plainEgress = manifest.networkPolicy('out', 'b', '{podSelector: {matchLabels: {app: plain}}, policyTypes: [Egress]}');
    const v = verdicts(cluster(plainEgress, cnp('baseline', 'Baseline', 10, '{namespaces: {matchLabels: {team: b}}}', { ingress: [ingressRule('Deny', CLIENT)] })));
    expect(conn(v, CLIENT_TO_PLAIN)).toBe('none');
    expect(conn(v, 'a/other[Pod] => b/plain[Pod]')).toBe('All Connections');
  });

  it('Baseline Pass falls to the default allow, skipping the rest of the Baseline tier', () => {
    const v = verdicts(
      cluster(
        cnp('pass', 'Baseline', 10, SERVER, { ingress: [ingressRule('Pass', CLIENT), ingressRule('Deny', EVERY_POD)] }),
        cnp('deny-later', 'Baseline', 20, SERVER, { ingress: [ingressRule('Deny', EVERY_POD)] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
  });

  it('Baseline Accept does not override a NetworkPolicy that isolates the pod: NetworkPolicy decides first', () => {
    const v = verdicts(cluster(SERVER_INGRESS_ISOLATED, cnp('accept', 'Baseline', 10, SERVER, { ingress: [ingressRule('Accept', CLIENT)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
  });
});

describe('ClusterNetworkPolicy v1alpha2: order (§3)', () => {
  it('priority order: the lower priority is evaluated first, whatever the input order', () => {
    const v = verdicts(
      cluster(
        cnp('accept-all-20', 'Admin', 20, SERVER, { ingress: [ingressRule('Accept', CLIENT)] }),
        cnp('deny-8080-10', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', CLIENT, '{tcp: {destinationPort: {number: 8080}}}')] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
  });

  it('priority order: an Accept at priority 0 beats a Deny at priority 1000', () => {
    const v = verdicts(
      cluster(
        cnp('deny-1000', 'Admin', 1000, SERVER, { ingress: [ingressRule('Deny', EVERY_POD)] }),
        cnp('accept-0', 'Admin', 0, SERVER, { ingress: [ingressRule('Accept', CLIENT, '{udp: {destinationPort: {number: 53}}}')] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('UDP 53');
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
  });

  it('priority order holds in the Baseline tier too', () => {
    const v = verdicts(
      cluster(
        cnp('deny-20', 'Baseline', 20, SERVER, { ingress: [ingressRule('Deny', EVERY_POD)] }),
        cnp('accept-10', 'Baseline', 10, SERVER, { ingress: [ingressRule('Accept', CLIENT, '{tcp: {destinationPort: {number: 8080}}}')] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('TCP 8080');
  });

  it('rule order within a policy: the first matching rule wins (Deny before Accept all)', () => {
    const v = verdicts(cluster(cnp('ordered', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', CLIENT, '{tcp: {destinationPort: {number: 8080}}}'), ingressRule('Accept', CLIENT)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
  });

  it('rule order within a policy is decided per port: each rule claims only the ports earlier rules left', () => {
    const v = verdicts(
      cluster(
        cnp('ordered', 'Admin', 10, SERVER, {
          ingress: [ingressRule('Deny', CLIENT, '{tcp: {destinationPort: {number: 8080}}}'), ingressRule('Accept', CLIENT, '{tcp: {destinationPort: {range: {start: 8000, end: 8090}}}}'), ingressRule('Deny', EVERY_POD)],
        }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('TCP 8000-8079,8081-8090');
  });

  it('rule order within a policy: a rule whose peer does not match is skipped, and the next one decides', () => {
    const v = verdicts(cluster(cnp('ordered', 'Admin', 10, SERVER, { ingress: [ingressRule('Accept', '{namespaces: {matchLabels: {team: b}}}'), ingressRule('Deny', EVERY_POD)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
  });
});

describe('ClusterNetworkPolicy v1alpha2: both ends and no implicit isolation (§3)', () => {
  it('egress Accept still needs the destination ingress to allow: a NetworkPolicy isolating the server blocks it', () => {
    const v = verdicts(cluster(SERVER_INGRESS_ISOLATED, cnp('accept-out', 'Admin', 10, CLIENT, { egress: [egressRule('Accept', SERVER)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
  });

  it('egress Accept still needs the destination ingress to allow: a Baseline Deny on the server ingress blocks it', () => {
    const v = verdicts(
      cluster(
        cnp('accept-out', 'Admin', 10, CLIENT, { egress: [egressRule('Accept', SERVER)] }),
        cnp('baseline', 'Baseline', 10, SERVER, { ingress: [ingressRule('Deny', CLIENT, '{tcp: {destinationPort: {number: 8080}}}')] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
  });

  it('ingress Accept still needs the source egress to allow: an Admin egress Deny on the client wins', () => {
    const v = verdicts(
      cluster(
        cnp('accept-in', 'Admin', 10, SERVER, { ingress: [ingressRule('Accept', CLIENT)] }),
        cnp('deny-out', 'Admin', 20, CLIENT, { egress: [egressRule('Deny', SERVER, '{udp: {destinationPort: {number: 53}}}')] }),
      ),
    );
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535');
  });

  it('no implicit isolation: a subject with no matching rule keeps the default allow', () => {
    const v = verdicts(cluster(cnp('only-other', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', '{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: other}}}}')] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
  });

  it('host-network pods are never a subject and never matched by namespaces or pods peers (they are not on the pod network)', () => {
    const host = manifest.pod('host', 'b', 'app: host', { spec: 'hostNetwork: true', status: '{podIP: 192.168.0.5}' });
    const asSubject = verdicts(cluster(host, cnp('deny-into-b', 'Admin', 10, '{namespaces: {matchLabels: {team: b}}}', { ingress: [ingressRule('Deny', CLIENT)] })));
    expect(conn(asSubject, 'a/client[Pod] => b/host[Pod]')).toBe('All Connections');
    expect(conn(asSubject, CLIENT_TO_SERVER)).toBe('none');
    const asPeer = verdicts(cluster(host, cnp('deny-to-host', 'Admin', 10, CLIENT, { egress: [egressRule('Deny', '{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: host}}}}')] })));
    expect(conn(asPeer, 'a/client[Pod] => b/host[Pod]')).toBe('All Connections');
  });

  it('no implicit isolation: a policy with no egress rules does not affect egress, and ingress: [] is valid and changes nothing', () => {
    const v = verdicts(cluster(cnp('empty', 'Admin', 10, '{namespaces: {}}', { ingress: [] }), cnp('in-only', 'Baseline', 10, CLIENT, { ingress: [ingressRule('Deny', EVERY_POD)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('All Connections');
    expect(conn(v, CLIENT_TO_TEST_NET.replace('203.0.113.0-203.0.113.255', '0.0.0.0-255.255.255.255'))).toBe('All Connections');
    expect(conn(v, 'b/server[Pod] => a/client[Pod]')).toBe('none');
  });

  it('a subject of namespaces covers every pod of the selected namespaces and no other', () => {
    const v = verdicts(cluster(cnp('ns-b', 'Admin', 10, '{namespaces: {matchLabels: {team: b}}}', { ingress: [ingressRule('Deny', CLIENT)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
    expect(conn(v, CLIENT_TO_PLAIN)).toBe('none');
    expect(conn(v, 'a/client[Pod] => a/other[Pod]')).toBe('All Connections');
  });

  it('from matches if any peer matches: the peers of one rule are ORed', () => {
    const v = verdicts(cluster(cnp('two-peers', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', `${CLIENT}, {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: other}}}}`)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
    expect(conn(v, OTHER_TO_SERVER)).toBe('none');
    expect(conn(v, 'b/plain[Pod] => b/server[Pod]')).toBe('All Connections');
  });

  it('a nodes peer matches nothing but the other peers of the same rule still count', () => {
    const v = verdicts(cluster(cnp('mixed', 'Admin', 10, CLIENT, { egress: [egressRule('Deny', `{nodes: {matchLabels: {}}}, ${SERVER}`)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
    expect(conn(v, CLIENT_TO_PLAIN)).toBe('All Connections');
  });

  it('ingress from an external address is decided without CNP: ingress peers are only namespaces or pods', () => {
    const v = verdicts(cluster(cnp('deny-pods', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD)] })));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('none');
    expect(conn(v, '0.0.0.0-255.255.255.255[External] => b/server[Pod]')).toBe('All Connections');
  });
});

describe('AdminNetworkPolicy v1alpha1: a named port toward an address', () => {
  it('a named port matches nothing toward an address: the rule still matches the pod in its networks', () => {
    // The v1alpha2 CRD rejects destinationNamedPort with a networks peer (below); v1alpha1 ANP is read as netpol-analyzer does (§5.4).
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: named-out
spec:
  priority: 10
  subject: ${CLIENT}
  egress:
  - {action: Deny, to: [{networks: [10.0.2.0/24, 203.0.113.0/24]}], ports: [{namedPort: http}]}
`;
    const v = verdicts(cluster(anp));
    expect(conn(v, CLIENT_TO_SERVER)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
    expect(conn(v, CLIENT_TO_TEST_NET)).toBe('All Connections');
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('ClusterNetworkPolicy v1alpha2: equal priority (§3)', () => {
  it('two policies of one tier with the same priority are reported as cluster-shared-priority: their order is implementation-defined', () => {
    const a = analyzeYaml(cluster(cnp('first', 'Admin', 5, SERVER, { ingress: [ingressRule('Deny', CLIENT)] }), cnp('second', 'Admin', 5, SERVER, { ingress: [ingressRule('Accept', CLIENT)] })));
    const shared = a.issues.filter((i) => i.code === 'cluster-shared-priority');
    expect(shared.map((i) => [i.severity, i.object, i.path])).toEqual([['warning', 'ClusterNetworkPolicy second', 'spec.priority']]);
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('the same priority in different tiers is not shared: the tiers are ordered', () => {
    const a = analyzeYaml(cluster(cnp('admin', 'Admin', 5, SERVER, { ingress: [ingressRule('Pass', CLIENT)] }), cnp('baseline', 'Baseline', 5, SERVER, { ingress: [ingressRule('Deny', CLIENT)] })));
    expect(a.issues.filter((i) => i.code === 'cluster-shared-priority')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/** A policy with one defect, which would otherwise deny a/client's traffic into b/server; the error expected on `object` at `path`. */
interface Invalid {
  what: string;
  yaml: string;
  object: string;
  path: string;
}

const DENY_ALL_IN = ingressRule('Deny', EVERY_POD);

const INVALID: Invalid[] = [
  {
    what: 'tcp: {} is rejected: tcp/udp/sctp need a destinationPort (minProperties 1); all ports is range 1-65535',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '{tcp: {}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols[0].tcp',
  },
  {
    what: 'a destinationPort range with start == end is rejected: v1alpha2 requires start < end',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '{tcp: {destinationPort: {range: {start: 8080, end: 8080}}}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols[0].tcp.destinationPort.range',
  },
  {
    what: 'a destinationPort range with start > end is rejected',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '{udp: {destinationPort: {range: {start: 90, end: 80}}}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols[0].udp.destinationPort.range',
  },
  {
    what: 'destinationPort with both number and range is rejected: exactly one',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '{tcp: {destinationPort: {number: 80, range: {start: 80, end: 90}}}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols[0].tcp.destinationPort',
  },
  {
    what: 'destinationPort number 0 is rejected: 1-65535',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '{sctp: {destinationPort: {number: 0}}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols[0].sctp.destinationPort.number',
  },
  {
    what: 'a protocols entry with both tcp and udp is rejected: exactly one of tcp, udp, sctp, destinationNamedPort',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '{tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 53}}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols[0]',
  },
  {
    what: 'protocols: [] is rejected: minItems 1',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', EVERY_POD, '')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].protocols',
  },
  {
    what: 'destinationNamedPort with a networks peer is rejected: networks have no named ports',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN] }).replace(/\n$/, `\n  egress:\n  - ${egressRule('Deny', '{networks: [10.0.0.0/8]}', '{destinationNamedPort: http}')}\n`),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.egress[0].protocols',
  },
  {
    what: 'destinationNamedPort with a nodes peer is rejected',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN] }).replace(/\n$/, `\n  egress:\n  - ${egressRule('Deny', '{nodes: {}}', '{destinationNamedPort: http}')}\n`),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.egress[0].protocols',
  },
  {
    what: 'destinationNamedPort with a domainNames peer is rejected',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN] }).replace(/\n$/, `\n  egress:\n  - ${egressRule('Accept', '{domainNames: [example.com]}', '{destinationNamedPort: http}')}\n`),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.egress[0].protocols',
  },
  { what: 'priority 1001 is rejected: 0-1000', yaml: cnp('bad', 'Admin', 1001, SERVER, { ingress: [DENY_ALL_IN] }), object: 'ClusterNetworkPolicy bad', path: 'spec.priority' },
  { what: 'priority -1 is rejected: 0-1000', yaml: cnp('bad', 'Admin', -1, SERVER, { ingress: [DENY_ALL_IN] }), object: 'ClusterNetworkPolicy bad', path: 'spec.priority' },
  { what: 'priority absent is rejected: required', yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN] }).replace('  priority: 10\n', ''), object: 'ClusterNetworkPolicy bad', path: 'spec.priority' },
  { what: 'tier Default is rejected: enum Admin | Baseline', yaml: cnp('bad', 'Default', 10, SERVER, { ingress: [DENY_ALL_IN] }), object: 'ClusterNetworkPolicy bad', path: 'spec.tier' },
  {
    what: 'action Allow is rejected in v1alpha2: enum Accept | Deny | Pass',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN, ingressRule('Allow', CLIENT)] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[1].action',
  },
  {
    what: 'action Reject is rejected: enum Accept | Deny | Pass',
    yaml: cnp('bad', 'Baseline', 10, SERVER, { ingress: [DENY_ALL_IN, ingressRule('Reject', CLIENT)] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[1].action',
  },
  {
    what: 'a peer with both namespaces and pods is rejected: exactly one',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', '{namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].from[0]',
  },
  {
    what: 'an ingress peer of networks is rejected: ingress peers are namespaces or pods',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN, ingressRule('Deny', '{networks: [10.0.0.0/8]}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[1].from[0]',
  },
  {
    what: 'a subject with both namespaces and pods is rejected: exactly one',
    yaml: cnp('bad', 'Admin', 10, '{namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}', { ingress: [DENY_ALL_IN] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.subject',
  },
  {
    what: 'a networks entry that is not a CIDR is rejected',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN], egress: [egressRule('Deny', '{networks: [10.0.0.300/8]}')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.egress[0].to[0].networks[0]',
  },
  {
    what: 'from: [] is rejected: 1-25 peers',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN, ingressRule('Deny', '')] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[1].from',
  },
  {
    what: '26 rules are rejected: v1alpha2 allows at most 25 per direction',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: Array.from({ length: 26 }, () => DENY_ALL_IN) }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress',
  },
  {
    what: '26 peers in from are rejected: v1alpha2 allows at most 25',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [ingressRule('Deny', Array.from({ length: 26 }, () => EVERY_POD).join(', '))] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[0].from',
  },
  {
    what: 'an ingress rule without from is rejected: from is required',
    yaml: cnp('bad', 'Admin', 10, SERVER, { ingress: [DENY_ALL_IN, '{action: Deny}'] }),
    object: 'ClusterNetworkPolicy bad',
    path: 'spec.ingress[1].from',
  },
  {
    what: 'an AdminNetworkPolicy (v1alpha1) with action Accept is rejected: its enum is Allow | Deny | Pass',
    yaml: `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: anp\nspec:\n  priority: 10\n  subject: ${SERVER}\n  ingress:\n  - {action: Deny, from: [${EVERY_POD}]}\n  - {action: Accept, from: [${CLIENT}]}\n`,
    object: 'AdminNetworkPolicy anp',
    path: 'spec.ingress[1].action',
  },
  {
    what: 'a BaselineAdminNetworkPolicy (v1alpha1) with action Pass is rejected: its enum is Allow | Deny',
    yaml: `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n  subject: ${SERVER}\n  ingress:\n  - {action: Deny, from: [${EVERY_POD}]}\n  - {action: Pass, from: [${CLIENT}]}\n`,
    object: 'BaselineAdminNetworkPolicy default',
    path: 'spec.ingress[1].action',
  },
  {
    what: 'a BaselineAdminNetworkPolicy not named default is rejected: it is a singleton',
    yaml: `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: baseline\nspec:\n  subject: ${SERVER}\n  ingress:\n  - {action: Deny, from: [${EVERY_POD}]}\n`,
    object: 'BaselineAdminNetworkPolicy baseline',
    path: 'metadata.name',
  },
];

describe('ClusterNetworkPolicy v1alpha2: CRD validation (§1.1); an invalid policy is left out of the model', () => {
  it.each(INVALID)('$what (error at $path)', ({ yaml, object, path }) => {
    const a = analyzeYaml(cluster(yaml));
    const errors = a.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.object, i.path])).toContainEqual([object, path]);
    expect(a.model.clusterPolicies.map((p) => p.id)).not.toContain(object);
    // Left out, its Deny into b/server does not take effect.
    const intoServer = a.connections.find((c) => `${c.src} => ${c.dst}` === CLIENT_TO_SERVER);
    expect(intoServer && formatConnSet(intoServer.conns)).toBe('All Connections');
  });

  it('the valid forms next to them decode without errors and are in the model', () => {
    const a = analyzeYaml(
      cluster(
        cnp('ok', 'Baseline', 1000, SERVER, {
          ingress: [ingressRule('Pass', CLIENT, '{tcp: {destinationPort: {range: {start: 8080, end: 8081}}}}, {destinationNamedPort: http}'), ingressRule('Deny', EVERY_POD, '{sctp: {destinationPort: {number: 65535}}}')],
          egress: [egressRule('Deny', '{networks: [10.0.0.0/8, fd00::/8]}', '{udp: {destinationPort: {number: 1}}}'), egressRule('Accept', '{domainNames: ["*.example.com", example.org.]}')],
        }),
        cnp('zero', 'Admin', 0, '{namespaces: {}}', { egress: [] }),
        `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n  subject: ${SERVER}\n  ingress:\n  - {action: Allow, from: [${CLIENT}]}\n`,
      ),
    );
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(a.model.clusterPolicies.map((p) => [p.id, p.tier, p.priority])).toEqual([
      ['ClusterNetworkPolicy ok', 'Baseline', 1000],
      ['ClusterNetworkPolicy zero', 'Admin', 0],
      ['BaselineAdminNetworkPolicy default', 'Baseline', 0],
    ]);
  });
});

