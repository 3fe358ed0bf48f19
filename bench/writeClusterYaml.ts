import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realisticClusterYaml } from '../src/engine/testing/realisticClusterYaml';

/** The workload counts the browser bench opens. */
export const BENCH_SIZES = [100, 1000, 5000] as const;

/** Writes `cluster-<n>.yaml` and `policies-<n>.yaml` for each size into `dir`; returns what it wrote. */
export function writeClusterYaml(dir: string, sizes: readonly number[] = BENCH_SIZES) {
  mkdirSync(dir, { recursive: true });
  return sizes.map((n) => {
    const cluster = realisticClusterYaml({ workloads: n });
    const all = join(dir, `cluster-${n}.yaml`);
    const policiesOnly = join(dir, `policies-${n}.yaml`);
    writeFileSync(all, cluster.all);
    writeFileSync(policiesOnly, cluster.policiesOnly);
    return { size: n, all, policiesOnly, namespaces: cluster.namespaces, workloads: cluster.workloads, policies: cluster.policies, bytes: cluster.all.length };
  });
}

// `node --import tsx bench/writeClusterYaml.ts <dir> [sizes…]` writes the files, e.g. to check them with `npm run analyze`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const [dir = 'bench/out', ...sizes] = process.argv.slice(2);
  for (const row of writeClusterYaml(dir, sizes.length > 0 ? sizes.map(Number) : BENCH_SIZES)) console.log(JSON.stringify(row));
}
