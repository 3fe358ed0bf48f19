import { expect, test } from '@playwright/test';

const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';

test('removing the api → db edge previews the rule it removes, and Apply takes the edge away', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const edge = page.getByTestId(`rf__edge-${API}=>${DB}`);
  const inspector = page.getByTestId('inspector');

  await edge.locator('.react-flow__edge-textbg').click();
  await expect(inspector).toContainText('Allowed connection');
  await inspector.getByRole('button', { name: 'Remove this flow' }).click();
  const preview = page.getByRole('dialog', { name: `Remove the flow ${API} → ${DB}` });
  await expect(preview).toContainText('Edit shop/allow-db-from-api: ingress rule 1 removed (api was all it admitted).');
  await expect(preview.getByTestId('change-preview-side-effects')).toHaveCount(0);
  await expect(preview.getByTestId('change-preview-diff')).toContainText(`− denied ${API} → ${DB}: TCP 5432`);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  await expect(edge).toBeVisible();

  await page.keyboard.press('Delete');
  await expect(preview).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('remove-preview.png') });
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(edge).toHaveCount(0);
  await expect(inspector).toContainText('Select a workload');
  await expect(page.getByTestId(`rf__edge-shop/frontend[Deployment]=>${API}`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('removed.png') });

  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(edge).toBeVisible();
});
