import { describe, expect, it } from 'vitest';
import { analyzeYaml, verdicts } from './verdicts';

/**
 * Namespace a holds the server and four clients with different labels;
 * namespace b holds one more client.
 */
const CLUSTER = `
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: a, labels: {app: server}}
spec: {containers: [{name: c, image: api}]}
---
apiVersion: v1
kind: Pod
metadata: {name: fe-prod, namespace: a, labels: {app: client, tier: fe, env: prod}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: be-dev, namespace: a, labels: {app: client, tier: be, env: dev}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bare, namespace: a, labels: {app: client}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: fe-only, namespace: a, labels: {tier: fe}}
spec: {containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: remote, namespace: b, labels: {app: client, tier: fe, env: prod}}
spec: {containers: [{name: c, image: curl}]}
`;

const CLIENTS = ['a/fe-prod[Pod]', 'a/be-dev[Pod]', 'a/bare[Pod]', 'a/fe-only[Pod]', 'b/remote[Pod]'];

/** The cluster plus an ingress policy on a/server whose single peer is given (indented by four). */
const serverFrom = (peer: string) => `${CLUSTER}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-ingress, namespace: a}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from:
${peer}`;

/** Which clients may connect to a/server. */
const admitted = (peer: string) => {
  const v = verdicts(serverFrom(peer));
  return CLIENTS.filter((src) => v.get(`${src} => a/server[Pod]`) === 'All Connections');
};

describe('§6 Label selectors', () => {
  it('§6 matchLabels and every matchExpressions item are ANDed', () => {
    expect(
      admitted(`    - podSelector:
        matchLabels: {app: client}
        matchExpressions:
        - {key: tier, operator: In, values: [fe]}
        - {key: env, operator: Exists}
`),
    ).toEqual(['a/fe-prod[Pod]']);
  });

  it('§6 matchLabels needs every listed label with exactly that value', () => {
    expect(
      admitted(`    - podSelector:
        matchLabels: {app: client, tier: fe}
`),
    ).toEqual(['a/fe-prod[Pod]']);
  });

  it('§6 In matches when the key is present and its value is in the set', () => {
    expect(
      admitted(`    - podSelector:
        matchExpressions:
        - {key: tier, operator: In, values: [fe, be]}
`),
    ).toEqual(['a/fe-prod[Pod]', 'a/be-dev[Pod]', 'a/fe-only[Pod]']);
  });

  it('§6 NotIn matches when the key is absent or its value is not in the set', () => {
    expect(
      admitted(`    - podSelector:
        matchExpressions:
        - {key: env, operator: NotIn, values: [prod]}
`),
    ).toEqual(['a/be-dev[Pod]', 'a/bare[Pod]', 'a/fe-only[Pod]']);
  });

  it('§6 Exists matches any value of the key', () => {
    expect(
      admitted(`    - podSelector:
        matchExpressions:
        - {key: env, operator: Exists}
`),
    ).toEqual(['a/fe-prod[Pod]', 'a/be-dev[Pod]']);
  });

  it('§6 DoesNotExist matches only pods without the key', () => {
    expect(
      admitted(`    - podSelector:
        matchExpressions:
        - {key: env, operator: DoesNotExist}
`),
    ).toEqual(['a/bare[Pod]', 'a/fe-only[Pod]']);
  });

  it('§6 podSelector: {} matches every pod (of the policy\'s namespace, as no namespaceSelector is given)', () => {
    expect(admitted(`    - podSelector: {}
`)).toEqual(['a/fe-prod[Pod]', 'a/be-dev[Pod]', 'a/bare[Pod]', 'a/fe-only[Pod]']);
  });

  it('§6 an absent namespaceSelector means "not given" (own namespace), unlike namespaceSelector: {} (every namespace)', () => {
    expect(
      admitted(`    - podSelector: {matchLabels: {tier: fe}}
`),
    ).toEqual(['a/fe-prod[Pod]', 'a/fe-only[Pod]']);
    expect(
      admitted(`    - podSelector: {matchLabels: {tier: fe}}
      namespaceSelector: {}
`),
    ).toEqual(['a/fe-prod[Pod]', 'a/fe-only[Pod]', 'b/remote[Pod]']);
  });

  it('§6 an absent podSelector beside a namespaceSelector means every pod of those namespaces', () => {
    expect(
      admitted(`    - namespaceSelector:
        matchExpressions:
        - {key: kubernetes.io/metadata.name, operator: NotIn, values: [a]}
`),
    ).toEqual(['b/remote[Pod]']);
  });

  it('§6 the subject podSelector of a policy uses the same operators', () => {
    const v = verdicts(`${CLUSTER}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: isolate-non-prod, namespace: a}
spec:
  podSelector:
    matchExpressions:
    - {key: env, operator: NotIn, values: [prod]}
  policyTypes: [Ingress]
`);
    expect(v.get('a/fe-prod[Pod] => a/server[Pod]')).toBe(undefined);
    expect(v.get('a/server[Pod] => a/fe-prod[Pod]')).toBe('All Connections');
    for (const dst of ['a/be-dev[Pod]', 'a/bare[Pod]', 'a/fe-only[Pod]']) expect(v.has(`a/server[Pod] => ${dst}`), dst).toBe(false);
  });

  it('§6 In/NotIn need a non-empty values, Exists/DoesNotExist must have none, other operators do not exist', () => {
    const cases = [
      '{key: tier, operator: In, values: []}',
      '{key: tier, operator: NotIn}',
      '{key: tier, operator: Exists, values: [fe]}',
      '{key: tier, operator: DoesNotExist, values: [fe]}',
      '{key: tier, operator: Equals, values: [fe]}',
    ];
    for (const expr of cases) {
      const a = analyzeYaml(
        serverFrom(`    - podSelector:
        matchExpressions:
        - ${expr}
`),
      );
      const path = 'spec.ingress[0].from[0].podSelector.matchExpressions[0]';
      expect(a.issues.some((i) => i.severity === 'error' && i.path?.startsWith(path)), expr).toBe(true);
      expect(a.model.policies, expr).toEqual([]);
    }
  });
});
