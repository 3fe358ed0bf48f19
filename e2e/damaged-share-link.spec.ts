import { expect, test } from '@playwright/test';

test('a damaged share link says it cannot be opened and leaves the workspace as it was', async ({ page }, testInfo) => {
  await page.goto('/#w=bm90LWEtd29ya3NwYWNl');
  const notice = page.getByRole('alertdialog', { name: 'This link cannot be opened' });
  await expect(notice).toContainText('This link is damaged or incomplete');
  await expect(notice).toContainText('Nothing was changed.');
  await page.screenshot({ path: testInfo.outputPath('damaged.png') });
  await notice.getByRole('button', { name: 'Close' }).click();

  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await expect(page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' })).toBeDisabled();
});
