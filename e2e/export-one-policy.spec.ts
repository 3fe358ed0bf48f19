import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('from the keyboard, the selected policy downloads alone and all policies copy to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const policies = page.getByRole('region', { name: 'Policies' });
  await expect(policies.getByRole('button', { name: /shop\/allow-api-from-frontend/ })).toBeVisible();

  const exportButton = page.getByRole('button', { name: 'Export ▾' });
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  const selectedItem = page.getByRole('menuitem', { name: /Download selected policy/ });
  await expect(selectedItem).toHaveAttribute('aria-disabled', 'true');
  await expect(selectedItem).toContainText('select a policy first');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  await policies.getByRole('button', { name: /shop\/allow-api-from-frontend/ }).click();
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Download policies (YAML)' })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(selectedItem).toBeFocused();
  await expect(selectedItem).toContainText('shop/allow-api-from-frontend');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe('shop-allow-api-from-frontend.yaml');
  const one = readFileSync(await file.path(), 'utf8');
  expect(one).toMatch(/^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\nmetadata:\n {2}name: allow-api-from-frontend\n {2}namespace: shop\n/);
  expect(one).not.toMatch(/^---$/m);

  await exportButton.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: /Connection list \(dot\)/ })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Copy policies to clipboard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Copied the policies to the clipboard' })).toBeVisible();
  const copied = String(await page.evaluate('navigator.clipboard.readText()'));
  expect(copied.match(/^kind: NetworkPolicy$/gm)).toHaveLength(4);
  expect(copied).toContain('name: allow-api-from-frontend');
  expect(copied).not.toContain('kind: Deployment');
});
