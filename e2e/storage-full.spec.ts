import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('when the browser refuses to save, a banner says so and the edits stay, ready to download', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done');
  // From now on, storage is full.
  await page.evaluate(`(() => {
    const full = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    IDBObjectStore.prototype.put = full;
    Storage.prototype.setItem = full;
  })()`);

  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('# an edit worth keeping\n');
  const banner = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(banner).toContainText('quota has been exceeded');
  await expect(page.locator('.cm-content')).toContainText('# an edit worth keeping');

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a copy' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toContain('# an edit worth keeping');
});
