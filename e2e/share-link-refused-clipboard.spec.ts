import { expect, test } from '@playwright/test';

test('when the browser refuses the clipboard, Copy link shows the link in a field to copy by hand', async ({ page }, testInfo) => {
  await page.addInitScript(`navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));`);
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: /The browser refused clipboard access \(NotAllowedError\): copy the link from here/ });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#w=[A-Za-z0-9_-]+$/);
  await page.screenshot({ path: testInfo.outputPath('by-hand.png') });

  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
});
