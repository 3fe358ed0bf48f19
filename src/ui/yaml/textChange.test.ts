import { describe, expect, it } from 'vitest';
import { textChange } from './textChange';

function apply(text: string, change: { from: number; to: number; insert: string }): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

describe('textChange', () => {
  it('finds nothing to change in equal texts', () => {
    expect(textChange('kind: Pod\n', 'kind: Pod\n')).toBeNull();
  });

  it('replaces only the part that differs', () => {
    expect(textChange('protocol: TCP\nport: 80\n', 'protocol: UDP\nport: 80\n')).toEqual({ from: 10, to: 12, insert: 'UD' });
  });

  it('handles insertions, deletions and repeated characters', () => {
    for (const [before, after] of [
      ['aaa', 'aaaa'],
      ['aaaa', 'aa'],
      ['', 'kind: Pod'],
      ['kind: Pod', ''],
      ['port: 80\n', 'port: 8080\n'],
      ['ab', 'ba'],
    ]) {
      const change = textChange(before, after);
      expect(change && apply(before, change)).toBe(after);
    }
  });
});
