import { expect, test } from '@playwright/test';

const FRONTEND_TO_API = 'rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]';

test('clicking an allowed edge explains it on its own port: Allowed, TCP 8080', async ({ page }, testInfo) => {
  await page.goto('/');
  const edge = page.getByTestId(FRONTEND_TO_API);
  await expect(edge).toContainText('TCP 8080');

  await edge.locator('.react-flow__edge-textbg').click();
  const panel = page.getByRole('region', { name: 'Explain a connection' });
  await expect(panel.getByLabel('Source')).toHaveValue('shop/frontend[Deployment]');
  await expect(panel.getByLabel('Destination')).toHaveValue('shop/api[Deployment]');
  await expect(panel.getByLabel('Protocol')).toHaveValue('TCP');
  await expect(panel.getByLabel('Port')).toHaveValue('8080');
  await expect(panel.getByTestId('explain-verdict')).toContainText('✔ Allowed');
  await expect(panel.getByTestId('explain-ingress')).toContainText('allowed by shop/allow-api-from-frontend ingress rule 1');
  await panel.screenshot({ path: testInfo.outputPath('explain-allowed-edge.png') });
});
