import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireConformanceDir } from '../../cli/conformanceDir';
import { runAnalyze } from '../../cli/runAnalyze';

const root = requireConformanceDir();

/** The corpus tiers whose cases carry netpol-analyzer's `list --exposure` output. */
const EXPOSURE_TIERS = ['exposure-derived/cases', 'exposure-derived/anp/cases'] as const;
const GOLDEN = 'expected.upstream-exposure.txt';

/** Cases whose output still differs from netpol-analyzer's, with why; a listed case that passes fails the test. */
const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map<string, string>([]);

const cases = EXPOSURE_TIERS.flatMap((tier) =>
  readdirSync(join(root, tier))
    .sort()
    .filter((name) => existsSync(join(root, tier, name, GOLDEN)))
    .map((name) => ({ id: `${tier}/${name}`, dir: join(root, tier, name) })),
);

describe('netpol-analyzer conformance: `analyze --exposure` txt output equals `list --exposure` byte for byte', () => {
  it.each(cases)('$id', ({ id, dir }) => {
    const result = runAnalyze(['--exposure', join(dir, 'input')], () => '');
    const isEqual = result.code === 0 && result.stdout === readFileSync(join(dir, GOLDEN), 'utf8');
    if (KNOWN_FAILURES.has(id)) expect(isEqual, `${id} passes now: take it off KNOWN_FAILURES`).toBe(false);
    else {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(readFileSync(join(dir, GOLDEN), 'utf8'));
    }
  });

  it('covers all 70 cases with an exposure golden, and lists only cases of the corpus as known failures', () => {
    expect(cases.length).toBe(70);
    const ids = new Set(cases.map((c) => c.id));
    expect([...KNOWN_FAILURES.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
