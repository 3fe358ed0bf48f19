import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('a saved workspace the app cannot read does not blank it: the app starts, says so, keeps it aside and offers it as a download', async ({ page }) => {
  // A save from a newer version of the app, left where older saves were kept.
  const fromTheFuture = JSON.stringify({ version: 99, files: [{ name: 'future.yaml', text: 'kind: Pod\n' }], savedAt: '2030-01-01T00:00:00.000Z' });
  await page.addInitScript(`if (!sessionStorage.getItem('seeded')) { localStorage.setItem('netpol-canvas:workspace', ${JSON.stringify(fromTheFuture)}); sessionStorage.setItem('seeded', '1'); }`);
  await page.goto('/');

  const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(banner).toContainText('kept aside, not overwritten');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done');
  await expect(page.getByTestId('document-summary')).toContainText('workloads');

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download it' }).click();
  const saved = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(saved)).toMatchObject({ version: 99, files: [{ name: 'future.yaml' }] });

  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});
