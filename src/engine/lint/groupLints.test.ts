import { describe, expect, it } from 'vitest';
import { groupLints } from './groupLints';
import type { Lint } from './lint';

const lint = (code: string, object: string, message = code): Lint => ({ code, severity: 'info', message, objects: [object] });

describe('groupLints', () => {
  it('puts 199 findings of one code about one policy into one group, in first-seen order', () => {
    const lints = [lint('no-default-deny', 'ns:core'), ...Array.from({ length: 199 }, (_, i) => lint('peer-matches-nothing', 'core/big', `rule ${i + 2}`)), lint('peer-matches-nothing', 'core/small')];
    const groups = groupLints(lints);
    expect(groups.map((g) => [g.code, g.object, g.lints.length])).toEqual([
      ['no-default-deny', 'ns:core', 1],
      ['peer-matches-nothing', 'core/big', 199],
      ['peer-matches-nothing', 'core/small', 1],
    ]);
    expect(groups[1].lints[198].message).toBe('rule 200');
  });
});
