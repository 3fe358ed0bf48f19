import { describe, it, expect } from 'vitest';
import { validateIPBlock } from './validateIPBlock';

const at = 'spec.egress[0].to[0].ipBlock';
const codes = (cidr: string | undefined, except: (string | undefined)[] = []) => validateIPBlock({ cidr, except }, at).map((f) => `${f.severity ?? 'error'} ${f.code} ${f.path}`);

describe('validateIPBlock', () => {
  it('accepts IPv4 and IPv6 blocks with excepts strictly inside them', () => {
    expect(codes('10.0.0.0/8', ['10.1.0.0/16', '10.255.255.255/32'])).toEqual([]);
    expect(codes('::/0', ['fd00::/8'])).toEqual([]);
    expect(codes('0.0.0.0/0')).toEqual([]);
  });

  it('requires cidr', () => {
    expect(codes(undefined)).toEqual([`error required ${at}.cidr`]);
    expect(codes('')).toEqual([`error required ${at}.cidr`]);
  });

  it.each(['10.0.0.0/33', '10.0.0.0', '10.0.0/8', 'example.com/24', '2001:db8::/129', 'fe80::1%eth0/64', '010.0.0.0/8'])('rejects the cidr %s', (cidr) => {
    expect(codes(cidr)).toEqual([`error ipblock-cidr ${at}.cidr`]);
  });

  it('rejects excepts that are outside, equal, wider or of the other family, naming each by index', () => {
    expect(codes('10.1.0.0/16', ['10.2.0.0/24', '10.1.0.0/16', '10.0.0.0/8', '::/0', 'nonsense', undefined, '10.1.1.0/24'])).toEqual([
      `error ipblock-except-outside ${at}.except[0]`,
      `error ipblock-except-outside ${at}.except[1]`,
      `error ipblock-except-outside ${at}.except[2]`,
      `error ipblock-except-outside ${at}.except[3]`,
      `error ipblock-except-cidr ${at}.except[4]`,
    ]);
  });

  it('warns about host bits in cidr and except without rejecting', () => {
    expect(codes('10.0.0.1/8', ['10.1.2.3/24'])).toEqual([`warning ipblock-cidr-host-bits ${at}.cidr`, `warning ipblock-cidr-host-bits ${at}.except[0]`]);
    expect(validateIPBlock({ cidr: '2001:db8::1/32', except: [] }, at)[0].message).toBe(
      `${at}.cidr: 2001:db8::1/32 has host bits set, so it means 2001:db8::/32 (did you mean 2001:db8::/32 or 2001:db8::1/128?)`,
    );
  });
});
