import { describe, expect, it } from 'vitest';
import { frameAt } from './frameAt';
import { isCidr } from './isCidr';

const frames = [
  { namespace: 'a', x: 0, y: 0, width: 100, height: 100 },
  { namespace: 'b', x: 50, y: 50, width: 100, height: 100 },
];

describe('frameAt', () => {
  it('finds the frame under a point, the one drawn last where they overlap, and nothing outside', () => {
    expect(frameAt({ x: 10, y: 10 }, frames)?.namespace).toBe('a');
    expect(frameAt({ x: 60, y: 60 }, frames)?.namespace).toBe('b');
    expect(frameAt({ x: 200, y: 10 }, frames)).toBeUndefined();
  });
});

describe('isCidr', () => {
  it('accepts IPv4 and IPv6 CIDRs and rejects addresses without a prefix or out of range', () => {
    expect(isCidr('203.0.113.0/24')).toBe(true);
    expect(isCidr('2001:db8::/32')).toBe(true);
    expect(isCidr('203.0.113.0')).toBe(false);
    expect(isCidr('300.0.0.0/8')).toBe(false);
    expect(isCidr('10.0.0.0/33')).toBe(false);
  });
});
