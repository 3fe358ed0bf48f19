import { describe, expect, it } from 'vitest';
import { analyzeYaml, verdicts } from './verdicts';

const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

/**
 * Namespaces a (no labels), b (team: ops) and c (team: dev); a client and an
 * "other" pod in a and b, a client in c, and the server a/server.
 */
const CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: {name: a}
---
apiVersion: v1
kind: Namespace
metadata: {name: b, labels: {team: ops}}
---
apiVersion: v1
kind: Namespace
metadata: {name: c, labels: {team: dev}}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: a, labels: {app: server}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: a, labels: {app: client}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: a, labels: {app: other}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: b, labels: {app: client}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: b, labels: {app: other}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: c, labels: {app: client}}
spec: {containers: [{name: c, image: curl}]}
`;

/** The cluster plus an ingress policy on a/server whose `from` list is given (indented by four). */
const serverFrom = (from: string) => `${CLUSTER}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-ingress, namespace: a}
spec:
  podSelector: {matchLabels: {app: server}}
  policyTypes: [Ingress]
  ingress:
  - from:
${from}`;

const SERVER = 'a/server[Pod]';

/** The verdicts of every client/other pod toward a/server, in a fixed order. */
const intoServer = (v: Map<string, string>) =>
  Object.fromEntries(
    ['a/client[Pod]', 'a/other[Pod]', 'b/client[Pod]', 'b/other[Pod]', 'c/client[Pod]', EXTERNAL].map((src) => [src, v.get(`${src} => ${SERVER}`) ?? 'denied']),
  );

describe('§5 Peers', () => {
  it('§5 a peer must be exactly one of ipBlock or a selector peer: an empty peer is rejected and the policy left out', () => {
    const a = analyzeYaml(serverFrom(`    - {}
`));
    expect(a.issues.some((i) => i.severity === 'error' && i.path?.startsWith('spec.ingress[0].from[0]'))).toBe(true);
    expect(a.model.policies).toEqual([]);
  });

  it('§5 a peer with ipBlock together with a selector is rejected and the policy left out', () => {
    const a = analyzeYaml(
      serverFrom(`    - ipBlock: {cidr: 10.0.0.0/8}
      podSelector: {matchLabels: {app: client}}
`),
    );
    expect(a.issues.some((i) => i.severity === 'error' && i.path?.startsWith('spec.ingress[0].from[0]'))).toBe(true);
    expect(a.model.policies).toEqual([]);
  });

  it('§5 ipBlock except entries must lie strictly inside cidr: one outside it, or equal to it, is rejected', () => {
    for (const except of ['192.168.0.0/16', '10.0.0.0/8']) {
      const a = analyzeYaml(
        serverFrom(`    - ipBlock:
        cidr: 10.0.0.0/8
        except: [${except}]
`),
      );
      expect(a.issues.some((i) => i.severity === 'error' && i.path === 'spec.ingress[0].from[0].ipBlock.except[0]'), except).toBe(true);
      expect(a.model.policies, except).toEqual([]);
    }
  });

  it('§5 podSelector alone admits matching pods in the policy\'s namespace only', () => {
    const v = verdicts(serverFrom(`    - podSelector: {matchLabels: {app: client}}
`));
    expect(intoServer(v)).toEqual({
      'a/client[Pod]': 'All Connections',
      'a/other[Pod]': 'denied',
      'b/client[Pod]': 'denied',
      'b/other[Pod]': 'denied',
      'c/client[Pod]': 'denied',
      [EXTERNAL]: 'denied',
    });
  });

  it('§5 namespaceSelector alone admits every pod in the namespaces it matches', () => {
    const v = verdicts(serverFrom(`    - namespaceSelector: {matchLabels: {team: ops}}
`));
    expect(intoServer(v)).toEqual({
      'a/client[Pod]': 'denied',
      'a/other[Pod]': 'denied',
      'b/client[Pod]': 'All Connections',
      'b/other[Pod]': 'All Connections',
      'c/client[Pod]': 'denied',
      [EXTERNAL]: 'denied',
    });
  });

  it('§5 namespaceSelector: {} admits every pod in every namespace, but no address outside the cluster', () => {
    const v = verdicts(serverFrom(`    - namespaceSelector: {}
`));
    expect(intoServer(v)).toEqual({
      'a/client[Pod]': 'All Connections',
      'a/other[Pod]': 'All Connections',
      'b/client[Pod]': 'All Connections',
      'b/other[Pod]': 'All Connections',
      'c/client[Pod]': 'All Connections',
      [EXTERNAL]: 'denied',
    });
  });

  it('§5 namespaceSelector and podSelector in one peer are ANDed, as two peers ORed', () => {
    const anded = verdicts(
      serverFrom(`    - namespaceSelector: {matchLabels: {team: ops}}
      podSelector: {matchLabels: {app: client}}
`),
    );
    expect(intoServer(anded)).toEqual({
      'a/client[Pod]': 'denied',
      'a/other[Pod]': 'denied',
      'b/client[Pod]': 'All Connections',
      'b/other[Pod]': 'denied',
      'c/client[Pod]': 'denied',
      [EXTERNAL]: 'denied',
    });
    const ored = verdicts(
      serverFrom(`    - namespaceSelector: {matchLabels: {team: ops}}
    - podSelector: {matchLabels: {app: client}}
`),
    );
    expect(intoServer(ored)).toEqual({
      'a/client[Pod]': 'All Connections',
      'a/other[Pod]': 'denied',
      'b/client[Pod]': 'All Connections',
      'b/other[Pod]': 'All Connections',
      'c/client[Pod]': 'denied',
      [EXTERNAL]: 'denied',
    });
  });

  it('§5 podSelector with namespaceSelector: {} in one peer admits matching pods in every namespace', () => {
    const v = verdicts(
      serverFrom(`    - namespaceSelector: {}
      podSelector: {matchLabels: {app: client}}
`),
    );
    expect(intoServer(v)).toEqual({
      'a/client[Pod]': 'All Connections',
      'a/other[Pod]': 'denied',
      'b/client[Pod]': 'All Connections',
      'b/other[Pod]': 'denied',
      'c/client[Pod]': 'All Connections',
      [EXTERNAL]: 'denied',
    });
  });

  it('§5 ipBlock admits the addresses inside cidr and no pod without a known IP', () => {
    const v = verdicts(serverFrom(`    - ipBlock: {cidr: 10.0.0.0/8}
`));
    expect(v.get(`10.0.0.0-10.255.255.255[External] => ${SERVER}`)).toBe('All Connections');
    expect(v.has(`0.0.0.0-9.255.255.255[External] => ${SERVER}`)).toBe(false);
    expect(v.has(`11.0.0.0-255.255.255.255[External] => ${SERVER}`)).toBe(false);
    expect(v.has(`a/client[Pod] => ${SERVER}`)).toBe(false);
    expect(v.has(`b/client[Pod] => ${SERVER}`)).toBe(false);
  });

  it('§5 ipBlock except carves addresses out of cidr, IPv4 and IPv6', () => {
    const v = verdicts(`${CLUSTER}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-egress, namespace: a}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/16
        except: [10.0.1.0/24]
    - ipBlock:
        cidr: 2001:db8::/32
        except: ['2001:db8:1::/48']
`);
    const from = 'a/client[Pod] => ';
    expect(v.get(`${from}10.0.0.0-10.0.0.255[External]`)).toBe('All Connections');
    expect(v.has(`${from}10.0.1.0-10.0.1.255[External]`)).toBe(false);
    expect(v.get(`${from}10.0.2.0-10.0.255.255[External]`)).toBe('All Connections');
    expect(v.has(`${from}0.0.0.0-9.255.255.255[External]`)).toBe(false);
    expect(v.has(`${from}10.1.0.0-255.255.255.255[External]`)).toBe(false);
    expect(v.get(`${from}2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff[External]`)).toBe('All Connections');
    expect(v.has(`${from}2001:db8:1::-2001:db8:1:ffff:ffff:ffff:ffff:ffff[External]`)).toBe(false);
    expect(v.get(`${from}2001:db8:2::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External]`)).toBe('All Connections');
    expect(v.has(`${from}::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External]`)).toBe(false);
    expect(v.has(`${from}2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]`)).toBe(false);
    expect(v.has(`${from}a/server[Pod]`)).toBe(false);
    expect(v.get('a/other[Pod] => 10.0.1.0-10.0.1.255[External]')).toBe('All Connections');
  });

  it('§5 ipBlock matches a pod by its known status.podIP', () => {
    const v = verdicts(`
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: a, labels: {app: client}}
spec: {containers: [{name: c, image: curl}]}
status: {podIP: 10.244.0.5}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: a, labels: {app: server}}
spec: {containers: [{name: c, image: api}]}
status: {podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: carved, namespace: a, labels: {app: carved}}
spec: {containers: [{name: c, image: api}]}
status: {podIP: 10.244.1.200}
---
apiVersion: v1
kind: Pod
metadata: {name: elsewhere, namespace: b, labels: {app: elsewhere}}
spec: {containers: [{name: c, image: api}]}
status: {podIP: 10.244.2.7}
---
apiVersion: v1
kind: Pod
metadata: {name: unknown, namespace: b, labels: {app: unknown}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-egress, namespace: a}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
        cidr: 10.244.1.0/24
        except: [10.244.1.128/25]
    ports: [{port: 8080}]
`);
    expect(v.get('a/client[Pod] => a/server[Pod]')).toBe('TCP 8080');
    expect(v.has('a/client[Pod] => a/carved[Pod]')).toBe(false);
    expect(v.has('a/client[Pod] => b/elsewhere[Pod]')).toBe(false);
    expect(v.has('a/client[Pod] => b/unknown[Pod]')).toBe(false);
  });

  it('§5 an ingress ipBlock admits a source pod by its status.podIPs, IPv6 included', () => {
    const v = verdicts(`
apiVersion: v1
kind: Pod
metadata: {name: dual, namespace: b, labels: {app: dual}}
spec: {containers: [{name: c, image: curl}]}
status:
  podIP: 10.244.3.4
  podIPs: [{ip: 10.244.3.4}, {ip: 'fd00:10:244:3::4'}]
---
apiVersion: v1
kind: Pod
metadata: {name: v4only, namespace: b, labels: {app: v4only}}
spec: {containers: [{name: c, image: curl}]}
status: {podIP: 10.244.3.5}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: a, labels: {app: server}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-ingress, namespace: a}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from:
    - ipBlock: {cidr: 'fd00:10:244:3::/64'}
`);
    expect(v.get('b/dual[Pod] => a/server[Pod]')).toBe('All Connections');
    expect(v.has('b/v4only[Pod] => a/server[Pod]')).toBe(false);
  });
});
