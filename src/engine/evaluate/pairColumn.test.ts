import { describe, expect, it } from 'vitest';
import { EMPTY_PAIR_COLUMN, pairColumn, pairTable, withPairTables } from './pairColumn';

describe('pairColumn', () => {
  const column = pairColumn([1, 4, 7, 9], [3, 0, 2, 5]);

  it('keeps only the sources that may connect, and finds each one', () => {
    expect([...column.sources]).toEqual([1, 7, 9]);
    expect([0, 1, 4, 7, 9, 10].map((s) => pairTable(column, s))).toEqual([0, 3, 0, 2, 5, 0]);
    expect(pairColumn([2], [0])).toBe(EMPTY_PAIR_COLUMN);
  });

  it('replaces, adds and removes sources without touching the column it came from', () => {
    const patched = withPairTables(column, new Map([[7, 0], [4, 6], [0, 1]]));
    expect([...patched.sources]).toEqual([0, 1, 4, 9]);
    expect([...patched.tables]).toEqual([1, 3, 6, 5]);
    expect([...column.sources]).toEqual([1, 7, 9]);
    expect(withPairTables(column, new Map([[1, 3], [4, 0]]))).toBe(column);
  });
});
