import { expect, test, type Page } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const DB = 'shop/db[StatefulSet]';

async function dragConnect(page: Page, from: string, to: string) {
  const handle = page.getByTestId(`rf__node-${from}`).locator('.react-flow__handle.source');
  const start = await handle.boundingBox();
  const end = await page.getByTestId(`rf__node-${to}`).boundingBox();
  if (!start || !end) throw new Error('nodes not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 15 });
  await page.mouse.up();
}

test('dragging frontend onto db allows TCP 5432 after a preview, as one undo step that redo brings back', async ({ page }, testInfo) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const edge = page.getByTestId(`rf__edge-${FRONTEND}=>${DB}`);
  await expect(page.getByTestId(`rf__edge-shop/api[Deployment]=>${DB}`)).toBeVisible();
  await expect(edge).toHaveCount(0);

  await dragConnect(page, FRONTEND, DB);
  const chooser = page.getByRole('dialog', { name: 'Choose the port' });
  await expect(chooser).toBeVisible();
  await expect(chooser.getByRole('heading')).toHaveText('Allow frontend → db');
  await expect(chooser.getByLabel('Protocol', { exact: true })).toHaveValue('TCP');
  await expect(chooser.getByLabel('Port', { exact: true })).toHaveValue('5432');
  await expect(chooser.getByRole('group', { name: 'Container ports of the destination' })).toContainText('TCP 5432');
  await chooser.getByLabel('Port', { exact: true }).fill('99999');
  await page.keyboard.press('Enter');
  await expect(chooser.getByRole('alert')).toHaveText('A port must be a number from 1 to 65535.');
  await chooser.getByRole('button', { name: 'postgres' }).click();
  await expect(chooser.getByLabel('Port', { exact: true })).toHaveValue('postgres');
  await chooser.getByRole('button', { name: 'TCP 5432' }).click();
  await page.screenshot({ path: testInfo.outputPath('port-chooser.png') });
  await page.keyboard.press('Enter');

  const preview = page.getByRole('dialog', { name: `Allow ${FRONTEND} → ${DB} on TCP 5432` });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Add ingress rule 2 to shop/allow-db-from-api: allow frontend → db on TCP 5432.');
  await expect(preview.getByTestId('change-preview-diff')).toContainText(`${FRONTEND} → ${DB}: TCP 5432`);
  await page.screenshot({ path: testInfo.outputPath('preview.png') });
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(preview).toHaveCount(0);
  await expect(edge).toBeVisible();
  await expect(page.locator('.cm-content')).toContainText('app: frontend');
  await page.screenshot({ path: testInfo.outputPath('applied.png') });

  const history = page.getByRole('group', { name: 'History' });
  await history.getByRole('button', { name: 'Undo' }).click();
  await expect(edge).toHaveCount(0);
  await expect(page.getByTestId(`rf__edge-shop/api[Deployment]=>${DB}`)).toBeVisible();
  await history.getByRole('button', { name: 'Redo' }).click();
  await expect(edge).toBeVisible();
  await expect(history.getByRole('button', { name: 'Redo' })).toBeDisabled();

  await page.getByTestId(`rf__node-${DB}`).getByText('db', { exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(edge).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(edge).toBeVisible();
});
