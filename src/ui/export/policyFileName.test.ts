import { describe, expect, it } from 'vitest';
import { policyFileName } from './policyFileName';

describe('policyFileName', () => {
  it('joins namespace and name with a dash', () => {
    expect(policyFileName('shop/allow-frontend-to-api')).toBe('shop-allow-frontend-to-api.yaml');
  });

  it('keeps dots of DNS subdomain names', () => {
    expect(policyFileName('kube-system/dns.allow')).toBe('kube-system-dns.allow.yaml');
  });

  it('never produces a path separator', () => {
    expect(policyFileName('a/b/c')).toBe('a-b_c.yaml');
  });
});
