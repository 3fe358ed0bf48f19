import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { realisticClusterYaml } from './realisticClusterYaml';

describe('realisticClusterYaml', () => {
  it('writes a dump the engine reads without a single issue, with default-deny, DNS and scrape rules in every namespace', () => {
    const cluster = realisticClusterYaml({ workloads: 100 });
    const { model, issues } = analyze([{ name: 'cluster.yaml', text: cluster.all }]);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(model.workloads).toHaveLength(100);
    expect(model.policies).toHaveLength(cluster.policies);
    expect(model.namespaces.filter((ns) => ns.isDeclared)).toHaveLength(cluster.namespaces);
    const appNamespaces = model.namespaces.filter((ns) => ns.labels.team !== undefined && ns.labels.team !== 'platform');
    for (const ns of appNamespaces) {
      const names = model.policies.filter((p) => p.namespace === ns.name).map((p) => p.name);
      expect(names.some((n) => n.startsWith('default-deny'))).toBe(true);
      expect(names).toContain('allow-prometheus-scrape');
    }
    expect(cluster.all).toContain('except:');
  });

  it('is deterministic per seed, and the policies-only file holds the same policies', () => {
    const a = realisticClusterYaml({ workloads: 150, seed: 7 });
    expect(realisticClusterYaml({ workloads: 150, seed: 7 }).all).toBe(a.all);
    expect(realisticClusterYaml({ workloads: 150, seed: 8 }).all).not.toBe(a.all);
    expect(a.all.endsWith(a.policiesOnly)).toBe(true);
    const { model, issues } = analyze([{ name: 'policies.yaml', text: a.policiesOnly }]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.workloads).toHaveLength(0);
    expect(model.policies).toHaveLength(a.policies);
  });
});
