import { describe, expect, it } from 'vitest';
import { analyze, dumpYaml, matchesSelector } from '../../engine';
import {
  addExpression,
  addMatchLabel,
  addPeer,
  addPort,
  addRule,
  canJoinPeers,
  effectivePolicyTypes,
  getIn,
  joinPeers,
  moveRule,
  newPolicyManifest,
  parsePortText,
  parseValueList,
  pathText,
  removeExpression,
  removeItem,
  removeMatchLabel,
  removeRule,
  setExpression,
  setMatchLabel,
  setPolicyType,
  setPortField,
  splitPeer,
  toLabelSelector,
  updateIn,
} from './policyEdits';

const policy = {
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'shop' },
  spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: {} }] }, { ports: [{ port: 80 }] }] },
};

describe('paths', () => {
  it('writes a path the way engine issues do', () => {
    expect(pathText(['spec', 'ingress', 0, 'from', 1, 'ipBlock', 'cidr'])).toBe('spec.ingress[0].from[1].ipBlock.cidr');
  });

  it('reads and replaces a nested value without touching the original, creating missing steps', () => {
    const next = updateIn(policy, ['spec', 'ingress', 1, 'ports', 0, 'port'], () => 8080);
    expect(getIn(next, ['spec', 'ingress', 1, 'ports', 0, 'port'])).toBe(8080);
    expect(policy.spec.ingress[1].ports?.[0].port).toBe(80);
    expect(updateIn({}, ['spec', 'egress', 0, 'to'], () => [])).toEqual({ spec: { egress: [{ to: [] }] } });
  });

  it('deletes a key or a list item when the update returns undefined', () => {
    expect(getIn(updateIn(policy, ['spec', 'podSelector', 'matchLabels'], () => undefined), ['spec', 'podSelector'])).toEqual({});
    expect(getIn(updateIn(policy, ['spec', 'ingress', 0], () => undefined), ['spec', 'ingress'])).toEqual([{ ports: [{ port: 80 }] }]);
  });
});

describe('label selectors', () => {
  it('sets, renames in place and removes matchLabels', () => {
    const selector = { matchLabels: { app: 'api', tier: 'web' } };
    expect(setMatchLabel(selector, 'app', 'app', 'db')).toEqual({ matchLabels: { app: 'db', tier: 'web' } });
    expect(Object.keys(setMatchLabel(selector, 'app', 'name', 'api').matchLabels as object)).toEqual(['name', 'tier']);
    expect(setMatchLabel(selector, 'app', 'tier', 'x')).toEqual({ matchLabels: { tier: 'x' } });
    expect(removeMatchLabel(selector, 'app')).toEqual({ matchLabels: { tier: 'web' } });
    expect(removeMatchLabel({ matchLabels: { app: 'api' } }, 'app')).toEqual({});
  });

  it('adds a label and an expression under a key the selector does not use yet', () => {
    expect(addMatchLabel({})).toEqual({ matchLabels: { app: '' } });
    expect(addMatchLabel({ matchLabels: { app: 'x' } })).toEqual({ matchLabels: { app: 'x', key: '' } });
    expect(addExpression({ matchLabels: { app: 'x' } })).toEqual({ matchLabels: { app: 'x' }, matchExpressions: [{ key: 'key', operator: 'Exists' }] });
  });

  it('changes an expression, dropping its values for Exists and DoesNotExist', () => {
    const selector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] };
    expect(setExpression(selector, 0, { values: ['web', 'api'] }).matchExpressions).toEqual([{ key: 'tier', operator: 'In', values: ['web', 'api'] }]);
    expect(setExpression(selector, 0, { operator: 'NotIn' }).matchExpressions).toEqual([{ key: 'tier', operator: 'NotIn', values: ['web'] }]);
    expect(setExpression(selector, 0, { operator: 'DoesNotExist' }).matchExpressions).toEqual([{ key: 'tier', operator: 'DoesNotExist' }]);
    expect(removeExpression(selector, 0)).toEqual({});
  });

  it('reads a selector leniently for counting, skipping unknown operators', () => {
    const selector = toLabelSelector({ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'x', operator: 'Maybe' }] });
    expect(selector.matchExpressions).toHaveLength(1);
    expect(matchesSelector(selector, { app: 'api', tier: 'web' })).toBe(true);
    expect(matchesSelector(selector, { app: 'api', tier: 'db' })).toBe(false);
  });

  it('splits a comma list of values', () => {
    expect(parseValueList(' web, api ,, ')).toEqual(['web', 'api']);
  });
});

describe('policyTypes', () => {
  it('shows the defaulted value when absent', () => {
    expect(effectivePolicyTypes(policy)).toEqual({ types: ['Ingress'], isDefaulted: true });
    expect(effectivePolicyTypes({ spec: { egress: [{}] } })).toEqual({ types: ['Ingress', 'Egress'], isDefaulted: true });
  });

  it('writes policyTypes explicitly, starting from the default', () => {
    expect(getIn(setPolicyType(policy, 'Egress', true), ['spec', 'policyTypes'])).toEqual(['Ingress', 'Egress']);
    expect(getIn(setPolicyType(policy, 'Ingress', false), ['spec', 'policyTypes'])).toEqual([]);
  });
});

describe('rules', () => {
  it('adds, moves and removes rules', () => {
    const added = addRule(policy, 'egress');
    expect(getIn(added, ['spec', 'egress'])).toEqual([{}]);
    const moved = moveRule(policy, 'ingress', 0, 1);
    expect(getIn(moved, ['spec', 'ingress', 0])).toEqual({ ports: [{ port: 80 }] });
    expect(moveRule(policy, 'ingress', 1, 1)).toBe(policy);
    expect(getIn(removeRule(policy, 'ingress', 0), ['spec', 'ingress'])).toEqual([{ ports: [{ port: 80 }] }]);
    expect(getIn(removeRule(removeRule(policy, 'ingress', 0), 'ingress', 0), ['spec'])).not.toHaveProperty('ingress');
  });
});

describe('peers', () => {
  const twoPeers = [{ podSelector: { matchLabels: { app: 'web' } } }, { namespaceSelector: { matchLabels: { team: 'ops' } } }];

  it('adds a peer of each kind', () => {
    expect(addPeer(undefined, 'namespaceSelector')).toEqual([{ namespaceSelector: {} }]);
    expect(addPeer([], 'ipBlock')).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }]);
  });

  it('joins a podSelector peer and a namespaceSelector peer into one, and splits it back', () => {
    expect(canJoinPeers(twoPeers, 0)).toBe(true);
    const joined = joinPeers(twoPeers, 0);
    expect(joined).toEqual([{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'web' } } }]);
    expect(splitPeer(joined, 0)).toEqual(twoPeers);
  });

  it('refuses to join two peers of the same kind or an ipBlock', () => {
    expect(canJoinPeers([{ podSelector: {} }, { podSelector: {} }], 0)).toBe(false);
    expect(canJoinPeers([{ ipBlock: { cidr: '10.0.0.0/8' } }, { podSelector: {} }], 0)).toBe(false);
    expect(joinPeers([{ podSelector: {} }], 0)).toEqual([{ podSelector: {} }]);
  });

  it('changes what the engine allows: two peers are OR, one joined peer is AND', () => {
    const files = (from: unknown[]) => [
      {
        name: 'w.yaml',
        text: dumpYaml([
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops', labels: { team: 'ops' } } },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'ops', labels: { app: 'web' } } },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'mon', namespace: 'ops', labels: { app: 'mon' } } },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'shop', labels: { app: 'api' } } },
          { ...policy, spec: { podSelector: {}, ingress: [{ from }] } },
        ]),
      },
    ];
    const sources = (from: unknown[]) => analyze(files(from)).connections.filter((c) => c.dst === 'shop/api[Pod]').map((c) => c.src).sort();
    expect(sources(twoPeers)).toEqual(['ops/mon[Pod]', 'ops/web[Pod]']);
    expect(sources(joinPeers(twoPeers, 0))).toEqual(['ops/web[Pod]']);
  });

  it('removes an item and drops an emptied list', () => {
    expect(removeItem(twoPeers, 0)).toEqual([twoPeers[1]]);
    expect(removeItem([1], 0)).toBeUndefined();
  });
});

describe('ports', () => {
  it('reads typed text as absent, a number or a named port', () => {
    expect(parsePortText(' ')).toBeUndefined();
    expect(parsePortText('8080')).toBe(8080);
    expect(parsePortText('99999')).toBe(99999);
    expect(parsePortText('http')).toBe('http');
  });

  it('sets a port, an endPort and a protocol, dropping what is cleared', () => {
    expect(setPortField({ protocol: 'TCP' }, 'port', '53')).toEqual({ protocol: 'TCP', port: 53 });
    expect(setPortField({ port: 8000 }, 'endPort', '8080')).toEqual({ port: 8000, endPort: 8080 });
    expect(setPortField({ protocol: 'UDP', port: 53 }, 'protocol', '')).toEqual({ port: 53 });
    expect(setPortField({ port: 53 }, 'port', '')).toEqual({});
    expect(addPort(undefined)).toEqual([{ protocol: 'TCP' }]);
  });
});

describe('newPolicyManifest', () => {
  it('names a new policy new-policy, numbering it when the name is taken', () => {
    expect(newPolicyManifest('shop', new Set())).toMatchObject({ metadata: { name: 'new-policy', namespace: 'shop' }, spec: { podSelector: {} } });
    expect(newPolicyManifest('shop', new Set(['new-policy', 'new-policy-2'])).metadata).toEqual({ name: 'new-policy-3', namespace: 'shop' });
  });
});
