import { expect, test } from '@playwright/test';
import { realisticClusterYaml } from '../src/engine/testing/realisticClusterYaml';

test('a cluster of 1,000 workloads opens on the namespace view, a namespace expands into its workloads, and one of them tells its peers', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const cluster = realisticClusterYaml({ workloads: 1000 });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles({ name: 'cluster.yaml', mimeType: 'application/yaml', buffer: Buffer.from(cluster.all) });
  await expect(page.getByTestId('document-summary')).toContainText('policies', { timeout: 120_000 });
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(page.locator('main.app__canvas .react-flow__node-namespaceGroup').first()).toBeVisible({ timeout: 120_000 });
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 120_000 });

  // One node per namespace, no workload cards, far fewer elements than workloads.
  await expect(page.locator('main.app__canvas .react-flow__node-workload')).toHaveCount(0);
  const groups = await page.locator('main.app__canvas .react-flow__node-namespaceGroup').count();
  expect(groups).toBeGreaterThan(10);
  expect(groups).toBeLessThanOrEqual(cluster.namespaces);
  const kubeSystem = page.getByTestId('rf__node-ns:kube-system');
  await expect(kubeSystem).toContainText(/\d+ workloads?/);
  await page.screenshot({ path: testInfo.outputPath('namespace-view.png') });

  // Thousands of aggregated edges are a tangle: only the selection's are drawn, and the canvas says so.
  await expect(page.getByTestId('edge-count')).toContainText('select a node to draw its edges');
  const edges = page.locator('main.app__canvas .react-flow__edge');
  await expect(edges).toHaveCount(0);
  await kubeSystem.locator('.namespace-group__name').click();
  await expect.poll(() => edges.count()).toBeGreaterThan(0);
  const drawn = await Promise.all((await edges.all()).map(async (edge) => (await edge.getAttribute('data-testid')) ?? ''));
  expect(drawn.every((id) => id.includes('ns:kube-system'))).toBe(true);

  await kubeSystem.getByRole('button', { name: 'Expand namespace kube-system' }).click();
  await expect(page.getByTestId('rf__node-kube-system/coredns[Deployment]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('main.app__canvas .react-flow__node-namespaceGroup')).toHaveCount(groups - 1);
  await expect(canvas).toHaveAttribute('data-layout', 'done');

  // Selecting one of its workloads tells its policies and peers, as at any size.
  await page.getByTestId('rf__node-kube-system/coredns[Deployment]').getByText('coredns', { exact: true }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'coredns' })).toBeVisible();
  await expect(inspector.getByRole('heading', { name: /^May receive from \([1-9]\d*\)$/ })).toBeVisible({ timeout: 60_000 });
});
