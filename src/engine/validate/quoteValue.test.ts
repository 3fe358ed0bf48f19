import { describe, expect, it } from 'vitest';
import { QUOTE_MAX, quoteValue } from './quoteValue';

describe('quoteValue', () => {
  it('quotes short values as JSON', () => {
    expect(quoteValue('web')).toBe('"web"');
    expect(quoteValue({ app: ['a', 1, true, null] })).toBe('{"app":["a",1,true,null]}');
  });

  it('cuts a long string to the limit and marks the cut', () => {
    const quoted = quoteValue('x'.repeat(1_000_000));
    expect(quoted.length).toBe(QUOTE_MAX + 1);
    expect(quoted.endsWith('…')).toBe(true);
  });

  it('shows control characters escaped, never raw', () => {
    expect(quoteValue('a\u001b[2Jb\r\n')).toBe('"a\\u001b[2Jb\\r\\n"');
  });

  it('quotes a value whose aliases would expand to 9^12 nodes at once, reading only what it shows', () => {
    let value: unknown = 'x';
    for (let i = 0; i < 12; i++) value = Array.from({ length: 9 }, () => value);
    const start = performance.now();
    expect(quoteValue(value).length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('keeps a key named __proto__ and never calls a toString of the input', () => {
    const value = JSON.parse('{"__proto__": {"toString": "x"}}') as unknown;
    expect(quoteValue(value)).toBe('{"__proto__":{"toString":"x"}}');
  });
});
