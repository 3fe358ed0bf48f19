import { expect, test } from '@playwright/test';

test('the tier view says which tier decided each flow and draws the flows an Admin Deny closed', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  // The switch only appears where there are cluster policies.
  await expect(page.getByTestId('tier-view')).toHaveCount(0);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Cluster tiers/ }).click();
  await expect(page.getByTestId('rf__node-sandbox/experiment[Deployment]')).toBeVisible();
  const closed = page.getByTestId('rf__edge-sandbox/experiment[Deployment]=>shop/frontend[Deployment]');
  await expect(closed).toHaveCount(0);

  await page.getByTestId('tier-view').check();
  await expect(closed).toContainText('Admin Deny · all');
  await expect(closed.locator('.flow-edge--denied')).toHaveCount(1);
  await expect(page.getByTestId('rf__edge-monitoring/prometheus[Deployment]=>shop/api[Deployment]')).toContainText('Admin Accept · TCP 9090');
  await expect(page.getByTestId('rf__edge-kube-system/coredns[Deployment]=>shop/frontend[Deployment]')).toContainText('NP · TCP 8080');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('cluster-tier-view.png') });
  await page.getByTestId('legend').locator('summary').click();
  await expect(page.getByTestId('legend-tier')).toContainText(['Admin Accept', 'Admin Deny', 'NP', 'Baseline', 'open']);

  // A closed flow explains itself like any other edge.
  await closed.locator('.react-flow__edge-textbg').click();
  await expect(page.getByRole('region', { name: 'Explain a connection' }).getByTestId('explain-verdict')).toContainText('Denied');

  await page.getByTestId('tier-view').uncheck();
  await expect(closed).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-monitoring/prometheus[Deployment]=>shop/api[Deployment]')).toContainText('TCP 9090');
  await expect(page.getByTestId('rf__edge-monitoring/prometheus[Deployment]=>shop/api[Deployment]')).not.toContainText('Admin');
});
