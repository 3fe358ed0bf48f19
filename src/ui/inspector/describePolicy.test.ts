import { describe, expect, it } from 'vitest';
import { describePeer, describePort, formatSelector } from './describePolicy';

const selector = (matchLabels: Record<string, string>, matchExpressions: Parameters<typeof formatSelector>[0]['matchExpressions'] = []) => ({
  matchLabels,
  matchExpressions,
});

describe('formatSelector', () => {
  it('writes labels and expressions the way kubectl reads them', () => {
    expect(
      formatSelector(
        selector({ app: 'api' }, [
          { key: 'tier', operator: 'In', values: ['web', 'data'] },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'team', operator: 'Exists', values: [] },
          { key: 'legacy', operator: 'DoesNotExist', values: [] },
        ]),
      ),
    ).toBe('app=api, tier in (web, data), env notin (dev), team, !legacy');
  });

  it('calls the empty selector everything', () => {
    expect(formatSelector(selector({}))).toBe('everything');
  });
});

describe('describePeer', () => {
  it('names the policy namespace when the peer has no namespaceSelector', () => {
    expect(describePeer({ kind: 'selector', podSelector: selector({ app: 'web' }) }, 'shop')).toBe('pods app=web in namespace shop');
  });

  it('reads an empty namespaceSelector as every namespace and an empty podSelector as all pods', () => {
    expect(describePeer({ kind: 'selector', podSelector: selector({}), namespaceSelector: selector({}) }, 'shop')).toBe('all pods in all namespaces');
    expect(describePeer({ kind: 'selector', namespaceSelector: selector({ team: 'ops' }) }, 'shop')).toBe('all pods in namespaces team=ops');
  });

  it('writes an ipBlock with its exceptions', () => {
    expect(describePeer({ kind: 'ipBlock', cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, 'shop')).toBe('0.0.0.0/0 except 10.0.0.0/8');
  });
});

describe('describePort', () => {
  it('writes single ports, ranges, named ports and whole protocols', () => {
    expect(describePort({ protocol: 'TCP', isProtocolDefaulted: true, port: 8080 })).toBe('TCP 8080');
    expect(describePort({ protocol: 'TCP', isProtocolDefaulted: false, port: 8000, endPort: 8080 })).toBe('TCP 8000-8080');
    expect(describePort({ protocol: 'UDP', isProtocolDefaulted: false, port: 'dns' })).toBe('UDP dns');
    expect(describePort({ protocol: 'SCTP', isProtocolDefaulted: false })).toBe('SCTP any port');
  });
});
