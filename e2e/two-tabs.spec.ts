import { expect, test, type Page } from '@playwright/test';

/** Types a line at the top of the YAML (where the editor shows it). */
async function typeAtTop(page: Page, line: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(`${line}\n`);
}

test('two tabs on the same workspace never overwrite each other silently: the other tab is told and chooses', async ({ context }) => {
  test.setTimeout(120_000);
  const first = await context.newPage();
  await first.goto('/');
  await expect(first.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });

  // The first tab saves an edit: the second is told, and its own edits are not saved over it.
  await typeAtTop(first, '# from the first tab');
  const told = second.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(told).toBeVisible();
  await typeAtTop(second, '# from the second tab');
  await expect(first.getByRole('alert').filter({ hasText: 'changed in another tab' })).toHaveCount(0);

  // The second tab chooses to open the first tab's version: its editor now shows that edit.
  await told.getByRole('button', { name: 'Open the other tab’s version' }).click();
  await expect(second.locator('.cm-content')).toContainText('# from the first tab');
  await expect(told).toHaveCount(0);

  // The first tab reloads and finds its own edit, nothing from the second tab.
  await first.bringToFront();
  await first.reload();
  await expect(first.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  await expect(first.locator('.cm-content')).toContainText('# from the first tab');
  await expect(first.locator('.cm-content')).not.toContainText('# from the second tab');
});
