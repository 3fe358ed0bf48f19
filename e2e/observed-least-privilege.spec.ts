import { expect, test } from '@playwright/test';

test('an engineer generates least-privilege policies from observed flows: the preview lists what tightens, and nothing observed would break any more', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Microservices/ }).click();
  await expect(page.getByTestId('rf__node-data/redis-cart[StatefulSet]')).toBeVisible();
  await page.getByRole('button', { name: 'Traffic' }).click();
  await page.getByRole('menuitem', { name: /^Example flows/ }).click();
  const summary = page.getByRole('region', { name: 'Observed traffic' });
  await expect(summary.getByRole('button', { name: '⚠ 3 would break' })).toBeVisible();

  await summary.getByRole('button', { name: 'Allow exactly what was observed…' }).click();
  const preview = page.getByRole('dialog', { name: 'Allow exactly what was observed' });
  await expect(preview).toBeVisible();
  // What is added, and what becomes denied: the allowed pair nobody used.
  await expect(preview).toContainText('web/frontend');
  await expect(preview.getByTestId('change-preview-diff')).toContainText('− denied');
  await expect(preview.getByTestId('change-preview-diff')).toContainText('kube-system/coredns[Deployment] → web/frontend[Deployment]');
  await page.screenshot({ path: testInfo.outputPath('observed-least-privilege.png') });
  await preview.getByRole('button', { name: 'Apply' }).click();

  await expect(summary.getByRole('button', { name: '⚠ 0 would break' })).toBeVisible();
  await expect(page.getByTestId('rf__edge-web/frontend[Deployment]=>data/redis-cart[StatefulSet]').locator('.flow-edge--observed-used')).toHaveCount(1);

  // One undo step brings the policies, and the three flows that would break, back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(summary.getByRole('button', { name: '⚠ 3 would break' })).toBeVisible();
});
