import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { requireConformanceDir } from '../src/cli/conformanceDir';
import { runAnalyze } from '../src/cli/runAnalyze';

const root = requireConformanceDir();
const CASES = ['minimal_test_in_ns', 'onlineboutique', 'with_end_port_example'];
// Workloads the app infers for selectors the input does not satisfy (policies-only input) are not in the CLI's output.
const isWorkload = (peer: string) => !peer.endsWith('[External]') && !peer.startsWith('ext:') && !peer.endsWith('[Inferred]');

/** The `src=>dst` workload pairs the CLI prints for a case's input folder. */
function cliPairs(inputDir: string): string[] {
  return runAnalyze([inputDir], () => '')
    .stdout.split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(0, line.lastIndexOf(' : ')).split(' => '))
    .filter(([src, dst]) => isWorkload(src) && isWorkload(dst))
    .map(([src, dst]) => `${src}=>${dst}`)
    .sort();
}

for (const name of CASES) {
  test(`opening conformance case ${name} draws exactly the workload edges the CLI prints`, async ({ page }, testInfo) => {
    // Every flow of a case is drawn (hundreds of edges for some): give a busy machine room.
    test.setTimeout(90_000);
    const inputDir = join(root, 'cases', name, 'input');
    const expected = cliPairs(inputDir);
    expect(expected.length).toBeGreaterThan(0);

    await page.goto('/');
    await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
    await page.getByTestId('show-all-flows').check();
    const files = readdirSync(inputDir).sort();
    await page.locator('[data-testid="open-files"]').setInputFiles(files.map((file) => join(inputDir, file)));
    // The case's own files, analysed and drawn: right after the open the canvas can still say "done" for the example.
    await expect(page.getByRole('tab', { name: files[0] })).toBeVisible();
    await expect(page.getByTestId('rf__node-ns:shop')).toHaveCount(0);
    await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });

    const workloadEdges = async () => {
      const edges = await page.locator('main.app__canvas [data-testid^="rf__edge-"]').all();
      const ids = await Promise.all(edges.map((edge) => edge.getAttribute('data-testid')));
      return ids.map((id) => (id ?? '').slice('rf__edge-'.length)).filter((id) => id.split('=>').every(isWorkload)).sort();
    };
    await expect.poll(workloadEdges, { timeout: 30_000 }).toEqual(expected);
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  });
}
