import { expect, test } from '@playwright/test';

const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';

test('a reload restores the edited files, their edges and a dragged node where it was left', async ({ page }, testInfo) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const inspector = page.getByTestId('inspector');

  await page.getByTestId(`rf__edge-${API}=>${DB}`).locator('.react-flow__edge-textbg').click();
  await inspector.getByRole('button', { name: 'Remove this flow' }).click();
  await page.getByRole('dialog', { name: /Remove the flow/ }).getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toHaveCount(0);

  const db = page.getByTestId(`rf__node-${DB}`);
  const placed = await db.getAttribute('style');
  const box = await db.getByText('db', { exact: true }).boundingBox();
  if (!box) throw new Error('db is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60, { steps: 10 });
  await page.mouse.up();
  const moved = await db.getAttribute('style');
  expect(moved).not.toBe(placed);
  // The summary follows the graph: wait until the removal's version has answered in full.
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  const summary = await page.getByTestId('document-summary').textContent();
  const yaml = await page.locator('.cm-content').textContent();
  await page.screenshot({ path: testInfo.outputPath('before-reload.png') });

  await page.reload();
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toHaveCount(0);
  await expect(page.getByTestId(`rf__edge-shop/frontend[Deployment]=>${API}`)).toBeVisible();
  await expect(page.getByTestId('document-summary')).toHaveText(summary ?? '');
  await expect(page.locator('.cm-content')).toHaveText(yaml ?? '');
  await expect(db).toHaveAttribute('style', moved ?? '');
  await expect(page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('after-reload.png') });
});
