import { expect, test } from '@playwright/test';

test('opening the app shows the bundled three-tier example as a graph', async ({ page }, testInfo) => {
  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'netpol-canvas' })).toBeVisible();
  await expect(page.getByTestId('rf__node-ns:shop')).toBeVisible();
  await expect(page.getByTestId('rf__node-ns:kube-system')).toBeVisible();
  for (const workload of [
    'shop/frontend[Deployment]',
    'shop/api[Deployment]',
    'shop/db[StatefulSet]',
    'kube-system/coredns[Deployment]',
  ]) {
    await expect(page.getByTestId(`rf__node-${workload}`)).toBeVisible();
  }
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toContainText('api');

  const frontendToApi = page.getByTestId('rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]');
  await expect(frontendToApi).toHaveCount(1);
  await expect(frontendToApi).toContainText('TCP 8080');
  await expect(page.getByTestId('rf__edge-shop/frontend[Deployment]=>shop/db[StatefulSet]')).toHaveCount(0);

  await page.screenshot({ path: testInfo.outputPath('three-tier.png') });
});
