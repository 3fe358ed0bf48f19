import { describe, expect, it } from 'vitest';
import { addressRange } from '../observe/addressBlocks';
import type { IPRange } from '../ip/ipRange';
import { rangeToCidrs } from './rangeToCidrs';

const cidrs = (text: string) => rangeToCidrs(addressRange(text) as IPRange);

describe('rangeToCidrs', () => {
  it('covers a range with the fewest aligned blocks', () => {
    expect(cidrs('10.0.0.1-10.0.0.6')).toEqual(['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']);
  });
  it('keeps a CIDR and a single address as they are', () => {
    expect(cidrs('10.1.0.0/16')).toEqual(['10.1.0.0/16']);
    expect(cidrs('203.0.113.7')).toEqual(['203.0.113.7/32']);
    expect(cidrs('fd00::/64')).toEqual(['fd00::/64']);
  });
  it('covers a whole family', () => {
    expect(cidrs('0.0.0.0-255.255.255.255')).toEqual(['0.0.0.0/0']);
  });
});
