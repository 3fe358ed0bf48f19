import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANP_TIERS, NETPOL_TIERS, requireConformanceDir } from './conformanceDir';
import { runAnalyze } from './runAnalyze';

const root = requireConformanceDir();

describe('netpol-analyzer conformance: `analyze` txt output equals expected.txt byte for byte', () => {
  for (const tier of [...NETPOL_TIERS, ...ANP_TIERS]) {
    const tierDir = join(root, tier);
    const cases = readdirSync(tierDir).sort();
    describe(`tier ${tier} (${cases.length} cases)`, () => {
      it.each(cases)('%s', (name) => {
        const dir = join(tierDir, name);
        const result = runAnalyze([join(dir, 'input')], () => '');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
      });
    });
  }

  it('covers all 104 NetworkPolicy cases and all 70 AdminNetworkPolicy / BaselineAdminNetworkPolicy cases', () => {
    const count = (tiers: readonly string[]) => tiers.reduce((n, tier) => n + readdirSync(join(root, tier)).length, 0);
    expect(count(NETPOL_TIERS)).toBe(104);
    expect(count(ANP_TIERS)).toBe(70);
  });
});
