import { describe, expect, it } from 'vitest';
import { policyId, policyRef } from './policyRef';

describe('policyRef', () => {
  it('splits a selection id at its first slash, and builds it back', () => {
    expect(policyRef('shop/allow-api')).toEqual({ kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-api' });
    expect(policyRef('shop/a/b').name).toBe('a/b');
    expect(policyId('', 'p')).toBe('default/p');
    expect(policyId('shop', 'p')).toBe('shop/p');
  });
});
