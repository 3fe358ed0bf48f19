import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANP_TIERS, requireConformanceDir } from '../../cli/conformanceDir';
import { readInputs } from '../../cli/readInputs';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import { migrateClusterPolicies } from './migrateClusterPolicies';

const root = requireConformanceDir();

describe('v1alpha1 → v1alpha2: every AdminNetworkPolicy / BaselineAdminNetworkPolicy case of the corpus, migrated, lists the same connections', () => {
  for (const tier of ANP_TIERS) {
    const tierDir = join(root, tier);
    it.each(readdirSync(tierDir).sort())(`${tier}/%s`, (name) => {
      const dir = join(tierDir, name);
      const migrated = readInputs([join(dir, 'input')], () => '').files.map(migrateClusterPolicies);
      const analysis = analyze(migrated.map((m) => m.file));
      const kinds = analysis.model.clusterPolicies.map((p) => p.kind);
      expect(migrated.flatMap((m) => m.converted).length).toBe(kinds.length);
      expect(kinds.every((k) => k === 'ClusterNetworkPolicy')).toBe(true);
      expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(formatConnlistTxt(analysis.connections)).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
    });
  }
});
