import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../model/types';
import { isFullMatch, selectorKey, selectorRequirements } from './selectorRequirements';

const sel = (matchLabels: Record<string, string>, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });

describe('selector requirements', () => {
  it('are written as Kubernetes writes them, sorted by key, values sorted', () => {
    expect(selectorRequirements(sel({ tier: 'db' }, [{ key: 'env', operator: 'NotIn', values: ['b', 'a'] }, { key: 'zone', operator: 'DoesNotExist', values: [] }, { key: 'app', operator: 'Exists', values: [] }]))).toEqual([
      'app',
      'env notin (a,b)',
      'tier=db',
      '!zone',
    ]);
  });

  it('read In with one value as the plain label', () => {
    expect(selectorRequirements(sel({}, [{ key: 'app', operator: 'In', values: ['x'] }]))).toEqual(['app=x']);
  });

  it('fully match when the rule selector is empty or names the same requirements, and never partly', () => {
    expect(isFullMatch(sel({}), selectorKey(sel({ app: 'x' })))).toBe(true);
    expect(isFullMatch(sel({}), selectorKey(undefined))).toBe(true);
    expect(isFullMatch(sel({ app: 'x' }), selectorKey(sel({}, [{ key: 'app', operator: 'In', values: ['x'] }])))).toBe(true);
    expect(isFullMatch(sel({ app: 'x' }), selectorKey(sel({ app: 'x', tier: 'db' })))).toBe(false);
    expect(isFullMatch(sel({ app: 'x' }), selectorKey(undefined))).toBe(false);
  });
});
