import { expect, test } from '@playwright/test';

test('the matrix shows allowed, partly allowed and denied pairs, and a cell opens its explanation', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Matrix' }).click();
  const matrix = page.getByTestId('connectivity-matrix');
  await expect(matrix).toBeVisible();

  const cell = (src: string, dst: string) => matrix.getByTestId(`matrix-cell-${src}=>${dst}`);
  await expect(cell('shop/frontend[Deployment]', 'shop/api[Deployment]')).toHaveAttribute('title', /partly allowed \(TCP 8080\)/);
  await expect(cell('shop/frontend[Deployment]', 'shop/db[StatefulSet]')).toHaveAttribute('title', /denied/);
  await expect(cell('shop/api[Deployment]', 'kube-system/coredns[Deployment]')).toHaveAttribute('title', /: allowed \(all\)/);

  await matrix.getByLabel('Protocol').selectOption('TCP');
  await matrix.getByLabel('Port').fill('8080');
  await expect(cell('shop/frontend[Deployment]', 'shop/api[Deployment]')).toHaveAttribute('title', /: allowed/);
  await page.screenshot({ path: testInfo.outputPath('matrix.png') });

  await cell('shop/frontend[Deployment]', 'shop/db[StatefulSet]').click();
  const explain = page.getByRole('region', { name: 'Explain a connection' });
  await explain.getByLabel('Port').fill('5432');
  await expect(explain.getByTestId('explain-verdict')).toContainText('Denied');
  await expect(explain.getByLabel('Destination')).toHaveValue('shop/db[StatefulSet]');

  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Graph' }).click();
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
});
