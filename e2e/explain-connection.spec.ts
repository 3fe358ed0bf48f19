import { expect, test } from '@playwright/test';

test('explaining an allowed edge and a denied pair says which policies and rules decide, per side', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]').locator('.react-flow__edge-textbg').click();
  const panel = page.getByRole('region', { name: 'Explain a connection' });
  await panel.getByLabel('Port').fill('8080');
  await expect(panel.getByTestId('explain-verdict')).toContainText('Allowed');
  await expect(panel.getByTestId('explain-egress')).toContainText('Egress from frontend: not isolated');
  await expect(panel.getByTestId('explain-ingress')).toContainText('Ingress to api: isolated by shop/default-deny-ingress, shop/allow-api-from-frontend; allowed by shop/allow-api-from-frontend ingress rule 1');

  await panel.getByLabel('Source').selectOption('shop/frontend[Deployment]');
  await panel.getByLabel('Destination').selectOption('shop/db[StatefulSet]');
  await panel.getByLabel('Port').fill('5432');
  await expect(panel.getByTestId('explain-verdict')).toContainText('Denied');
  await expect(panel.getByTestId('explain-ingress')).toContainText('no rule allows it. Nearest: shop/allow-db-from-api ingress rule 1');
  await expect(panel.getByTestId('explain-ingress')).toContainText('right port, but the pod labels do not match');

  await page.screenshot({ path: testInfo.outputPath('explain-denied.png') });
  await panel.getByRole('button', { name: 'shop/allow-db-from-api ingress rule 1' }).click();
  await expect(page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /shop\/allow-db-from-api/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('listitem', { name: 'ingress rule 1' })).toHaveAttribute('aria-current', 'true');
});
