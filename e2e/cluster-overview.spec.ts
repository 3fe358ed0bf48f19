import { expect, test } from '@playwright/test';

/** 320 team namespaces, each with one Deployment: too many namespaces to mount a card for each at fit. */
function manyNamespaces(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const ns = `team-${String(i).padStart(3, '0')}`;
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`);
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: example/api:1\n`,
    );
  }
  return docs.join('---\n');
}

test('a cluster of 320 namespaces opens on an overview, and clicking a namespace zooms in on its card', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles({ name: 'teams.yaml', mimeType: 'application/yaml', buffer: Buffer.from(manyNamespaces(320)) });
  await expect(page.getByTestId('document-summary')).toContainText('320 workloads', { timeout: 60_000 });
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });

  // Zoomed out to fit 320 namespaces, the canvas draws one rectangle per namespace and mounts no node.
  const overview = page.getByTestId('canvas-overview');
  await expect(overview).toBeVisible();
  // One rectangle per namespace (and one for the addresses outside the cluster), and the canvas says what it shows.
  await expect.poll(() => overview.locator('rect').count()).toBeGreaterThanOrEqual(320);
  const rects = await overview.locator('rect').count();
  await expect(page.getByRole('status').filter({ hasText: `Overview of ${rects} nodes` })).toBeVisible();
  await expect(page.locator('main.app__canvas .react-flow__node')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('overview.png') });

  // A click on one rectangle selects that namespace and zooms in on its card, readable and expandable.
  await overview.locator('rect', { has: page.locator('title', { hasText: /^namespace team-123$/ }) }).click();
  const card = page.getByTestId('rf__node-ns:team-123');
  await expect(card).toBeVisible();
  await expect(overview).toHaveCount(0);
  await expect(card).toContainText('1 workload');
  await expect(card).toHaveClass(/selected/);
  await expect(card.getByRole('button', { name: 'Expand namespace team-123' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('zoomed-in.png') });
});
