import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteTextChange, textChange } from './textChange';

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

  it('finds the smallest replacement in long texts, wherever the edit falls against the chunks compared at once', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n'), minLength: 0, maxLength: 20_000 }), fc.nat(), fc.nat(20), fc.string({ maxLength: 30 }), (text, at, cut, insert) => {
        const from = text.length === 0 ? 0 : at % text.length;
        const after = text.slice(0, from) + insert + text.slice(from + cut);
        const change = textChange(text, after);
        expect(change === null ? text : apply(text, change)).toBe(after);
        if (change === null) return;
        let prefix = 0;
        while (prefix < Math.min(text.length, after.length) && text[prefix] === after[prefix]) prefix++;
        expect(change.from).toBe(prefix);
        expect(change.insert.length).toBeLessThanOrEqual(insert.length);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('gives the noted change for the very texts it was noted for, and finds it again for any others', () => {
    const before = 'port: 8080\n';
    const after = 'port: 8081\n';
    const noted = { from: 6, to: 10, insert: '8081' };
    noteTextChange(before, after, noted);
    expect(textChange(before, after)).toBe(noted);
    expect(textChange(before, 'port: 9080\n')).toEqual({ from: 6, to: 7, insert: '9' });
    expect(textChange(after, before)).toEqual({ from: 9, to: 10, insert: '0' });
  });
});
