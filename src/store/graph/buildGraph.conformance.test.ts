import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { ANP_TIERS, NETPOL_TIERS, requireConformanceDir } from '../../cli/conformanceDir';
import { readInputs } from '../../cli/readInputs';
import { runAnalyze } from '../../cli/runAnalyze';
import { buildGraph } from './buildGraph';

const root = requireConformanceDir();

const isWorkload = (peer: string) => !peer.endsWith('[External]');

/** The `src=>dst` pairs of workloads the CLI prints for a case. */
function cliWorkloadPairs(inputDir: string): string[] {
  const { stdout, code } = runAnalyze([inputDir], () => '');
  expect(code).toBe(0);
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(0, line.lastIndexOf(' : ')).split(' => '))
    .filter(([src, dst]) => isWorkload(src) && isWorkload(dst))
    .map(([src, dst]) => `${src}=>${dst}`)
    .sort();
}

describe('the canvas draws a workload edge exactly where the CLI prints a workload pair', () => {
  for (const tier of [...NETPOL_TIERS, ...ANP_TIERS]) {
    const tierDir = join(root, tier);
    const cases = readdirSync(tierDir).sort();
    it.each(cases)(`${tier}/%s`, (name) => {
      const inputDir = join(tierDir, name, 'input');
      const analysis = analyze(readInputs([inputDir], () => '').files);
      const graph = buildGraph(analysis, { showAllFlows: true });
      const workloads = new Map(graph.nodes.flatMap((n) => (n.type === 'workload' ? [[n.id, n.data] as const] : [])));
      const drawn = graph.edges.filter((e) => workloads.has(e.source) && workloads.has(e.target)).map((e) => e.id);
      const cli = cliWorkloadPairs(inputDir);
      expect(drawn.sort()).toEqual(cli);
      // By default a pair is left out exactly when both of its sides are open.
      const decided = new Set(buildGraph(analysis).edges.map((e) => e.id));
      const isOpenOnBothSides = (id: string) => {
        const [src, dst] = id.split('=>');
        return !workloads.get(src)?.isEgressIsolated && !workloads.get(dst)?.isIngressIsolated;
      };
      expect(cli.filter((id) => !decided.has(id))).toEqual(cli.filter(isOpenOnBothSides));
    });
  }
});
