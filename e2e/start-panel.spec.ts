import { expect, test } from '@playwright/test';

test('an empty workspace offers to paste YAML or open an example, each in one click, and New workspace can be undone', async ({ page }) => {
  await page.goto('/');
  // The bundled example, not the empty workspace analysed before it arrives (on a busy machine the empty one answers first).
  await expect(page.getByTestId('document-summary')).not.toHaveText(/^0 workloads/, { timeout: 20_000 });
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const summary = await page.getByTestId('document-summary').textContent();

  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('alertdialog', { name: 'New workspace' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('document-summary')).toHaveText(summary ?? '');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('alertdialog', { name: 'New workspace' }).getByRole('button', { name: 'Discard' }).click();
  const start = page.getByRole('region', { name: 'Start' });
  await expect(start).toBeVisible();

  await start.getByRole('button', { name: 'Paste YAML' }).click();
  await expect(page.getByRole('tab', { name: 'workspace.yaml' })).toBeVisible();
  await expect(page.locator('.cm-editor.cm-focused')).toBeVisible();
  await page.keyboard.insertText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  namespace: lab\n');
  await expect(page.getByTestId('rf__node-lab/solo[Pod]')).toBeVisible();
  await expect(start).toHaveCount(0);

  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('alertdialog', { name: 'New workspace' }).getByRole('button', { name: 'Discard' }).click();
  await start.getByRole('button', { name: 'Microservices' }).click();
  await expect(page.getByTestId('document-summary')).toContainText('policies');
  await expect(start).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'microservices.yaml' })).toBeVisible();

  // Opening into an empty workspace loses nothing, so the next undo step is the discard itself.
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('rf__node-lab/solo[Pod]')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'workspace.yaml' })).toBeVisible();
});
