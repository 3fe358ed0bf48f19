import { expect, test } from '@playwright/test';

test('an engineer imports observed flows: the flows the policies would break are marked, counted and explained', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Microservices/ }).click();
  await expect(page.getByTestId('rf__node-data/redis-cart[StatefulSet]')).toBeVisible();

  await page.getByRole('button', { name: 'Traffic' }).click();
  await page.getByRole('menuitem', { name: /^Example flows/ }).click();
  const summary = page.getByRole('region', { name: 'Observed traffic' });
  await expect(summary).toContainText('Observed: microservices-flows.json');
  const breaking = summary.getByRole('button', { name: '⚠ 3 would break' });
  await expect(breaking).toBeVisible();
  await expect(summary.getByRole('button', { name: /^\d+ used$/ })).toBeVisible();
  await expect(summary.getByText('2 not judged')).toBeVisible();
  // A pod the manifests do not hold is listed, not lost.
  await summary.getByText('1 observed pod is not in the manifests').click();
  await expect(summary.getByRole('list', { name: 'Observed pods not in the manifests' })).toContainText('monitoring/prometheus[StatefulSet]: not in the manifests, 1 record');

  // The loudest mark: a flow that happens today and the policies deny, drawn although no policy allows it.
  const cache = page.getByTestId('rf__edge-web/frontend[Deployment]=>data/redis-cart[StatefulSet]');
  await expect(cache).toContainText('would break · TCP 6379');
  await expect(cache.locator('.flow-edge--observed-wouldBreak')).toHaveCount(1);
  await expect(page.getByTestId('rf__edge-web/loadgenerator[Deployment]=>web/frontend[Deployment]').locator('.flow-edge--observed-used')).toHaveCount(1);
  await expect(summary.getByRole('list', { name: 'Flows that would break' })).toContainText('shop/paymentservice[Deployment] → 198.51.100.7 TCP 443 (2 records)');

  // One state at a time.
  await breaking.click();
  await expect(breaking).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('rf__edge-web/loadgenerator[Deployment]=>web/frontend[Deployment]')).toHaveCount(0);
  await expect(cache).toBeVisible();
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('observed-flows.png') });

  // Explain works on an observed flow.
  await summary.getByRole('button', { name: 'web/frontend[Deployment] → data/redis-cart[StatefulSet]' }).click();
  const explain = page.getByRole('region', { name: 'Explain a connection' });
  await expect(explain.getByLabel('Destination')).toHaveValue('data/redis-cart[StatefulSet]');
  await explain.getByLabel('Port').fill('6379');
  await expect(explain.getByTestId('explain-verdict')).toContainText('Denied');

  // The matrix carries the same marks.
  await page.getByRole('button', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-cell-web/frontend[Deployment]=>data/redis-cart[StatefulSet]')).toHaveAttribute('aria-label', /denied, observed, would break: TCP 6379/);
  await expect(page.getByTestId('matrix-cell-web/loadgenerator[Deployment]=>web/frontend[Deployment]')).toHaveClass(/matrix__cell--observed-used/);
  await page.getByRole('button', { name: 'Graph' }).click();

  await summary.getByRole('button', { name: 'Stop showing observed flows' }).click();
  await expect(summary).toHaveCount(0);
  await expect(cache).toHaveCount(0);
});
